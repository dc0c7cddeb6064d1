// `podid demo` (npm run demo): the main job end to end on the embedded emulator:
// start it with a seed, plan, apply, plan again (which must be empty).

import { join } from 'node:path';
import type { DesiredState } from '../config/model.js';
import { Engine } from '../engine/engine.js';
import { countChanges } from '../plan/counts.js';
import type { PlanOptions } from '../plan/model.js';
import { failedTasks } from '../plan/results.js';
import { renderResultsText } from '../render/apply-results.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPlanText } from '../render/plan-text.js';
import { loadDesired } from './desired.js';
import { checkoutRoot, startEmulatorProcess } from './emulator.js';
import { printOut } from './output.js';

const say = (text: string): void => {
  printOut(`${text}\n`);
};

export async function demoCommand(): Promise<number> {
  const root = checkoutRoot();
  // Paths in the plan read as they would in the repository: relative to its root.
  process.chdir(root);
  const { url, child } = await startEmulatorProcess([
    '--port',
    '0',
    '--seed',
    join('examples', 'demo', 'seed.yaml'),
    // AWS-like latencies and stack durations, 30× faster.
    '--latency-profile',
    'realistic',
    '--time-scale',
    '30',
  ]);
  // The SDK reaches the emulator through its standard endpoint setting, exactly as it reaches AWS.
  process.env.AWS_ENDPOINT_URL = url;
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIADEMODEMODEMO0000';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'demo-secret';
  say(`emulator: ${url} (seed examples/demo/seed.yaml)\n`);
  const engine = new Engine({ concurrency: 10, log: (line) => say(`  ${line}`) });
  try {
    const state = await loadDesired(['examples/*.eksctl.yaml']);
    if (!state) return 1;
    const options: PlanOptions = { prune: 'managed', ownerId: 'example-org/infra', salt: 'demo' };
    return await run(engine, state, options);
  } finally {
    engine.close();
    child.kill('SIGTERM');
  }
}

async function run(engine: Engine, state: DesiredState, options: PlanOptions): Promise<number> {
  say('── 1. plan (as posted on the pull request) ──\n');
  const plan = await engine.plan(state, options);
  say(renderMarkdown(plan, { title: 'podid plan' }));
  say('── 2. apply (on merge) ──\n');
  say(renderPlanText(plan));
  const started = Date.now();
  const results = await engine.apply(plan);
  say(renderResultsText(results));
  say(`applied in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  say('── 3. plan again: nothing left to do ──\n');
  const after = await engine.plan(state, options);
  say(renderMarkdown(after, { title: 'podid plan after apply' }));
  const failed = failedTasks(results);
  const remaining = countChanges(after).total;
  if (failed > 0 || remaining > 0) {
    say(`demo failed: ${failed} failed task(s), ${remaining} change(s) left after apply`);
    return 1;
  }
  const notManaged = after.clusters.reduce((n, c) => n + c.notManaged.length, 0);
  say(
    notManaged === 0
      ? 'demo succeeded: the clusters match the configuration.'
      : `demo succeeded: everything podid-action manages matches the configuration (${notManaged} field(s) of the files are not managed by it; each plan lists them).`,
  );
  return 0;
}
