// Apply mode's look-up of what was reviewed: the merged pull request of the pushed commit and the
// records in our comment(s) on it. Fails closed: a GitHub failure, a comment someone else edited
// and a review of an older head are each told apart from "there is no review" (which a setting
// may allow). The decision itself is review/verdict.ts (pure).

import type { GitHubApi } from '../github/api.js';
import {
  commentAuthors,
  isOurEditor,
  ourComments,
  type OurComment,
} from '../github/sticky-comment.js';
import { bodySha, visibleBody, type ReviewedPlan } from '../review/marker.js';
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
}

const short = (sha: string): string => sha.slice(0, 12);

/** Who else ever edited one of the comments, if anyone (null: an account that is gone). */
async function foreignEditors(
  api: GitHubApi,
  comments: readonly OurComment[],
  authors: readonly string[],
): Promise<string[]> {
  const found = new Set<string>();
  for (const { comment } of comments) {
    const { editors } = await api.commentEdits(comment.nodeId);
    for (const editor of editors) {
      if (!isOurEditor(editor, authors)) found.add(editor ?? 'a deleted account');
    }
  }
  return [...found];
}

function trust(
  ours: readonly OurComment[],
  others: readonly string[],
  headSha: string,
): Untrusted | undefined {
  if (others.length > 0) {
    return {
      reason: 'plan-changed',
      message: `the plan comment was edited by ${others.join(', ')}, not only by the action, so it may not be the plan the action wrote; nothing was applied. Re-run the plan job to rewrite the comment, review it, and merge again.`,
    };
  }
  if (ours.some((c) => bodySha(visibleBody(c.comment.body)) !== c.header.bodySha)) {
    return {
      reason: 'plan-changed',
      message:
        'the plan comment was edited after the action wrote it, so what reviewers saw may not be the plan; nothing was applied. Re-run the plan job to rewrite the comment, review it, and merge again.',
    };
  }
  const stale = ours.filter((c) => c.header.headSha !== headSha);
  if (stale.length > 0) {
    const written = [...new Set(stale.map((c) => short(c.header.headSha) || 'no commit'))];
    return {
      reason: 'plan-stale',
      message: `the plan comment was written for commit ${written.join(', ')}, but the pull request was merged at head ${short(headSha)}: the last push was never planned and reviewed; nothing was applied. Let the plan job run on the pull request's head (re-run it), review the plan, and re-run this job.`,
    };
  }
  return undefined;
}

/** The merged PR of the pushed commit and the reviewed plan recorded in our comment(s) on it. */
export async function findReviewedPlan(ctx: RunContext): Promise<ReviewRecord> {
  const { api, settings } = ctx;
  const none = { reviewed: { fingerprint: '', clusters: [], omitted: 0 }, partlyApplied: false };
  if (!api) return { ...none, missing: 'the github-token input is empty' };
  try {
    const pulls = await api.pullsForCommit(settings.sha);
    const pr = pulls.find((p) => p.merged && p.mergeCommitSha === settings.sha);
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
    const ours = ourComments(comments, {
      authors,
      repo: settings.repository.fullName,
      pr: pr.number,
    }).filter((c) => c.header.mode !== 'apply' || c.header.reviewed.fingerprint !== '');
    if (ours.length === 0) {
      return {
        ...none,
        pr: pr.number,
        missing: `pull request #${pr.number} has no plan comment of ours`,
      };
    }
    const comment =
      ours.find((c) => c.header.key === settings.commentKey) ??
      [...ours].sort((a, b) => b.comment.updatedAt.localeCompare(a.comment.updatedAt))[0];
    const untrusted = trust(ours, await foreignEditors(api, ours, authors), pr.headSha);
    const reviewed: ReviewedPlan = {
      ...comment.header.reviewed,
      clusters: mergeReviewed(
        ours.map((c) => ({ updatedAt: c.comment.updatedAt, clusters: c.header.reviewed.clusters })),
      ),
    };
    // The action records an apply's outcome in this one comment.
    const partlyApplied =
      comment.header.mode === 'apply' && comment.header.status === 'apply-failed';
    return { pr: pr.number, reviewed, comment, untrusted, partlyApplied };
  } catch (error) {
    return {
      ...none,
      lookupFailed: `the reviewed plan could not be looked up on GitHub (${error instanceof Error ? error.message : String(error)}); nothing was applied. Re-run the job when GitHub answers again.`,
    };
  }
}
