// Where a run's outcome is published: the job summary (always) and the sticky PR comment (when
// there is a PR and a token), with the comment's never-fail fallback.

import { upsertComment, type OurComment } from '../github/sticky-comment.js';
import { buildCommentBody, type CommentView } from '../render/comment.js';
import { renderJobSummary } from '../render/job-summary.js';
import { Outputs } from './outputs.js';
import type { RunContext } from './run-context.js';

export async function writeSummary(
  ctx: RunContext,
  view: Omit<CommentView, 'key' | 'salt' | 'repo' | 'pr'>,
  planJsonPath?: string,
): Promise<void> {
  try {
    await ctx.io.appendSummary(renderJobSummary(view, planJsonPath));
  } catch (error) {
    ctx.io.warning(
      `could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** What became of the comment: posted, left out on purpose (a setting, a fork), or refused. */
export type Published = { posted: number } | { skipped: string } | { failed: string };

/**
 * Creates or updates the sticky comment, with ONE warning pointing at the job summary when it is
 * not posted. The caller decides whether a refusal fails the run (a plan must be reviewable).
 */
export async function publishComment(
  ctx: RunContext,
  view: CommentView,
  existing: OurComment | undefined,
): Promise<Published> {
  const { io, settings } = ctx;
  const notPosted = (why: string): void =>
    io.warning(`${why} The plan is in the job summary of this run: ${settings.runUrl}`);
  if (!settings.comment) {
    // The plan job may not know how apply is configured; the input's default is what it can check.
    if (settings.mode === 'plan' && settings.requireReviewedPlan) {
      notPosted(
        'No PR comment (comment: false): an apply job with require-reviewed-plan: true (the default) will find no reviewed plan for this pull request and refuse.',
      );
    }
    return { skipped: 'the comment input is false' };
  }
  if (settings.pullRequest?.fork) {
    notPosted(
      'No PR comment: this pull request comes from a fork, whose token cannot write comments.',
    );
    return { skipped: 'the pull request comes from a fork' };
  }
  if (!ctx.api) {
    notPosted('No PR comment: the github-token input is empty.');
    return { skipped: 'the github-token input is empty' };
  }
  const result = await upsertComment(ctx.api, view.pr, buildCommentBody(view), existing);
  if (!result.ok) {
    notPosted(`No PR comment: ${result.reason}.`);
    return { failed: result.reason };
  }
  io.info(`PR comment ${result.created ? 'created' : 'updated'}: ${result.commentId}`);
  io.setOutput(Outputs.commentId, String(result.commentId));
  return { posted: result.commentId };
}
