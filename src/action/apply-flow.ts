// `apply` mode (push to the default branch): find the merged PR and our comment on it, recompute the
// plan with the same salt, refuse when it is not the reviewed plan (on-plan-change: fail), apply,
// then record the results in the comment and the job summary.

import { hasChanges, countChanges } from '../plan/counts.js';
import type { Plan } from '../plan/model.js';
import { failedTasks } from '../plan/results.js';
import { failureText } from '../render/apply-results.js';
import type { CommentView } from '../render/comment.js';
import { countsLine } from '../render/plan-text.js';
import { errorLines } from '../render/problems.js';
import { refusalText } from '../render/review.js';
import { compareWithReviewed, type ReviewComparison } from '../review/verdict.js';
import { invalidConfigMessage, loadConfig } from './config-step.js';
import { planOutputs } from './outputs.js';
import { computePlan, credentialsFor, isCredentialsError, writePlanOutputs } from './plan-step.js';
import { publishComment, writeSummary } from './publish.js';
import type { OurComment } from '../github/sticky-comment.js';
import { NEW_PR, findReviewedPlan, type ReviewRecord, type Untrusted } from './reviewed-plan.js';
import {
  failed,
  succeeded,
  type PlanEngine,
  type RunContext,
  type RunOutcome,
} from './run-context.js';
import { fingerprintSalt } from './settings.js';

/** Everything of the comment view that holds for the whole run. */
type BaseView = Omit<CommentView, 'status'>;

interface Applying {
  ctx: RunContext;
  record: ReviewRecord;
  /** The comment this run records its outcome in (undefined: a new one). */
  target?: OurComment;
  base: BaseView;
  plan: Plan;
  planJson: string;
  notes: string[];
}

/** The review gate: an outcome when the plan must not be applied, else the comparison to show. */
async function checkReview(
  a: Applying,
): Promise<{ refused?: RunOutcome; review?: ReviewComparison }> {
  const { ctx, record, base, plan, planJson, notes, target } = a;
  const { io, settings } = ctx;
  const untrusted: Untrusted | undefined =
    record.untrusted ??
    (record.alreadyApplied
      ? {
          reason: 'plan-changed',
          message: `the pull request's reviewed plan was already applied in full (its comment records it), so what the plan would do now (changes made since, or undoing a later merge) was never reviewed; nothing was applied. ${NEW_PR}`,
        }
      : undefined);
  if (untrusted) {
    if (settings.onPlanChange === 'fail') {
      const view: CommentView = {
        ...base,
        status: 'plan-changed',
        plan,
        notes: [untrusted.message],
      };
      await writeSummary(ctx, view, planJson);
      return { refused: failed(untrusted.reason, untrusted.message) };
    }
    io.warning(`${untrusted.message} Applying anyway (on-plan-change: apply).`);
  }
  if (record.missing) return {};
  const review = compareWithReviewed(
    plan,
    { ...record.reviewed, remainderAllowed: record.partlyApplied },
    base.salt,
  );
  if (!review.matches) {
    if (settings.onPlanChange === 'fail') {
      const view: CommentView = { ...base, status: 'plan-changed', plan, review, notes };
      await writeSummary(ctx, view, planJson);
      if (record.pr) await publishComment(ctx, view, target);
      return { refused: failed('plan-changed', refusalText(review)) };
    }
    const note = 'The plan changed since it was reviewed; applying anyway (on-plan-change: apply).';
    io.warning(`${note}\n${refusalText(review)}`);
    notes.push(note);
  } else if (review.clusters.some((c) => c.verdict === 'remainder')) {
    const note =
      'Only part of the reviewed plan is left to do (an earlier apply did the rest): applying the remaining reviewed tasks.';
    io.info(note);
    notes.push(note);
  } else {
    io.info('The recomputed plan is the reviewed plan: applying.');
  }
  return { review };
}

async function applyAndReport(
  a: Applying,
  engine: PlanEngine,
  review: ReviewComparison | undefined,
): Promise<RunOutcome> {
  const { ctx, record, base, plan, planJson, notes, target } = a;
  ctx.io.info(`Applying: ${countsLine(countChanges(plan))}.`);
  const results = await ctx.io.group('Apply', () => engine.apply(plan));
  const ok = failedTasks(results) === 0 && !plan.clusters.some((c) => c.errors.length > 0);
  const status = ok ? 'applied' : 'apply-failed';
  const view: CommentView = { ...base, status, plan, results, review, notes };
  await writeSummary(ctx, view, planJson);
  if (record.pr) await publishComment(ctx, view, target);
  if (!ok) return failed('apply-failed', `apply failed:\n${failureText(results, plan)}`);
  ctx.io.info('All tasks completed successfully.');
  return succeeded;
}

/**
 * Where the run records its outcome: the comment it continues, or a new comment of its own when it
 * is limited to some clusters and the review it checks against is another comment's (the report of
 * a matrix fan-out, or a plan of more clusters): legs never overwrite the review or each other.
 */
function outcomeComment(ctx: RunContext, record: ReviewRecord): OurComment | undefined {
  const { settings } = ctx;
  const comment = record.comment;
  if (comment && settings.clusters.length > 0 && comment.header.key !== settings.commentKey)
    return undefined;
  return comment;
}

function baseView(ctx: RunContext, record: ReviewRecord, target?: OurComment): BaseView {
  const { settings } = ctx;
  return {
    repo: settings.repository.fullName,
    pr: record.pr ?? 0,
    headSha: record.comment?.header.headSha || settings.sha,
    mode: settings.mode,
    key: target?.header.key ?? settings.commentKey,
    reviewed: record.reviewed,
    salt: fingerprintSalt(settings.repository.fullName, record.pr),
    runUrl: settings.runUrl,
  };
}

export async function applyFlow(ctx: RunContext): Promise<RunOutcome> {
  const { io, settings } = ctx;
  const { state, problems } = await loadConfig(ctx);
  if (!state) {
    const view = { status: 'invalid-config', problems, mode: 'apply' } as const;
    await writeSummary(ctx, { ...view, headSha: settings.sha, runUrl: settings.runUrl });
    return failed('invalid-config', invalidConfigMessage(problems));
  }
  const record = await findReviewedPlan(ctx);
  const target = outcomeComment(ctx, record);
  const base = baseView(ctx, record, target);
  const notes: string[] = [];
  if (record.lookupFailed) {
    await writeSummary(ctx, { ...base, status: 'plan-changed', notes: [record.lookupFailed] });
    return failed('review-lookup-failed', record.lookupFailed);
  }
  if (record.missing) {
    if (settings.requireReviewedPlan) {
      const message = `no reviewed plan found: ${record.missing}; nothing was applied. Merge configuration changes through a pull request whose plan the action commented, or set the input require-reviewed-plan: false to apply without one.`;
      await writeSummary(ctx, { ...base, status: 'plan-changed', notes: [message] });
      return failed('plan-not-found', message);
    }
    const note = `No reviewed plan found (${record.missing}); applying the current plan because require-reviewed-plan is false.`;
    io.warning(note);
    notes.push(note);
  }
  let access;
  try {
    access = await credentialsFor(ctx, state);
  } catch (error) {
    if (!isCredentialsError(error)) throw error;
    await writeSummary(ctx, { ...base, status: 'apply-failed', notes: [error.message] });
    return failed('credentials', error.message);
  }
  const { plan, engine } = await computePlan(ctx, state, access, base.salt);
  try {
    const planJson = await writePlanOutputs(ctx, plan, planOutputs(plan));
    const errors = plan.clusters.flatMap((c) => c.errors);
    if (!hasChanges(plan) && errors.length > 0) {
      const message = `nothing was applied: the plan has ${errors.length} error(s):\n${errorLines(errors)}`;
      // 'plan-failed', not 'apply-failed': nothing was applied, so no remainder may follow.
      const view: CommentView = { ...base, status: 'plan-failed', plan, notes };
      await writeSummary(ctx, view, planJson);
      if (record.pr && !record.untrusted) await publishComment(ctx, view, target);
      return failed('apply-failed', message);
    }
    if (!hasChanges(plan)) {
      io.info('Nothing to apply: the live state matches the configuration.');
      await writeSummary(ctx, { ...base, status: 'no-changes', plan, notes }, planJson);
      return succeeded;
    }
    const applying: Applying = { ctx, record, target, base, plan, planJson, notes };
    const { refused, review } = await checkReview(applying);
    return refused ?? (await applyAndReport(applying, engine, review));
  } finally {
    engine.close();
  }
}
