// The plan as plain text for terminals and logs: per cluster its problems, the `+`/`~`/`-` lines,
// what is left alone, eksctl's task tree and the counts; then one closing "Plan:" line.

import {
  countChanges,
  countClusterChanges,
  planErrorCount,
  type ChangeCounts,
} from '../plan/counts.js';
import type { NotManaged } from '../config/model.js';
import { logLine } from '../lib/log-line.js';
import type { Plan } from '../plan/model.js';
import { formatProblem } from './problems.js';
import { taskLines } from './task-lines.js';
import { renderTaskTree } from './task-tree.js';

export function countsLine(c: ChangeCounts): string {
  return `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.adopt} to adopt`;
}

/** One line naming the fields the plan did not act on, with their lines in the file. */
export function notManagedLine(items: readonly NotManaged[]): string {
  const fields = items.map((n) => `${n.path} (line ${n.line})`).join(', ');
  return `not managed by podid-action: ${fields}`;
}

export function renderPlanText(plan: Plan): string {
  const out: string[] = [];
  for (const cluster of plan.clusters) {
    // The file name is anyone's choice (names and regions are validated): one line, whatever it holds.
    out.push(`cluster "${cluster.cluster}" (${cluster.region}) from ${logLine(cluster.file)}`);
    for (const p of [...cluster.errors, ...cluster.warnings]) out.push(`  ${formatProblem(p)}`);
    for (const task of cluster.tasks) out.push(...taskLines(task).map((l) => `  ${l}`));
    for (const u of cluster.unmanaged) {
      out.push(`  = ${u.namespace}/${u.serviceAccount} (${u.associationId}): ${u.reason}`);
    }
    for (const u of cluster.unmanagedAddons) out.push(`  = addon ${u.addonName}: ${u.reason}`);
    if (cluster.tasks.length > 0)
      out.push(renderTaskTree(cluster, { planMode: true }).replace(/^\n/, ''));
    // Only a plan that can be applied has a fingerprint worth reviewing.
    const fingerprint = cluster.errors.length === 0 ? `; fingerprint ${cluster.fingerprint}` : '';
    out.push(
      `  ${countsLine(countClusterChanges(cluster))}, ${cluster.unchanged} unchanged${fingerprint}`,
    );
    if (cluster.notManaged.length > 0) out.push(`  ${notManagedLine(cluster.notManaged)}`);
    out.push('');
  }
  const errors = planErrorCount(plan);
  out.push(`Plan: ${countsLine(countChanges(plan))}${errors > 0 ? `; ${errors} error(s)` : ''}.`);
  return `${out.join('\n')}\n`;
}

/** One line per cluster with changes, for a drift report. */
export function driftLines(plan: Plan): string[] {
  return plan.clusters
    .filter((c) => c.tasks.length > 0)
    .map((c) => `cluster ${c.cluster} (${c.region}): ${countsLine(countClusterChanges(c))}`);
}
