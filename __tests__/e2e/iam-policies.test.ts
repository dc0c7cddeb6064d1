// The least-privilege policies of docs/iam-policies.md (docs/policies/*.json) against the emulator's
// IAM enforcement, for add-ons: the plan role reads everything an add-on plan needs, and the apply
// role's iam:PassRole statement is needed — without it EKS refuses to pass the roles.

import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  APPLY_ROLE,
  ROOT,
  SUB_PR,
  SUB_PRODUCTION,
  createDocumentedRoles,
  pullRequestEvent,
  pushEvent,
  registerPull,
  runAction,
  tempWorkspace,
} from './action-harness.js';

const env = withEmulator();
const MERGE_SHA = 'b'.repeat(40);

interface PolicyDocument {
  Statement: { Sid?: string; Action?: string | string[] }[];
}

const documentedPolicy = (role: 'plan' | 'apply'): PolicyDocument =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'policies', `${role}-role-policy.json`), 'utf8'));
const applyPolicy = (): PolicyDocument => documentedPolicy('apply');

async function setRolePolicy(role: 'plan' | 'apply', document: unknown): Promise<void> {
  await env.iam.send(
    new PutRolePolicyCommand({
      RoleName: `podid-${role}`,
      PolicyName: `podid-${role}`,
      PolicyDocument: JSON.stringify(document),
    }),
  );
}

const setApplyPolicy = (document: unknown): Promise<void> => setRolePolicy('apply', document);

/** The documented policy without one statement, or without one action of a statement. */
function without(document: PolicyDocument, sid: string, action?: string): PolicyDocument {
  const Statement = document.Statement.flatMap((s) => {
    if (s.Sid !== sid) return [s];
    if (action === undefined) return [];
    return [{ ...s, Action: [s.Action ?? []].flat().filter((a) => a !== action) }];
  });
  return { ...document, Statement };
}

const applyRun = (workspace: string) =>
  runAction(env.url, {
    eventName: 'push',
    event: pushEvent(MERGE_SHA),
    workspace,
    sha: MERGE_SHA,
    oidcSub: SUB_PRODUCTION,
    inputs: { 'role-to-assume': APPLY_ROLE, 'require-reviewed-plan': 'false' },
  });

describe('documented IAM policies and add-ons', () => {
  it('the plan role plans add-ons; the apply role needs its iam:PassRole statement to apply them', async () => {
    await env.admin('POST', 'seed', seedCluster(['user-app']));
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    writeClusterConfig(
      [{ namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('user-app') }],
      {
        dir: workspace,
        addons: [
          { name: 'eks-pod-identity-agent' },
          { name: 'vpc-cni', useDefaultPodIdentityAssociations: true },
        ],
      },
    );

    const pr = { number: 21, headSha: 'a'.repeat(40) };
    await registerPull(env, pr);
    const plan = await runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(pr),
      workspace,
      sha: 'c'.repeat(40),
      oidcSub: SUB_PR,
    });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.summary).toContain('install vpc-cni addon');

    const documented = applyPolicy();
    const withoutPassRole = {
      ...documented,
      Statement: documented.Statement.filter((s) => s.Sid !== 'PassRolesOnlyToPodIdentityAndEks'),
    };
    expect(withoutPassRole.Statement).toHaveLength(documented.Statement.length - 1);
    await setApplyPolicy(withoutPassRole);
    const refused = await applyRun(workspace);
    expect(refused.code).toBe(1);
    expect(refused.outputs['failure-reason']).toBe('apply-failed');
    expect(refused.stdout).toContain('is not authorized to perform: iam:PassRole on resource:');

    await setApplyPolicy(documented);
    const applied = await applyRun(workspace);
    expect(applied.code, applied.stdout).toBe(0);
    const again = await runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 22, headSha: 'd'.repeat(40) }),
      workspace,
      sha: 'c'.repeat(40),
      oidcSub: SUB_PR,
    });
    expect(again.outputs['has-changes'], again.stdout).toBe('false');
  }, 120_000);

  it("the plan role checks a new role's managed policies; the apply role reads a failed stack's events", async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    const S3_RO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const TYPO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess';
    const config = (policy: string) =>
      writeClusterConfig(
        [{ namespace: 'apps', serviceAccountName: 'app', permissionPolicyARNs: [policy] }],
        { dir: workspace },
      );
    let number = 30;
    const planRun = async () => {
      const pr = { number: ++number, headSha: 'e'.repeat(40) };
      await registerPull(env, pr);
      return runAction(env.url, {
        eventName: 'pull_request',
        event: pullRequestEvent(pr),
        workspace,
        sha: 'c'.repeat(40),
        oidcSub: SUB_PR,
      });
    };

    config(TYPO);
    const checked = await planRun();
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`permissionPolicyARNs[0] "${TYPO}" does not exist`);
    expect(checked.stdout).toContain(`did you mean ${S3_RO}?`);
    await setRolePolicy('plan', without(documentedPolicy('plan'), 'ReadManagedPoliciesOfNewRoles'));
    const unchecked = await planRun();
    expect(unchecked.stdout).toContain('could not be read (iam:GetPolicy was denied)');
    expect(unchecked.stdout).not.toContain('does not exist');

    config(S3_RO);
    const stack = 'eksctl-prod-podidentityrole-apps-app';
    const failNextCreate = () =>
      env.admin('POST', 'faults', { failingStacks: { [stack]: 'Injected: role quota' } });
    await failNextCreate();
    await setApplyPolicy(
      without(applyPolicy(), 'ReadCloudFormationStacks', 'cloudformation:DescribeStackEvents'),
    );
    const echo = await applyRun(workspace);
    expect(echo.code).toBe(1);
    expect(echo.stdout).toContain('cannot fetch stack events');
    expect(echo.stdout).toContain(
      `stack "${stack}" ended in ROLLBACK_COMPLETE: The following resource(s) failed to create: [Role1]. Rollback requested by user.`,
    );

    await failNextCreate();
    await setApplyPolicy(applyPolicy());
    const cause = await applyRun(workspace);
    expect(cause.code).toBe(1);
    expect(cause.stdout).toContain(
      `stack "${stack}" ended in ROLLBACK_COMPLETE: AWS::IAM::Role/Role1: CREATE_FAILED – Injected: role quota`,
    );
  }, 120_000);
});

describe('documented IAM policies and IRSA migration (docs/iam-policies.md §5)', () => {
  it('owned roles migrate under the apply policy; an unowned role needs the documented statement for it', async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'prod',
          region: 'us-west-2',
          version: '1.32',
          withOIDC: true,
          addons: [{ name: 'eks-pod-identity-agent' }],
          iamServiceAccounts: [
            { namespace: 'default', name: 'owned', owned: true },
            { namespace: 'default', name: 'unowned', owned: false, roleName: 'payments-irsa' },
          ],
        },
      ],
    });
    await createDocumentedRoles(env);
    const { Stacks } = await env.cfn.send(
      new DescribeStacksCommand({ StackName: 'eksctl-prod-addon-iamserviceaccount-default-owned' }),
    );
    const ownedArn = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
    const ownedName = ownedArn.slice(ownedArn.lastIndexOf('/') + 1);
    const trusts = async (roleName: string) => {
      const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: roleName }));
      return decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '').includes(
        'pods.eks.amazonaws.com',
      );
    };
    const workspace = tempWorkspace();
    writeClusterConfig(
      [
        { namespace: 'default', serviceAccountName: 'owned', roleARN: ownedArn },
        {
          namespace: 'default',
          serviceAccountName: 'unowned',
          roleARN: userRoleArn('payments-irsa'),
        },
      ],
      { dir: workspace },
    );

    const refused = await applyRun(workspace);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('is not authorized to perform: iam:UpdateAssumeRolePolicy');
    // The owned role migrated through its stack; the unowned one was refused.
    expect(await trusts(ownedName)).toBe(true);
    expect(await trusts('payments-irsa')).toBe(false);
    const DOC = readFileSync(join(ROOT, 'docs', 'iam-policies.md'), 'utf8');
    const statement = JSON.parse(
      /```json\n(\{\n {2}"Sid": "MigrateTheseIrsaRoles"[\s\S]*?\})\n```/.exec(DOC)![1],
    );
    const documented = applyPolicy();
    await setApplyPolicy({
      ...documented,
      Statement: [
        ...documented.Statement,
        { ...statement, Resource: [userRoleArn('payments-irsa')] },
      ],
    });
    const applied = await applyRun(workspace);
    expect(applied.code, applied.stdout).toBe(0);
    expect(await trusts('payments-irsa')).toBe(true);
  }, 120_000);
});
