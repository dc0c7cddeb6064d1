// `npx tsx bench/action-startup.ts [--runs N]`: size of dist/index.js and the start-up time of
// `node dist/index.js` up to its first API call (the emulator's call log stamps each call), plus the
// whole plan run. Not a test: numbers, not assertions. Build first with `npm run bundle`.

import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const RUNS = Number(values.runs);
const ROOT = resolve(import.meta.dirname, '..');
const ACTION = join(ROOT, 'dist', 'index.js');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'podid-startup-'));
  writeFileSync(
    join(dir, 'prod.eksctl.yaml'),
    'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: us-west-2\n',
  );
  writeFileSync(
    join(dir, 'event.json'),
    JSON.stringify({ repository: { default_branch: 'main' } }),
  );
  const toFirstCall: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const seen = emulator.calls.list().at(-1)?.seq ?? 0;
    for (const f of ['out', 'summary']) writeFileSync(join(dir, f), '');
    const started = Date.now();
    const child = spawn(process.execPath, [ACTION], {
      cwd: dir,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        INPUT_MODE: 'plan',
        INPUT_CONFIG: '*.eksctl.yaml',
        'INPUT_GITHUB-TOKEN': '',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        GITHUB_REPOSITORY: 'example-org/infra',
        GITHUB_RUN_ID: String(i),
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: dir,
        AWS_ENDPOINT_URL: emulator.url,
        AWS_REGION: 'us-west-2',
        AWS_ACCESS_KEY_ID: 'AKIABENCHSTARTUP0001',
        AWS_SECRET_ACCESS_KEY: 'secret',
      },
    });
    await new Promise((r) => child.once('close', r));
    total.push(Date.now() - started);
    const first = emulator.calls.list(seen)[0];
    if (first) toFirstCall.push(Date.parse(first.time) - started);
  }
  await emulator.close();
  const size = statSync(ACTION).size;
  console.log(`dist/index.js: ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)`);
  console.log(`runs: ${RUNS}, node ${process.version}`);
  console.log(
    `start-up to first API call: median ${median(toFirstCall)} ms (min ${Math.min(...toFirstCall)}, max ${Math.max(...toFirstCall)})`,
  );
  console.log(`whole plan run (1 cluster, missing): median ${median(total)} ms`);
}

await main();
