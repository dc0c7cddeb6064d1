// Apply results as text (terminal, step failure message) and as Markdown lines (PR comment, job
// summary). Failures are listed one by one (every one, DESIGN §7); successes are counted. Messages
// come from AWS and from config values, so the Markdown escapes them.

import type { Plan } from '../plan/model.js';
import { failedTasks, type ClusterApplyResult, type TaskResult } from '../plan/results.js';
import { escapeMarkdown } from './escape.js';

/** Error texts are cut in Markdown: enough to act on, never a whole API response. */
const MAX_MESSAGE = 300;

const short = (text: string): string =>
  text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;

const unsuccessful = (r: TaskResult): boolean => r.status === 'failed' || r.status === 'skipped';

/** Per cluster "N of M task(s) done", then each failed or skipped task (CLI). */
export function renderResultsText(results: readonly ClusterApplyResult[]): string {
  const out: string[] = [];
  for (const cluster of results) {
    const failed = cluster.results.filter(unsuccessful);
    const done = cluster.results.length - failed.length;
    out.push(`cluster "${cluster.cluster}": ${done} of ${cluster.results.length} task(s) done`);
    for (const r of failed) out.push(`  ✖ ${r.description}: ${r.message ?? r.status}`);
  }
  return `${out.join('\n')}\n`;
}

/** Every failed or skipped task and every cluster left out for plan errors, a line each (action). */
export function failureText(results: readonly ClusterApplyResult[], plan: Plan): string {
  const lines: string[] = [];
  for (const cluster of results) {
    for (const r of cluster.results.filter(unsuccessful)) {
      lines.push(`cluster ${cluster.cluster}: ${r.status}: ${r.description}: ${r.message ?? ''}`);
    }
  }
  for (const c of plan.clusters.filter((c) => c.errors.length > 0)) {
    lines.push(`cluster ${c.cluster}: not applied, the plan has ${c.errors.length} error(s)`);
  }
  return lines.join('\n');
}

function resultItem(r: TaskResult): string {
  const mark = r.status === 'failed' ? '✖ failed' : '↷ skipped';
  return `- ${mark}: ${escapeMarkdown(r.description)}${r.message ? ` — ${escapeMarkdown(short(r.message))}` : ''}`;
}

export function applyResultLines(results: readonly ClusterApplyResult[]): string[] {
  const out: string[] = [];
  for (const cluster of results) {
    const done = cluster.results.filter((r) => r.status === 'succeeded').length;
    const unchanged = cluster.results.filter((r) => r.status === 'unchanged').length;
    const problems = cluster.results.filter(unsuccessful);
    const mark = problems.length > 0 ? '❌' : '✅';
    out.push(
      `${mark} **${escapeMarkdown(cluster.cluster)}** (${escapeMarkdown(cluster.region)}): ` +
        `${done} done, ${unchanged} already as planned, ${cluster.failed} failed, ` +
        `${problems.length - cluster.failed} skipped`,
    );
    out.push(...problems.map(resultItem));
  }
  return out;
}

/**
 * The apply's last line and whether the run succeeded; they always agree: a cluster that could not
 * be read or planned is a failure as much as a failed task, and "nothing to apply" is said only of a
 * plan without errors.
 */
export function applyVerdict(
  plan: Plan,
  results: readonly ClusterApplyResult[],
): { ok: boolean; line: string } {
  const failed = failedTasks(results);
  const notApplied = plan.clusters.filter((c) => c.errors.length > 0).length;
  const ran = results.some((c) => c.results.length > 0);
  if (failed === 0 && notApplied === 0) {
    return {
      ok: true,
      line: ran ? 'all tasks were completed successfully' : 'Nothing to apply.',
    };
  }
  const parts = [
    ...(failed > 0 ? [`${failed} failed task(s)`] : []),
    ...(notApplied > 0
      ? [
          `${notApplied} of ${plan.clusters.length} cluster(s) not applied because their plan has errors`,
        ]
      : []),
  ];
  const head = ran ? 'Apply finished with errors' : 'Nothing was applied';
  return { ok: false, line: `${head}: ${parts.join(', ')}; fix them and re-run to converge.` };
}
