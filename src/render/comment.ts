// The sticky PR comment's body: the hidden header, a status title, counts, the destroy warning, the
// review differences or apply results, then one <details> per cluster with the diff lines and the
// eksctl task tree. Hard budget of 60,000 UTF-8 bytes (GitHub refuses 65,536 characters) with an
// explicit "… N more lines" note and a link to the run, whose job summary holds the full plan;
// clusters past the budget collapse to one line each under one note saying where their plans are.
// Every user-controlled string is escaped or sits in a fence it cannot close.

import type { Problem } from '../config/model.js';
import { countChanges, countClusterChanges } from '../plan/counts.js';
import type { ClusterPlan, Plan } from '../plan/model.js';
import type { ClusterApplyResult } from '../plan/results.js';
import {
  bodySha,
  encodeHeader,
  noReview,
  reviewedPlan,
  type CommentStatus,
  type ReviewedPlan,
} from '../review/marker.js';
import type { ReviewComparison } from '../review/verdict.js';
import { applyResultLines } from './apply-results.js';
import { BudgetedText, byteLength } from './budget.js';
import { clusterTableLines } from './cluster-table.js';
import { escapeMarkdown, fenceFor } from './escape.js';
import { countsLine, notManagedLine } from './plan-text.js';
import { problemItem } from './problems.js';
import { reviewDifferenceLines } from './review.js';
import { taskLines } from './task-lines.js';
import { renderTaskTree } from './task-tree.js';

export const COMMENT_BUDGET_BYTES = 60_000;

const problemItems = (problems: readonly Problem[]): string[] =>
  problems.map((p) => problemItem(p, { severityIcon: true }));
/** The eksctl task tree is shown for clusters with at most this many tasks (the log always has it). */
const TREE_MAX_TASKS = 40;
/** Room for the "… and N more cluster(s)" line. */
const MORE_CLUSTERS_BYTES = 80;
/** What the table leaves for the rest of the comment (counts, results, a stub per cluster), at most
 * half of what is free. */
const TABLE_RESERVE_BYTES = 20_000;

export interface CommentView {
  status: CommentStatus;
  repo: string;
  pr: number;
  headSha: string;
  /** The action's mode (plan, apply, check). */
  mode: string;
  /** Comment key (see Settings.commentKey). */
  key: string;
  /** Fingerprint salt, for the per-task hashes in the header. */
  salt: string;
  runUrl: string;
  /**
   * Where else the full plan is kept, named wherever the comment or the job summary runs out of
   * room (a fan-out's report: the legs' plan files); the job summary is always named.
   */
  planFiles?: string;
  plan?: Plan;
  /** Config problems (status invalid-config). */
  problems?: readonly Problem[];
  results?: readonly ClusterApplyResult[];
  review?: ReviewComparison;
  /**
   * What the header records as reviewed. Plan mode: undefined (derived from `plan`). Apply mode:
   * the records carried over from the reviewed comment, so a refused or failed apply never turns
   * the recomputed, unreviewed plan into a "reviewed" one for a re-run.
   */
  reviewed?: ReviewedPlan;
  /** Plain-text notes shown under the title (escaped). */
  notes?: readonly string[];
}

const TITLES: Record<CommentStatus, string> = {
  planned: '📋 Pod Identity plan',
  'no-changes': '✅ Pod Identity plan: no changes',
  'plan-failed': '❌ Pod Identity plan has errors',
  'invalid-config': '❌ Pod Identity configuration is invalid',
  'plan-changed': '🚫 Not applied: the plan changed since it was reviewed',
  applied: '✅ Pod Identity plan applied',
  'apply-failed': '❌ Pod Identity apply failed',
};

/** Where the full plan is, with a link: `the job summary: <run>`. */
const fullPlanAt = (view: CommentView): string =>
  `the job summary${view.planFiles ? ` (and ${view.planFiles})` : ''}: ${view.runUrl}`;

const moreLines = (n: number, fullPlan: string): string =>
  `… ${n} more line(s); full plan in ${fullPlan}`;

/** Said once above the clusters that only get a line. */
const collapsedNote = (n: number, fullPlan: string): string =>
  `**${n} more cluster(s)**, one line each: the comment has no room for their plans, which are in ${fullPlan}`;

/** Adds `lines` in a code fence, truncated to what fits before `reserve`; the fence always closes. */
function addFenced(
  out: BudgetedText,
  lines: readonly string[],
  lang: string,
  reserve: number,
  fullPlan: string,
): boolean {
  const fence = fenceFor(lines);
  const note = moreLines(lines.length, fullPlan);
  const closing = byteLength(fence) + byteLength(note) + 4;
  if (!out.tryAdd([`${fence}${lang}`], reserve + closing + 80)) return false;
  const omitted = out.addWhileFits(lines, reserve + closing);
  out.tryAdd([fence]);
  if (omitted > 0) out.tryAdd(['', moreLines(omitted, fullPlan)]);
  return true;
}

function addList(out: BudgetedText, lines: readonly string[], reserve: number, fullPlan: string) {
  const noteBytes = byteLength(moreLines(lines.length, fullPlan)) + 2;
  const omitted = out.addWhileFits(lines, reserve + noteBytes);
  if (omitted > 0) out.tryAdd([moreLines(omitted, fullPlan)]);
  out.tryAdd(['']);
}

function clusterLabel(c: ClusterPlan): string {
  const counts = countClusterChanges(c);
  const errors = c.errors.length > 0 ? ` · ${c.errors.length} error(s)` : '';
  return `<b>${escapeMarkdown(c.cluster)}</b> (${escapeMarkdown(c.region)}): ${countsLine(counts)} · ${c.unchanged} unchanged${errors}`;
}

const stubLine = (c: ClusterPlan): string => `- ${clusterLabel(c)}`;

function addCluster(out: BudgetedText, c: ClusterPlan, reserve: number, fullPlan: string): boolean {
  const diff = c.tasks.flatMap(taskLines);
  // Clusters with changes or errors are the ones expanded; a cluster with nothing to do stays shut.
  const open = c.tasks.length > 0 || c.errors.length > 0 ? ' open' : '';
  const head = [`<details${open}><summary>${clusterLabel(c)}</summary>`, ''];
  const tail = ['</details>', ''];
  const tailBytes = tail.reduce((n, l) => n + byteLength(l) + 1, 0);
  if (!out.tryAdd(head, reserve + tailBytes + 200)) return false;
  const inner = reserve + tailBytes;
  const problems = problemItems([...c.errors, ...c.warnings]);
  if (problems.length > 0) addList(out, problems, inner, fullPlan);
  if (diff.length > 0) {
    addFenced(out, diff, 'diff', inner, fullPlan);
    out.tryAdd([''], inner);
    if (c.tasks.length <= TREE_MAX_TASKS) {
      const tree = renderTaskTree(c, { planMode: true }).replace(/^\n/, '').trimEnd().split('\n');
      const fence = fenceFor(tree);
      const block = ['eksctl task tree:', '', fence, ...tree, fence, ''];
      out.tryAdd(block, inner);
    }
  } else if (c.errors.length === 0) {
    const sentence =
      c.notManaged.length === 0
        ? 'No changes: the cluster matches the configuration.'
        : 'No changes: everything podid-action manages matches the configuration.';
    out.tryAdd([sentence, ''], inner);
  }
  if (c.notManaged.length > 0) {
    out.tryAdd(
      [`${escapeMarkdown(notManagedLine(c.notManaged))}; reasons in the job summary`, ''],
      inner,
    );
  }
  out.tryAdd(tail, reserve);
  return true;
}

function addPlan(out: BudgetedText, plan: Plan, reserve: number, fullPlan: string): void {
  const counts = countChanges(plan);
  out.tryAdd(
    [`**Plan:** ${countsLine(counts)} in ${plan.clusters.length} cluster(s).`, ''],
    reserve,
  );
  if (counts.delete > 0) {
    out.tryAdd(
      [
        '> [!WARNING]',
        `> This plan **deletes** ${counts.delete} resource(s) (lines starting with \`-\`). Review them before merging.`,
        '',
      ],
      reserve,
    );
  }
  const stubs = plan.clusters.map(stubLine);
  // Bytes of the stubs from cluster i on, and of the note above them.
  const stubsFrom = [0];
  for (let i = stubs.length - 1; i >= 0; i--)
    stubsFrom.unshift(stubsFrom[0] + byteLength(stubs[i]) + 1);
  const noteBytes = byteLength(collapsedNote(plan.clusters.length, fullPlan)) + 2;
  for (let i = 0; i < plan.clusters.length; i++) {
    // Room is kept for a one-line stub of every later cluster, so none disappears silently.
    const later = Math.min(10_000, stubsFrom[i + 1]) + noteBytes + MORE_CLUSTERS_BYTES;
    if (addCluster(out, plan.clusters[i], reserve + later, fullPlan)) continue;
    const rest = plan.clusters.length - i;
    out.tryAdd([collapsedNote(rest, fullPlan), ''], reserve + MORE_CLUSTERS_BYTES);
    const omitted = out.addWhileFits(stubs.slice(i), reserve + MORE_CLUSTERS_BYTES);
    if (omitted > 0) out.tryAdd([`- … and ${omitted} more cluster(s)`]);
    out.tryAdd(['']);
    return;
  }
}

/** The visible part of the comment, at most `limit` bytes. */
export function renderVisibleBody(view: CommentView, limit: number): string {
  const out = new BudgetedText(limit);
  const fullPlan = fullPlanAt(view);
  const footer = [
    `<sub>podid-action · commit ${escapeMarkdown(view.headSha.slice(0, 12) || 'unknown')} · full plan and logs: ${view.runUrl}</sub>`,
  ];
  const reserve = footer.reduce((n, l) => n + byteLength(l) + 1, 0);
  out.tryAdd([`### ${TITLES[view.status]}`, ''], reserve);
  for (const note of view.notes ?? []) out.tryAdd([escapeMarkdown(note), ''], reserve);
  // The per-cluster table opens the comment (at most CLUSTER_TABLE_MAX_ROWS rows); room is kept for
  // everything after it, which names every cluster again.
  if (view.plan) {
    const rest = Math.min(TABLE_RESERVE_BYTES, out.free(reserve) / 2);
    out.tryAdd(clusterTableLines(view.plan), reserve + rest);
  }
  if (view.problems && view.problems.length > 0) {
    out.tryAdd(['**Configuration problems** (nothing was read from or sent to AWS):', ''], reserve);
    addList(out, problemItems(view.problems), reserve, fullPlan);
  }
  const differences = view.review ? reviewDifferenceLines(view.review) : [];
  if (differences.length > 0) {
    out.tryAdd(['**What changed since the review:**', ''], reserve);
    addFenced(out, differences, 'diff', reserve, fullPlan);
    out.tryAdd([''], reserve);
  }
  if (view.results && view.results.length > 0) {
    out.tryAdd(['**Apply results:**', ''], reserve);
    addList(out, applyResultLines(view.results), reserve, fullPlan);
  }
  if (view.plan) addPlan(out, view.plan, reserve, fullPlan);
  out.tryAdd(footer);
  return `${out.toString().trimEnd()}\n`;
}

/** Header + visible body, at most `limit` bytes in all. */
export function buildCommentBody(view: CommentView, limit = COMMENT_BUDGET_BYTES): string {
  const headerFor = (sha: string): string =>
    encodeHeader({
      repo: view.repo,
      pr: view.pr,
      headSha: view.headSha,
      mode: view.mode,
      status: view.status,
      key: view.key,
      bodySha: sha,
      reviewed:
        view.reviewed ?? (view.plan ? reviewedPlan(view.plan.clusters, view.salt) : noReview()),
    });
  // The body hash has a fixed length, so a placeholder gives the header's exact size.
  const headerBytes = byteLength(headerFor('0'.repeat(64))) + 1;
  const visible = renderVisibleBody(view, limit - headerBytes);
  return `${headerFor(bodySha(visible))}\n${visible}`;
}
