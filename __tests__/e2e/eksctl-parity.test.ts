// eksctl's words for failures, end to end (issue 15, items 4 and 5): the CLI bundle against the
// emulator with faults injected, so people and scripts that search for eksctl's text find ours.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { runCli, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';

const env = withEmulator();

describe('eksctl parity of failure texts', () => {
  // creator_test.go DescribeTable "Create": "returns an error if creating the IAM role fails" and
  // "returns an error if creating the association fails" (iam_role_creator.go, tasks.go).
  it('wraps role stack and association failures in eksctl words, after our task line', async () => {
    await env.admin('POST', 'seed', seedCluster(['user-app']));
    await env.admin('POST', 'faults', {
      failingStacks: { 'eksctl-prod-podidentityrole-apps-own': 'Injected: role quota' },
      rules: [
        {
          service: 'eks',
          operation: 'CreatePodIdentityAssociation',
          error: { code: 'InvalidParameterException', status: 400, message: 'Injected: refused' },
        },
      ],
    });
    const file = writeClusterConfig([
      {
        namespace: 'apps',
        serviceAccountName: 'own',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
      { namespace: 'apps', serviceAccountName: 'mine', roleARN: userRoleArn('user-app') },
    ]);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain(
      '✖ create IAM role for pod identity association for service account "apps/own": creating IAM role for pod identity association for service account own in namespace apps: stack "eksctl-prod-podidentityrole-apps-own" ended in ROLLBACK_COMPLETE',
    );
    expect(apply.stdout).toContain(
      '✖ create pod identity association for service account "apps/mine": creating pod identity association for service account "mine" in namespace "apps": Injected: refused',
    );
  });

  // migrator_test.go, "[API errors] describing pod identity agent addon fails" (IsPodIdentityAgentInstalled).
  it('names the call when reading the pod identity agent fails', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'eks',
          operation: 'DescribeAddon',
          error: {
            code: 'AccessDeniedException',
            status: 403,
            message: 'User is not authorized to perform: eks:DescribeAddon',
          },
        },
      ],
    });
    const file = writeClusterConfig([]);
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      'calling "EKS::DescribeAddon::eks-pod-identity-agent": User is not authorized to perform: eks:DescribeAddon',
    );
  });
});
