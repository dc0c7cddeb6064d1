// Many accounts in one run (role-to-assume with keyed lines), across a real account boundary: the
// emulator holds cluster "prod" in one AWS account and "staging" in another, each with its own OIDC
// provider and documented roles. One run of the action bundle plans and applies both: each role is
// assumed once, in its own account, and each cluster's calls act in its account with that account's
// role (the call log records the account of every call). A role of the wrong account fails the
// cluster it was given, clearly, and a cluster without a role is refused before any AWS call.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { ACCOUNT, POD_TRUST, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
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
/** staging's account; prod is in ACCOUNT, the emulator's default. */
const STAGING = '444455556666';
const STAGING_KEY = { accessKeyId: 'AKIASTAGINGACCOUNT01', secretAccessKey: 'staging-secret' };
const staging = () => env.clients({ credentials: STAGING_KEY });
const roleArn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;
const ACCOUNT_OF = { prod: ACCOUNT, staging: STAGING } as const;

interface Call {
  service: string;
  operation: string;
  status: number;
  account?: string;
  principal?: string;
  denied?: boolean;
}

/**
 * prod in ACCOUNT (no metadata.accountID, a user role) and staging in STAGING (metadata.accountID,
 * a role the action creates by a stack); the documented roles and the OIDC provider in both.
 */
async function twoAccounts(): Promise<string> {
  const prod = seedCluster(['app'], { name: 'prod' });
  const stagingCluster = seedCluster([], { name: 'staging' }).clusters;
  await env.admin('POST', 'seed', {
    ...prod,
    accounts: {
      [STAGING]: {
        credentials: [STAGING_KEY],
        roles: [{ roleName: 'app', assumeRolePolicyDocument: POD_TRUST }],
        clusters: stagingCluster,
      },
    },
  });
  await createDocumentedRoles(env);
  await createDocumentedRoles(staging(), STAGING);
  const workspace = tempWorkspace();
  writeClusterConfig(
    [{ namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') }],
    { name: 'prod', dir: workspace },
  );
  writeClusterConfig(
    [
      {
        namespace: 'apps',
        serviceAccountName: 'app',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    ],
    { name: 'staging', dir: workspace, accountID: STAGING },
  );
  await registerPull(env, PR);
  return workspace;
}

/** prod's role by its name, staging's by its account (metadata.accountID). */
const mapping = (kind: 'plan' | 'apply'): string =>
  `prod=${roleArn(ACCOUNT, `podid-${kind}`)}\n${STAGING}=${roleArn(STAGING, `podid-${kind}`)}`;

const lastSeq = async (): Promise<number> =>
  (await env.admin<{ seq: number }[]>('GET', 'calls')).at(-1)?.seq ?? 0;
/** AWS's calls: not GitHub's (the comment) nor its OIDC token endpoint (asked as the run starts). */
const awsCallsSince = async (seq: number): Promise<Call[]> =>
  (await env.admin<Call[]>('GET', `calls?since=${seq}`)).filter(
    (c) => c.service !== 'github' && c.service !== 'oidc',
  );

/** `account → the roles whose sessions made calls there`, from the call log. */
function rolesByAccount(calls: Call[]): Record<string, string[]> {
  const seen: Record<string, Set<string>> = {};
  for (const c of calls) {
    if (!c.principal || !c.account) continue;
    const [, account, role] = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(c.principal)!;
    // A session acts in its own role's account, never elsewhere.
    expect(account, `${c.service} ${c.operation}`).toBe(c.account);
    (seen[c.account] ??= new Set()).add(role);
  }
  return Object.fromEntries(Object.entries(seen).map(([a, roles]) => [a, [...roles]]));
}

const assumedIn = (calls: Call[]): string[] =>
  calls
    .filter((c) => c.operation === 'AssumeRoleWithWebIdentity' && c.status === 200)
    .map((c) => c.account ?? '')
    .sort();

describe('role-to-assume with many accounts', () => {
  it('plans and applies a cluster in each of two accounts in one run, each role assumed once in its account', async () => {
    const workspace = await twoAccounts();

    const before = await lastSeq();
    const plan = await jobs.planRun(workspace, PR, {
      inputs: { 'role-to-assume': mapping('plan') },
      oidcSub: SUB_PR,
    });
    expect(plan.code, plan.stdout).toBe(0);
    const planCalls = await awsCallsSince(before);
    expect(planCalls.filter((c) => c.denied)).toEqual([]);
    expect(assumedIn(planCalls)).toEqual([ACCOUNT, STAGING].sort());
    expect(rolesByAccount(planCalls)).toEqual({
      [ACCOUNT]: ['podid-plan'],
      [STAGING]: ['podid-plan'],
    });
    for (const cluster of ['prod', 'staging'] as const) {
      expect(plan.stdout).toContain(`assumed ${roleArn(ACCOUNT_OF[cluster], 'podid-plan')} as`);
    }

    await registerPull(env, { ...PR, mergeCommitSha: MERGE_SHA, merged: true });
    const applyFrom = await lastSeq();
    const apply = await jobs.applyRun(workspace, {
      inputs: { 'role-to-assume': mapping('apply') },
      oidcSub: SUB_PRODUCTION,
    });
    expect(apply.code, apply.stdout).toBe(0);
    const applyCalls = await awsCallsSince(applyFrom);
    expect(applyCalls.filter((c) => c.denied)).toEqual([]);
    expect(assumedIn(applyCalls)).toEqual([ACCOUNT, STAGING].sort());
    expect(rolesByAccount(applyCalls)).toEqual({
      [ACCOUNT]: ['podid-apply'],
      [STAGING]: ['podid-apply'],
    });
    const created = (operation: string) =>
      applyCalls
        .filter((c) => c.operation === operation && c.status === 200)
        .map((c) => c.account)
        .sort();
    expect(created('CreatePodIdentityAssociation')).toEqual([ACCOUNT, STAGING].sort());
    expect(created('CreateStack')).toEqual([STAGING]);

    // Each account holds its own cluster's association, and staging's generated role and stack.
    const prodLive = await liveSummary(env, 'prod');
    expect(prodLive.associations).toEqual({ 'apps/app': roleArn(ACCOUNT, 'app') });
    expect(prodLive.stacks).toEqual({});
    const stagingLive = await liveSummary(staging(), 'staging');
    expect(stagingLive.associations['apps/app']).toMatch(
      new RegExp(`^arn:aws:iam::${STAGING}:role/eksctl-staging-podidentityrole-apps-app-`),
    );
    expect(Object.keys(stagingLive.stacks)).toEqual(['eksctl-staging-podidentityrole-apps-app']);
  }, 120_000);

  it('a role of the wrong account fails the cluster it was given: its account has no such cluster', async () => {
    const workspace = await twoAccounts();
    const before = await lastSeq();
    const plan = await jobs.planRun(workspace, PR, {
      inputs: {
        'role-to-assume': `prod=${roleArn(STAGING, 'podid-plan')}\n${STAGING}=${roleArn(STAGING, 'podid-plan')}`,
      },
    });
    expect(plan.code).toBe(1);
    // The account it was looked for in is named, and the fix for a cluster of another account.
    expect(plan.stdout).toContain(
      `error: cluster "prod" was not found in us-west-2 (clusters in us-west-2 of account ${STAGING}: "staging"; fix metadata.name, metadata.region if the cluster is in another region, or the credentials if it is in another account)`,
    );
    const calls = await awsCallsSince(before);
    // One role, assumed once although it serves both clusters; prod was looked for in its account.
    expect(assumedIn(calls)).toEqual([STAGING]);
    expect(calls).toContainEqual(
      expect.objectContaining({ operation: 'DescribeCluster', status: 404, account: STAGING }),
    );
  }, 90_000);

  it('a role of another account than metadata.accountID, or no role, is refused before any AWS call', async () => {
    const workspace = await twoAccounts();
    const before = await lastSeq();
    const wrong = await jobs.planRun(workspace, PR, {
      inputs: { 'role-to-assume': `${STAGING}=${roleArn(ACCOUNT, 'podid-plan')}` },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.outputs['failure-reason']).toBe('invalid-input');
    expect(wrong.stdout + wrong.stderr).toContain(
      `input "role-to-assume" maps account ${STAGING} to ${roleArn(ACCOUNT, 'podid-plan')}, a role of account ${ACCOUNT}`,
    );
    const missing = await jobs.planRun(workspace, PR, {
      inputs: { 'role-to-assume': `prod=${roleArn(ACCOUNT, 'podid-plan')}` },
    });
    expect(missing.code).toBe(1);
    expect(missing.outputs['failure-reason']).toBe('credentials');
    expect(missing.stdout + missing.stderr).toContain(
      `input "role-to-assume" has no role for cluster "staging": neither its name nor its account ${STAGING} (metadata.accountID) has a line`,
    );
    expect(await awsCallsSince(before)).toEqual([]);
  }, 90_000);
});
