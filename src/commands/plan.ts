// `podid plan`: config → live state → the plan, as text, Markdown or JSON.

import { Engine } from '../engine/engine.js';
import type { OwnerId, PlanOutput } from '../engine/options.js';
import { hasChanges, planErrorCount } from '../plan/counts.js';
import type { Plan, PlanOptions } from '../plan/model.js';
import { renderInvalidConfigJson, renderPlanJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { ownerLine } from '../render/owner.js';
import { renderPlanText } from '../render/plan-text.js';
import { loadDesired, log } from './desired.js';
import { printOut } from './output.js';

export interface PlanCommandOptions {
  patterns: string[];
  cluster?: string;
  output: PlanOutput;
  detailedExitCode: boolean;
  plan: PlanOptions;
  /** The owner id in force and where it came from: the first line of every plan. */
  owner: OwnerId;
  concurrency: number;
}

function render(plan: Plan, output: PlanOutput): string {
  if (output === 'json') return `${renderPlanJson(plan)}\n`;
  if (output === 'markdown') return `${renderMarkdown(plan)}\n`;
  return renderPlanText(plan);
}

export async function planCommand(options: PlanCommandOptions): Promise<number> {
  const state = await loadDesired(options.patterns, options.cluster, (problems) => {
    if (options.output === 'json') printOut(renderInvalidConfigJson(problems));
  });
  if (!state) return 1;
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    // Whoever plans usually applies: say now what they may not do in Kubernetes.
    const plan = await engine.plan(state, { ...options.plan, kubernetesAccess: 'advisory' });
    // Text opens with the owner line; JSON and Markdown stay as documented, the line goes to stderr.
    const owner = `${ownerLine(options.owner, options.plan.takeOver)}\n`;
    if (options.output === 'text') printOut(owner);
    else log(owner.trimEnd());
    printOut(render(plan, options.output));
    if (planErrorCount(plan) > 0) return 1;
    return options.detailedExitCode && hasChanges(plan) ? 2 : 0;
  } finally {
    engine.close();
  }
}
