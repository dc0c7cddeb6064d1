// `apply` mode (push to the default branch): find the merged PR and our comment on it, recompute the
// plan with the same salt, refuse when it is not the reviewed plan (on-plan-change: fail), apply,
// then record the results in the comment and the job summary.

import type { ClusterApplyResult } from '../apply/executor.js';
import type { Plan } from '../plan/model.js';
import { countChanges, countsLine } from '../render/index.js';
import type { CommentView } from './comment-body.js';
import { commentAuthors, ourComments, type OurComment } from './comment.js';
import { bodySha, visibleBody, type ReviewedCluster } from './marker.js';
import { planOutputs } from './outputs.js';
import {
  computePlan,
  credentialsFor,
  isCredentialsError,
  loadConfig,
  invalidConfigMessage,
  publishComment,
  writePlanOutputs,
  writeSummary,
} from './publish.js';
import { compareWithReviewed, mergeReviewed, type ReviewComparison } from './review.js';
import { failed, succeeded, type RunContext, type RunOutcome } from './run-context.js';
import { fingerprintSalt } from './settings.js';

interface ReviewRecord {
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
async function findReviewedPlan(ctx: RunContext): Promise<ReviewRecord> {
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

function refusal(review: ReviewComparison): string {
  const lines = review.clusters
    .filter((c) => c.differences.length > 0)
    .flatMap((c) => [`cluster ${c.cluster} (${c.region}):`, ...c.differences.map((d) => `  ${d}`)]);
  return (
    'the plan changed since it was reviewed, so nothing was applied (on-plan-change: fail).\n' +
    `${lines.join('\n')}\n` +
    'Re-run the plan in a new pull request to review the current plan, or set on-plan-change: apply.'
  );
}

function failureText(results: readonly ClusterApplyResult[], plan: Plan): string {
  const lines: string[] = [];
  for (const cluster of results) {
    for (const r of cluster.results) {
      if (r.status === 'failed' || r.status === 'skipped') {
        lines.push(`cluster ${cluster.cluster}: ${r.status}: ${r.description}: ${r.message ?? ''}`);
      }
    }
  }
  for (const c of plan.clusters.filter((c) => c.errors.length > 0)) {
    lines.push(`cluster ${c.cluster}: not applied, the plan has ${c.errors.length} error(s)`);
  }
  return lines.join('\n');
}

export async function applyFlow(ctx: RunContext): Promise<RunOutcome> {
  const { io, settings } = ctx;
  const { state, problems } = await loadConfig(ctx);
  if (!state) {
    await writeSummary(ctx, {
      status: 'invalid-config',
      problems,
      headSha: settings.sha,
      mode: 'apply',
      runUrl: settings.runUrl,
    });
    return failed('invalid-config', invalidConfigMessage(problems));
  }
  const record = await findReviewedPlan(ctx);
  const salt = fingerprintSalt(settings.repository.fullName, record.pr);
  const base = {
    repo: settings.repository.fullName,
    pr: record.pr ?? 0,
    headSha: record.comment?.header.headSha || settings.sha,
    mode: settings.mode,
    key: record.comment?.header.key ?? settings.commentKey,
    reviewed: record.reviewed,
    salt,
    runUrl: settings.runUrl,
  };
  const notes: string[] = [];
  if (record.missing) {
    if (settings.requireReviewedPlan) {
      const message = `no reviewed plan found: ${record.missing}; nothing was applied (require-reviewed-plan: true)`;
      await writeSummary(ctx, { ...base, status: 'plan-changed', notes: [message] });
      return failed('plan-not-found', message);
    }
    const note = `No reviewed plan found (${record.missing}); applying the current plan because require-reviewed-plan is false.`;
    io.warning(note);
    notes.push(note);
  }

  let credentials;
  try {
    credentials = await credentialsFor(ctx, state);
  } catch (error) {
    if (!isCredentialsError(error)) throw error;
    await writeSummary(ctx, { ...base, status: 'apply-failed', notes: [error.message] });
    return failed('credentials', error.message);
  }
  const { plan, engine } = await computePlan(ctx, state, credentials, salt);
  try {
    const planJson = await writePlanOutputs(ctx, plan, planOutputs(plan));
    if (countChanges(plan).total === 0) {
      io.info('Nothing to apply: the live state matches the configuration.');
      await writeSummary(ctx, { ...base, status: 'no-changes', plan, notes }, planJson);
      return succeeded;
    }
    if (record.edited) {
      const message =
        'the plan comment was edited after the action wrote it, so what reviewers saw may not be the plan; ' +
        'nothing was applied. Re-run the plan job to rewrite the comment, review it, and merge again.';
      if (settings.onPlanChange === 'fail') {
        await writeSummary(
          ctx,
          { ...base, status: 'plan-changed', plan, notes: [message] },
          planJson,
        );
        return failed('plan-changed', message);
      }
      io.warning(`${message} Applying anyway (on-plan-change: apply).`);
    }
    let review: ReviewComparison | undefined;
    if (!record.missing) {
      review = compareWithReviewed(plan, record.reviewed, salt);
      if (!review.matches) {
        if (settings.onPlanChange === 'fail') {
          const view: CommentView = { ...base, status: 'plan-changed', plan, review, notes };
          await writeSummary(ctx, view, planJson);
          if (record.pr) await publishComment(ctx, view, record.comment);
          return failed('plan-changed', refusal(review));
        }
        const note =
          'The plan changed since it was reviewed; applying anyway (on-plan-change: apply).';
        io.warning(`${note}\n${refusal(review)}`);
        notes.push(note);
      } else if (review.clusters.some((c) => c.verdict === 'remainder')) {
        const note =
          'Only part of the reviewed plan is left to do (an earlier apply did the rest): applying the remaining reviewed tasks.';
        io.info(note);
        notes.push(note);
      } else {
        io.info('The recomputed plan is the reviewed plan: applying.');
      }
    }
    io.info(`Applying: ${countsLine(countChanges(plan))}.`);
    const results = await io.group('Apply', () => engine.apply(plan));
    const failures = results.reduce((n, r) => n + r.failed, 0);
    const planErrors = plan.clusters.some((c) => c.errors.length > 0);
    const ok = failures === 0 && !planErrors;
    const view: CommentView = {
      ...base,
      status: ok ? 'applied' : 'apply-failed',
      plan,
      results,
      review,
      notes,
    };
    await writeSummary(ctx, view, planJson);
    if (record.pr) await publishComment(ctx, view, record.comment);
    if (!ok) return failed('apply-failed', `apply failed:\n${failureText(results, plan)}`);
    io.info('All tasks completed successfully.');
    return succeeded;
  } finally {
    engine.close();
  }
}
