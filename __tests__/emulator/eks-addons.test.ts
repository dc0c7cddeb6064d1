// Add-ons: lifecycle with the SDK waiters, updates, owned pod identity associations, catalog reads.
import { describe, expect, it } from 'vitest';
import {
  CreateAddonCommand,
  DeleteAddonCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  DescribeAddonVersionsCommand,
  DescribeUpdateCommand,
  ListAddonsCommand,
  ListPodIdentityAssociationsCommand,
  UpdateAddonCommand,
  CreatePodIdentityAssociationCommand,
  waitUntilAddonActive,
  waitUntilAddonDeleted,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { POD_IDENTITY_TRUST, sdkError, withEmulator } from './helpers.js';

const env = withEmulator({ seed: { clusters: [{ name: 'c1', version: '1.31' }] } });
const waiter = () => ({ client: env.eks, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 });

async function role(name: string): Promise<string> {
  const out = await env.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: POD_IDENTITY_TRUST }),
  );
  return out.Role?.Arn as string;
}
const owned = async () =>
  (
    await env.eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: 'c1', namespace: 'kube-system' }),
    )
  ).associations ?? [];

describe('add-on lifecycle', () => {
  it('goes CREATING → ACTIVE → UPDATING → ACTIVE → DELETING → gone, with the waiters', async () => {
    const durations = env.emulator.world.durations;
    Object.assign(durations, { addonCreate: 150, addonUpdate: 150, addonDelete: 150 });
    try {
      const created = await env.eks.send(
        new CreateAddonCommand({
          clusterName: 'c1',
          addonName: 'eks-pod-identity-agent',
          tags: { t: '1' },
        }),
      );
      expect(created.addon).toMatchObject({
        status: 'CREATING',
        addonVersion: 'v1.3.8-eksbuild.2',
        publisher: 'eks',
        owner: 'aws',
        tags: { t: '1' },
      });
      expect(created.addon?.addonArn).toMatch(
        /^arn:aws:eks:us-west-2:111122223333:addon\/c1\/eks-pod-identity-agent\/[0-9a-f-]{36}$/,
      );
      const active = await waitUntilAddonActive(waiter(), {
        clusterName: 'c1',
        addonName: 'eks-pod-identity-agent',
      });
      expect(active.state).toBe('SUCCESS');

      const { update } = await env.eks.send(
        new UpdateAddonCommand({
          clusterName: 'c1',
          addonName: 'eks-pod-identity-agent',
          addonVersion: 'v1.3.4-eksbuild.1',
          resolveConflicts: 'OVERWRITE',
        }),
      );
      expect(update).toMatchObject({
        status: 'InProgress',
        type: 'AddonUpdate',
        params: [
          { type: 'AddonVersion', value: 'v1.3.4-eksbuild.1' },
          { type: 'ResolveConflicts', value: 'OVERWRITE' },
        ],
      });
      const during = await env.eks.send(
        new DescribeAddonCommand({ clusterName: 'c1', addonName: 'eks-pod-identity-agent' }),
      );
      expect(during.addon?.status).toBe('UPDATING');
      await waitUntilAddonActive(waiter(), {
        clusterName: 'c1',
        addonName: 'eks-pod-identity-agent',
      });
      const done = await env.eks.send(
        new DescribeUpdateCommand({
          name: 'c1',
          updateId: update?.id,
          addonName: 'eks-pod-identity-agent',
        }),
      );
      expect(done.update?.status).toBe('Successful');

      const deleting = await env.eks.send(
        new DeleteAddonCommand({ clusterName: 'c1', addonName: 'eks-pod-identity-agent' }),
      );
      expect(deleting.addon?.status).toBe('DELETING');
      const deleted = await waitUntilAddonDeleted(waiter(), {
        clusterName: 'c1',
        addonName: 'eks-pod-identity-agent',
      });
      expect(deleted.state).toBe('SUCCESS');
    } finally {
      Object.assign(durations, { addonCreate: 0, addonUpdate: 0, addonDelete: 0 });
    }
  });

  it('lists add-ons with pagination and answers the documented errors', async () => {
    for (const addonName of ['coredns', 'kube-proxy', 'vpc-cni']) {
      await env.eks.send(new CreateAddonCommand({ clusterName: 'c1', addonName }));
    }
    const first = await env.eks.send(new ListAddonsCommand({ clusterName: 'c1', maxResults: 2 }));
    const second = await env.eks.send(
      new ListAddonsCommand({ clusterName: 'c1', maxResults: 2, nextToken: first.nextToken }),
    );
    expect([...(first.addons ?? []), ...(second.addons ?? [])]).toEqual([
      'coredns',
      'kube-proxy',
      'vpc-cni',
    ]);
    expect(second.nextToken).toBeUndefined();

    const dup = await sdkError(
      env.eks.send(new CreateAddonCommand({ clusterName: 'c1', addonName: 'coredns' })),
    );
    expect([dup.name, dup.$metadata.httpStatusCode, dup.message, dup.addonName]).toEqual([
      'ResourceInUseException',
      409,
      'Addon already exists.',
      'coredns',
    ]);
    const missing = await sdkError(
      env.eks.send(
        new DescribeAddonCommand({ clusterName: 'c1', addonName: 'aws-ebs-csi-driver' }),
      ),
    );
    expect([missing.name, missing.$metadata.httpStatusCode, missing.message]).toEqual([
      'ResourceNotFoundException',
      404,
      'No addon: aws-ebs-csi-driver found in cluster: c1',
    ]);
    const noCluster = await sdkError(
      env.eks.send(new CreateAddonCommand({ clusterName: 'nope', addonName: 'coredns' })),
    );
    expect([noCluster.name, noCluster.message]).toEqual([
      'ResourceNotFoundException',
      'No cluster found for name: nope.',
    ]);
    const unknown = await sdkError(
      env.eks.send(new CreateAddonCommand({ clusterName: 'c1', addonName: 'made-up' })),
    );
    expect([unknown.name, unknown.message]).toEqual([
      'InvalidParameterException',
      'Addon made-up specified is not supported in 1.31 kubernetes version',
    ]);
    const badVersion = await sdkError(
      env.eks.send(
        new CreateAddonCommand({
          clusterName: 'c1',
          addonName: 'aws-ebs-csi-driver',
          addonVersion: 'v1.26.0-eksbuild.1',
        }),
      ),
    );
    expect(badVersion.message).toBe(
      'Addon version v1.26.0-eksbuild.1 specified is not supported in 1.31 kubernetes version',
    );
    const badConfig = await sdkError(
      env.eks.send(
        new UpdateAddonCommand({
          clusterName: 'c1',
          addonName: 'coredns',
          configurationValues: '{"nope": 1}',
        }),
      ),
    );
    expect(badConfig.message).toBe(
      'ConfigurationValue provided in request is not supported: Json schema validation failed with error: [$.nope: is not defined in the schema and the schema does not allow additional properties]',
    );
    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName: 'coredns',
        configurationValues: 'replicaCount: 3',
      }),
    );
    const missingUpdate = await sdkError(
      env.eks.send(
        new DescribeUpdateCommand({ name: 'c1', updateId: 'nope', addonName: 'coredns' }),
      ),
    );
    expect(missingUpdate.name).toBe('ResourceNotFoundException');
  });
});

describe('add-on-owned pod identity associations', () => {
  it('creates, replaces, keeps (omitted) and removes ([]) owned associations', async () => {
    const [r1, r2] = [await role('ebs-1'), await role('ebs-2')];
    const { addon } = await env.eks.send(
      new CreateAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-ebs-csi-driver',
        podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: r1 }],
      }),
    );
    const [first] = await owned();
    expect(first).toMatchObject({
      namespace: 'kube-system',
      serviceAccount: 'ebs-csi-controller-sa',
      ownerArn: addon?.addonArn,
    });
    expect(addon?.podIdentityAssociations).toEqual([first.associationArn]);

    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-ebs-csi-driver',
        podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: r2 }],
      }),
    );
    const [replaced] = await owned();
    expect(replaced.associationId).toBe(first.associationId);

    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-ebs-csi-driver',
        addonVersion: 'v1.45.0-eksbuild.2',
      }),
    );
    expect(await owned()).toHaveLength(1);

    const direct = await sdkError(
      env.eks.send(
        new DeletePodIdentityAssociationCommand({
          clusterName: 'c1',
          associationId: first.associationId,
        }),
      ),
    );
    expect(direct.name).toBe('InvalidRequestException');

    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-ebs-csi-driver',
        podIdentityAssociations: [],
      }),
    );
    expect(await owned()).toEqual([]);
    const described = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'c1', addonName: 'aws-ebs-csi-driver' }),
    );
    expect(described.addon?.podIdentityAssociations).toEqual([]);
  });

  it('refuses to take over an association it does not own', async () => {
    const r = await role('ebs');
    const { association } = await env.eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'c1',
        namespace: 'kube-system',
        serviceAccount: 'ebs-csi-controller-sa',
        roleArn: r,
      }),
    );
    const err = await sdkError(
      env.eks.send(
        new CreateAddonCommand({
          clusterName: 'c1',
          addonName: 'aws-ebs-csi-driver',
          podIdentityAssociations: [{ serviceAccount: 'ebs-csi-controller-sa', roleArn: r }],
        }),
      ),
    );
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ResourceInUseException',
      409,
      `Association already exists: ${association?.associationId}`,
    ]);
    const gone = await sdkError(
      env.eks.send(
        new DescribeAddonCommand({ clusterName: 'c1', addonName: 'aws-ebs-csi-driver' }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });

  it('checks the roles of add-on associations', async () => {
    const err = await sdkError(
      env.eks.send(
        new CreateAddonCommand({
          clusterName: 'c1',
          addonName: 'vpc-cni',
          podIdentityAssociations: [
            { serviceAccount: 'aws-node', roleArn: 'arn:aws:iam::111122223333:role/missing' },
          ],
        }),
      ),
    );
    expect([err.name, err.message]).toEqual([
      'InvalidParameterException',
      'Role provided in the request does not exist',
    ]);
  });

  it.each([
    [false, 0],
    [true, 1],
  ])('DeleteAddon with preserve=%s leaves %i associations', async (preserve, left) => {
    await env.eks.send(
      new CreateAddonCommand({
        clusterName: 'c1',
        addonName: 'vpc-cni',
        podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: await role('cni') }],
      }),
    );
    await env.eks.send(
      new DeleteAddonCommand({ clusterName: 'c1', addonName: 'vpc-cni', preserve }),
    );
    const rest = await owned();
    expect(rest).toHaveLength(left);
    if (preserve) expect(rest[0].ownerArn).toBeUndefined();
  });
});

describe('add-on catalog', () => {
  it('describes versions with defaults per Kubernetes version and filters', async () => {
    const { addons } = await env.eks.send(
      new DescribeAddonVersionsCommand({ kubernetesVersion: '1.29', addonName: 'vpc-cni' }),
    );
    const versions = addons?.[0].addonVersions ?? [];
    expect(versions.map((v) => v.addonVersion)).toContain('v1.15.5-eksbuild.1');
    expect(versions.filter((v) => v.compatibilities?.[0].defaultVersion)).toHaveLength(1);
    expect(versions[0].requiresIamPermissions).toBe(true);
    const storage = await env.eks.send(new DescribeAddonVersionsCommand({ types: ['storage'] }));
    expect(storage.addons?.every((a) => a.type === 'storage')).toBe(true);
    const pages: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await env.eks.send(
        new DescribeAddonVersionsCommand({ maxResults: 5, nextToken }),
      );
      pages.push(...(page.addons ?? []).map((a) => a.addonName as string));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual(
      expect.arrayContaining([
        'coredns',
        'eks-pod-identity-agent',
        'kube-proxy',
        'adot',
        'amazon-cloudwatch-observability',
        'aws-mountpoint-s3-csi-driver',
        'snapshot-controller',
      ]),
    );
    expect(new Set(pages).size).toBe(pages.length);
  });

  it.each([
    [
      'aws-ebs-csi-driver',
      'v1.48.0-eksbuild.2',
      'ebs-csi-controller-sa',
      'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    ],
    ['vpc-cni', 'v1.20.4-eksbuild.1', 'aws-node', 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'],
    [
      'amazon-cloudwatch-observability',
      'v4.4.0-eksbuild.1',
      'cloudwatch-agent',
      'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
    ],
  ])(
    'gives the pod identity configuration of %s',
    async (addonName, addonVersion, serviceAccount, policy) => {
      const out = await env.eks.send(
        new DescribeAddonConfigurationCommand({ addonName, addonVersion }),
      );
      expect(out.podIdentityConfiguration?.[0].serviceAccount).toBe(serviceAccount);
      expect(out.podIdentityConfiguration?.[0].recommendedManagedPolicies).toContain(policy);
      expect(JSON.parse(out.configurationSchema as string)).toHaveProperty('definitions');
    },
  );

  it('has no pod identity configuration for versions before support, nor for agent add-ons', async () => {
    const old = await env.eks.send(
      new DescribeAddonConfigurationCommand({
        addonName: 'vpc-cni',
        addonVersion: 'v1.15.4-eksbuild.1',
      }),
    );
    expect(old.podIdentityConfiguration).toEqual([]);
    const agent = await env.eks.send(
      new DescribeAddonConfigurationCommand({
        addonName: 'eks-pod-identity-agent',
        addonVersion: 'v1.3.8-eksbuild.2',
      }),
    );
    expect(agent.podIdentityConfiguration).toEqual([]);
    const err = await sdkError(
      env.eks.send(
        new DescribeAddonConfigurationCommand({ addonName: 'vpc-cni', addonVersion: 'v0.0.1' }),
      ),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 404]);
  });
});
