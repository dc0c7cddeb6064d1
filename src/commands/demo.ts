// `podid demo` (npm run demo): a short tour of the main job on the embedded emulator, in titled
// steps: the plan a pull request would get, the apply a merge would run, the second plan that finds
// nothing to do, then what happened and where to go next. Plain text, under ~120 lines.

import { join } from 'node:path';
import type { DesiredState } from '../config/model.js';
import { Engine } from '../engine/engine.js';
import { countChanges } from '../plan/counts.js';
import type { PlanOptions } from '../plan/model.js';
import { failedTasks } from '../plan/results.js';
import { renderResultsText } from '../render/apply-results.js';
import { ownerLine } from '../render/owner.js';
import { clusterTableText, renderPlanBrief } from '../render/plan-brief.js';
import { countsLine } from '../render/plan-text.js';
import { loadDesired } from './desired.js';
import { checkoutRoot, startEmulatorProcess } from './emulator.js';
import { printOut } from './output.js';

const say = (text: string): void => {
  printOut(`${text}\n`);
};

const OWNER = 'example-org/infra';
const STEPS = 3;
const title = (n: number, text: string): void => say(`\n━━ Step ${n}/${STEPS} · ${text}\n`);

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
  // The demo's own keys, which the seed registers (the emulator verifies the Kubernetes token's
  // signature); a developer's real credentials or profile are never used, even locally.
  process.env.AWS_ACCESS_KEY_ID = 'AKIADEMODEMODEMO0000';
  process.env.AWS_SECRET_ACCESS_KEY = 'demo-secret';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  say('podid demo: pod identity GitOps, end to end, on a local AWS emulator');
  say(`emulator ${url}: two EKS clusters from examples/demo/seed.yaml, AWS timings 30× faster`);
  say(`config: examples/*.eksctl.yaml · ${ownerLine({ id: OWNER, source: 'the demo' })}`);
  // Failures and slow waits are worth a line; the routine "deploying …" chatter is not.
  const engine = new Engine({
    concurrency: 10,
    log: (line) => {
      if (/✖|waiting for/.test(line)) say(`  ${line}`);
    },
  });
  try {
    const state = await loadDesired(['examples/*.eksctl.yaml']);
    if (!state) return 1;
    return await run(engine, state, {
      prune: 'managed',
      ownerId: OWNER,
      salt: 'demo',
      kubernetesAccess: 'required',
    });
  } finally {
    engine.close();
    child.kill('SIGTERM');
  }
}

async function run(engine: Engine, state: DesiredState, options: PlanOptions): Promise<number> {
  title(1, 'plan: what the pull request comment shows');
  const plan = await engine.plan(state, options);
  say(renderPlanBrief(plan).trimEnd());
  say(`\nPlan: ${countsLine(countChanges(plan))}. (+ create, ~ update or adopt, - delete)`);

  title(2, 'apply: what the merge runs');
  const started = Date.now();
  const results = await engine.apply(plan);
  say(renderResultsText(results).trimEnd());
  say(`applied in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  title(3, 'plan again: the clusters now match the config');
  const after = await engine.plan(state, options);
  say(clusterTableText(after).join('\n'));
  const failed = failedTasks(results);
  const remaining = countChanges(after).total;
  if (failed > 0 || remaining > 0) {
    say(`\ndemo failed: ${failed} failed task(s), ${remaining} change(s) left after apply`);
    return 1;
  }
  whatHappened(plan.clusters.length, countChanges(plan).total);
  return 0;
}

function whatHappened(clusters: number, tasks: number): void {
  say(`
━━ What just happened
- podid read ${clusters} eksctl ClusterConfig files and the live state of their clusters, and planned
  ${tasks} changes: IAM role stacks (eksctl's templates and names), pod identity associations,
  add-ons, and a Kubernetes service account (createServiceAccount: made through the cluster's API
  with an EKS token, before its association). What already matched was adopted (tagged as ours);
  what the config does not name (a hand-made association) was left alone.
- The apply ran that plan in parallel, each association's stack before the association.
- The second plan is empty: re-running converges, and "no changes" is said only of what was compared.

━━ Where next
- The full plan with every value:  npm run emulator -- --port 4566 --seed examples/demo/seed.yaml
  then AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_ACCESS_KEY_ID=AKIADEMODEMODEMO0000 \\
  AWS_SECRET_ACCESS_KEY=demo-secret \\
  npm run podid -- plan -f 'examples/*.eksctl.yaml'
- On GitHub: examples/workflows/ (plan on pull requests, apply on merge, drift), docs/action.md
- Your own files: npm run podid -- validate -f 'clusters/*.yaml', then plan; more in README.md.`);
}
