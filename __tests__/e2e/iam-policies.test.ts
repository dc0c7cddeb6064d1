// The least-privilege policies of docs/iam-policies.md (docs/policies/*.json) against the emulator's
// IAM enforcement, for add-ons: the plan role reads everything an add-on plan needs, and the apply
// role's iam:PassRole statement is needed — without it EKS refuses to pass the roles.

import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
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

const applyPolicy = (): { Statement: { Sid?: string }[] } =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'policies', 'apply-role-policy.json'), 'utf8'));

async function setApplyPolicy(document: unknown): Promise<void> {
  await env.iam.send(
    new PutRolePolicyCommand({
      RoleName: 'podid-apply',
      PolicyName: 'podid-apply',
      PolicyDocument: JSON.stringify(document),
    }),
  );
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
});
