// Kubernetes access as docs/iam-policies.md §4 documents it, against the emulator's EKS access
// entries: no entry is a plan error naming the principal with the commands that grant it; an entry
// that cannot make the planned changes fails the apply before any change (a warning for `podid
// plan`); the documented entries (plan role: view, apply role: edit) are enough.

import { AssociateAccessPolicyCommand, CreateAccessEntryCommand } from '@aws-sdk/client-eks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { ACCOUNT, runCli, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  APPLY_ROLE,
  PLAN_ROLE,
  ROOT,
  SUB_PR,
  SUB_PRODUCTION,
  createDocumentedRoles,
  pushEvent,
  runAction,
  tempWorkspace,
} from './action-harness.js';

const env = withEmulator();
const USER = `arn:aws:iam::${ACCOUNT}:user/emulator`;
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';
const DOC = readFileSync(join(ROOT, 'docs', 'iam-policies.md'), 'utf8');

interface Call {
  service: string;
  operation: string;
  mutating: boolean;
}

const entry = {
  namespace: 'payments',
  serviceAccountName: 'api',
  roleARN: userRoleArn('app'),
  createServiceAccount: true,
};

/** The cluster "prod" without the creator's admin entry, with namespace payments. */
async function seedWithoutAccess(): Promise<void> {
  const seed = seedCluster(['app']);
  await env.admin('POST', 'seed', {
    ...seed,
    clusters: seed.clusters.map((c) => ({ ...c, bootstrapClusterCreatorAdminPermissions: false })),
    kubernetes: { prod: { namespaces: ['payments'] } },
  });
}

async function grant(principalArn: string, policyArn: string, namespaces: string[]): Promise<void> {
  await env.eks.send(new CreateAccessEntryCommand({ clusterName: 'prod', principalArn }));
  await env.eks.send(
    new AssociateAccessPolicyCommand({
      clusterName: 'prod',
      principalArn,
      policyArn,
      accessScope: { type: 'namespace', namespaces },
    }),
  );
}

const mutatingCalls = async (): Promise<Call[]> =>
  (await env.admin<Call[]>('GET', 'calls')).filter((c) => c.mutating);

describe('Kubernetes access at plan time (CLI)', () => {
  it('no access entry: the plan fails, naming the principal and the commands that grant it', async () => {
    await seedWithoutAccess();
    const file = writeClusterConfig([entry]);
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    const out = plan.stdout + plan.stderr;
    expect(out).toContain(
      `the Kubernetes API of cluster "prod" (us-west-2) refused the IAM principal ${USER} (401 Unauthorized): it has no access entry on the cluster`,
    );
    expect(out).toContain(
      `aws eks create-access-entry --cluster-name prod --principal-arn ${USER} --region us-west-2`,
    );
    expect(out).toContain(`--policy-arn ${VIEW} --access-scope type=namespace,namespaces=payments`);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('an API server that does not answer: the plan fails with the endpoint hint, no stack trace', async () => {
    await env.admin('POST', 'seed', seedCluster(['app']));
    await env.admin('POST', 'faults', {
      rules: [{ service: 'kubernetes', operation: 'get:namespaces', latencyMs: 4000 }],
    });
    const file = writeClusterConfig([entry]);
    const plan = await runCli(['plan', '-f', file], env.url, { PODID_HTTP_TIMEOUT_MS: '500' });
    expect(plan.code).toBe(1);
    const out = plan.stdout + plan.stderr;
    expect(out).toContain('the Kubernetes API of cluster "prod" (us-west-2) could not be reached');
    expect(out).toContain('no answer within 500 ms');
    expect(out).toContain('private-only endpoint');
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('view only: `plan` warns, `apply` fails before any change; edit is enough', async () => {
    await seedWithoutAccess();
    await grant(USER, VIEW, ['payments']);
    const file = writeClusterConfig([entry]);

    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const denied = `the IAM principal ${USER} may not create serviceaccounts in namespace "payments" on cluster "prod"`;
    expect(plan.stdout + plan.stderr).toContain(denied);

    const before = (await mutatingCalls()).length;
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code).toBe(1);
    expect(apply.stdout + apply.stderr).toContain(denied);
    expect(apply.stdout + apply.stderr).toContain(
      `--policy-arn ${EDIT} --access-scope type=namespace,namespaces=payments`,
    );
    expect((await mutatingCalls()).length).toBe(before);

    await env.eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'prod',
        principalArn: USER,
        policyArn: EDIT,
        accessScope: { type: 'namespace', namespaces: ['payments'] },
      }),
    );
    const granted = await runCli(['apply', '-f', file], env.url);
    expect(granted.code, granted.stdout + granted.stderr).toBe(0);
    expect(granted.stdout + granted.stderr).toContain('created serviceaccount "payments/api"');
  });
});

describe('the documented access entries (docs/iam-policies.md §4)', () => {
  it('are what the docs say', () => {
    expect(DOC).toContain(
      `--principal-arn arn:aws:iam::111122223333:role/podid-plan \\\n  --policy-arn ${VIEW}`,
    );
    expect(DOC).toContain(
      `--principal-arn arn:aws:iam::111122223333:role/podid-apply \\\n  --policy-arn ${EDIT}`,
    );
  });

  it('without them the apply fails with the documented error; with them the plan and the apply pass', async () => {
    await seedWithoutAccess();
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    writeClusterConfig([entry], { dir: workspace });
    const MERGE = 'b'.repeat(40);
    const apply = () =>
      runAction(env.url, {
        eventName: 'push',
        event: pushEvent(MERGE),
        workspace,
        sha: MERGE,
        oidcSub: SUB_PRODUCTION,
        inputs: { 'role-to-assume': APPLY_ROLE, 'require-reviewed-plan': 'false' },
      });

    const refused = await apply();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `refused the IAM principal ${APPLY_ROLE} (401 Unauthorized): it has no access entry on the cluster`,
    );

    await grant(PLAN_ROLE, VIEW, ['payments']);
    await grant(APPLY_ROLE, EDIT, ['payments']);
    const plan = await runAction(env.url, {
      eventName: 'workflow_dispatch',
      event: {},
      workspace,
      sha: 'c'.repeat(40),
      oidcSub: SUB_PR,
      inputs: { 'role-to-assume': PLAN_ROLE, mode: 'plan', comment: 'false' },
    });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout).toContain(
      'create service account "payments/api", if it does not already exist',
    );

    const applied = await apply();
    expect(applied.code, applied.stdout).toBe(0);
    const { serviceAccounts } = await env.admin<{
      serviceAccounts: { namespace: string; name: string }[];
    }>('GET', 'k8s/prod/serviceaccounts');
    expect(serviceAccounts.some((s) => s.namespace === 'payments' && s.name === 'api')).toBe(true);
  });
});
