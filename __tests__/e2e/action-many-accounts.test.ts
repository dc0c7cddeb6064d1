// Many accounts in one run (role-to-assume with keyed lines): each cluster's AWS calls are signed by
// its own role, each role is assumed once, and a plan and its apply work across both. The emulator
// serves one account, so "two accounts" are two roles of different names whose policies each deny
// the other cluster: a call of one cluster made with the other's role is refused (AccessDenied),
// which the first test shows happens. What this proves: the routing of every call by cluster, one
// AssumeRoleWithWebIdentity per role, and keys by cluster name and by metadata.accountID. What it
// does not: a second account's own STS, endpoints or ARNs (the ARN's account is checked against
// metadata.accountID before any call, in __tests__/action/roles.test.ts).

import { describe, expect, it } from 'vitest';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { ACCOUNT, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  ROOT,
  SUB_PR,
  SUB_PRODUCTION,
  actionJobs,
  createDocumentedRoles,
  registerPull,
  tempWorkspace,
  type PullRequestSpec,
} from './action-harness.js';

const env = withEmulator();

const PR: PullRequestSpec = { number: 41, headSha: 'a'.repeat(40) };
const MERGE_SHA = 'b'.repeat(40);
const jobs = actionJobs(env, PR, MERGE_SHA);
const CLUSTERS = ['prod', 'staging'] as const;
const other = (name: string): string => (name === 'prod' ? 'staging' : 'prod');
const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;

interface Call {
  service: string;
  operation: string;
  principal?: string;
  denied?: boolean;
}

const policyFile = (name: string): string =>
  readFileSync(join(ROOT, 'docs', 'policies', `${name}.json`), 'utf8');

/** A documented role (plan or apply) for one cluster only: everything of the other one is denied. */
async function roleFor(kind: 'plan' | 'apply', cluster: string): Promise<string> {
  const name = `podid-${kind}-${cluster}`;
  const trust = JSON.parse(policyFile(`${kind}-role-trust-policy`));
  await env.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  const allow = JSON.parse(policyFile(`${kind}-role-policy`));
  const foreign = other(cluster);
  allow.Statement.push({
    Sid: 'NotTheOtherCluster',
    Effect: 'Deny',
    Action: ['eks:*', 'cloudformation:*'],
    Resource: [
      `arn:aws:eks:*:*:cluster/${foreign}`,
      `arn:aws:eks:*:*:*/${foreign}/*`,
      `arn:aws:cloudformation:*:*:stack/eksctl-${foreign}-*`,
    ],
  });
  await env.iam.send(
    new PutRolePolicyCommand({
      RoleName: name,
      PolicyName: name,
      PolicyDocument: JSON.stringify(allow),
    }),
  );
  return roleArn(name);
}

/** prod (no metadata.accountID) and staging (metadata.accountID), one association to create each. */
async function twoClusters(): Promise<string> {
  const prod = seedCluster(['app'], { name: 'prod' });
  const staging = seedCluster([], { name: 'staging' });
  await env.admin('POST', 'seed', { ...prod, clusters: [...prod.clusters, ...staging.clusters] });
  await createDocumentedRoles(env);
  const workspace = tempWorkspace();
  for (const name of CLUSTERS) {
    writeClusterConfig(
      [{ namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') }],
      { name, dir: workspace, ...(name === 'staging' ? { accountID: ACCOUNT } : {}) },
    );
  }
  await registerPull(env, PR);
  return workspace;
}

/** `prod=<its role>` by name, staging's by its account (metadata.accountID). */
const mapping = (kind: 'plan' | 'apply'): string =>
  `prod=${roleArn(`podid-${kind}-prod`)}\n${ACCOUNT}=${roleArn(`podid-${kind}-staging`)}`;

const callsSince = async (seq: number): Promise<Call[]> =>
  env.admin<Call[]>('GET', `calls?since=${seq}`);
const lastSeq = async (): Promise<number> =>
  (await env.admin<{ seq: number }[]>('GET', 'calls')).at(-1)?.seq ?? 0;

const assumedRoles = (calls: Call[]): string[] =>
  calls
    .filter((c) => c.operation === 'AssumeRoleWithWebIdentity')
    .map((c) => c.principal ?? c.operation);

describe('role-to-assume with many accounts', () => {
  it('one role for both clusters: the other cluster is denied (the policies really separate them)', async () => {
    const workspace = await twoClusters();
    const prodRole = await roleFor('plan', 'prod');
    const plan = await jobs.planRun(workspace, PR, { inputs: { 'role-to-assume': prodRole } });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/cluster "staging" \(us-west-2\) could not be read/);
  }, 90_000);

  it('plans and applies two clusters with two roles each in one run, each role assumed once', async () => {
    const workspace = await twoClusters();
    for (const kind of ['plan', 'apply'] as const)
      for (const cluster of CLUSTERS) await roleFor(kind, cluster);

    const before = await lastSeq();
    const plan = await jobs.planRun(workspace, PR, {
      inputs: { 'role-to-assume': mapping('plan') },
      oidcSub: SUB_PR,
    });
    expect(plan.code, plan.stdout).toBe(0);
    const planCalls = await callsSince(before);
    expect(planCalls.filter((c) => c.denied)).toEqual([]);
    expect(planCalls.filter((c) => c.operation === 'AssumeRoleWithWebIdentity')).toHaveLength(2);
    for (const cluster of CLUSTERS) {
      expect(plan.stdout).toContain(`assumed ${roleArn(`podid-plan-${cluster}`)} as`);
      // Both roles made EKS calls: each cluster was read with its own.
      expect(
        planCalls.some(
          (c) => c.service === 'eks' && c.principal?.includes(`/podid-plan-${cluster}/`),
        ),
      ).toBe(true);
    }
    expect(assumedRoles(planCalls)).toHaveLength(2);

    await registerPull(env, { ...PR, mergeCommitSha: MERGE_SHA, merged: true });
    const applyFrom = await lastSeq();
    const apply = await jobs.applyRun(workspace, {
      inputs: { 'role-to-assume': mapping('apply') },
      oidcSub: SUB_PRODUCTION,
    });
    expect(apply.code, apply.stdout).toBe(0);
    const applyCalls = await callsSince(applyFrom);
    expect(applyCalls.filter((c) => c.denied)).toEqual([]);
    expect(applyCalls.filter((c) => c.operation === 'AssumeRoleWithWebIdentity')).toHaveLength(2);
    for (const cluster of CLUSTERS) {
      expect(Object.keys((await liveSummary(env, cluster)).associations)).toEqual(['apps/app']);
      expect(
        applyCalls.some(
          (c) =>
            c.operation === 'CreatePodIdentityAssociation' &&
            c.principal?.includes(`/podid-apply-${cluster}/`),
        ),
      ).toBe(true);
    }
  }, 120_000);

  it('a cluster the mapping gives no role is refused before any AWS call', async () => {
    const workspace = await twoClusters();
    const before = await lastSeq();
    const plan = await jobs.planRun(workspace, PR, {
      inputs: { 'role-to-assume': `prod=${roleArn('podid-plan')}` },
    });
    expect(plan.code).toBe(1);
    expect(plan.outputs['failure-reason']).toBe('credentials');
    expect(plan.stdout + plan.stderr).toContain(
      `input "role-to-assume" has no role for cluster "staging": neither its name nor its account ${ACCOUNT} (metadata.accountID) has a line`,
    );
    // GitHub's calls only: the comment, and the job's OIDC token (requested as the run starts).
    const calls = await callsSince(before);
    expect(calls.filter((c) => c.service !== 'github' && c.service !== 'oidc')).toEqual([]);
  }, 90_000);
});
