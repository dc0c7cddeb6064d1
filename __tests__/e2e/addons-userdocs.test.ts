// The add-on examples of eksctl's user documentation (reference eksctl-userdocs-pod-identity.md,
// "EKS Add-ons support for pod identity associations"), each run through the CLI bundle against the
// emulator: what the plan says, the calls the apply makes and in which order, what the cluster holds
// afterwards, and an empty plan after.

import { ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { REGION, runCli } from './harness.js';

const env = withEmulator();
const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;

interface Call {
  seq: number;
  operation: string;
  mutating: boolean;
}

function config(addons: unknown[], extra: Record<string, unknown> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'podid-userdocs-')), 'prod.eksctl.yaml');
  const doc = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: 'prod', region: REGION },
    ...extra,
    addons: [{ name: 'eks-pod-identity-agent' }, ...addons],
  };
  writeFileSync(file, stringify(doc));
  return file;
}

async function seed(addons: unknown[] = []): Promise<void> {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: 'prod',
        region: REGION,
        version: '1.32',
        addons: [{ name: 'eks-pod-identity-agent' }, ...addons],
      },
    ],
  });
}

async function applyAndConverge(file: string): Promise<string> {
  const applied = await runCli(['apply', '-f', file], env.url);
  expect(applied.code, applied.stdout + applied.stderr).toBe(0);
  const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
  expect(again.code, again.stdout).toBe(0);
  return applied.stdout + applied.stderr;
}

async function ownedBy(addon: string): Promise<string[]> {
  const { associations } = await env.eks.send(
    new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }),
  );
  return (associations ?? [])
    .filter((a) => a.ownerArn?.includes(`/${addon}/`))
    .map((a) => a.serviceAccount ?? '')
    .sort();
}

describe("eksctl's user documentation, add-on examples", () => {
  it('explicit associations: the docs omit the namespace, which eksctl code (and podid-action) require', async () => {
    await seed();
    const asDocumented = config([
      {
        name: 'vpc-cni',
        podIdentityAssociations: [
          {
            serviceAccountName: 'aws-node',
            permissionPolicyARNs: [policy('AmazonEKS_CNI_Policy')],
          },
        ],
      },
    ]);
    const refused = await runCli(['validate', '-f', asDocumented], env.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'invalid configuration for "vpc-cni" addon: podIdentityAssociations[0].namespace must be set',
    );
    const fixed = config([
      {
        name: 'vpc-cni',
        podIdentityAssociations: [
          {
            namespace: 'kube-system',
            serviceAccountName: 'aws-node',
            permissionPolicyARNs: [policy('AmazonEKS_CNI_Policy')],
          },
        ],
      },
    ]);
    await applyAndConverge(fixed);
    expect(await ownedBy('vpc-cni')).toEqual(['aws-node']);
  });

  it('addonsConfig.autoApplyPodIdentityAssociations: the recommended roles, on creation', async () => {
    await seed();
    const file = config([{ name: 'vpc-cni' }], {
      addonsConfig: { autoApplyPodIdentityAssociations: true },
    });
    await applyAndConverge(file);
    expect(await ownedBy('vpc-cni')).toEqual(['aws-node']);
    expect((await liveSummary(env)).stacks).toHaveProperty(
      'eksctl-prod-addon-vpc-cni-podidentityrole-aws-node',
    );
  });

  it('useDefaultPodIdentityAssociations: an existing add-on moves to its recommended roles', async () => {
    await seed([{ name: 'vpc-cni' }]);
    const file = config([{ name: 'vpc-cni', useDefaultPodIdentityAssociations: true }]);
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.stdout).toContain('~ update vpc-cni addon');
    expect(plan.stdout).toContain('+     association aws-node = (known after apply');
    await applyAndConverge(file);
    expect(await ownedBy('vpc-cni')).toEqual(['aws-node']);
  });

  it('updating adot: one role updated, one created, one deleted after the add-on lets go of it', async () => {
    await seed();
    const first = config([
      {
        name: 'adot',
        podIdentityAssociations: [
          {
            namespace: 'opentelemetry-operator-system',
            serviceAccountName: 'adot-col-prom-metrics',
            permissionPolicyARNs: [policy('AmazonPrometheusRemoteWriteAccess')],
          },
          {
            namespace: 'opentelemetry-operator-system',
            serviceAccountName: 'adot-col-otlp-ingest',
            permissionPolicyARNs: [policy('AWSXrayWriteOnlyAccess')],
          },
        ],
      },
    ]);
    await applyAndConverge(first);
    expect(await ownedBy('adot')).toEqual(['adot-col-otlp-ingest', 'adot-col-prom-metrics']);

    const second = config([
      {
        name: 'adot',
        podIdentityAssociations: [
          {
            namespace: 'opentelemetry-operator-system',
            serviceAccountName: 'adot-col-prom-metrics',
            permissionPolicyARNs: [policy('CloudWatchAgentServerPolicy')],
          },
          {
            namespace: 'opentelemetry-operator-system',
            serviceAccountName: 'adot-col-container-logs',
            permissionPolicyARNs: [policy('CloudWatchAgentServerPolicy')],
          },
        ],
      },
    ]);
    const plan = await runCli(['plan', '-f', second], env.url);
    expect(plan.stdout).toContain(
      '~ update IAM resources stack "eksctl-prod-addon-adot-podidentityrole-adot-col-prom-metrics"',
    );
    expect(plan.stdout).toContain(
      '+ create IAM role for addon adot service account "adot-col-container-logs"',
    );
    expect(plan.stdout).toContain('-     association adot-col-otlp-ingest = ');
    expect(plan.stdout).toContain(
      '- deleting IAM resources stack "eksctl-prod-addon-adot-podidentityrole-adot-col-otlp-ingest"',
    );

    const since = (await env.admin<Call[]>('GET', 'calls')).at(-1)?.seq ?? 0;
    await applyAndConverge(second);
    const calls = (await env.admin<Call[]>('GET', `calls?since=${since}`)).filter(
      (c) => c.mutating,
    );
    const at = (op: string) => calls.findIndex((c) => c.operation === op);
    // Roles first, then the add-on, then the stack of the role nobody uses any more.
    expect(at('CreateStack')).toBeLessThan(at('UpdateAddon'));
    expect(at('ExecuteChangeSet')).toBeGreaterThanOrEqual(0);
    expect(at('UpdateAddon')).toBeLessThan(at('DeleteStack'));
    expect(await ownedBy('adot')).toEqual(['adot-col-container-logs', 'adot-col-prom-metrics']);
    expect((await liveSummary(env)).stacks).not.toHaveProperty(
      'eksctl-prod-addon-adot-podidentityrole-adot-col-otlp-ingest',
    );
  });
});
