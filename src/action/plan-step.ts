// Credentials, then the plan: each cluster's plan and eksctl task tree logged in its own group, the
// plan JSON written under RUNNER_TEMP and the plan outputs set.

import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { join } from 'node:path';
import { CredentialsError } from '../aws/credentials.js';
import type { DesiredState } from '../config/model.js';
import type { Plan } from '../plan/model.js';
import { renderPlanJson } from '../render/json.js';
import { ownerLine } from '../render/owner.js';
import { renderPlanText } from '../render/plan-text.js';
import { Outputs } from './outputs.js';
import type { RunContext } from './run-context.js';

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
  io.info(ownerLine({ id: settings.ownerId, source: settings.ownerIdSource }, settings.takeOver));
  const plan = await io.group('Reading live state', () =>
    engine.plan(state, {
      prune: settings.prune,
      ownerId: settings.ownerId,
      salt,
      // The apply's own identity must be allowed its Kubernetes changes; a plan job's read-only
      // role is not asked (another identity applies what it plans).
      ...(settings.mode === 'apply' ? { kubernetesAccess: 'required' as const } : {}),
      takeOver: settings.takeOver,
      removeOidcTrust: settings.removeOidcTrust,
    }),
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
