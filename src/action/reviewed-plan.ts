// Apply mode's look-up of what was reviewed: the merged pull request of the pushed commit and the
// records in our comment(s) on it. Fails closed: a GitHub failure, a comment someone else edited
// and a review of an older head are each told apart from "there is no review" (which a setting
// may allow). The decision itself is review/verdict.ts (pure).

import type { PullRequestRef } from '../github/api.js';
import {
  commentAuthors,
  foreignEditors,
  ourComments,
  type OurComment,
} from '../github/sticky-comment.js';
import {
  HEADER_VERSION,
  bodySha,
  noReview,
  visibleBody,
  type ReviewedPlan,
} from '../review/marker.js';
import { mergeReviewed } from '../review/verdict.js';
import type { RunContext } from './run-context.js';

/** Why the reviewed plan cannot be trusted, whatever the recomputed plan looks like. */
export interface Untrusted {
  reason: 'plan-changed' | 'plan-stale';
  message: string;
}

export interface ReviewRecord {
  pr?: number;
  /** Every comment's cluster records merged; the whole-plan fingerprint of the main comment. */
  reviewed: ReviewedPlan;
  /** The comment to update with the outcome. */
  comment?: OurComment;
  /** No review exists (require-reviewed-plan decides). */
  missing?: string;
  /** GitHub could not be asked (after retries): always refused. */
  lookupFailed?: string;
  /** A review exists but does not bind this merge. */
  untrusted?: Untrusted;
  /** The comment records an earlier apply of this plan that failed part-way (a re-run may finish it). */
  partlyApplied: boolean;
  /** The comment records that this plan was applied in full: changes now are not the reviewed ones. */
  alreadyApplied: boolean;
}

const short = (sha: string): string => sha.slice(0, 12);

/** How to get a reviewable plan once the merge's own review cannot be used. */
export const NEW_PR =
  'Open a new pull request (it may change nothing): its plan shows what is left to do, and is reviewed before it is applied.';

/** Why one of our comments does not bind this merge, if it does not. */
function untrustedComment(
  c: OurComment,
  foreign: readonly string[],
  pr: PullRequestRef,
): Untrusted | undefined {
  // Another release's header is ours, but its records are not read: they are not guessed at.
  if (c.header.version !== HEADER_VERSION) {
    return {
      reason: 'plan-stale',
      message: `the plan comment was written by another release of podid-action (header v${c.header.version}; this release reads v${HEADER_VERSION}), so its review cannot be checked; nothing was applied. Plan again: ${NEW_PR}`,
    };
  }
  if (foreign.length > 0) {
    return {
      reason: 'plan-changed',
      message: `the plan comment was edited by ${foreign.join(', ')}, not only by the action, so it may not be the plan the action wrote; nothing was applied. ${NEW_PR}`,
    };
  }
  if (bodySha(visibleBody(c.comment.body)) !== c.header.bodySha) {
    return {
      reason: 'plan-changed',
      message: `the plan comment was edited after the action wrote it, so what reviewers saw may not be the plan; nothing was applied. ${NEW_PR}`,
    };
  }
  // A plan written once the PR was merged was never reviewed before the merge (a re-run, a late job).
  if (c.header.mode !== 'apply' && pr.mergedAt && c.comment.updatedAt > pr.mergedAt) {
    return {
      reason: 'plan-stale',
      message: `the plan comment was written at ${c.comment.updatedAt}, after the pull request was merged at ${pr.mergedAt}, so nobody reviewed it before the merge; nothing was applied. ${NEW_PR}`,
    };
  }
  if (c.header.headSha !== pr.headSha) {
    return {
      reason: 'plan-stale',
      message: `the plan comment was written for commit ${short(c.header.headSha) || 'unknown'}, but the pull request was merged at head ${short(pr.headSha)}: the last push was never planned and reviewed; nothing was applied. ${NEW_PR}`,
    };
  }
  return undefined;
}

/** The merged PR of the pushed commit and the reviewed plan recorded in our comment(s) on it. */
export async function findReviewedPlan(ctx: RunContext): Promise<ReviewRecord> {
  const { api, settings } = ctx;
  const none = {
    reviewed: noReview(),
    partlyApplied: false,
    alreadyApplied: false,
  };
  if (!api) return { ...none, missing: 'the github-token input is empty' };
  try {
    const pulls = await api.pullsForCommit(settings.sha);
    const merged = pulls.filter((p) => p.merged && p.mergeCommitSha === settings.sha);
    if (merged.length > 1) {
      return {
        ...none,
        lookupFailed: `commit ${short(settings.sha)} is the merge commit of ${merged.map((p) => `#${p.number}`).join(' and ')}, so which review it carries is ambiguous; nothing was applied.`,
      };
    }
    const pr = merged[0];
    if (!pr) {
      return {
        ...none,
        missing: `commit ${short(settings.sha)} is not the merge commit of a merged pull request`,
      };
    }
    const [login, comments] = await Promise.all([
      api.authenticatedLogin(),
      api.listComments(pr.number),
    ]);
    const authors = commentAuthors(login);
    // Comments written by an apply that found no review record nothing: they are no review.
    // Another release's comment is kept, so that it is refused by name rather than overlooked.
    const ours = ourComments(comments, {
      authors,
      repo: settings.repository.fullName,
      pr: pr.number,
    }).filter(
      (c) =>
        c.header.version !== HEADER_VERSION ||
        c.header.mode !== 'apply' ||
        c.header.reviewed.fingerprint !== '',
    );
    if (ours.length === 0) {
      return {
        ...none,
        pr: pr.number,
        missing: `pull request #${pr.number} has no plan comment of ours`,
      };
    }
    const latest = (list: OurComment[]): OurComment | undefined =>
      [...list].sort((a, b) => b.comment.updatedAt.localeCompare(a.comment.updatedAt))[0];
    // A run limited to some clusters (a matrix leg) does not continue another leg's apply record:
    // that one says what became of the other leg's clusters, not of this run's.
    const reviews =
      settings.clusters.length > 0 ? ours.filter((c) => c.header.mode !== 'apply') : ours;
    const comment =
      ours.find((c) => c.header.key === settings.commentKey) ?? latest(reviews) ?? latest(ours);
    if (!comment) throw new Error('no comment of ours to read');
    // The main comment must bind this merge; another config set's comment that does not is left out
    // (its clusters then count as not reviewed, which refuses them, never the other way round).
    const trusted: OurComment[] = [];
    let untrusted: Untrusted | undefined;
    for (const c of ours) {
      const problem = untrustedComment(c, await foreignEditors(api, c, authors), pr);
      if (c === comment) untrusted = problem;
      else if (problem)
        ctx.io.info(`Not a review for this merge: comment ${c.comment.id}, ${problem.message}`);
      if (!problem) trusted.push(c);
    }
    const reviewed: ReviewedPlan = {
      ...comment.header.reviewed,
      ...mergeReviewed(
        trusted.map((c) => ({ updatedAt: c.comment.updatedAt, reviewed: c.header.reviewed })),
      ),
    };
    // The action records an apply's outcome in this one comment.
    const applied = comment.header.mode === 'apply' ? comment.header.status : undefined;
    return {
      pr: pr.number,
      reviewed,
      comment,
      untrusted,
      partlyApplied: applied === 'apply-failed',
      alreadyApplied: applied === 'applied',
    };
  } catch (error) {
    return {
      ...none,
      lookupFailed: `the reviewed plan could not be looked up on GitHub (${error instanceof Error ? error.message : String(error)}); nothing was applied. Re-run the job when GitHub answers again.`,
    };
  }
}
