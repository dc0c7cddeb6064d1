// `plan` (pull requests) and `check` (drift) modes: config → credentials → plan → log, outputs,
// job summary and (plan on a PR) the sticky comment. No mutating AWS call is made here.

import {
  commentAuthors,
  foreignEditors,
  ourComments,
  selectStickyComment,
  type OurComment,
} from '../github/sticky-comment.js';
import { countChanges, hasChanges } from '../plan/counts.js';
import type { Plan } from '../plan/model.js';
import type { CommentView } from '../render/comment.js';
import { countsLine, driftLines } from '../render/plan-text.js';
import { errorLines } from '../render/problems.js';
import type { CommentStatus } from '../review/marker.js';
import { invalidConfigMessage, loadConfig } from './config-step.js';
import { planOutputs } from './outputs.js';
import { computePlan, credentialsFor, isCredentialsError, writePlanOutputs } from './plan-step.js';
import { publishComment, writeSummary } from './publish.js';
import { failed, succeeded, type RunContext, type RunOutcome } from './run-context.js';
import { legFileName, renderLegFile } from './plan-legs.js';
import { fingerprintSalt, type PullRequestContext } from './settings.js';
import { join } from 'node:path';

/**
 * Our existing sticky comment for this PR and config set. A failed look-up is an error, not "none":
 * creating a second comment would leave two plans on the PR.
 */
export async function findSticky(
  ctx: RunContext,
  pr: number,
): Promise<{ sticky?: OurComment; error?: string }> {
  if (!ctx.api || !ctx.settings.comment || ctx.settings.pullRequest?.fork) return {};
  try {
    const [login, comments] = await Promise.all([
      ctx.api.authenticatedLogin(),
      ctx.api.listComments(pr),
    ]);
    const scope = {
      authors: commentAuthors(login),
      repo: ctx.settings.repository.fullName,
      pr,
    };
    ctx.io.debug(
      `PR #${pr}: ${comments.length} comment(s), ${ourComments(comments, scope).length} ours`,
    );
    const sticky = selectStickyComment(comments, { ...scope, key: ctx.settings.commentKey });
    if (!sticky) return {};
    // A comment someone else edited can never be a review again: replace it, do not update it.
    const foreign = await foreignEditors(ctx.api, sticky, scope.authors);
    if (foreign.length === 0) return { sticky };
    ctx.io.warning(
      `The plan comment ${sticky.comment.id} was edited by ${foreign.join(', ')}; it is deleted and the plan posted as a new comment.`,
    );
    await ctx.api.deleteComment(sticky.comment.id);
    return {};
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Posts the plan comment; the reason the plan job must fail when it could not be posted. */
export async function postPlan(
  ctx: RunContext,
  view: CommentView,
  found: { sticky?: OurComment; error?: string },
): Promise<string | undefined> {
  if (found.error) {
    ctx.io.warning(`No PR comment: ${found.error}.`);
    return found.error;
  }
  const published = await publishComment(ctx, view, found.sticky);
  return 'failed' in published ? published.failed : undefined;
}

export const commentFailed = (why: string): RunOutcome =>
  failed(
    'comment-failed',
    `the plan could not be posted as the pull request comment (${why}); without it the merge cannot be applied, because the apply job compares with the reviewed plan in that comment. Fix the cause and re-run this job.`,
  );

export function planStatus(plan: Plan): CommentStatus {
  if (plan.clusters.some((c) => c.errors.length > 0)) return 'plan-failed';
  return hasChanges(plan) ? 'planned' : 'no-changes';
}

/** A matrix leg's plan, written for the report job, which posts the one comment of all legs. */
async function writeLeg(ctx: RunContext, plan: Plan, pr: PullRequestContext): Promise<void> {
  const { settings } = ctx;
  const path = join(settings.planDir ?? '', legFileName(settings.commentKey));
  const context = {
    repository: settings.repository.fullName,
    pullRequest: pr.number,
    headSha: pr.headSha,
    salt: fingerprintSalt(settings.repository.fullName, pr.number),
    config: settings.configKey,
  };
  await ctx.io.writeTextFile(path, renderLegFile(plan, context));
  ctx.io.info(
    `Plan leg: wrote ${path} for the report job (mode: report posts the one comment of all legs; upload this directory with actions/upload-artifact).`,
  );
}

export async function planFlow(ctx: RunContext): Promise<RunOutcome> {
  const { io, settings } = ctx;
  const onPr = settings.mode === 'plan' ? settings.pullRequest : undefined;
  // A matrix leg (plan-dir) leaves the comment to the report job.
  const leg = settings.planDir !== undefined ? onPr : undefined;
  const pr = leg ? undefined : onPr;
  const salt = fingerprintSalt(settings.repository.fullName, settings.pullRequest?.number);
  const base = {
    repo: settings.repository.fullName,
    pr: onPr?.number ?? 0,
    headSha: onPr?.headSha || settings.sha,
    mode: settings.mode,
    key: settings.commentKey,
    salt,
    runUrl: settings.runUrl,
  };
  const found = pr ? await findSticky(ctx, pr.number) : {};

  const { state, problems } = await loadConfig(ctx);
  if (!state) {
    const view: CommentView = { ...base, status: 'invalid-config', problems };
    await writeSummary(ctx, view);
    if (pr) await postPlan(ctx, view, found);
    return failed('invalid-config', invalidConfigMessage(problems));
  }

  let access;
  try {
    access = await credentialsFor(ctx, state);
  } catch (error) {
    if (!isCredentialsError(error)) throw error;
    if (error.fork && settings.mode === 'plan') {
      // A fork cannot plan against AWS; say so once and leave the check green.
      io.warning(`No plan for this pull request: ${error.message}`);
      await writeSummary(ctx, {
        ...base,
        status: 'no-changes',
        notes: [`No plan was computed: ${error.message}`],
      });
      return succeeded;
    }
    await writeSummary(ctx, { ...base, status: 'plan-failed', notes: [error.message] });
    return failed('credentials', error.message);
  }

  const { plan, engine } = await computePlan(ctx, state, access, salt);
  engine.close();
  const planJson = await writePlanOutputs(ctx, plan, planOutputs(plan));
  if (leg) await writeLeg(ctx, plan, leg);
  const status = planStatus(plan);
  const view: CommentView = { ...base, status, plan };
  await writeSummary(ctx, view, planJson);
  const notPosted = pr ? await postPlan(ctx, view, found) : undefined;

  const errors = plan.clusters.flatMap((c) => c.errors);
  if (errors.length > 0) {
    return failed(
      'invalid-config',
      `the plan has ${errors.length} error(s):\n${errorLines(errors)}`,
    );
  }
  if (settings.mode === 'check' && hasChanges(plan)) {
    return failed(
      'drift',
      `drift: the live state differs from the configuration\n${driftLines(plan).join('\n')}`,
    );
  }
  io.info(`Plan: ${countsLine(countChanges(plan))}.`);
  return notPosted === undefined ? succeeded : commentFailed(notPosted);
}
