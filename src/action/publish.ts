// Steps shared by the flows: config loading with annotations, credentials, log groups, plan JSON,
// job summary, and the PR comment with its never-fail fallback.

import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { join } from 'node:path';
import { CredentialsError } from '../aws/credentials.js';
import { formatProblem, summarizeProblems } from '../config/index.js';
import type { DesiredState } from '../config/model.js';
import type { Plan } from '../plan/model.js';
import { renderPlanJson } from '../render/index.js';
import { renderPlanText } from '../commands/plan.js';
import { buildCommentBody, type CommentView } from './comment-body.js';
import { upsertComment, type OurComment } from './comment.js';
import { clustersOutput, Outputs } from './outputs.js';
import type { RunContext } from './run-context.js';
import { renderJobSummary } from './summary.js';

/** Loads and validates the config; every problem becomes an annotation on its file and line. */
export async function loadConfig(
  ctx: RunContext,
): Promise<{ state?: DesiredState; problems: CommentView['problems'] }> {
  const { io, settings } = ctx;
  const result = await ctx.loadConfig(settings.configPatterns, settings.workspace);
  for (const p of result.problems) {
    const annotation = {
      title:
        p.severity === 'error' ? 'Invalid eksctl ClusterConfig' : 'eksctl ClusterConfig warning',
      file: p.file,
      ...(p.line > 0 ? { startLine: p.line, startColumn: p.column } : {}),
    };
    const message = `${p.message}${p.hint ? ` (${p.hint})` : ''}`;
    if (p.severity === 'error') io.error(message, annotation);
    else io.warning(message, annotation);
  }
  if (result.problems.length > 0) io.info(`config: ${summarizeProblems(result.problems)}`);
  if (result.state) {
    io.setOutput(Outputs.clusters, clustersOutput(result.state));
    io.info(
      `config: ${result.state.clusters.length} cluster(s) from ${settings.configPatterns.join(', ')}`,
    );
  }
  return { state: result.state, problems: result.problems };
}

/** Credentials for the run; a CredentialsError keeps its actionable message. */
export async function credentialsFor(
  ctx: RunContext,
  state: DesiredState,
): Promise<AwsCredentialIdentity | undefined> {
  const { settings } = ctx;
  return ctx.credentials({
    roleToAssume: settings.roleToAssume,
    roleSessionName: settings.roleSessionName,
    region: settings.awsRegion ?? state.clusters[0]?.region ?? 'us-east-1',
    repository: settings.repository.fullName,
    forkPullRequest: settings.pullRequest?.fork === true,
  });
}

export const isCredentialsError = (error: unknown): error is CredentialsError =>
  error instanceof CredentialsError;

/** Plans with a fresh engine, logging each cluster's plan and eksctl task tree in its own group. */
export async function computePlan(
  ctx: RunContext,
  state: DesiredState,
  credentials: AwsCredentialIdentity | undefined,
  salt: string,
): Promise<{ plan: Plan; engine: ReturnType<RunContext['createEngine']> }> {
  const { io, settings } = ctx;
  const engine = ctx.createEngine(credentials);
  const plan = await io.group('Reading live state', () =>
    engine.plan(state, { prune: settings.prune, ownerId: settings.ownerId, salt }),
  );
  for (const cluster of plan.clusters) {
    await io.group(`Plan for cluster ${cluster.cluster} (${cluster.region})`, async () => {
      io.info(renderPlanText({ version: 1, clusters: [cluster] }).trimEnd());
    });
  }
  return { plan, engine };
}

/** Writes the versioned plan JSON under RUNNER_TEMP and sets the plan outputs. */
export async function writePlanOutputs(
  ctx: RunContext,
  plan: Plan,
  outputs: Record<string, string>,
): Promise<string> {
  const path = join(ctx.settings.tempDir, `podid-plan-${ctx.settings.runId}.json`);
  await ctx.io.writeTextFile(path, renderPlanJson(plan));
  ctx.io.setOutput(Outputs.planJson, path);
  for (const [name, value] of Object.entries(outputs)) ctx.io.setOutput(name, value);
  return path;
}

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

/** The step's failure message for config problems: each is already an annotation of its own. */
export const invalidConfigMessage = (problems: CommentView['problems']): string =>
  `the configuration is invalid: ${summarizeProblems([...(problems ?? [])])}; see the annotations on the files`;

export const problemsText = (problems: CommentView['problems']): string =>
  (problems ?? [])
    .filter((p) => p.severity === 'error')
    .map(formatProblem)
    .join('\n');
