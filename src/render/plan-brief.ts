// The plan in brief, for a terminal tour (podid demo): a per-cluster table, then one line per task
// (its sign and eksctl's wording) and each error; no values, no Markdown. `podid plan` prints the
// full plan, with every reviewed value.

import { countClusterChanges } from '../plan/counts.js';
import type { Plan } from '../plan/model.js';
import { formatProblem } from './problems.js';
import { taskLines } from './task-lines.js';

const HEADERS = ['cluster', 'region', 'create', 'update', 'delete', 'adopt', 'errors'];

/** A plain-text table, columns padded to their widest cell. */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

export function clusterTableText(plan: Plan): string[] {
  const rows = plan.clusters.map((c) => {
    const n = countClusterChanges(c);
    return [c.cluster, c.region, n.create, n.update, n.delete, n.adopt, c.errors.length].map(
      String,
    );
  });
  return textTable([HEADERS, ...rows]);
}

export function renderPlanBrief(plan: Plan): string {
  const out = clusterTableText(plan);
  for (const c of plan.clusters) {
    out.push('', `${c.cluster} (${c.region}), from ${c.file}:`);
    for (const p of c.errors) out.push(`  ${formatProblem(p)}`);
    for (const t of c.tasks) out.push(`  ${taskLines(t)[0]}`);
    if (c.tasks.length === 0 && c.errors.length === 0) out.push('  no changes');
  }
  return `${out.join('\n')}\n`;
}
