// eksctl's add-on scenarios of reference §8 (61–82) as the declarative planner answers them: the
// tasks, their parameters and eksctl's messages. Where podid-action departs from eksctl on purpose,
// the test says so (it plans role switches eksctl refuses, and never deletes before the add-on
// lets go of a role).
import { describe, expect, it } from 'vitest';
import type { AddonSpec } from '../../src/config/model.js';
import type { LiveAddon, LiveAddonCatalog, LiveCluster } from '../../src/live/model.js';
import { AGENT_ADDON } from '../../src/names/addons.js';
import type { Task } from '../../src/plan/model.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import {
  OPTIONS,
  addon,
  addonStackFor,
  agentCatalog,
  association,
  entry,
  live,
  liveAddon,
  offered,
  roleArn,
  spec,
  trustedRole,
} from './fixtures.js';

const CNI = 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy';
const EBS = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';
const ids = (tasks: Task[]) => tasks.map((t) => t.id);
const byId = (tasks: Task[], id: string): Task => {
  const task = tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id} in ${ids(tasks).join(', ')}`);
  return task;
};
const agent = addon(AGENT_ADDON);

/** A cluster whose agent runs, with these add-ons live and this catalog. */
function cluster(
  addons: LiveAddon[],
  catalog: Record<string, LiveAddonCatalog>,
  extra: Partial<LiveCluster> = {},
): LiveCluster {
  const ours = liveAddon(AGENT_ADDON, { version: 'v1.3.4-eksbuild.1' });
  return live({
    addons: { [AGENT_ADDON]: ours, ...Object.fromEntries(addons.map((a) => [a.name, a])) },
    addonNames: [AGENT_ADDON, ...addons.map((a) => a.name)],
    addonCatalog: { [AGENT_ADDON]: agentCatalog(), ...catalog },
    ...extra,
  });
}

const plan = (addons: AddonSpec[], state: LiveCluster, extra = {}) =>
  planCluster(spec([], { addons: [agent, ...addons], ...extra }), state, OPTIONS);

const pia = (sa: string, extra = {}) => entry('kube-system', sa, extra);
const cniOffer = () => offered([{ serviceAccount: 'aws-node', recommendedManagedPolicies: [CNI] }]);

describe('add-on pod identity reconcile (scenarios 61–69)', () => {
  it('61: a new service account without roleARN gets a role stack, then the add-on points at it', () => {
    const cni = liveAddon('vpc-cni');
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('aws-node', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }),
    );
    expect(p.errors).toEqual([]);
    expect(ids(p.tasks)).toEqual([
      'create-role-stack:addon:vpc-cni:aws-node',
      'update-addon:vpc-cni',
    ]);
    const update = byId(p.tasks, 'update-addon:vpc-cni');
    expect(update.dependsOn).toEqual(['create-role-stack:addon:vpc-cni:aws-node']);
    expect(update.params).toMatchObject({
      podIdentityAssociations: [
        {
          serviceAccount: 'aws-node',
          roleArn: {
            stackName: 'eksctl-test-cluster-addon-vpc-cni-podidentityrole-aws-node',
            output: 'Role1',
          },
        },
      ],
    });
    const stack = byId(p.tasks, 'create-role-stack:addon:vpc-cni:aws-node');
    expect(stack.params).toMatchObject({
      tags: {
        'alpha.eksctl.io/addon-name': 'vpc-cni',
        'alpha.eksctl.io/addon-podidentityassociation-name': 'kube-system/aws-node',
      },
    });
  });

  it('62: one existing service account updated, two new ones created; the list keeps config order', () => {
    const cni = liveAddon('vpc-cni');
    const stack = addonStackFor('vpc-cni', 'vpc-cni', { permissionPolicyARNs: [CNI] });
    const existing = association('kube-system', 'vpc-cni', stack.outputs.Role1, {
      ownerArn: cni.arn,
    });
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [
            pia('vpc-cni', { permissionPolicyARNs: [CNI, EBS] }),
            pia('sa-two', { permissionPolicyARNs: [CNI] }),
            pia('sa-three', { permissionPolicyARNs: [CNI] }),
          ],
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }, { associations: [existing], stacks: [stack] }),
    );
    expect(ids(p.tasks)).toEqual([
      'update-role-stack:addon:vpc-cni:vpc-cni',
      'create-role-stack:addon:vpc-cni:sa-two',
      'create-role-stack:addon:vpc-cni:sa-three',
      'update-addon:vpc-cni',
    ]);
    const update = byId(p.tasks, 'update-addon:vpc-cni');
    const list = (update.params as { podIdentityAssociations: { serviceAccount: string }[] })
      .podIdentityAssociations;
    expect(list.map((a) => a.serviceAccount)).toEqual(['vpc-cni', 'sa-two', 'sa-three']);
    // The updated role keeps its ARN: the add-on waits only for the new ones.
    expect(update.dependsOn).toEqual([
      'create-role-stack:addon:vpc-cni:sa-two',
      'create-role-stack:addon:vpc-cni:sa-three',
    ]);
  });

  it('63: existing service accounts whose policies changed: role stack updates only', () => {
    const cni = liveAddon('vpc-cni');
    const stacks = ['a', 'b', 'c'].map((sa) =>
      addonStackFor('vpc-cni', sa, { permissionPolicyARNs: [CNI] }),
    );
    const associations = stacks.map((s, i) =>
      association('kube-system', ['a', 'b', 'c'][i], s.outputs.Role1, { ownerArn: cni.arn }),
    );
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: ['a', 'b', 'c'].map((sa) =>
            pia(sa, { permissionPolicyARNs: [EBS] }),
          ),
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }, { associations, stacks }),
    );
    expect(ids(p.tasks)).toEqual([
      'update-role-stack:addon:vpc-cni:a',
      'update-role-stack:addon:vpc-cni:b',
      'update-role-stack:addon:vpc-cni:c',
    ]);
  });

  it('64: new service accounts with roleARNs are used as given, no IAM task; unchanged ones plan nothing', () => {
    const cni = liveAddon('vpc-cni');
    const [r1, r2] = [roleArn('role-1'), roleArn('role-2')];
    const roles = { [r1]: trustedRole(r1), [r2]: trustedRole(r2) };
    const fresh = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('sa1', { roleARN: r1 }), pia('sa2', { roleARN: r2 })],
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }, { roles }),
    );
    expect(ids(fresh.tasks)).toEqual(['update-addon:vpc-cni']);
    expect(byId(fresh.tasks, 'update-addon:vpc-cni').params).toMatchObject({
      podIdentityAssociations: [
        { serviceAccount: 'sa1', roleArn: r1 },
        { serviceAccount: 'sa2', roleArn: r2 },
      ],
    });
    const associations = [
      association('kube-system', 'sa1', r1, { ownerArn: cni.arn }),
      association('kube-system', 'sa2', r2, { ownerArn: cni.arn }),
    ];
    const steady = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('sa1', { roleARN: r1 }), pia('sa2', { roleARN: r2 })],
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }, { roles, associations }),
    );
    expect(steady.tasks).toEqual([]);
    expect(steady.unchanged).toBe(2);
  });

  it('65/66: a roleARN replacing a role eksctl made: eksctl refuses; podid-action switches, then deletes the stack', () => {
    const cni = liveAddon('vpc-cni');
    const stack = addonStackFor('vpc-cni', 'karpenter', { permissionPolicyARNs: [CNI] });
    const mine = roleArn('karpenter-role');
    const p = plan(
      [addon('vpc-cni', { podIdentityAssociations: [pia('karpenter', { roleARN: mine })] })],
      cluster(
        [cni],
        { 'vpc-cni': cniOffer() },
        {
          associations: [
            association('kube-system', 'karpenter', stack.outputs.Role1, { ownerArn: cni.arn }),
          ],
          stacks: [stack],
          roles: { [mine]: trustedRole(mine) },
        },
      ),
    );
    expect(ids(p.tasks)).toEqual([
      'update-addon:vpc-cni',
      'delete-role-stack:addon:vpc-cni:karpenter',
    ]);
    expect(byId(p.tasks, 'delete-role-stack:addon:vpc-cni:karpenter').dependsOn).toEqual([
      'update-addon:vpc-cni',
    ]);
    expect(byId(p.tasks, 'delete-role-stack:addon:vpc-cni:karpenter').reason).toContain(
      'cannot change podIdentityAssociation.roleARN since the role was created by eksctl',
    );
  });

  it('67: an existing association without a stack and no roleARN: eksctl refuses; podid-action creates the role and switches', () => {
    const cni = liveAddon('vpc-cni');
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('aws-node', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster(
        [cni],
        { 'vpc-cni': cniOffer() },
        {
          associations: [
            association('kube-system', 'aws-node', roleArn('by-hand'), { ownerArn: cni.arn }),
          ],
        },
      ),
    );
    expect(ids(p.tasks)).toEqual([
      'create-role-stack:addon:vpc-cni:aws-node',
      'update-addon:vpc-cni',
    ]);
    expect(byId(p.tasks, 'create-role-stack:addon:vpc-cni:aws-node').reason).toBe(
      'association uses a role not created for it',
    );
  });

  it('68: an add-on migrated by eksctl: the old IRSA stack holding the role is updated in place', () => {
    const cni = liveAddon('vpc-cni');
    const irsa = {
      ...addonStackFor('vpc-cni', 'aws-node', { permissionPolicyARNs: [CNI] }),
      stackName: 'eksctl-test-cluster-addon-vpc-cni',
      stackId: 'irsa-stack',
      template: { Resources: {} },
    };
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('aws-node', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster(
        [cni],
        { 'vpc-cni': cniOffer() },
        {
          associations: [
            association('kube-system', 'aws-node', irsa.outputs.Role1, { ownerArn: cni.arn }),
          ],
          stacks: [irsa],
        },
      ),
    );
    expect(ids(p.tasks)).toEqual(['update-role-stack:addon:vpc-cni:aws-node']);
    expect(byId(p.tasks, 'update-role-stack:addon:vpc-cni:aws-node').params).toMatchObject({
      stackName: 'eksctl-test-cluster-addon-vpc-cni',
    });
  });

  it('69: a new role while the old IRSA stack exists: the role is made, and the IRSA stack deleted after the add-on moves', () => {
    const cni = liveAddon('vpc-cni', { serviceAccountRoleArn: roleArn('irsa') });
    const irsa = {
      ...addonStackFor('vpc-cni', 'x', {}),
      stackName: 'eksctl-test-cluster-addon-vpc-cni',
      stackId: 'irsa-stack',
    };
    const p = plan(
      [
        addon('vpc-cni', {
          podIdentityAssociations: [pia('aws-node', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster([cni], { 'vpc-cni': cniOffer() }, { stacks: [irsa] }),
    );
    expect(ids(p.tasks)).toEqual([
      'create-role-stack:addon:vpc-cni:aws-node',
      'update-addon:vpc-cni',
      'delete-role-stack:addon:vpc-cni:irsa',
    ]);
    expect(byId(p.tasks, 'delete-role-stack:addon:vpc-cni:irsa').reason).toContain(
      'deleting old IRSA stack for addon vpc-cni',
    );
  });
});

describe('add-on create and update (scenarios 70–82)', () => {
  it('70: an add-on EKS does not offer, and a version it does not have, are plan errors with eksctl words', () => {
    const p = plan(
      [addon('my-addon'), addon('vpc-cni', { version: '1.100.0' })],
      cluster([], { 'my-addon': offered([], { versions: [] }), 'vpc-cni': cniOffer() }),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      'no versions available for "my-addon"',
      'no version(s) found matching "1.100.0" for "vpc-cni"',
    ]);
    expect(p.tasks).toEqual([]);
  });

  it('71: explicit associations for an add-on without pod identity support', () => {
    const p = plan(
      [
        addon('my-addon', {
          podIdentityAssociations: [pia('sa1', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster([], {
        'my-addon': offered([], {
          versions: [
            { version: 'v1.0.0-eksbuild.1', isDefault: true, requiresIamPermissions: true },
          ],
        }),
      }),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      '"my-addon" addon does not support pod identity associations; use IRSA config (`addon.serviceAccountRoleARN`, `addon.attachPolicyARNs`, `addon.attachPolicy` or `addon.wellKnownPolicies`) instead',
    ]);
  });

  it('72: create with explicit roleARNs: CreateAddon carries them in config order', () => {
    const [r1, r2] = [roleArn('role-name-1'), roleArn('role-name-2')];
    const p = plan(
      [
        addon('my-addon', {
          podIdentityAssociations: [pia('sa1', { roleARN: r1 }), pia('sa2', { roleARN: r2 })],
        }),
      ],
      cluster(
        [],
        { 'my-addon': offered([{ serviceAccount: 'sa1', recommendedManagedPolicies: [] }]) },
        {
          roles: { [r1]: trustedRole(r1), [r2]: trustedRole(r2) },
        },
      ),
    );
    expect(ids(p.tasks)).toEqual(['create-addon:my-addon']);
    expect(byId(p.tasks, 'create-addon:my-addon').params).toMatchObject({
      addonVersion: 'v1.0.0-eksbuild.1',
      podIdentityAssociations: [
        { serviceAccount: 'sa1', roleArn: r1 },
        { serviceAccount: 'sa2', roleArn: r2 },
      ],
      tags: { 'podid-action/managed-by': 'org/infra' },
    });
  });

  it('73: autoApply for an add-on that needs IAM but has no pod identity: created without, with eksctl warning', () => {
    const p = plan(
      [addon('my-addon')],
      cluster([], {
        'my-addon': offered([], {
          versions: [
            { version: 'v1.0.0-eksbuild.1', isDefault: true, requiresIamPermissions: true },
          ],
        }),
      }),
      { addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false } },
    );
    expect(ids(p.tasks)).toEqual(['create-addon:my-addon']);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'IAM permissions are required for "my-addon" addon; the recommended way to provide IAM permissions for "my-addon" addon is via IRSA',
    ]);
  });

  it('74: autoApply with pod identity support: one role per recommended service account', () => {
    const p = plan(
      [addon('my-addon')],
      cluster([], {
        'my-addon': offered([
          { serviceAccount: 'sa1', recommendedManagedPolicies: ['arn:aws:iam::aws:policy/sa1'] },
        ]),
      }),
      { addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false } },
    );
    expect(ids(p.tasks)).toEqual(['create-role-stack:addon:my-addon:sa1', 'create-addon:my-addon']);
    const stack = byId(p.tasks, 'create-role-stack:addon:my-addon:sa1');
    expect(stack.after).toMatchObject({ managedPolicyArns: ['arn:aws:iam::aws:policy/sa1'] });
    // eksctl leaves the namespace empty for recommended associations.
    expect(stack.params).toMatchObject({
      tags: { 'alpha.eksctl.io/addon-podidentityassociation-name': '/sa1' },
    });
  });

  it('75: autoApply + vpc-cni + IPv6: one role for aws-node with eksctl inline IPv6 policy', () => {
    const p = plan(
      [addon('vpc-cni')],
      cluster([], { 'vpc-cni': cniOffer() }, { ipFamily: 'ipv6' }),
      {
        addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false },
      },
    );
    const stack = byId(p.tasks, 'create-role-stack:addon:vpc-cni:aws-node');
    const template = JSON.stringify(stack.params);
    expect(template).toContain('ec2:DescribeSubnets');
    expect(template).toContain('ec2:DescribeSecurityGroups');
    expect(template).not.toContain('AmazonEKS_CNI_Policy');
  });

  it('76: a service account already associated outside the add-on: refused at plan time with eksctl words', () => {
    const p = plan(
      [addon('vpc-cni', { useDefaultPodIdentityAssociations: true })],
      cluster(
        [],
        { 'vpc-cni': cniOffer() },
        {
          associations: [association('kube-system', 'aws-node', roleArn('by-hand'))],
        },
      ),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      'one or more service accounts corresponding to "vpc-cni" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to "aws-node" service account(s) in the addon\'s namespace, then re-try creating the addon',
    ]);
  });

  it('76: …unless the plan deletes that association first: then the add-on waits for it', () => {
    const byHand = association('kube-system', 'aws-node', roleArn('old'), {
      tags: { 'podid-action/managed-by': 'org/infra' },
    });
    const p = plan(
      [addon('vpc-cni', { useDefaultPodIdentityAssociations: true })],
      cluster([], { 'vpc-cni': cniOffer() }, { associations: [byHand] }),
    );
    expect(p.errors).toEqual([]);
    expect(byId(p.tasks, 'create-addon:vpc-cni').dependsOn).toContain(
      'delete-association:kube-system/aws-node',
    );
  });

  it('77: IRSA serviceAccountRoleARN is passed through; with pod identity support eksctl recommends it instead', () => {
    const irsa = roleArn('irsa');
    const p = plan(
      [addon('vpc-cni', { serviceAccountRoleARN: irsa })],
      cluster([], { 'vpc-cni': cniOffer() }),
      { addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false } },
    );
    expect(ids(p.tasks)).toEqual(['create-addon:vpc-cni']);
    expect(byId(p.tasks, 'create-addon:vpc-cni').params).toMatchObject({
      serviceAccountRoleArn: irsa,
    });
    expect(p.warnings.map((w) => w.message)).toEqual([
      'the recommended way to provide IAM permissions for "vpc-cni" addon is via pod identity associations',
    ]);
  });

  it('79: a version that needs no IAM: associations and IRSA are ignored with eksctl warning', () => {
    const p = plan(
      [
        addon('my-addon', {
          podIdentityAssociations: [pia('sa1', { permissionPolicyARNs: [CNI] })],
        }),
      ],
      cluster([], { 'my-addon': offered([]) }),
    );
    expect(ids(p.tasks)).toEqual(['create-addon:my-addon']);
    expect(byId(p.tasks, 'create-addon:my-addon').params).not.toHaveProperty(
      'podIdentityAssociations',
    );
    expect(p.warnings.map((w) => w.message)).toEqual([
      'IAM permissions are not required for "my-addon" addon; any IRSA configuration or pod identity associations will be ignored',
    ]);
  });

  it('80: useDefault on an existing vpc-cni (with or without a version): the recommended role, set by UpdateAddon', () => {
    for (const version of [undefined, 'v1.1.0-eksbuild.1']) {
      const cni = liveAddon('vpc-cni');
      const p = plan(
        [addon('vpc-cni', { useDefaultPodIdentityAssociations: true, version })],
        cluster([cni], { 'vpc-cni': cniOffer() }),
      );
      expect(ids(p.tasks)).toEqual([
        'create-role-stack:addon:vpc-cni:aws-node',
        'update-addon:vpc-cni',
      ]);
      expect(byId(p.tasks, 'create-role-stack:addon:vpc-cni:aws-node').after).toMatchObject({
        managedPolicyArns: [CNI],
      });
      expect(byId(p.tasks, 'update-addon:vpc-cni').params).toMatchObject({
        addonVersion: version ?? 'v1.0.0-eksbuild.1',
      });
    }
  });

  it('81: omitting podIdentityAssociations on an add-on that has some is eksctl error naming one of them', () => {
    const cni = liveAddon('vpc-cni');
    const owned = association('kube-system', 'aws-node', roleArn('r'), { ownerArn: cni.arn });
    const p = plan(
      [addon('vpc-cni')],
      cluster([cni], { 'vpc-cni': cniOffer() }, { associations: [owned] }),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      `addon vpc-cni has pod identity associations, to remove pod identity associations from an addon, addon.podIdentityAssociations must be explicitly set to []; if the addon was migrated to use pod identity, addon.podIdentityAssociations must be set to values obtained from \`aws eks describe-pod-identity-association --cluster-name=test-cluster --association-id=${owned.associationId}\``,
    ]);
  });

  it('82: …with autoApply the associations are kept: UpdateAddon without them (here for a new version)', () => {
    const cni = liveAddon('vpc-cni');
    const owned = association('kube-system', 'aws-node', roleArn('r'), { ownerArn: cni.arn });
    const p = plan(
      [addon('vpc-cni', { version: 'v1.1.0-eksbuild.1' })],
      cluster([cni], { 'vpc-cni': cniOffer() }, { associations: [owned] }),
      { addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false } },
    );
    expect(ids(p.tasks)).toEqual(['update-addon:vpc-cni']);
    const params = byId(p.tasks, 'update-addon:vpc-cni').params;
    expect(params).toEqual({
      clusterName: 'test-cluster',
      addonName: 'vpc-cni',
      addonVersion: 'v1.1.0-eksbuild.1',
    });
  });
});

describe('add-on plans that are legal but rarely meant say so', () => {
  it('a version older than the running one is planned, with a warning', () => {
    const p = plan(
      [addon('vpc-cni', { version: 'v1.0.0-eksbuild.1' })],
      cluster([liveAddon('vpc-cni', { version: 'v1.1.0-eksbuild.1' })], { 'vpc-cni': offered() }),
    );
    expect(ids(p.tasks)).toEqual(['update-addon:vpc-cni']);
    expect(p.warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'addons[1].version',
        'addon vpc-cni would go from v1.1.0-eksbuild.1 down to v1.0.0-eksbuild.1',
      ],
    ]);
  });

  it('a recommended service account without any policy gets a role without permissions, with a warning', () => {
    const p = plan(
      [addon('aws-mountpoint-s3-csi-driver', { useDefaultPodIdentityAssociations: true })],
      cluster([], {
        'aws-mountpoint-s3-csi-driver': offered([
          { serviceAccount: 's3-csi-driver-sa', recommendedManagedPolicies: [] },
        ]),
      }),
    );
    expect(p.errors).toEqual([]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'EKS recommends no managed policy for service account "s3-csi-driver-sa" of addon aws-mountpoint-s3-csi-driver: its role is created without permissions',
    ]);
  });

  it("an add-on association in another namespace than the add-on's is warned: EKS uses the add-on's", () => {
    const p = plan(
      [
        addon('aws-ebs-csi-driver', {
          namespaceConfig: { namespace: 'storage' },
          podIdentityAssociations: [pia('ebs-csi-controller-sa', { permissionPolicyARNs: [EBS] })],
        }),
      ],
      cluster([], {
        'aws-ebs-csi-driver': offered([
          { serviceAccount: 'ebs-csi-controller-sa', recommendedManagedPolicies: [EBS] },
        ]),
      }),
    );
    expect(p.errors).toEqual([]);
    expect(p.warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'addons[1].podIdentityAssociations[0].namespace',
        'the association of service account "ebs-csi-controller-sa" names namespace "kube-system", but EKS creates the add-on\'s associations in the add-on\'s namespace "storage"',
      ],
    ]);
  });
});

describe('add-ons gone from the config', () => {
  it('prune managed deletes the add-ons this owner tagged, then their role stacks; others are left alone', () => {
    const ours = liveAddon('aws-ebs-csi-driver');
    const theirs = liveAddon('coredns', { tags: {} });
    const stack = addonStackFor('aws-ebs-csi-driver', 'ebs-csi-controller-sa', {
      permissionPolicyARNs: [EBS],
    });
    const p = plan([], cluster([ours, theirs], {}, { stacks: [stack] }));
    expect(ids(p.tasks)).toEqual([
      'delete-addon:aws-ebs-csi-driver',
      `delete-role-stack:addon:aws-ebs-csi-driver:${stack.stackName}`,
    ]);
    expect(p.tasks[1].dependsOn).toEqual(['delete-addon:aws-ebs-csi-driver']);
    expect(p.unmanagedAddons).toEqual([
      { addonName: 'coredns', reason: 'not in config; not managed, left alone' },
    ]);
  });

  it('deleting the agent while associations remain is a plan error', () => {
    const p = planCluster(
      spec([entry('default', 'app', { roleARN: roleArn('r') })]),
      live({
        addonCatalog: {},
        addons: { [AGENT_ADDON]: liveAddon(AGENT_ADDON) },
        addonNames: [AGENT_ADDON],
        roles: { [roleArn('r')]: trustedRole(roleArn('r')) },
      }),
      OPTIONS,
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      'the "eks-pod-identity-agent" addon would be deleted (prune: managed) while 1 pod identity association(s) still need it',
    ]);
  });
});
