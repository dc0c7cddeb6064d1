// Long waits print progress, in the CLI and the action log: against the emulator's realistic
// profile, a stack, an add-on and IAM propagation each get "waiting for … (status …, N s so far)"
// lines. PODID_PROGRESS_SECONDS=1 makes them due within the emulator's scaled durations; the test
// asserts that the lines appear, never how long anything took.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  APPLY_ROLE,
  SUB_PRODUCTION,
  createDocumentedRoles,
  pushEvent,
  runAction,
  tempWorkspace,
} from './action-harness.js';
import { runCli, seedCluster, writeClusterConfig } from './harness.js';

// Stack ≈ 4.5 s, add-on ≈ 6 s, IAM propagation ≈ 0.8 s.
const env = withEmulator({ latencyProfile: 'realistic', timeScale: 10 });

const PROGRESS = { PODID_PROGRESS_SECONDS: '1' };

/** EKS does not see the new role for the first two tries, each answered after 1.2 s. */
const SLOW_PROPAGATION = {
  rules: [
    {
      operation: 'CreatePodIdentityAssociation',
      error: {
        status: 400,
        code: 'InvalidParameterException',
        message: 'Role provided in the request does not exist',
      },
      latencyMs: 1200,
      times: 2,
    },
  ],
};

async function setUp(dir?: string): Promise<string> {
  await env.admin('POST', 'seed', seedCluster([], { agent: false }));
  await env.admin('POST', 'faults', SLOW_PROPAGATION);
  return writeClusterConfig(
    [
      {
        namespace: 'apps',
        serviceAccountName: 'own',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    ],
    { addons: [{ name: 'eks-pod-identity-agent' }], dir },
  );
}

function expectProgress(log: string): void {
  expect(log).toMatch(
    /\[prod\] waiting for addon "eks-pod-identity-agent" to become active \(status CREATING, \d+ s so far\)/,
  );
  expect(log).toMatch(
    /\[prod\] waiting for CloudFormation stack "eksctl-prod-podidentityrole-apps-own" to be created \(status CREATE_IN_PROGRESS, \d+ s so far\)/,
  );
  expect(log).toMatch(
    /\[prod\] waiting for IAM role "arn:aws:iam::111122223333:role\/[^"]+" to propagate to EKS \(status: not visible to EKS yet, \d+ s so far\)/,
  );
}

describe('progress while waiting', () => {
  it('the CLI prints a line for the stack, the add-on and IAM propagation', async () => {
    const file = await setUp();
    const apply = await runCli(['apply', '-f', file], env.url, PROGRESS);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expectProgress(apply.stderr);
  }, 90_000);

  it('the action log has the same lines', async () => {
    const workspace = tempWorkspace();
    await setUp(workspace);
    await createDocumentedRoles(env);
    const run = await runAction(env.url, {
      eventName: 'push',
      event: pushEvent('3'.repeat(40)),
      workspace,
      sha: '3'.repeat(40),
      oidcSub: SUB_PRODUCTION,
      inputs: { 'role-to-assume': APPLY_ROLE, 'require-reviewed-plan': 'false' },
      env: PROGRESS,
    });
    expect(run.code, run.stdout).toBe(0);
    expectProgress(run.stdout);
  }, 90_000);

  it('a bad PODID_PROGRESS_SECONDS is a one-line error', async () => {
    const file = await setUp();
    const plan = await runCli(['apply', '-f', file], env.url, { PODID_PROGRESS_SECONDS: '0' });
    expect(plan.code).toBe(1);
    expect(plan.stderr + plan.stdout).toContain(
      'PODID_PROGRESS_SECONDS must be a whole number of seconds from 1 to 3600 (default 15); got "0"',
    );
  });
});
