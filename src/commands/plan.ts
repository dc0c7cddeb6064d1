// `podid plan` and `podid apply`: config → live state → plan (→ apply).

import { formatProblem, loadConfigFiles } from '../config/index.js';
import type { DesiredState } from '../config/model.js';
import { Engine } from '../engine/index.js';
import type { ClusterApplyResult } from '../apply/executor.js';
import type { Plan, PlanOptions } from '../plan/model.js';
import {
  countChanges,
  countClusterChanges,
  countsLine,
  renderMarkdown,
  renderPlanJson,
  renderTaskTree,
  taskLines,
} from '../render/index.js';
import { UsageError } from './args.js';

export interface PlanCommandOptions {
  patterns: string[];
  cluster?: string;
  output: 'text' | 'markdown' | 'json';
  detailedExitCode: boolean;
  plan: PlanOptions;
  concurrency: number;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Loads and validates; prints every problem. Undefined when anything is wrong (nothing touches AWS). */
export async function loadDesired(
  patterns: string[],
  cluster?: string,
): Promise<DesiredState | undefined> {
  const result = await loadConfigFiles(patterns);
  for (const problem of result.problems) log(formatProblem(problem));
  if (!result.state) return undefined;
  if (!cluster) return result.state;
  const clusters = result.state.clusters.filter((c) => c.name === cluster);
  if (clusters.length === 0) {
    const known = result.state.clusters.map((c) => c.name).join(', ');
    throw new UsageError(
      `no config file declares cluster "${cluster}" (found: ${known || 'none'})`,
    );
  }
  return { clusters };
}

export function renderPlanText(plan: Plan): string {
  const out: string[] = [];
  for (const cluster of plan.clusters) {
    out.push(`cluster "${cluster.cluster}" (${cluster.region}) from ${cluster.file}`);
    for (const p of [...cluster.errors, ...cluster.warnings]) out.push(`  ${formatProblem(p)}`);
    for (const task of cluster.tasks) out.push(...taskLines(task).map((l) => `  ${l}`));
    for (const u of cluster.unmanaged) {
      out.push(`  = ${u.namespace}/${u.serviceAccount} (${u.associationId}): ${u.reason}`);
    }
    if (cluster.tasks.length > 0)
      out.push(renderTaskTree(cluster, { planMode: true }).replace(/^\n/, ''));
    out.push(
      `  ${countsLine(countClusterChanges(cluster))}, ${cluster.unchanged} unchanged; fingerprint ${cluster.fingerprint}`,
      '',
    );
  }
  const errors = plan.clusters.reduce((n, c) => n + c.errors.length, 0);
  out.push(`Plan: ${countsLine(countChanges(plan))}${errors > 0 ? `; ${errors} error(s)` : ''}.`);
  return `${out.join('\n')}\n`;
}

function print(plan: Plan, output: PlanCommandOptions['output']): void {
  const text =
    output === 'json'
      ? `${renderPlanJson(plan)}\n`
      : output === 'markdown'
        ? `${renderMarkdown(plan)}\n`
        : renderPlanText(plan);
  process.stdout.write(text);
}

const planErrors = (plan: Plan): number => plan.clusters.reduce((n, c) => n + c.errors.length, 0);

export async function planCommand(options: PlanCommandOptions): Promise<number> {
  const state = await loadDesired(options.patterns, options.cluster);
  if (!state) return 1;
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const plan = await engine.plan(state, options.plan);
    print(plan, options.output);
    if (planErrors(plan) > 0) return 1;
    return options.detailedExitCode && countChanges(plan).total > 0 ? 2 : 0;
  } finally {
    engine.close();
  }
}

export function renderResults(results: ClusterApplyResult[]): string {
  const out: string[] = [];
  for (const cluster of results) {
    const failed = cluster.results.filter((r) => r.status === 'failed' || r.status === 'skipped');
    const done = cluster.results.length - failed.length;
    out.push(`cluster "${cluster.cluster}": ${done} of ${cluster.results.length} task(s) done`);
    for (const r of failed) out.push(`  ✖ ${r.description}: ${r.message ?? r.status}`);
  }
  return `${out.join('\n')}\n`;
}

export async function applyCommand(
  options: Omit<PlanCommandOptions, 'output' | 'detailedExitCode'>,
): Promise<number> {
  const state = await loadDesired(options.patterns, options.cluster);
  if (!state) return 1;
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const plan = await engine.plan(state, options.plan);
    process.stdout.write(renderPlanText(plan));
    if (countChanges(plan).total === 0) {
      process.stdout.write('Nothing to apply.\n');
      return planErrors(plan) > 0 ? 1 : 0;
    }
    const results = await engine.apply(plan);
    process.stdout.write(renderResults(results));
    const failures = results.reduce((n, r) => n + r.failed, 0);
    const skippedClusters = plan.clusters.filter((c) => c.errors.length > 0 && c.tasks.length > 0);
    for (const c of skippedClusters) {
      process.stdout.write(
        `cluster "${c.cluster}" not applied: the plan has ${c.errors.length} error(s)\n`,
      );
    }
    if (failures > 0 || planErrors(plan) > 0) {
      process.stdout.write(
        `Apply finished with ${failures} failed task(s); re-run to converge once fixed.\n`,
      );
      return 1;
    }
    process.stdout.write('all tasks were completed successfully\n');
    return 0;
  } finally {
    engine.close();
  }
}
