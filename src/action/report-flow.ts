// `report` mode (matrix fan-out): the plans the legs wrote (downloaded to plan-dir) merged into one
// plan, checked to be one consistent plan of this pull request's head, and posted as the single
// sticky comment whose header binds every leg's clusters. No AWS call is made here.

import { countChanges } from '../plan/counts.js';
import type { CommentView } from '../render/comment.js';
import { countsLine } from '../render/plan-text.js';
import { errorLines } from '../render/problems.js';
import { invalidConfigMessage, loadConfig } from './config-step.js';
import { planOutputs } from './outputs.js';
import { mergeLegs, type LegFile } from './plan-legs.js';
import { commentFailed, findSticky, planStatus, postPlan } from './plan-flow.js';
import { writePlanOutputs } from './plan-step.js';
import { writeSummary } from './publish.js';
import { failed, succeeded, type RunContext, type RunOutcome } from './run-context.js';
import { fingerprintSalt } from './settings.js';

async function readLegs(ctx: RunContext, dir: string): Promise<LegFile[] | string> {
  try {
    return await ctx.io.readJsonFiles(dir);
  } catch (error) {
    return `the plan-dir ${dir} cannot be read (${error instanceof Error ? error.message : String(error)}): download the legs' artifacts there with actions/download-artifact`;
  }
}

export async function reportFlow(ctx: RunContext): Promise<RunOutcome> {
  const { io, settings } = ctx;
  const pr = settings.pullRequest;
  if (!pr) {
    return failed(
      'invalid-input',
      'mode report needs the pull request of the event payload, which has none',
    );
  }
  if (pr.fork) {
    // The legs could not plan (no OIDC token for forks) and this job cannot comment: as plan does.
    const note =
      'No plan for this pull request: it comes from a fork, whose jobs get no OIDC token and no write token (docs/action.md, "Fork pull requests").';
    io.warning(note);
    await writeSummary(ctx, {
      headSha: pr.headSha,
      mode: settings.mode,
      runUrl: settings.runUrl,
      status: 'no-changes',
      notes: [note],
    });
    return succeeded;
  }
  const salt = fingerprintSalt(settings.repository.fullName, pr.number);
  const base = {
    repo: settings.repository.fullName,
    pr: pr.number,
    headSha: pr.headSha,
    mode: settings.mode,
    key: settings.commentKey,
    salt,
    runUrl: settings.runUrl,
    // The legs uploaded their plans (and the documented workflow the merged plan-json) as artifacts.
    planFiles: "the run's plan artifacts",
  };
  const found = await findSticky(ctx, pr.number);
  const { state, problems } = await loadConfig(ctx);
  if (!state) {
    const view: CommentView = { ...base, status: 'invalid-config', problems };
    await writeSummary(ctx, view);
    await postPlan(ctx, view, found);
    return failed('invalid-config', invalidConfigMessage(problems));
  }

  const files = await readLegs(ctx, settings.planDir ?? '');
  const expected = {
    repository: settings.repository.fullName,
    pullRequest: pr.number,
    headSha: pr.headSha,
    salt,
    config: settings.configKey,
  };
  const merged =
    typeof files === 'string' ? { problems: [files] } : mergeLegs(files, expected, state.clusters);
  if ('problems' in merged) {
    const message = `the plans of the matrix legs are not one plan of this pull request, so no plan was posted for review:\n${merged.problems.map((p) => `- ${p}`).join('\n')}`;
    // The comment says so too: an earlier head's plan must not stay up looking current.
    const view: CommentView = { ...base, status: 'plan-failed', notes: [message] };
    await writeSummary(ctx, view);
    await postPlan(ctx, view, found);
    return failed('inconsistent-plans', message);
  }
  const { plan } = merged;
  io.info(
    `Report: ${plan.clusters.length} cluster(s) from ${typeof files === 'string' ? 0 : files.length} leg file(s).`,
  );
  const planJson = await writePlanOutputs(ctx, plan, planOutputs(plan));
  const view: CommentView = { ...base, status: planStatus(plan), plan };
  await writeSummary(ctx, view, planJson);
  const notPosted = await postPlan(ctx, view, found);
  const errors = plan.clusters.flatMap((c) => c.errors);
  if (errors.length > 0) {
    return failed(
      'invalid-config',
      `the plan has ${errors.length} error(s):\n${errorLines(errors)}`,
    );
  }
  io.info(`Plan: ${countsLine(countChanges(plan))}.`);
  return notPosted === undefined ? succeeded : commentFailed(notPosted);
}
