// `podid apply`: plan, print the plan, carry it out, print what happened.

import { Engine } from '../engine/engine.js';
import { hasChanges } from '../plan/counts.js';
import { applyVerdict, renderResultsText } from '../render/apply-results.js';
import { ownerLine } from '../render/owner.js';
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
    printOut(`${ownerLine(options.owner, options.plan.takeOver)}\n`);
    printOut(renderPlanText(plan));
    const results = hasChanges(plan) ? await engine.apply(plan) : [];
    if (results.length > 0) printOut(renderResultsText(results));
    for (const c of plan.clusters.filter((c) => c.errors.length > 0)) {
      printOut(`cluster "${c.cluster}" not applied: the plan has ${c.errors.length} error(s)\n`);
    }
    const verdict = applyVerdict(plan, results);
    printOut(`${verdict.line}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    engine.close();
  }
}
