// Add-on configs that must settle after one apply (found by trying the add-ons as a user): create
// and update want the same roles, a plan that would collide with itself is refused before it
// starts, tearing everything down works, and what the plan leaves alone is said. CLI bundle against
// the emulator.

import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { VPC_CNI_STACK, addonHarness } from './addon-harness.js';
import { liveSummary } from './live.js';
import { runCli, userRoleArn } from './harness.js';

const env = withEmulator();
const { writeConfig, seed, lastSeq, mutationsSince, addon, apply, expectEmptyPlan } =
  addonHarness(env);
const AGENT = { name: 'eks-pod-identity-agent' };

async function vpcCniTemplate(): Promise<string> {
  const out = await env.cfn.send(new GetTemplateCommand({ StackName: VPC_CNI_STACK }));
  return out.TemplateBody ?? '';
}

describe('add-ons settle after one apply', () => {
  it('useDefault on an IPv6 vpc-cni keeps the IPv6 policy on update (eksctl would swap in the IPv4 managed policy)', async () => {
    await seed({ ipFamily: 'ipv6', addons: [AGENT, { name: 'vpc-cni' }] });
    const file = writeConfig({
      addons: [AGENT, { name: 'vpc-cni', useDefaultPodIdentityAssociations: true }],
    });
    const applied = await apply(file);
    expect(applied.code, applied.text).toBe(0);
    expect(await vpcCniTemplate()).toContain('ec2:AssignIpv6Addresses');
    await expectEmptyPlan(file);
  });

  it('autoApply with podIdentityAssociations: [] creates the add-on without roles, and the next plan is empty', async () => {
    await seed();
    const file = writeConfig({
      addonsConfig: { autoApplyPodIdentityAssociations: true },
      addons: [AGENT, { name: 'aws-ebs-csi-driver', podIdentityAssociations: [] }],
    });
    const applied = await apply(file);
    expect(applied.code, applied.text).toBe(0);
    expect((await addon('aws-ebs-csi-driver'))?.podIdentityAssociations ?? []).toEqual([]);
    expect((await liveSummary(env)).stacks).toEqual({});
    await expectEmptyPlan(file);
  });

  it('a standalone association and an add-on claiming the same new service account are refused at plan time', async () => {
    await seed({ roles: ['ebs-by-hand'] });
    const file = writeConfig({
      iam: {
        podIdentityAssociations: [
          {
            namespace: 'kube-system',
            serviceAccountName: 'ebs-csi-controller-sa',
            roleARN: userRoleArn('ebs-by-hand'),
          },
        ],
      },
      addons: [AGENT, { name: 'aws-ebs-csi-driver', useDefaultPodIdentityAssociations: true }],
    });
    const before = await lastSeq();
    const result = await apply(file);
    expect(result.code).toBe(1);
    expect(result.text).toContain(
      'one or more service accounts corresponding to "aws-ebs-csi-driver" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to "ebs-csi-controller-sa" service account(s)',
    );
    expect(await mutationsSince(before)).toEqual([]);
  });

  it('removing every add-on deletes them, the agent last, and leaves nothing behind', async () => {
    await seed({ ipFamily: 'ipv6', addons: [AGENT, { name: 'vpc-cni' }] });
    const up = writeConfig({
      addons: [AGENT, { name: 'vpc-cni', useDefaultPodIdentityAssociations: true }],
    });
    expect((await apply(up)).code).toBe(0);
    const down = writeConfig({});
    const plan = await runCli(['plan', '-f', down, '--output', 'json'], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    const tasks = (
      JSON.parse(plan.stdout) as { clusters: { tasks: { id: string; dependsOn: string[] }[] }[] }
    ).clusters[0].tasks;
    const agentDeletion = tasks.find((t) => t.id === 'delete-addon:eks-pod-identity-agent');
    expect(agentDeletion?.dependsOn).toContain('delete-addon:vpc-cni');
    const applied = await apply(down);
    expect(applied.code, applied.text).toBe(0);
    const live = await liveSummary(env);
    expect(live.associations).toEqual({});
    expect(live.stacks).toEqual({});
    expect(await addon('eks-pod-identity-agent')).toBeUndefined();
    await expectEmptyPlan(down);
  });
});

describe('add-ons: what the plan leaves alone, and how failures read', () => {
  it('configurationValues and an IRSA role the config does not set are listed as not managed, not claimed to match', async () => {
    await seed({
      roles: ['coredns-irsa'],
      addons: [
        AGENT,
        {
          name: 'coredns',
          configurationValues: '{"replicaCount":3}',
          serviceAccountRoleArn: userRoleArn('coredns-irsa'),
        },
      ],
    });
    const file = writeConfig({ addons: [AGENT, { name: 'coredns' }] });
    expect((await apply(file)).code).toBe(0); // adopts both add-ons (owner tag)
    const plan = await runCli(['plan', '-f', file, '--output', 'json'], env.url);
    const cluster = (
      JSON.parse(plan.stdout) as {
        clusters: { tasks: unknown[]; notManaged: { path: string }[] }[];
      }
    ).clusters[0];
    expect(cluster.tasks).toEqual([]);
    expect(cluster.notManaged.map((n) => n.path)).toEqual([
      'addons[1].configurationValues',
      'addons[1].serviceAccountRoleARN',
    ]);
    const markdown = await runCli(['plan', '-f', file, '--output', 'markdown'], env.url);
    expect(markdown.stdout).not.toContain('The cluster matches the configuration');
    expect(markdown.stdout).toContain('Everything podid-action manages matches the configuration');
  });

  it('a new add-on that needs IAM is pointed at pod identity when its version supports it', async () => {
    await seed({ roles: ['efs-irsa'] });
    const file = writeConfig({
      addons: [
        AGENT,
        { name: 'aws-ebs-csi-driver' },
        { name: 'aws-efs-csi-driver', serviceAccountRoleARN: userRoleArn('efs-irsa') },
      ],
    });
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      'IAM permissions are required for "aws-ebs-csi-driver" addon; the recommended way to provide IAM permissions for "aws-ebs-csi-driver" addon is via pod identity associations',
    );
    expect(plan.stdout).toContain(
      'the recommended way to provide IAM permissions for "aws-efs-csi-driver" addon is via pod identity associations',
    );
  });

  it("a refused add-on call fails with eksctl's words", async () => {
    await seed({ addons: [AGENT, { name: 'coredns' }] });
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'eks',
          operation: 'UpdateAddon',
          error: { status: 400, code: 'InvalidParameterException', message: 'bad things' },
          times: 1,
        },
      ],
    });
    const file = writeConfig({
      addons: [AGENT, { name: 'coredns', configurationValues: '{"replicaCount":3}' }],
    });
    const result = await apply(file);
    expect(result.code).toBe(1);
    expect(result.text).toContain('failed to update addon "coredns": bad things');
  });
});
