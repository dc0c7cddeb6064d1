// `npx tsx bench/action-startup.ts [--runs N] [--action dist/index.js]`: size of the action bundle
// and the start-up time of `node dist/index.js` up to its first API call (the emulator's call log
// stamps each call), plus the whole plan run, for two configs run alternately: one that needs no
// Kubernetes call, and one with a `createServiceAccount` entry (the Kubernetes client is loaded only
// for it: the time to its first Kubernetes call shows that cost). Not a test: numbers, not
// assertions. Build first with `npm run bundle`.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, action: { type: 'string' } },
});
const RUNS = Number(values.runs);
const ROOT = resolve(import.meta.dirname, '..');
const ACTION = resolve(values.action ?? join(ROOT, 'dist', 'index.js'));
const KEY = { accessKeyId: 'AKIABENCHSTARTUP0001', secretAccessKey: 'secret' };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[]): string =>
  xs.length === 0
    ? 'n/a'
    : `median ${median(xs)} ms (min ${Math.min(...xs)}, max ${Math.max(...xs)})`;

const CONFIGS = {
  'no Kubernetes': `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  podIdentityAssociations:
    - {namespace: apps, serviceAccountName: web, roleARN: "arn:aws:iam::111122223333:role/app"}
`,
  createServiceAccount: `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  podIdentityAssociations:
    - {namespace: apps, serviceAccountName: web, roleARN: "arn:aws:iam::111122223333:role/app", createServiceAccount: true}
`,
};

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  await fetch(`${emulator.url}/_emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      credentials: [KEY],
      roles: [
        {
          roleName: 'app',
          assumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'pods.eks.amazonaws.com' },
                Action: ['sts:AssumeRole', 'sts:TagSession'],
              },
            ],
          },
        },
      ],
      clusters: [
        {
          name: 'prod',
          region: 'us-west-2',
          version: '1.32',
          addons: [{ name: 'eks-pod-identity-agent' }],
        },
      ],
    }),
  });
  const results = Object.fromEntries(
    Object.keys(CONFIGS).map((k) => [
      k,
      { toFirstCall: [] as number[], toKubernetes: [] as number[], total: [] as number[] },
    ]),
  );
  for (let i = 0; i < RUNS; i++) {
    for (const [name, config] of Object.entries(CONFIGS)) {
      const dir = mkdtempSync(join(tmpdir(), 'podid-startup-'));
      mkdirSync(join(dir, 'w'));
      writeFileSync(join(dir, 'w', 'prod.eksctl.yaml'), config);
      writeFileSync(
        join(dir, 'event.json'),
        JSON.stringify({ repository: { default_branch: 'main' } }),
      );
      for (const f of ['out', 'summary']) writeFileSync(join(dir, f), '');
      const seen = emulator.calls.list().at(-1)?.seq ?? 0;
      const started = Date.now();
      const child = spawn(process.execPath, [ACTION], {
        cwd: join(dir, 'w'),
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
          GITHUB_WORKSPACE: join(dir, 'w'),
          RUNNER_TEMP: dir,
          AWS_ENDPOINT_URL: emulator.url,
          AWS_REGION: 'us-west-2',
          AWS_ACCESS_KEY_ID: KEY.accessKeyId,
          AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
        },
      });
      await new Promise((r) => child.once('close', r));
      const r = results[name];
      r.total.push(Date.now() - started);
      const calls = emulator.calls.list(seen);
      if (calls[0]) r.toFirstCall.push(Date.parse(calls[0].time) - started);
      const kube = calls.find((c) => c.service === 'kubernetes');
      if (kube) r.toKubernetes.push(Date.parse(kube.time) - started);
    }
  }
  await emulator.close();
  const size = statSync(ACTION).size;
  console.log(`${ACTION}: ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)`);
  console.log(`runs: ${RUNS} of each config, alternating; node ${process.version}`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`[${name}]`);
    console.log(`  start-up to first API call: ${stats(r.toFirstCall)}`);
    if (r.toKubernetes.length > 0)
      console.log(`  start-up to first Kubernetes call: ${stats(r.toKubernetes)}`);
    console.log(`  whole plan run: ${stats(r.total)}`);
  }
}

await main();
