// Apply results and review differences as Markdown lines for the PR comment and the job summary.
// Failures are listed one by one (every one, DESIGN §7); successes are counted. Messages come from
// AWS and from config values, so they are escaped.

import type { ClusterApplyResult, TaskResult } from '../apply/executor.js';
import type { Problem } from '../config/model.js';
import { codeBlock, escapeMarkdown } from '../render/index.js';
import type { ReviewComparison } from './review.js';

/** Error texts are cut: enough to act on, never a whole API response. */
const MAX_MESSAGE = 300;

const short = (text: string): string =>
  text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;

function resultLine(r: TaskResult): string {
  const mark = r.status === 'failed' ? '✖ failed' : '↷ skipped';
  return `- ${mark}: ${escapeMarkdown(r.description)}${r.message ? ` — ${escapeMarkdown(short(r.message))}` : ''}`;
}

export function applyResultLines(results: readonly ClusterApplyResult[]): string[] {
  const out: string[] = [];
  for (const cluster of results) {
    const done = cluster.results.filter((r) => r.status === 'succeeded').length;
    const unchanged = cluster.results.filter((r) => r.status === 'unchanged').length;
    const problems = cluster.results.filter((r) => r.status === 'failed' || r.status === 'skipped');
    const mark = problems.length > 0 ? '❌' : '✅';
    out.push(
      `${mark} **${escapeMarkdown(cluster.cluster)}** (${escapeMarkdown(cluster.region)}): ` +
        `${done} done, ${unchanged} already as planned, ${cluster.failed} failed, ` +
        `${problems.length - cluster.failed} skipped`,
    );
    out.push(...problems.map(resultLine));
  }
  return out;
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    const hint = p.hint ? ` — hint: ${escapeMarkdown(p.hint)}` : '';
    return `- ${p.severity === 'error' ? '✖' : '⚠'} ${escapeMarkdown(where)}: ${escapeMarkdown(p.message)}${hint}`;
  });
}

/** Which clusters and tasks differ from the reviewed plan: plain lines, to be shown in a code fence. */
export function reviewDifferenceLines(review: ReviewComparison): string[] {
  const text: string[] = [];
  for (const c of review.clusters) {
    if (c.differences.length === 0) continue;
    text.push(`cluster ${c.cluster} (${c.region}): ${c.verdict}`);
    text.push(...c.differences.map((d) => `  ${d}`));
  }
  return text;
}

/** A fence no line of `lines` can close (longer than any backtick run in them). */
export function fenceFor(lines: readonly string[]): string {
  return codeBlock(lines.join('\n')).split('\n')[0];
}
