// The plan as Markdown for the PR comment and the job summary. Every user-controlled string is
// escaped (escape.ts); values inside the diff block sit in a fence no value can close.

import type { Problem } from '../config/model.js';
import type { ClusterPlan, Plan } from '../plan/model.js';
import type { ChangeCounts } from './counts.js';
import { countChanges, countClusterChanges } from './counts.js';
import { codeBlock, escapeMarkdown } from './escape.js';
import { taskLines } from './task-lines.js';

export interface MarkdownOptions {
  /** Heading of the document; default "podid plan". */
  title?: string;
}

export function countsLine(c: ChangeCounts): string {
  return `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.adopt} to adopt`;
}

function problemLine(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const path = p.path ? ` (${p.path})` : '';
  const hint = p.hint ? ` — hint: ${escapeMarkdown(p.hint)}` : '';
  return `- ${escapeMarkdown(where + path)}: ${escapeMarkdown(p.message)}${hint}`;
}

function clusterSection(cluster: ClusterPlan): string[] {
  const counts = countClusterChanges(cluster);
  const out = [
    `### Cluster ${escapeMarkdown(cluster.cluster)} (${escapeMarkdown(cluster.region)})`,
    '',
    `File ${escapeMarkdown(cluster.file)} · ${countsLine(counts)} · ${cluster.unchanged} unchanged`,
    '',
  ];
  if (cluster.errors.length > 0) {
    out.push(`**Errors** (nothing in this cluster can be applied until they are fixed):`, '');
    out.push(...cluster.errors.map(problemLine), '');
  }
  if (cluster.warnings.length > 0)
    out.push('**Warnings**', '', ...cluster.warnings.map(problemLine), '');
  if (cluster.tasks.length > 0) {
    out.push(codeBlock(cluster.tasks.flatMap(taskLines).join('\n'), 'diff'), '');
  } else if (cluster.errors.length === 0) {
    out.push('No changes. The cluster matches the configuration.', '');
  }
  if (cluster.unmanaged.length > 0) {
    out.push(
      `<details><summary>${cluster.unmanaged.length} association(s) not in the config, left alone</summary>`,
      '',
      ...cluster.unmanaged.map(
        (u) =>
          `- ${escapeMarkdown(`${u.namespace}/${u.serviceAccount}`)} (${escapeMarkdown(u.associationId)}): ${escapeMarkdown(u.reason)}`,
      ),
      '',
      '</details>',
      '',
    );
  }
  out.push(`Fingerprint: \`${cluster.fingerprint}\``, '');
  return out;
}

export function renderMarkdown(plan: Plan, opts: MarkdownOptions = {}): string {
  const counts = countChanges(plan);
  const errors = plan.clusters.reduce((n, c) => n + c.errors.length, 0);
  const out = [`## ${escapeMarkdown(opts.title ?? 'podid plan')}`, ''];
  out.push(
    `**Plan:** ${countsLine(counts)} in ${plan.clusters.length} cluster(s)${errors > 0 ? `; ${errors} error(s)` : ''}.`,
    '',
  );
  const perCluster = plan.clusters
    .filter((c) => c.tasks.length > 0)
    .map((c) => `- ${escapeMarkdown(c.cluster)}: ${countsLine(countClusterChanges(c))}`);
  if (plan.clusters.length > 1 && perCluster.length > 0) out.push(...perCluster, '');
  if (counts.delete > 0) {
    out.push(
      '> [!WARNING]',
      `> This plan **deletes** ${counts.delete} resource(s) (lines starting with \`-\`). Review them before merging.`,
      '',
    );
  }
  for (const cluster of plan.clusters) out.push(...clusterSection(cluster));
  return `${out.join('\n').trimEnd()}\n`;
}
