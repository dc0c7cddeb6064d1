// The per-cluster table that opens the PR comment and the job summary: one row per cluster with its
// region, what the plan creates, updates, deletes and adopts, and its errors. Long lists are cut to a
// fixed number of rows (the comment has a byte budget; the sections below name every cluster).

import { countClusterChanges } from '../plan/counts.js';
import type { Plan } from '../plan/model.js';
import { escapeMarkdown } from './escape.js';

/** Rows shown before "… and N more": 50 rows of the longest names stay under 12 KB. */
export const CLUSTER_TABLE_MAX_ROWS = 50;

const HEAD = [
  '| cluster | region | create | update | delete | adopt | errors |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
];

/** Escaped for a table cell (escapeMarkdown also escapes the `|` that would end the cell). */
const cell = escapeMarkdown;

export function clusterTableLines(plan: Plan, maxRows = CLUSTER_TABLE_MAX_ROWS): string[] {
  if (plan.clusters.length === 0) return [];
  const rows = plan.clusters.slice(0, maxRows).map((c) => {
    const n = countClusterChanges(c);
    const errors = c.errors.length > 0 ? `**${c.errors.length}**` : '0';
    return `| ${cell(c.cluster)} | ${cell(c.region)} | ${n.create} | ${n.update} | ${n.delete} | ${n.adopt} | ${errors} |`;
  });
  const more = plan.clusters.length - rows.length;
  const tail = more > 0 ? [`| … and ${more} more cluster(s) | | | | | | |`] : [];
  return [...HEAD, ...rows, ...tail, ''];
}
