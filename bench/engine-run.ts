// Child process of bench/run.ts: runs the product's engine (plan, or plan + apply) on config
// files against the emulator named by AWS_ENDPOINT_URL, and prints one JSON line with its timings
// and peak RSS. A separate process, so the RSS is the product's alone, not the emulator's.

import { loadConfigFiles } from '../src/config/load.js';
import { Engine } from '../src/engine/engine.js';
import { countChanges } from '../src/plan/counts.js';

const [mode, ...files] = process.argv.slice(2);
// Paths named on the command line, as the CLI reads them.
const loaded = await loadConfigFiles(files, { confine: 'cli' });
if (!loaded.state) throw new Error(`invalid bench config: ${JSON.stringify(loaded.problems[0])}`);
const engine = new Engine({ concurrency: 10, log: () => {} });
const options = { prune: 'managed' as const, ownerId: 'bench/owner', salt: 'bench' };
const t0 = performance.now();
const plan = await engine.plan(loaded.state, options);
const planMs = performance.now() - t0;
let applyMs = 0;
let failed = 0;
if (mode === 'apply') {
  const t1 = performance.now();
  const results = await engine.apply(plan);
  applyMs = performance.now() - t1;
  failed = results.reduce((n, r) => n + r.failed, 0);
}
engine.close();
const errors = plan.clusters.reduce((n, c) => n + c.errors.length, 0);
process.stdout.write(
  `${JSON.stringify({
    planMs,
    applyMs,
    changes: countChanges(plan).total,
    errors,
    failed,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
