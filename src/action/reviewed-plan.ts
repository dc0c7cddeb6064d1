// Apply mode's look-up of what was reviewed: the merged pull request of the pushed commit and the
// records in our comment(s) on it. The decision itself is review/verdict.ts (pure).

import { commentAuthors, ourComments, type OurComment } from '../github/sticky-comment.js';
import { bodySha, visibleBody, type ReviewedCluster } from '../review/marker.js';
import { mergeReviewed } from '../review/verdict.js';
import type { RunContext } from './run-context.js';

export interface ReviewRecord {
  pr?: number;
  reviewed: ReviewedCluster[];
  /** The comment to update with the outcome. */
  comment?: OurComment;
  /** Why no reviewed plan was found, when none was. */
  missing?: string;
  /** Our comment's visible text was edited after we wrote it: what reviewers saw is unknown. */
  edited?: boolean;
}

/** The merged PR of the pushed commit and the reviewed plan recorded in our comment(s) on it. */
export async function findReviewedPlan(ctx: RunContext): Promise<ReviewRecord> {
  const { api, settings } = ctx;
  if (!api) return { reviewed: [], missing: 'the github-token input is empty' };
  try {
    const pulls = await api.pullsForCommit(settings.sha);
    const pr = pulls.find((p) => p.merged && p.mergeCommitSha === settings.sha);
    if (!pr) {
      return {
        reviewed: [],
        missing: `commit ${settings.sha.slice(0, 12)} is not the merge commit of a merged pull request`,
      };
    }
    const [login, comments] = await Promise.all([
      api.authenticatedLogin(),
      api.listComments(pr.number),
    ]);
    // Comments written by an apply that found no review record nothing: they are no review.
    const ours = ourComments(comments, {
      authors: commentAuthors(login),
      repo: settings.repository.fullName,
      pr: pr.number,
    }).filter((c) => c.header.mode !== 'apply' || c.header.clusters.length > 0);
    if (ours.length === 0) {
      return {
        pr: pr.number,
        reviewed: [],
        missing: `pull request #${pr.number} has no plan comment of ours`,
      };
    }
    const comment =
      ours.find((c) => c.header.key === settings.commentKey) ??
      [...ours].sort((a, b) => b.comment.updatedAt.localeCompare(a.comment.updatedAt))[0];
    if (comment.header.headSha && comment.header.headSha !== pr.headSha) {
      ctx.io.notice(
        `The plan comment was written for commit ${comment.header.headSha.slice(0, 12)}, the PR head is ${pr.headSha.slice(0, 12)}: the recomputed plan is still compared with it.`,
      );
    }
    const reviewed = mergeReviewed(
      ours.map((c) => ({ updatedAt: c.comment.updatedAt, clusters: c.header.clusters })),
    );
    const edited = ours.some((c) => bodySha(visibleBody(c.comment.body)) !== c.header.bodySha);
    return { pr: pr.number, reviewed, comment, edited };
  } catch (error) {
    return {
      reviewed: [],
      missing: `the GitHub API could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
