// `npm run emulator -- --port 4566 [--seed FILE] [--latency-profile none|realistic] [--time-scale N]`
import { parseArgs } from 'node:util';
import { startEmulator } from './server.js';
import type { LatencyProfileName } from './core/latency.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    seed: { type: 'string' },
    'latency-profile': { type: 'string', default: 'none' },
    'time-scale': { type: 'string', default: '1' },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  seedFile: values.seed,
  latencyProfile: values['latency-profile'] as LatencyProfileName,
  timeScale: Number(values['time-scale']),
});
console.log(`listening on ${emulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
