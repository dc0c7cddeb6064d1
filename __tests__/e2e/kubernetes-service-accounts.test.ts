// createServiceAccount end to end: the CLI bundle, the EKS token and the official Kubernetes client
// against the emulator's Kubernetes API (TLS verified against the CA DescribeCluster returns).
// eksctl's semantics (reference §2.2 b, §5 b, scenario 22): the namespace and the service account
// before the association, eksctl's label merged into an existing one, and only a service account
// with that label deleted when its association goes.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { runCli, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';

const env = withEmulator();
const LABEL = { 'app.kubernetes.io/managed-by': 'eksctl' };

interface ServiceAccountView {
  namespace: string;
  name: string;
  labels: Record<string, string>;
}
interface Call {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
  status: number;
}

async function serviceAccount(
  namespace: string,
  name: string,
): Promise<ServiceAccountView | undefined> {
  const { serviceAccounts } = await env.admin<{ serviceAccounts: ServiceAccountView[] }>(
    'GET',
    'k8s/prod/serviceaccounts',
  );
  return serviceAccounts.find((s) => s.namespace === namespace && s.name === name);
}

const kubernetesCalls = async (): Promise<Call[]> =>
  (await env.admin<Call[]>('GET', 'calls')).filter((c) => c.service === 'kubernetes');

const entry = (
  namespace: string,
  serviceAccountName: string,
  extra: Record<string, unknown> = {},
) => ({
  namespace,
  serviceAccountName,
  roleARN: userRoleArn('app'),
  createServiceAccount: true,
  ...extra,
});

describe('createServiceAccount against the Kubernetes API', () => {
  it('creates the namespace and the service account before the association, then plans nothing', async () => {
    await env.admin('POST', 'seed', seedCluster(['app']));
    const file = writeClusterConfig([entry('payments', 'api')]);

    const plan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    expect(plan.stdout).toContain(
      '+ create service account "payments/api", if it does not already exist',
    );
    expect(plan.stdout).toContain('not in cluster, nor is namespace "payments"');
    // A plan changes nothing, in Kubernetes either.
    expect((await kubernetesCalls()).filter((c) => c.mutating)).toEqual([]);

    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout + apply.stderr).toContain('created namespace "payments"');
    expect(apply.stdout + apply.stderr).toContain('created serviceaccount "payments/api"');
    expect(await serviceAccount('payments', 'api')).toMatchObject({ labels: LABEL });
    const mutations = (await kubernetesCalls()).filter((c) => c.mutating).map((c) => c.operation);
    expect(mutations).toEqual(['create:namespaces', 'create:serviceaccounts']);
    const eksCalls = (await env.admin<Call[]>('GET', 'calls')).map((c) => c.operation);
    // eksctl's order: the association only after its service account exists.
    expect(eksCalls.indexOf('CreatePodIdentityAssociation')).toBeGreaterThan(
      eksCalls.lastIndexOf('create:serviceaccounts'),
    );

    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).not.toContain('create service account');
  });

  it('merges the label into a service account that exists without it, keeping its own labels', async () => {
    await env.admin('POST', 'seed', {
      ...seedCluster(['app']),
      kubernetes: {
        prod: {
          serviceAccounts: [{ namespace: 'web', name: 'frontend', labels: { tier: 'web' } }],
        },
      },
    });
    const file = writeClusterConfig([entry('web', 'frontend')]);
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.stdout).toContain(
      '~ create service account "web/frontend", if it does not already exist',
    );
    expect(plan.stdout).toContain('exists without the label app.kubernetes.io/managed-by=eksctl');

    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout + apply.stderr).toContain('serviceaccount "web/frontend" already exists');
    expect(apply.stdout + apply.stderr).toContain('updated serviceaccount "web/frontend"');
    expect((await serviceAccount('web', 'frontend'))?.labels).toEqual({ tier: 'web', ...LABEL });
    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
  });

  it('reads no Kubernetes at all for a config that does not need it', async () => {
    await env.admin('POST', 'seed', seedCluster(['app']));
    const file = writeClusterConfig([entry('apps', 'plain', { createServiceAccount: false })]);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    // prune: managed reads the namespaces of associations it would delete; here there are none.
    expect(await kubernetesCalls()).toEqual([]);
  });

  it('scenario 22: a failing Kubernetes call fails the service account task, and the association is not created', async () => {
    await env.admin('POST', 'seed', seedCluster(['app']));
    const file = writeClusterConfig([entry('payments', 'api')]);
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'kubernetes',
          operation: 'create:serviceaccounts',
          error: {
            status: 403,
            code: 'Forbidden',
            message: 'serviceaccounts is forbidden: injected',
          },
          times: 1,
        },
      ],
    });
    const failed = await runCli(['apply', '-f', file], env.url);
    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).toContain(
      'failed to create service account "payments/api"',
    );
    expect(failed.stdout + failed.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
    const state = await env.admin<{ eks: { clusters: { podIdentityAssociations?: unknown[] }[] } }>(
      'GET',
      'state',
    );
    expect(JSON.stringify(state)).not.toContain('"serviceAccount":"api"');

    // Re-running converges: the namespace made by the failed run is fine, the rest is done now.
    const rerun = await runCli(['apply', '-f', file], env.url);
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(await serviceAccount('payments', 'api')).toMatchObject({ labels: LABEL });
    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
  });
});

describe('the service account of a pruned association', () => {
  it("is deleted when it carries eksctl's label, and left alone (said in the plan) when not", async () => {
    await env.admin('POST', 'seed', {
      ...seedCluster(['app']),
      kubernetes: {
        prod: {
          serviceAccounts: [{ namespace: 'team', name: 'theirs', labels: { owner: 'helm' } }],
        },
      },
    });
    const both = writeClusterConfig([
      entry('team', 'ours'),
      entry('team', 'theirs', { createServiceAccount: false }),
    ]);
    expect((await runCli(['apply', '-f', both], env.url)).code).toBe(0);
    expect(await serviceAccount('team', 'ours')).toMatchObject({ labels: LABEL });

    const none = writeClusterConfig([entry('other', 'keep', { createServiceAccount: false })]);
    const plan = await runCli(['plan', '-f', none], env.url);
    expect(plan.stdout).toContain(
      '- delete service account "team/ours", if it exists and is managed by eksctl',
    );
    expect(plan.stdout).toContain(
      'service account "team/theirs" is left alone: it was not created by eksctl (no label app.kubernetes.io/managed-by=eksctl)',
    );
    const apply = await runCli(['apply', '-f', none], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout + apply.stderr).toContain('deleted serviceaccount "team/ours"');
    expect(await serviceAccount('team', 'ours')).toBeUndefined();
    expect(await serviceAccount('team', 'theirs')).toMatchObject({ labels: { owner: 'helm' } });
    const again = await runCli(['plan', '-f', none, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
  });
});

describe('the EKS token during a long apply', () => {
  it('is renewed when the API server stops accepting it, and the apply goes on', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    // Tokens die after two seconds, and creating the namespace takes longer (the server stalls
    // after accepting the token): the next call's token is dead.
    await env.admin('POST', 'k8s/token-lifetime', { seconds: 2 });
    await env.admin('POST', 'faults', {
      rules: [{ service: 'kubernetes', operation: 'create:namespaces', latencyMs: 2500, times: 1 }],
    });
    const file = writeClusterConfig([
      {
        namespace: 'batch',
        serviceAccountName: 'worker',
        createServiceAccount: true,
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    ]);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const calls = await kubernetesCalls();
    expect(calls.some((c) => c.status === 401)).toBe(true);
    expect(calls.filter((c) => c.mutating && c.status < 300).map((c) => c.operation)).toEqual([
      'create:namespaces',
      'create:serviceaccounts',
    ]);
    expect(await serviceAccount('batch', 'worker')).toMatchObject({ labels: LABEL });
  });
});
