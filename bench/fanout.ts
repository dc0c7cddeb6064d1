// `npm run bench` (second part): the matrix fan-out flow with 4 legs, each leg a process of the
// bundle (dist/index.js: run `npm run bundle` first), against the emulator with AWS-like latencies:
// list → 4 plan legs at once → report → 4 apply legs at once, next to one job planning and applying
// the same 4 clusters. Wall times per stage (what a workflow waits for, runner start-up aside), the
// AWS calls, and the size of the report's comment. `--clusters N` spreads N clusters over the legs
// (a leg plans and applies a slice), to see the comment bind hundreds. Not a test: numbers, not
// assertions.

import { parseArgs } from 'node:util';
import { startTestEmulator } from '../__tests__/emulator/helpers.js';
import {
  actionJobs,
  isOurs,
  listComments,
  registerPull,
  type ActionRun,
  type PullRequestSpec,
} from '../__tests__/e2e/action-harness.js';
import { fanoutJobs, fanoutWorkspace } from '../__tests__/e2e/fanout-harness.js';
import { decodeHeader, visibleBody } from '../src/review/marker.js';

const { values } = parseArgs({
  options: {
    legs: { type: 'string', default: '4' },
    /** Clusters in all, spread over the legs (default: one per leg). */
    clusters: { type: 'string' },
    associations: { type: 'string', default: '10' },
    'time-scale': { type: 'string', default: '2' },
  },
});
// The SDK clients of the test emulator's helpers are constructed in this process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const LEGS = Number(values.legs);
const CLUSTERS = Number(values.clusters ?? values.legs);
const PER_CLUSTER = Number(values.associations);
const TIME_SCALE = Number(values['time-scale']);
/** Lines printed under the table. */
const notes: string[] = [];

const env = await startTestEmulator({ latencyProfile: 'realistic', timeScale: TIME_SCALE });
const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const lastSeq = async (): Promise<number> =>
  (await env.admin<{ seq: number }[]>('GET', 'calls')).at(-1)?.seq ?? 0;
const awsCalls = async (since: number): Promise<number> =>
  (await env.admin<{ service: string }[]>('GET', `calls?since=${since}`)).filter(
    (c) => c.service !== 'github',
  ).length;

/** Runs a stage, checking every process passed; its wall time and AWS calls. */
async function stage(
  name: string,
  work: () => Promise<ActionRun | ActionRun[]>,
): Promise<{ name: string; ms: number; calls: number; slowest: number }> {
  const since = await lastSeq();
  const started = performance.now();
  const runs = [await work()].flat();
  const ms = performance.now() - started;
  for (const run of runs) {
    if (run.code !== 0) throw new Error(`${name} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return {
    name,
    ms,
    calls: await awsCalls(since),
    slowest: Math.max(...runs.map((r) => r.durationMs)),
  };
}

async function flow(kind: 'fan-out' | 'one job', pr: PullRequestSpec, mergeSha: string) {
  await env.reset();
  const workspace = await fanoutWorkspace(env, CLUSTERS, pr, PER_CLUSTER);
  const fan = fanoutJobs(env, pr, mergeSha);
  const jobs = actionJobs(env, pr, mergeSha);
  const merge = () => registerPull(env, { ...pr, mergeCommitSha: mergeSha, merged: true });
  if (kind === 'one job') {
    const plan = await stage('plan (one job)', () => jobs.planRun(workspace));
    await merge();
    const apply = await stage('apply (one job)', () => jobs.applyRun(workspace));
    return [plan, apply];
  }
  let names: string[] = [];
  const list = await stage('list', async () => {
    const started = performance.now();
    names = await fan.list(workspace);
    return { code: 0, durationMs: performance.now() - started } as ActionRun;
  });
  // Each leg takes a slice of the list job's clusters (its `clusters` input, one name a line).
  const size = Math.ceil(names.length / LEGS);
  const slices = Array.from({ length: LEGS }, (_, i) =>
    names.slice(i * size, (i + 1) * size).join('\n'),
  ).filter((s) => s !== '');
  let artifacts: string[] = [];
  const plan = await stage(`plan legs (${slices.length} at once)`, async () => {
    const legs = await fan.planLegs(workspace, slices);
    artifacts = legs.artifacts;
    return legs.runs;
  });
  const report = await stage('report', () => fan.report(workspace, fan.download(artifacts)));
  await describeComment(pr);
  await merge();
  const apply = await stage(`apply legs (${slices.length} at once)`, () =>
    fan.applyLegs(workspace, slices),
  );
  return [list, plan, report, apply];
}

/** The report's comment: its size, and how many clusters its header binds. */
async function describeComment(pr: PullRequestSpec): Promise<void> {
  const [comment] = (await listComments(env.url, pr.number)).filter(isOurs);
  const header = comment && decodeHeader(comment.body);
  if (!header) return;
  const headerBytes = Buffer.byteLength(comment.body.slice(0, comment.body.indexOf('\n')));
  notes.push(
    `report comment: ${Buffer.byteLength(comment.body)} bytes (${comment.body.length} characters; GitHub takes 65,536), header ${headerBytes} bytes binding ${header.reviewed.clusters.length} cluster(s) (${header.reviewed.omitted} left out, ${header.reviewed.tasks.length} with their task lists), visible ${Buffer.byteLength(visibleBody(comment.body))} bytes`,
  );
}

console.log(
  `podid bench, fan-out: ${CLUSTERS} clusters × ${PER_CLUSTER} associations in ${LEGS} legs, emulator profile "realistic" at time scale ${TIME_SCALE}; every job is a process of dist/index.js\n`,
);
const rows = [
  ...(await flow('fan-out', { number: 1, headSha: '1'.repeat(40) }, '2'.repeat(40))),
  ...(await flow('one job', { number: 3, headSha: '3'.repeat(40) }, '4'.repeat(40))),
];
await env.close();
console.log('| stage | wall time | slowest process | AWS calls |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.ms)} | ${fmt(r.slowest)} | ${r.calls} |`);
for (const note of notes) console.log(`\n${note}`);
