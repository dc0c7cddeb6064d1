// Credentials, then the plan: each cluster's plan and eksctl task tree logged in its own group, the
// plan JSON written under RUNNER_TEMP and the plan outputs set.

import type { Identity } from '../aws/clients.js';
import { join } from 'node:path';
import { CredentialsError, type Credentials } from '../aws/credentials.js';
import type { DesiredState } from '../config/model.js';
import type { Plan } from '../plan/model.js';
import { renderPlanJson } from '../render/json.js';
import { ownerLine } from '../render/owner.js';
import { renderPlanText } from '../render/plan-text.js';
import { Outputs } from './outputs.js';
import { hasRoles, roleOf } from './roles.js';
import type { RunContext } from './run-context.js';

/** How the run's clusters reach AWS: one identity for all, or each cluster its role's (many accounts). */
export interface ClusterAccess {
  /** Credentials of every cluster without an identity of its own; undefined = the SDK default chain. */
  credentials?: Credentials;
  identityOf?(cluster: string, region: string): Identity | undefined;
}

/**
 * Each cluster's role (input role-to-assume), decided before any call, and each distinct role
 * assumed once, all at once; a CredentialsError keeps its actionable message.
 */
export async function credentialsFor(ctx: RunContext, state: DesiredState): Promise<ClusterAccess> {
  const { settings } = ctx;
  const request = (roleToAssume: string | undefined, region: string | undefined) =>
    ctx.credentials({
      roleToAssume,
      roleSessionName: settings.roleSessionName,
      region: settings.awsRegion ?? region ?? 'us-east-1',
      repository: settings.repository.fullName,
      forkPullRequest: settings.pullRequest?.fork === true,
    });
  if (!hasRoles(settings.roles)) {
    return { credentials: await request(undefined, state.clusters[0]?.region) };
  }
  const roleOfCluster = new Map<string, string>();
  const regionOfRole = new Map<string, string>();
  const problems: string[] = [];
  for (const cluster of state.clusters) {
    const found = roleOf(settings.roles, cluster);
    if ('problem' in found) problems.push(found.problem);
    else {
      roleOfCluster.set(cluster.name, found.role);
      if (!regionOfRole.has(found.role)) regionOfRole.set(found.role, cluster.region);
    }
  }
  if (problems.length > 0) throw new CredentialsError(problems.join('\n'));
  const roles = [...regionOfRole.keys()];
  if (roles.length <= 1) {
    return {
      credentials: await request(
        roles[0] ?? settings.roles.fallback,
        roles[0] && regionOfRole.get(roles[0]),
      ),
    };
  }
  const assumed = await Promise.all(roles.map((role) => request(role, regionOfRole.get(role))));
  const byRole = new Map(roles.map((role, i) => [role, assumed[i]]));
  return {
    identityOf: (cluster) => {
      const role = roleOfCluster.get(cluster);
      return role === undefined ? undefined : { key: role, credentials: byRole.get(role) };
    },
  };
}

export const isCredentialsError = (error: unknown): error is CredentialsError =>
  error instanceof CredentialsError;

/** Plans with a fresh engine, logging each cluster's plan and eksctl task tree in its own group. */
export async function computePlan(
  ctx: RunContext,
  state: DesiredState,
  access: ClusterAccess,
  salt: string,
): Promise<{ plan: Plan; engine: ReturnType<RunContext['createEngine']> }> {
  const { io, settings } = ctx;
  const engine = ctx.createEngine(access);
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
