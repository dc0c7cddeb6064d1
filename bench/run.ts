// `npm run bench`: what plan and apply cost against the emulator with AWS-like latencies.
// N associations (half with their own role stack, half with a user role) in one cluster:
//   plan on an empty cluster, apply, then the steady-state plan (everything exists).
// Then 100 clusters of 10 associations each, planned in one run (the clusters are read in parallel
// under the one request limit). Reports wall time, API calls per operation, calls per association,
// peak RSS of the product process, and each plan against its bound (calls × mean latency /
// concurrency). Not a test: numbers, not assertions.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { latencyProfile } from '../emulator/core/latency.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    'time-scale': { type: 'string', default: '2' },
    /** `sizes` alone skips the critical path, add-on and 100-cluster runs (minutes). */
    parts: { type: 'string', default: 'sizes,critical,addons,fleet' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const TIME_SCALE = Number(values['time-scale']);
const PARTS = new Set(values.parts.split(','));
const CONCURRENCY = 10;
const ACCOUNT = '111122223333';
const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
};

interface ChildResult {
  planMs: number;
  applyMs: number;
  changes: number;
  errors: number;
  failed: number;
  maxRssMb: number;
}

interface Call {
  seq: number;
  service: string;
  operation: string;
  durationMs: number;
}

/**
 * Ten add-ons of every kind the planner handles: the agent, EKS's recommended roles, explicit own
 * roles, a user role, configuration values, and add-ons that need no IAM.
 */
const ADDONS = [
  { name: 'eks-pod-identity-agent' },
  { name: 'vpc-cni', useDefaultPodIdentityAssociations: true },
  { name: 'aws-ebs-csi-driver', useDefaultPodIdentityAssociations: true },
  { name: 'amazon-cloudwatch-observability', useDefaultPodIdentityAssociations: true },
  {
    name: 'aws-efs-csi-driver',
    podIdentityAssociations: [
      {
        namespace: 'kube-system',
        serviceAccountName: 'efs-csi-controller-sa',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy'],
      },
    ],
  },
  {
    name: 'adot',
    podIdentityAssociations: ['adot-col-otlp-ingest', 'adot-col-prom-metrics'].map((sa) => ({
      namespace: 'opentelemetry-operator-system',
      serviceAccountName: sa,
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy'],
    })),
  },
  {
    name: 'aws-mountpoint-s3-csi-driver',
    podIdentityAssociations: [
      {
        namespace: 'kube-system',
        serviceAccountName: 's3-csi-driver-sa',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/user-s3-csi`,
      },
    ],
  },
  { name: 'coredns', configurationValues: '{"replicaCount": 3}' },
  { name: 'kube-proxy' },
  { name: 'snapshot-controller' },
];

function config(
  n: number,
  ownShare: number,
  addons: unknown[] = [],
  clusters = ['bench'],
): { files: string[]; userRoles: string[] } {
  const entries: Record<string, unknown>[] = [];
  const userRoles: string[] = [];
  for (let i = 0; i < n; i++) {
    const sa = `svc-${String(i).padStart(4, '0')}`;
    if (i < n * ownShare) {
      entries.push({
        namespace: 'bench',
        serviceAccountName: sa,
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      });
    } else {
      userRoles.push(`user-${sa}`);
      entries.push({
        namespace: 'bench',
        serviceAccountName: sa,
        roleARN: `arn:aws:iam::${ACCOUNT}:role/user-${sa}`,
      });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'podid-bench-'));
  const files = clusters.map((name) => {
    const file = join(dir, `${name}.eksctl.yaml`);
    writeFileSync(
      file,
      stringify({
        apiVersion: 'eksctl.io/v1alpha5',
        kind: 'ClusterConfig',
        metadata: { name, region: 'us-west-2' },
        iam: { podIdentityAssociations: entries },
        ...(addons.length > 0 ? { addons } : {}),
      }),
    );
    return file;
  });
  return { files, userRoles: addons.length > 0 ? [...userRoles, 'user-s3-csi'] : userRoles };
}

async function seed(
  emulator: RunningEmulator,
  userRoles: string[],
  clusters = ['bench'],
): Promise<void> {
  await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
  const body = {
    roles: userRoles.map((roleName) => ({ roleName, assumeRolePolicyDocument: TRUST })),
    clusters: clusters.map((name) => ({
      name,
      region: 'us-west-2',
      version: '1.32',
      addons: [{ name: 'eks-pod-identity-agent' }],
    })),
  };
  const res = await fetch(`${emulator.url}/_emulator/seed`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`seed failed: ${await res.text()}`);
}

async function calls(emulator: RunningEmulator, since: number): Promise<Call[]> {
  const res = await fetch(`${emulator.url}/_emulator/calls?since=${since}`);
  return (await res.json()) as Call[];
}

async function engine(emulator: RunningEmulator, mode: 'plan' | 'apply', files: string[]) {
  const before = (await calls(emulator, 0)).at(-1)?.seq ?? 0;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/engine-run.ts', mode, ...files],
    {
      env: {
        PATH: process.env.PATH,
        HOME: tmpdir(),
        AWS_ENDPOINT_URL: emulator.url,
        AWS_ACCESS_KEY_ID: 'AKIABENCH0000000000',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_REGION: 'us-west-2',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
  const made = await calls(emulator, before);
  return { result, calls: made };
}

function byOperation(list: Call[]): string {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.operation, (counts.get(c.operation) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
}

const mean = (list: Call[]): number =>
  list.reduce((s, c) => s + c.durationMs, 0) / Math.max(1, list.length);
const fmt = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

const profile = latencyProfile('realistic');
const emulator = await startEmulator({
  port: 0,
  latencyProfile: 'realistic',
  timeScale: TIME_SCALE,
});
console.log(
  `podid bench: emulator latency profile "realistic" at time scale ${TIME_SCALE} ` +
    `(stack create ${fmt(profile.durations.stackCreate / TIME_SCALE)}, EKS call ${fmt((profile.callLatency.eks ?? 0) / TIME_SCALE)}), concurrency ${CONCURRENCY}\n`,
);
const rows: string[] = [];
for (const n of PARTS.has('sizes') ? SIZES : []) {
  const { files, userRoles } = config(n, 0.5);
  await seed(emulator, userRoles);
  const empty = await engine(emulator, 'plan', files);
  const apply = await engine(emulator, 'apply', files);
  const steady = await engine(emulator, 'plan', files);
  const planBound = (steady.calls.length * mean(steady.calls)) / CONCURRENCY;
  const perAssoc = steady.calls.length / n;
  rows.push(
    `| ${n} | ${fmt(empty.result.planMs)} (${empty.calls.length}) | ${fmt(apply.result.applyMs)} (${apply.calls.length - empty.calls.length}) ` +
      `| ${fmt(steady.result.planMs)} (${steady.calls.length}, ${perAssoc.toFixed(2)}/assoc) | ${fmt(planBound)} (${(steady.result.planMs / planBound).toFixed(2)}×) ` +
      `| ${Math.max(empty.result.maxRssMb, apply.result.maxRssMb, steady.result.maxRssMb).toFixed(0)} MB |`,
  );
  console.log(
    `N=${n}: apply ${apply.result.changes} changes, ${apply.result.failed} failed; steady plan ${steady.result.changes} changes`,
  );
  console.log(`  steady plan calls: ${byOperation(steady.calls)}`);
  console.log(`  apply calls: ${byOperation(apply.calls)}`);
}

const versusBound = (run: Awaited<ReturnType<typeof engine>>): string => {
  const bound = (run.calls.length * mean(run.calls)) / CONCURRENCY;
  return `${fmt(run.result.planMs)} (${run.calls.length} calls; bound ${fmt(bound)}, ${(run.result.planMs / bound).toFixed(2)}×)`;
};

/** Critical path: one own-role association (stack create + wait + association create) vs 100. */
async function criticalPath(): Promise<string[]> {
  const applyMs: number[] = [];
  for (const n of [1, 100]) {
    const { files, userRoles } = config(n, 1);
    await seed(emulator, userRoles);
    applyMs.push((await engine(emulator, 'apply', files)).result.applyMs);
  }
  return [
    `\nApply of new own-role associations: 1: ${fmt(applyMs[0])}; 100: ${fmt(applyMs[1])}; ` +
      `ratio ${(applyMs[1] / applyMs[0]).toFixed(2)}× (target ≤ 1.5×)`,
  ];
}

/** The steady-state plan of 100 associations with and without ten add-ons: what the add-ons cost. */
async function addons(): Promise<string[]> {
  const withoutAddons = config(100, 0.5);
  await seed(emulator, withoutAddons.userRoles);
  await engine(emulator, 'apply', withoutAddons.files);
  const baseline = await engine(emulator, 'plan', withoutAddons.files);
  const withAddons = config(100, 0.5, ADDONS);
  await seed(emulator, withAddons.userRoles);
  const addonApply = await engine(emulator, 'apply', withAddons.files);
  const addonSteady = await engine(emulator, 'plan', withAddons.files);
  const addonCalls = addonSteady.calls.length - baseline.calls.length;
  return [
    `\n${ADDONS.length} add-ons + 100 associations: apply ${fmt(addonApply.result.applyMs)} ` +
      `(${addonApply.result.changes} changes, ${addonApply.result.failed} failed); steady plan ` +
      `${fmt(addonSteady.result.planMs)}, ${addonSteady.result.changes} changes, ${addonSteady.calls.length} calls ` +
      `against ${baseline.calls.length} without the add-ons: ${addonCalls} for the add-ons, ` +
      `${(addonCalls / ADDONS.length).toFixed(1)} per add-on`,
    `  steady plan calls: ${byOperation(addonSteady.calls)}`,
  ];
}

/** Scale: 100 clusters of 10 associations each, planned in one run. */
async function fleet(): Promise<string[]> {
  const CLUSTERS = Array.from({ length: 100 }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
  const fleet = config(10, 0.5, [], CLUSTERS);
  await seed(emulator, fleet.userRoles, CLUSTERS);
  const empty = await engine(emulator, 'plan', fleet.files);
  const apply = await engine(emulator, 'apply', fleet.files);
  const steady = await engine(emulator, 'plan', fleet.files);
  return [
    `\n${CLUSTERS.length} clusters × 10 associations in one run: plan, empty clusters ${versusBound(empty)}; ` +
      `apply ${fmt(apply.result.applyMs)} (${apply.result.changes} changes, ${apply.result.failed} failed); ` +
      `plan, steady state ${versusBound(steady)}; peak RSS ` +
      `${Math.max(empty.result.maxRssMb, apply.result.maxRssMb, steady.result.maxRssMb).toFixed(0)} MB`,
    `  steady plan calls: ${byOperation(steady.calls)}`,
  ];
}

const sections = [
  ...(PARTS.has('critical') ? await criticalPath() : []),
  ...(PARTS.has('addons') ? await addons() : []),
  ...(PARTS.has('fleet') ? await fleet() : []),
];
await emulator.close();

console.log(
  '\n| N | plan, empty cluster (calls) | apply (calls) | plan, steady state (calls) | calls × mean latency / concurrency | peak RSS |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
for (const line of sections) console.log(line);
