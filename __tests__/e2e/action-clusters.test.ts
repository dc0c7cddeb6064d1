// The `clusters` input limits a run to some clusters, and the review binding still holds when the
// plan job and the apply job use different values: each cluster applied must match its own reviewed
// record, so applying fewer clusters than were reviewed works and a cluster nobody reviewed is
// refused. Matrix legs (one cluster each) keep a sticky comment each.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  actionJobs,
  awsCallLog,
  createDocumentedRoles,
  isOurs,
  listComments,
  registerPull,
  tempWorkspace,
  type PullRequestSpec,
} from './action-harness.js';

const env = withEmulator();
const { lastSeq, awsMutationsSince } = awsCallLog(env);

const PR: PullRequestSpec = { number: 31, headSha: 'd'.repeat(40) };
const MERGE_SHA = 'e'.repeat(40);
const jobs = actionJobs(env, PR, MERGE_SHA);
const CLUSTERS = ['prod', 'staging'];

/** Two clusters, each with one association to create; the workspace holds both files. */
async function twoClusters(): Promise<string> {
  const prod = seedCluster(['app'], { name: 'prod' });
  const staging = seedCluster([], { name: 'staging' });
  await env.admin('POST', 'seed', { ...prod, clusters: [...prod.clusters, ...staging.clusters] });
  await createDocumentedRoles(env);
  const workspace = tempWorkspace();
  for (const name of CLUSTERS) {
    writeClusterConfig(
      [{ namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') }],
      { name, dir: workspace },
    );
  }
  await registerPull(env, PR);
  return workspace;
}

const merge = () => registerPull(env, { ...PR, mergeCommitSha: MERGE_SHA, merged: true });
const planOf = (workspace: string, clusters = '') =>
  jobs.planRun(workspace, PR, { inputs: { clusters } });
const applyOf = (workspace: string, clusters = '') =>
  jobs.applyRun(workspace, { inputs: { clusters } });

describe('the clusters input', () => {
  it('a plan of every cluster, applied to one: only that cluster changes', async () => {
    const workspace = await twoClusters();
    expect((await planOf(workspace)).code).toBe(0);
    await merge();
    const apply = await applyOf(workspace, 'prod');
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.stdout).toContain('clusters: limited to prod (input clusters)');
    // The action's log opens the plan with the owner id in force, as the CLI does.
    expect(apply.stdout).toContain('owner id: "example-org/infra" (from GITHUB_REPOSITORY)');
    expect(Object.keys((await liveSummary(env)).associations)).toEqual(['apps/app']);
    expect(Object.keys((await liveSummary(env, 'staging')).associations)).toEqual([]);
  }, 90_000);

  it('a plan of one cluster, applied to all: the cluster nobody reviewed is refused, nothing applied', async () => {
    const workspace = await twoClusters();
    expect((await planOf(workspace, 'prod')).code).toBe(0);
    await merge();
    const before = await lastSeq();
    const apply = await applyOf(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(apply.stdout).toContain('cluster "staging" (us-west-2) was not in the reviewed plan');
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 90_000);

  it('matrix legs keep a comment each, and an apply of all clusters matches both', async () => {
    const workspace = await twoClusters();
    for (const name of CLUSTERS) expect((await planOf(workspace, name)).code).toBe(0);
    const ours = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(ours).toHaveLength(2);
    await merge();
    const apply = await applyOf(workspace);
    expect(apply.code, apply.stdout).toBe(0);
    for (const name of CLUSTERS) {
      expect(Object.keys((await liveSummary(env, name)).associations)).toEqual(['apps/app']);
    }
  }, 120_000);

  it('a cluster the config does not declare is an error naming the ones it does', async () => {
    const workspace = await twoClusters();
    const plan = await planOf(workspace, 'prdo');
    expect(plan.code).toBe(1);
    expect(plan.outputs['failure-reason']).toBe('invalid-config');
    expect(plan.stdout).toContain(
      'input "clusters" names "prdo", which no config file declares (found: prod, staging)',
    );
  });
});
