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

/**
 * Creates or updates the sticky comment. Never fails the run: a fork, a missing token or a refusal
 * by GitHub gives ONE warning pointing at the job summary.
 */
export async function publishComment(
  ctx: RunContext,
  view: CommentView,
  existing: OurComment | undefined,
): Promise<number | undefined> {
  const { io, settings } = ctx;
  const skip = (why: string): undefined => {
    io.warning(`${why} The plan is in the job summary of this run: ${settings.runUrl}`);
    return undefined;
  };
  if (!settings.comment) return undefined;
  if (settings.pullRequest?.fork) {
    return skip(
      'No PR comment: this pull request comes from a fork, whose token cannot write comments.',
    );
  }
  if (!ctx.api) return skip('No PR comment: the github-token input is empty.');
  const result = await upsertComment(ctx.api, view.pr, buildCommentBody(view), existing);
  if (!result.ok) return skip(`No PR comment: ${result.reason}.`);
  io.info(`PR comment ${result.created ? 'created' : 'updated'}: ${result.commentId}`);
  io.setOutput(Outputs.commentId, String(result.commentId));
  return result.commentId;
}
