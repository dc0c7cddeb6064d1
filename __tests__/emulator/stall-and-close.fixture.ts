// Run by core.test.ts in a child process: a request stalled for two minutes times out on the
// client, the emulator closes, and this process must then end by itself.

import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { startEmulator } from '../../emulator/server.js';

const emulator = await startEmulator({ seed: { clusters: [{ name: 'c1' }] } });
await fetch(`${emulator.url}/_emulator/faults`, {
  method: 'POST',
  body: JSON.stringify({ operation: 'ListClusters', latencyMs: 120_000, times: 1 }),
});
const client = new EKSClient({
  endpoint: emulator.url,
  region: 'us-west-2',
  credentials: { accessKeyId: 'AKIAEMULATORTEST0001', secretAccessKey: 'secret' },
  maxAttempts: 1,
  requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
});
const outcome = await client.send(new ListClustersCommand({})).then(
  () => 'answered',
  (error: Error) => error.name,
);
client.destroy();
const faults = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
  rules: { fired: number }[];
};
await emulator.close();
console.log(`${outcome} after ${faults.rules[0].fired} fired stall; closed`);
