// `npm run emulator -- --port 4566 [--kubernetes-port 0] [--seed FILE] [--latency-profile none|realistic] [--time-scale N]
//                      [--account 111122223333] [--region us-west-2]`
import { parseArgs } from 'node:util';
import { startEmulator } from './server.js';
import type { LatencyProfileName } from './core/latency.js';

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      'kubernetes-port': { type: 'string', default: '0' },
      seed: { type: 'string' },
      'latency-profile': { type: 'string', default: 'none' },
      'time-scale': { type: 'string', default: '1' },
      account: { type: 'string', default: '111122223333' },
      region: { type: 'string', default: 'us-west-2' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0-65535; got "${values.port}"`);
  }
  const kubernetesPort = Number(values['kubernetes-port']);
  if (!Number.isInteger(kubernetesPort) || kubernetesPort < 0 || kubernetesPort > 65535) {
    throw new Error(`--kubernetes-port must be 0-65535; got "${values['kubernetes-port']}"`);
  }
  const timeScale = Number(values['time-scale']);
  if (!(timeScale > 0))
    throw new Error(`--time-scale must be a positive number; got "${values['time-scale']}"`);
  if (!/^\d{12}$/.test(values.account))
    throw new Error(`--account must be 12 digits; got "${values.account}"`);
  return {
    port,
    kubernetesPort,
    seedFile: values.seed,
    latencyProfile: values['latency-profile'] as LatencyProfileName,
    timeScale,
    accountId: values.account,
    region: values.region,
  };
}

try {
  const emulator = await startEmulator(options());
  console.log(`listening on ${emulator.url}`);
  console.log(`kubernetes API on ${emulator.kubernetesUrl}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  // Started by `podid demo` / `podid emulator`: leave with the parent, even if it was killed.
  if (process.channel) {
    process.on('disconnect', stop);
    process.channel.unref();
  }
} catch (error) {
  // Bad flags, an unreadable seed, a port in use: one line, no stack trace.
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
