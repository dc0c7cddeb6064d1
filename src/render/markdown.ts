// The plan as Markdown for the PR comment and the job summary. Every user-controlled string is
// escaped (escape.ts); values inside the diff block sit in a fence no value can close.

import type { Problem } from '../config/model.js';
import { countChanges, countClusterChanges, planErrorCount } from '../plan/counts.js';
import type { ClusterPlan, Plan } from '../plan/model.js';
import { clusterTableLines } from './cluster-table.js';
import { codeBlock, escapeMarkdown } from './escape.js';
import { countsLine } from './plan-text.js';
import { problemItem } from './problems.js';
import { taskLines } from './task-lines.js';

export interface MarkdownOptions {
  /** Heading of the document; default "podid plan". */
  title?: string;
  /** Open with the per-cluster table (default); false when the document around it already has it. */
  clusterTable?: boolean;
}

const problemLine = (p: Problem): string => problemItem(p, { withPath: true });

/** Only what the plan looked at is claimed to match; fields it does not manage are said to exist. */
export function noChangesSentence(cluster: ClusterPlan): string {
  return cluster.notManaged.length === 0
    ? 'No changes. The cluster matches the configuration.'
    : `No changes. Everything podid-action manages matches the configuration; ${cluster.notManaged.length} field(s) of the file are not managed by it.`;
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
    out.push(`${noChangesSentence(cluster)}`, '');
  }
  const leftAlone = [
    ...cluster.unmanaged.map(
      (u) =>
        `- ${escapeMarkdown(`${u.namespace}/${u.serviceAccount}`)} (${escapeMarkdown(u.associationId)}): ${escapeMarkdown(u.reason)}`,
    ),
    ...cluster.unmanagedAddons.map(
      (u) => `- addon ${escapeMarkdown(u.addonName)}: ${escapeMarkdown(u.reason)}`,
    ),
  ];
  if (leftAlone.length > 0) {
    out.push(
      `<details><summary>${leftAlone.length} resource(s) not in the config, left alone</summary>`,
      '',
      ...leftAlone,
      '',
      '</details>',
      '',
    );
  }
  if (cluster.notManaged.length > 0) {
    out.push(
      `<details><summary>${cluster.notManaged.length} field(s) of the file not managed by podid-action</summary>`,
      '',
      ...cluster.notManaged.map(
        (n) => `- ${escapeMarkdown(n.path)} (line ${n.line}): ${escapeMarkdown(n.reason)}`,
      ),
      '',
      '</details>',
      '',
    );
  }
  // Only a plan that can be applied has a fingerprint worth reviewing.
  if (cluster.errors.length === 0) out.push(`Fingerprint: \`${cluster.fingerprint}\``, '');
  return out;
}

export function renderMarkdown(plan: Plan, opts: MarkdownOptions = {}): string {
  const counts = countChanges(plan);
  const errors = planErrorCount(plan);
  const out = [`## ${escapeMarkdown(opts.title ?? 'podid plan')}`, ''];
  out.push(
    `**Plan:** ${countsLine(counts)} in ${plan.clusters.length} cluster(s)${errors > 0 ? `; ${errors} error(s)` : ''}.`,
    '',
  );
  if (opts.clusterTable !== false) out.push(...clusterTableLines(plan));
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
