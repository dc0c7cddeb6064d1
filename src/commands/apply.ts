// `podid apply`: plan, print the plan, carry it out, print what happened.

import { Engine } from '../engine/engine.js';
import { hasChanges, planErrorCount } from '../plan/counts.js';
import { failedTasks } from '../plan/results.js';
import { renderResultsText } from '../render/apply-results.js';
import { renderPlanText } from '../render/plan-text.js';
import { loadDesired, log } from './desired.js';
import { printOut } from './output.js';
import type { PlanCommandOptions } from './plan.js';

export type ApplyCommandOptions = Omit<PlanCommandOptions, 'output' | 'detailedExitCode'>;

export async function applyCommand(options: ApplyCommandOptions): Promise<number> {
  const state = await loadDesired(options.patterns, options.cluster);
  if (!state) return 1;
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const plan = await engine.plan(state, { ...options.plan, kubernetesAccess: 'required' });
    printOut(renderPlanText(plan));
    if (!hasChanges(plan)) {
      printOut('Nothing to apply.\n');
      return planErrorCount(plan) > 0 ? 1 : 0;
    }
    const results = await engine.apply(plan);
    printOut(renderResultsText(results));
    const failures = failedTasks(results);
    const skippedClusters = plan.clusters.filter((c) => c.errors.length > 0 && c.tasks.length > 0);
    for (const c of skippedClusters) {
      printOut(`cluster "${c.cluster}" not applied: the plan has ${c.errors.length} error(s)\n`);
    }
    if (failures > 0 || planErrorCount(plan) > 0) {
      printOut(`Apply finished with ${failures} failed task(s); re-run to converge once fixed.\n`);
      return 1;
    }
    printOut('all tasks were completed successfully\n');
    return 0;
  } finally {
    engine.close();
  }
}
