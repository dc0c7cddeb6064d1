// The job summary: everything, not budgeted like the comment: the full plan (render/markdown.ts),
// every apply result, every review difference, every config problem. GitHub drops a summary over
// 1 MiB, so it is cut at 1,000,000 bytes with a pointer to the plan JSON (and, in a fan-out's
// report, to the legs' plan files).

import { applyResultLines } from './apply-results.js';
import { truncateBytes } from './budget.js';
import { clusterTableLines } from './cluster-table.js';
import type { CommentView } from './comment.js';
import { codeBlock, escapeMarkdown } from './escape.js';
import { renderMarkdown } from './markdown.js';
import { problemItem } from './problems.js';
import { reviewDifferenceLines } from './review.js';

export const SUMMARY_BUDGET_BYTES = 1_000_000;

const HEADINGS: Record<CommentView['status'], string> = {
  planned: 'podid plan',
  'no-changes': 'podid plan: no changes',
  'plan-failed': 'podid plan: errors',
  'invalid-config': 'podid: invalid configuration',
  'plan-changed': 'podid apply refused: the plan changed since review',
  applied: 'podid apply: done',
  'apply-failed': 'podid apply: failed',
};

export function renderJobSummary(
  view: Omit<CommentView, 'key' | 'salt' | 'repo' | 'pr'>,
  planJsonPath?: string,
): string {
  const out: string[] = [`# ${escapeMarkdown(HEADINGS[view.status])}`, ''];
  for (const note of view.notes ?? []) out.push(escapeMarkdown(note), '');
  // Opens with the per-cluster table; the plan below then does not repeat it.
  if (view.plan) out.push(...clusterTableLines(view.plan));
  if (view.problems && view.problems.length > 0) {
    out.push(
      '## Configuration problems',
      '',
      ...view.problems.map((p) => problemItem(p, { severityIcon: true })),
      '',
    );
  }
  const differences = view.review ? reviewDifferenceLines(view.review) : [];
  if (differences.length > 0) {
    out.push('## What changed since the review', '', codeBlock(differences.join('\n'), 'diff'), '');
  }
  if (view.results && view.results.length > 0) {
    out.push('## Apply results', '', ...applyResultLines(view.results), '');
  }
  if (view.plan) out.push(renderMarkdown(view.plan, { title: 'Plan', clusterTable: false }));
  const text = `${out.join('\n').trimEnd()}\n`;
  const json = planJsonPath ? `the plan JSON (${planJsonPath}, output plan-json)` : 'the log';
  const where = view.planFiles ? `${json} and ${view.planFiles}` : json;
  return truncateBytes(
    text,
    SUMMARY_BUDGET_BYTES,
    (n) =>
      `… ${n} more line(s) cut (job summaries are limited to 1 MiB); the full plan is in ${where}`,
  );
}
