// Add-ons as desired state, end to end (issue 9, reference §6 and the add-on scenarios of §8): the
// CLI bundle against the emulator — the plan text, the calls the apply makes, what the cluster holds
// afterwards, and an empty plan after every apply.

import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { ListAddonsCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { CNI, VPC_CNI_STACK, addonHarness, count } from './addon-harness.js';
import { liveSummary } from './live.js';
import { REGION, collect, runCli, spawnCli, userRoleArn } from './harness.js';

const env = withEmulator();
const { writeConfig, seed, lastSeq, mutationsSince, addon, apply, expectEmptyPlan } =
  addonHarness(env);

describe('add-ons: create, switch, empty with [], delete', () => {
  it('follows the config through a whole add-on life, each apply converging', async () => {
    await seed({ roles: ['efs-role'] });
    const efsRole = userRoleArn('efs-role');
    const efs = {
      name: 'aws-efs-csi-driver',
      podIdentityAssociations: [
        { namespace: 'kube-system', serviceAccountName: 'efs-csi-controller-sa', roleARN: efsRole },
      ],
    };
    const coredns = { name: 'coredns', configurationValues: '{"replicaCount": 3}' };
    const agent = { name: 'eks-pod-identity-agent' };

    // 1. Create with EKS's recommended roles (scenario 80/87), a user role, no IAM at all.
    const first = writeConfig({
      addons: [agent, { name: 'vpc-cni', useDefaultPodIdentityAssociations: true }, efs, coredns],
    });
    const before = await lastSeq();
    const plan = await runCli(['plan', '-f', first], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('+ create IAM role for addon vpc-cni service account "aws-node"');
    expect(plan.stdout).toContain(`+     managed policy ${CNI}`);
    expect(plan.stdout).toContain('+ install vpc-cni addon');
    expect(plan.stdout).toContain(
      `+     association aws-node = (known after apply: output Role1 of stack ${VPC_CNI_STACK})`,
    );
    expect(plan.stdout).toContain(`+     association efs-csi-controller-sa = ${efsRole}`);
    expect(plan.stdout).toContain('+     configurationValues: {"replicaCount": 3}');
    expect(plan.stdout).toContain('~ adopt eks-pod-identity-agent addon');
    expect(plan.stdout).toMatch(/Plan: 4 to create, 0 to update, 0 to delete, 1 to adopt\./);
    expect(await mutationsSince(before)).toEqual([]);

    const created = await lastSeq();
    const applied = await apply(first);
    expect(applied.code, applied.text).toBe(0);
    const calls = await mutationsSince(created);
    expect(count(calls, 'CreateStack')).toBe(1);
    expect(count(calls, 'CreateAddon')).toBe(3);
    // The add-ons make their associations themselves: no direct association call.
    expect(count(calls, 'CreatePodIdentityAssociation')).toBe(0);
    const cni = await addon('vpc-cni');
    expect(cni?.status).toBe('ACTIVE');
    expect(cni?.podIdentityAssociations).toHaveLength(1);
    expect((await addon('coredns'))?.configurationValues).toBe('{"replicaCount": 3}');
    const live = await liveSummary(env);
    expect(live.associations['kube-system/efs-csi-controller-sa']).toBe(efsRole);
    expect(live.stacks[VPC_CNI_STACK]).toBe('CREATE_COMPLETE');
    await expectEmptyPlan(first);

    // 2. Switch vpc-cni to an explicit association with one more inline policy: the role stack
    //    changes through a change set, the add-on keeps pointing at the same role.
    const second = writeConfig({
      addons: [
        agent,
        {
          name: 'vpc-cni',
          podIdentityAssociations: [
            {
              namespace: 'kube-system',
              serviceAccountName: 'aws-node',
              permissionPolicyARNs: [CNI],
              permissionPolicy: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
              },
            },
          ],
        },
        efs,
        coredns,
      ],
    });
    const switched = await runCli(['plan', '-f', second], env.url);
    expect(switched.stdout).toContain(
      `~ update IAM resources stack "${VPC_CNI_STACK}" for addon vpc-cni service account "aws-node"`,
    );
    expect(switched.stdout).toContain('+     inline policy Policy1 = ');
    expect(switched.stdout).not.toContain('update vpc-cni addon');
    expect((await apply(second)).code).toBe(0);
    await expectEmptyPlan(second);

    // 3. Omitted podIdentityAssociations on an add-on that has some: eksctl's error (scenario 81).
    const omitted = writeConfig({ addons: [agent, { name: 'vpc-cni' }, efs, coredns] });
    const refused = await runCli(['plan', '-f', omitted], env.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'addon vpc-cni has pod identity associations, to remove pod identity associations from an addon, addon.podIdentityAssociations must be explicitly set to []',
    );

    // 4. An explicit [] removes them all, then the stack of the role nobody uses goes.
    const emptied = writeConfig({
      addons: [agent, { name: 'vpc-cni', podIdentityAssociations: [] }, efs, coredns],
    });
    const emptyPlan = await runCli(['plan', '-f', emptied], env.url);
    expect(emptyPlan.stdout).toContain('~ update vpc-cni addon');
    expect(emptyPlan.stdout).toContain('addon.podIdentityAssociations is explicitly set to []');
    expect(emptyPlan.stdout).toContain('-     association aws-node');
    expect(emptyPlan.stdout).toContain(`- deleting IAM resources stack "${VPC_CNI_STACK}"`);
    expect((await apply(emptied)).code).toBe(0);
    expect((await addon('vpc-cni'))?.podIdentityAssociations).toEqual([]);
    expect((await liveSummary(env)).stacks[VPC_CNI_STACK]).toBeUndefined();
    await expectEmptyPlan(emptied);

    // 5. Gone from the config: prune managed deletes the add-ons this owner made, and only those.
    await env.admin('POST', 'seed', {
      clusters: [{ name: 'prod', region: REGION, addons: [{ name: 'kube-proxy' }] }],
    });
    const deleted = writeConfig({
      addons: [agent, { name: 'vpc-cni', podIdentityAssociations: [] }],
    });
    const prunePlan = await runCli(['plan', '-f', deleted], env.url);
    expect(prunePlan.stdout).toContain('- delete aws-efs-csi-driver addon');
    expect(prunePlan.stdout).toContain('- delete coredns addon');
    expect(prunePlan.stdout).toContain(
      '= addon kube-proxy: not in config; not managed, left alone',
    );
    expect((await apply(deleted)).code).toBe(0);
    const names = (await env.eks.send(new ListAddonsCommand({ clusterName: 'prod' }))).addons;
    expect(names?.sort()).toEqual(['eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
    // EKS deleted the add-on's association with it.
    expect((await liveSummary(env)).associations).toEqual({});
    await expectEmptyPlan(deleted);
  });

  it('gives vpc-cni on an IPv6 cluster eksctl inline IPv6 policy when auto-applying (scenario 75)', async () => {
    await seed({ ipFamily: 'ipv6' });
    const file = writeConfig({
      addonsConfig: { autoApplyPodIdentityAssociations: true },
      addons: [{ name: 'eks-pod-identity-agent' }, { name: 'vpc-cni' }],
    });
    const applied = await apply(file);
    expect(applied.code, applied.text).toBe(0);
    const { TemplateBody } = await env.cfn.send(
      new GetTemplateCommand({ StackName: VPC_CNI_STACK }),
    );
    expect(TemplateBody).toContain('ec2:AssignIpv6Addresses');
    expect(TemplateBody).toContain('arn:aws:ec2:*:*:network-interface/*');
    expect(TemplateBody).not.toContain('AmazonEKS_CNI_Policy');
    await expectEmptyPlan(file);
  });

  it('refuses at plan time what EKS would refuse at apply time', async () => {
    await seed();
    await env.admin('POST', 'seed', {
      roles: [
        {
          roleName: 'ec2-only',
          assumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'ec2.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          },
        },
      ],
    });
    const file = writeConfig({
      addons: [
        { name: 'eks-pod-identity-agent' },
        {
          name: 'aws-efs-csi-driver',
          podIdentityAssociations: [
            {
              namespace: 'kube-system',
              serviceAccountName: 'efs-csi-controller-sa',
              roleARN: userRoleArn('ec2-only'),
            },
          ],
        },
        { name: 'no-such-addon' },
        { name: 'coredns', version: 'v0.0.1' },
        {
          name: 'kube-proxy',
          podIdentityAssociations: [
            {
              namespace: 'kube-system',
              serviceAccountName: 'kube-proxy',
              permissionPolicyARNs: [CNI],
            },
          ],
        },
      ],
    });
    const before = await lastSeq();
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('no versions available for "no-such-addon"');
    expect(plan.stdout).toContain('no version(s) found matching "v0.0.1" for "coredns"');
    expect(plan.stdout).toContain(
      'IAM permissions are not required for "kube-proxy" addon; any IRSA configuration or pod identity associations will be ignored',
    );
    expect(plan.stdout).toContain(
      `role "${userRoleArn('ec2-only')}" does not trust pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession`,
    );
    expect(await mutationsSince(before)).toEqual([]);
  });
});

describe('add-on faults', () => {
  it('an add-on that ends CREATE_FAILED fails only itself; a re-run converges', async () => {
    await seed();
    await env.admin('POST', 'faults', {
      failingAddons: { 'prod/vpc-cni': { status: 'CREATE_FAILED', times: 1 } },
    });
    const file = writeConfig({
      addons: [
        { name: 'eks-pod-identity-agent' },
        { name: 'vpc-cni', useDefaultPodIdentityAssociations: true },
        { name: 'coredns' },
      ],
    });
    const first = await apply(file);
    expect(first.code).toBe(1);
    expect(first.text).toContain('addon status transitioned to "CREATE_FAILED"');
    expect((await addon('coredns'))?.status).toBe('ACTIVE');
    const replan = await runCli(['plan', '-f', file], env.url);
    expect(replan.stdout).toContain('~ update vpc-cni addon');
    expect(replan.stdout).toContain('the add-on is CREATE_FAILED');
    const second = await apply(file);
    expect(second.code, second.text).toBe(0);
    expect((await addon('vpc-cni'))?.status).toBe('ACTIVE');
    await expectEmptyPlan(file);
  });

  it('an update that leaves the add-on DEGRADED fails that task; the plan then says so and is empty', async () => {
    await seed({ addons: [{ name: 'eks-pod-identity-agent' }, { name: 'coredns' }] });
    await env.admin('POST', 'faults', {
      failingAddons: { coredns: { status: 'DEGRADED', times: 1 } },
    });
    const file = writeConfig({
      addons: [
        { name: 'eks-pod-identity-agent' },
        { name: 'coredns', configurationValues: '{"replicaCount": 2}' },
      ],
    });
    const first = await apply(file);
    expect(first.code).toBe(1);
    expect(first.text).toContain('addon status transitioned to "DEGRADED"');
    const replan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(replan.stdout).toContain('addon coredns is DEGRADED');
    expect(replan.code).toBe(0);
  });

  it('a kill during an add-on update converges on re-run', async () => {
    await seed({ addons: [{ name: 'eks-pod-identity-agent' }, { name: 'coredns' }] });
    env.emulator.world.durations.addonUpdate = 1500;
    try {
      const file = writeConfig({
        addons: [
          { name: 'eks-pod-identity-agent' },
          { name: 'coredns', configurationValues: '{"replicaCount": 4}' },
        ],
      });
      const since = await lastSeq();
      const child = spawnCli(['apply', '-f', file], env.url);
      const done = collect(child);
      for (let i = 0; i < 100 && !(await mutationsSince(since)).includes('UpdateAddon'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      const killed = await done;
      expect(killed.stdout).not.toContain('all tasks were completed');
      expect((await addon('coredns'))?.status).toBe('UPDATING');
      const rerun = await apply(file);
      expect(rerun.code, rerun.text).toBe(0);
      expect((await addon('coredns'))?.configurationValues).toBe('{"replicaCount": 4}');
      await expectEmptyPlan(file);
    } finally {
      env.emulator.world.durations.addonUpdate = 0;
    }
  });
});
