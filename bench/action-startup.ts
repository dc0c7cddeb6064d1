// `npx tsx bench/action-startup.ts [--runs N] [--action dist/index.js] [--anchor FILE]`: this action's
// start-up side by side with the anchor's (aws-actions/configure-aws-credentials, the action most
// workflows run right before an AWS step; ../shared/bench/README.md), both started alternately in
// one run with the same environment and the same OIDC endpoint (the emulator's, whose call log
// stamps each request): time from spawn to the first network request (for both, the OIDC token
// fetch) and to the first AWS call (for both, AssumeRoleWithWebIdentity with that token), time to
// exit when an input is refused, and the peak RSS of each (/usr/bin/time). Also
// this action's time to its first Kubernetes call with a `createServiceAccount` entry (the
// Kubernetes client is loaded only for it). Not a test: numbers, not assertions. Build first with
// `npm run bundle`.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    action: { type: 'string' },
    anchor: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const ACTION = resolve(values.action ?? join(ROOT, 'dist', 'index.js'));
/** The anchor's bundle: --anchor, else ../shared/bench next to the checkout (or a worktree's). */
const ANCHOR = [
  values.anchor,
  join(ROOT, '..', 'shared', 'bench', 'configure-aws-credentials-v6.2.3.js'),
  join(ROOT, '..', '..', 'shared', 'bench', 'configure-aws-credentials-v6.2.3.js'),
]
  .filter((f): f is string => !!f && existsSync(f))
  .map((f) => resolve(f))[0];
const KEY = { accessKeyId: 'AKIABENCHSTARTUP0001', secretAccessKey: 'secret' };
const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/podid-drift`;
const SUB = 'repo:example-org/infra:ref:refs/heads/main';
const TIME = '/usr/bin/time';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[], unit = 'ms'): string =>
  xs.length === 0
    ? 'n/a'
    : `median ${median(xs)} ${unit} (min ${Math.min(...xs)}, max ${Math.max(...xs)})`;
const policy = (name: string): string =>
  readFileSync(join(ROOT, 'docs', 'policies', `${name}.json`), 'utf8');

const entry = (extra = ''): string => `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  podIdentityAssociations:
    - {namespace: apps, serviceAccountName: web, roleARN: "arn:aws:iam::${ACCOUNT}:role/app"${extra}}
`;

interface Case {
  name: string;
  script: string;
  config: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
}

interface Sample {
  toFirstCall?: number;
  toAssumeRole?: number;
  toKubernetes?: number;
  total: number;
  rssMiB?: number;
}

const anchorCase = (c: Pick<Case, 'inputs' | 'env'>): Case | undefined =>
  ANCHOR ? { name: 'anchor', script: ANCHOR, config: '', ...c } : undefined;

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const oidc = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${emulator.url}/_emulator/oidc/token?sub=${encodeURIComponent(SUB)}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
  };
  const keys = { AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey };
  const ours = { mode: 'plan', config: '*.eksctl.yaml', 'github-token': '' };
  // The runner passes an input's action.yml default when the workflow leaves it out: the anchor's
  // audience is `sts.amazonaws.com`, ours is built in.
  const anchor = {
    'role-to-assume': ROLE,
    'aws-region': 'us-west-2',
    audience: 'sts.amazonaws.com',
  };
  // Pairs run alternately: this action, then the anchor, with the same environment.
  const pairs: [string, Case, Case | undefined][] = [
    [
      'plan with role-to-assume (OIDC)',
      { name: 'ours', script: ACTION, config: entry(), inputs: { ...ours, ...anchor }, env: oidc },
      anchorCase({ inputs: anchor, env: oidc }),
    ],
    [
      'refused input',
      {
        name: 'ours',
        script: ACTION,
        config: entry(),
        inputs: { ...ours, ...anchor, concurrency: 'lots' },
        env: oidc,
      },
      anchorCase({ inputs: { ...anchor, 'aws-region': 'not a region!' }, env: oidc }),
    ],
    [
      'createServiceAccount (static keys)',
      {
        name: 'ours',
        script: ACTION,
        config: entry(', createServiceAccount: true'),
        inputs: ours,
        env: keys,
      },
      undefined,
    ],
  ];
  const seed = async (doc: unknown): Promise<void> => {
    const res = await fetch(`${emulator.url}/_emulator/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    if (!res.ok) throw new Error(`seed: ${await res.text()}`);
  };
  // The provider first: a role's trust policy names it.
  await seed({ oidcProviders: [{ url: 'token.actions.githubusercontent.com' }] });
  await seed({
    credentials: [KEY],
    roles: [
      {
        roleName: 'podid-drift',
        assumeRolePolicyDocument: policy('drift-role-trust-policy'),
        inlinePolicies: { 'podid-drift': policy('plan-role-policy') },
      },
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
  });
  const haveTime = existsSync(TIME);

  async function once(c: Case, i: number): Promise<Sample> {
    const dir = mkdtempSync(join(tmpdir(), 'podid-startup-'));
    mkdirSync(join(dir, 'w'));
    if (c.config) writeFileSync(join(dir, 'w', 'prod.eksctl.yaml'), c.config);
    writeFileSync(
      join(dir, 'event.json'),
      JSON.stringify({ repository: { default_branch: 'main' } }),
    );
    for (const f of ['out', 'summary', 'env', 'path', 'state']) writeFileSync(join(dir, f), '');
    const inputs = Object.fromEntries(
      Object.entries(c.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    );
    const seen = emulator.calls.list().at(-1)?.seq ?? 0;
    const rss = join(dir, 'rss');
    const [command, args] = haveTime
      ? [TIME, ['-f', '%M', '-o', rss, process.execPath, c.script]]
      : [process.execPath, [c.script]];
    const started = Date.now();
    const child = spawn(command, args, {
      cwd: join(dir, 'w'),
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        GITHUB_ENV: join(dir, 'env'),
        GITHUB_PATH: join(dir, 'path'),
        GITHUB_STATE: join(dir, 'state'),
        GITHUB_REPOSITORY: 'example-org/infra',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_RUN_ID: String(i),
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_WORKFLOW: 'drift',
        GITHUB_ACTION: 'podid',
        GITHUB_ACTOR: 'octocat',
        GITHUB_WORKSPACE: join(dir, 'w'),
        RUNNER_TEMP: dir,
        AWS_ENDPOINT_URL: emulator.url,
        AWS_REGION: 'us-west-2',
        ...c.env,
        ...inputs,
      },
    });
    await new Promise((r) => child.once('close', r));
    const total = Date.now() - started;
    const calls = emulator.calls.list(seen);
    const kube = calls.find((call) => call.service === 'kubernetes');
    const assume = calls.find((call) => call.operation === 'AssumeRoleWithWebIdentity');
    const kib = haveTime ? Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)) : NaN;
    return {
      total,
      ...(calls[0] ? { toFirstCall: Date.parse(calls[0].time) - started } : {}),
      ...(assume ? { toAssumeRole: Date.parse(assume.time) - started } : {}),
      ...(kube ? { toKubernetes: Date.parse(kube.time) - started } : {}),
      ...(Number.isFinite(kib) ? { rssMiB: Math.round(kib / 1024) } : {}),
    };
  }

  const samples = new Map<string, Sample[]>();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, ...cases] of pairs) {
      for (const c of cases) {
        if (!c) continue;
        const key = `${name}/${c.name}`;
        samples.set(key, [...(samples.get(key) ?? []), await once(c, i)]);
      }
    }
  }
  await emulator.close();

  const mib = (file: string): string => (statSync(file).size / 1024 / 1024).toFixed(2);
  console.log(`this action: ${ACTION} (${mib(ACTION)} MiB)`);
  console.log(`anchor: ${ANCHOR ? `${ANCHOR} (${mib(ANCHOR)} MiB)` : 'not found (--anchor)'}`);
  console.log(`runs: ${RUNS} of each, alternating; node ${process.version}`);
  const pick = (key: string, f: (s: Sample) => number | undefined): number[] =>
    (samples.get(key) ?? []).map(f).filter((x): x is number => x !== undefined);
  for (const [name, ...cases] of pairs) {
    console.log(`[${name}]`);
    const refused = name === 'refused input';
    const measure = (s: Sample) => (refused ? s.total : s.toFirstCall);
    for (const c of cases) {
      if (!c) continue;
      const key = `${name}/${c.name}`;
      console.log(`  ${c.name}:`);
      if (refused) console.log(`    start to exit: ${stats(pick(key, (s) => s.total))}`);
      else console.log(`    start to first network call: ${stats(pick(key, measure))}`);
      const assume = pick(key, (s) => s.toAssumeRole);
      if (assume.length > 0)
        console.log(`    start to AssumeRoleWithWebIdentity: ${stats(assume)}`);
      const kube = pick(key, (s) => s.toKubernetes);
      if (kube.length > 0) console.log(`    start to first Kubernetes call: ${stats(kube)}`);
      if (!refused) console.log(`    whole run: ${stats(pick(key, (s) => s.total))}`);
      console.log(
        `    peak RSS: ${stats(
          pick(key, (s) => s.rssMiB),
          'MiB',
        )}`,
      );
    }
    if (cases[1]) {
      const a = median(pick(`${name}/ours`, measure));
      const b = median(pick(`${name}/anchor`, measure));
      const ra = median(pick(`${name}/ours`, (s) => s.rssMiB));
      const rb = median(pick(`${name}/anchor`, (s) => s.rssMiB));
      const assumeA = median(pick(`${name}/ours`, (s) => s.toAssumeRole));
      const assumeB = median(pick(`${name}/anchor`, (s) => s.toAssumeRole));
      const toAssume =
        Number.isFinite(assumeA) && Number.isFinite(assumeB)
          ? `; to AssumeRoleWithWebIdentity ${(assumeA / assumeB).toFixed(2)} (${assumeA} ms / ${assumeB} ms)`
          : '';
      console.log(
        `  ratio ours/anchor: ${(a / b).toFixed(2)} (${a} ms / ${b} ms)${toAssume}; peak RSS ${ra} MiB / ${rb} MiB`,
      );
    }
  }
}

await main();
