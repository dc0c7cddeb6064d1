// iam:PassRole enforcement: an assumed-role session that makes EKS use a role (association roleArn,
// add-on serviceAccountRoleArn and podIdentityAssociations) must be allowed to pass that role.

import { describe, expect, it } from 'vitest';
import {
  CreateAddonCommand,
  CreatePodIdentityAssociationCommand,
  DescribeAddonCommand,
  DescribePodIdentityAssociationCommand,
  ListAddonsCommand,
  ListPodIdentityAssociationsCommand,
  ListUpdatesCommand,
  UpdateAddonCommand,
  UpdatePodIdentityAssociationCommand,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';
import { policy, roleSession } from './session-helpers.js';

const roleArn = (name: string): string => `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`;
const APP = roleArn('app');
const CNI = roleArn('cni');
const OTHER = roleArn('other');
const podRole = (roleName: string) => ({
  roleName,
  assumeRolePolicyDocument: POD_IDENTITY_TRUST,
});
const env = withEmulator({
  seed: {
    clusters: [{ name: 'prod' }],
    roles: [podRole('app'), podRole('cni'), podRole('other')],
  },
});

const EKS_WRITES = { Effect: 'Allow', Action: 'eks:*', Resource: '*' };
const passRole = (resource: string | string[], condition?: Record<string, unknown>) => ({
  Effect: 'Allow',
  Action: 'iam:PassRole',
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});
const PODS_ONLY = { StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' } };

/** EKS clients of a session whose role may do every EKS call, plus `extra` statements. */
async function deployer(...extra: Record<string, unknown>[]): Promise<EKSClient> {
  const { clients } = await roleSession(env, 'deployer', {
    inline: policy(EKS_WRITES, ...extra),
  });
  return clients.eks;
}

const refusal = (resource: string): string =>
  `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/deployer/run-1 is not authorized to perform: ` +
  `iam:PassRole on resource: ${resource} because no identity-based policy allows the iam:PassRole action`;

const createAssociation = (eks: EKSClient, role = APP) =>
  eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: 'prod',
      namespace: 'default',
      serviceAccount: 'app',
      roleArn: role,
    }),
  );

const createCni = (eks: EKSClient, podRoleArn = CNI, irsa?: string) =>
  eks.send(
    new CreateAddonCommand({
      clusterName: 'prod',
      addonName: 'vpc-cni',
      serviceAccountRoleArn: irsa,
      podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: podRoleArn }],
    }),
  );

const associations = async () =>
  (await env.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' })))
    .associations ?? [];

describe('iam:PassRole for EKS calls of assumed-role sessions', () => {
  it('allows every role-passing call when PassRole covers the roles', async () => {
    const eks = await deployer(passRole([APP, CNI, OTHER]));
    const { association } = await createAssociation(eks);
    const updated = await eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'prod',
        associationId: association?.associationId,
        roleArn: OTHER,
      }),
    );
    expect(updated.association?.roleArn).toBe(OTHER);
    const { addon } = await createCni(eks, CNI, OTHER);
    expect(addon?.serviceAccountRoleArn).toBe(OTHER);
    await eks.send(
      new UpdateAddonCommand({
        clusterName: 'prod',
        addonName: 'vpc-cni',
        serviceAccountRoleArn: APP,
        podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: OTHER }],
      }),
    );
    const calls = await env.admin<{ operation: string; denied?: boolean }[]>('GET', 'calls');
    expect(calls.filter((c) => c.denied)).toEqual([]);
  });

  it('evaluates iam:PassedToService = pods.eks.amazonaws.com for pod identity roles', async () => {
    const eks = await deployer(passRole('*', PODS_ONLY));
    await createAssociation(eks);
    await createCni(eks);
    expect(await associations()).toHaveLength(2);
  });

  it('refuses a pod identity role passed only to another service', async () => {
    const eks = await deployer(
      passRole('*', { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }),
    );
    const err = await sdkError(createAssociation(eks));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'AccessDeniedException',
      403,
      refusal(APP),
    ]);
  });

  it('gives an IRSA serviceAccountRoleArn the benefit of the doubt on iam:PassedToService', async () => {
    // EKS does not document which service an add-on's IRSA role is passed to.
    const eks = await deployer(passRole('*', PODS_ONLY));
    const { addon } = await createCni(eks, CNI, OTHER);
    expect(addon?.serviceAccountRoleArn).toBe(OTHER);
  });

  it('refuses CreatePodIdentityAssociation without PassRole, creating nothing', async () => {
    const eks = await deployer();
    const err = await sdkError(createAssociation(eks));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'AccessDeniedException',
      403,
      refusal(APP),
    ]);
    expect(await associations()).toEqual([]);
    const [call] = (
      await env.admin<{ operation: string; denied?: boolean; principal?: string }[]>('GET', 'calls')
    ).filter((c) => c.operation === 'CreatePodIdentityAssociation');
    expect(call).toMatchObject({
      denied: true,
      principal: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/deployer/run-1`,
    });
  });

  it('refuses UpdatePodIdentityAssociation without PassRole, changing nothing', async () => {
    const { association } = await createAssociation(env.eks);
    const id = association?.associationId;
    const eks = await deployer();
    const err = await sdkError(
      eks.send(
        new UpdatePodIdentityAssociationCommand({
          clusterName: 'prod',
          associationId: id,
          roleArn: OTHER,
        }),
      ),
    );
    expect([err.name, err.message]).toEqual(['AccessDeniedException', refusal(OTHER)]);
    const after = await env.eks.send(
      new DescribePodIdentityAssociationCommand({ clusterName: 'prod', associationId: id }),
    );
    expect(after.association?.roleArn).toBe(APP);
    // An update that passes no role needs no PassRole.
    const tagsOnly = await eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'prod',
        associationId: id,
        disableSessionTags: true,
      }),
    );
    expect(tagsOnly.association?.disableSessionTags).toBe(true);
  });

  it('refuses CreateAddon without PassRole on its pod identity role or its IRSA role', async () => {
    const eks = await deployer();
    const pods = await sdkError(createCni(eks));
    expect([pods.name, pods.$metadata.httpStatusCode, pods.message]).toEqual([
      'AccessDeniedException',
      403,
      refusal(CNI),
    ]);
    const irsa = await sdkError(
      eks.send(
        new CreateAddonCommand({
          clusterName: 'prod',
          addonName: 'vpc-cni',
          serviceAccountRoleArn: OTHER,
        }),
      ),
    );
    expect([irsa.name, irsa.message]).toEqual(['AccessDeniedException', refusal(OTHER)]);
    expect((await env.eks.send(new ListAddonsCommand({ clusterName: 'prod' }))).addons).toEqual([]);
    expect(await associations()).toEqual([]);
    // An add-on that passes no role needs no PassRole.
    await eks.send(new CreateAddonCommand({ clusterName: 'prod', addonName: 'coredns' }));
  });

  it('refuses UpdateAddon without PassRole, changing nothing', async () => {
    await createCni(env.eks);
    const eks = await deployer();
    for (const input of [
      { podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: OTHER }] },
      { serviceAccountRoleArn: OTHER },
    ]) {
      const err = await sdkError(
        eks.send(new UpdateAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni', ...input })),
      );
      expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
        'AccessDeniedException',
        403,
        refusal(OTHER),
      ]);
    }
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'prod', addonName: 'vpc-cni' }),
    );
    expect(addon?.status).toBe('ACTIVE');
    expect(addon?.serviceAccountRoleArn).toBeUndefined();
    const [owned] = await associations();
    const described = await env.eks.send(
      new DescribePodIdentityAssociationCommand({
        clusterName: 'prod',
        associationId: owned.associationId,
      }),
    );
    expect(described.association?.roleArn).toBe(CNI);
    const updates = await env.eks.send(
      new ListUpdatesCommand({ name: 'prod', addonName: 'vpc-cni' }),
    );
    expect(updates.updateIds).toEqual([]);
  });

  it('refuses a role when PassRole is granted only on a different role', async () => {
    const eks = await deployer(passRole(OTHER));
    const err = await sdkError(createAssociation(eks, APP));
    expect(err.message).toBe(refusal(APP));
    // One refused role among several refuses the whole call.
    const mixed = await sdkError(
      eks.send(
        new CreateAddonCommand({
          clusterName: 'prod',
          addonName: 'aws-efs-csi-driver',
          podIdentityAssociations: [
            { serviceAccount: 'efs-csi-controller-sa', roleArn: OTHER },
            { serviceAccount: 'efs-csi-node-sa', roleArn: CNI },
          ],
        }),
      ),
    );
    expect([mixed.name, mixed.message]).toEqual(['AccessDeniedException', refusal(CNI)]);
    expect(await associations()).toEqual([]);
    await createAssociation(eks, OTHER);
  });

  it('an explicit Deny on PassRole wins over an Allow', async () => {
    const eks = await deployer(passRole('*'), {
      Effect: 'Deny',
      Action: 'iam:PassRole',
      Resource: APP,
    });
    const err = await sdkError(createAssociation(eks, APP));
    expect(err.message).toBe(
      `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/deployer/run-1 is not authorized to perform: ` +
        `iam:PassRole on resource: ${APP} with an explicit deny in an identity-based policy`,
    );
  });

  it('leaves a malformed role ARN to EKS validation', async () => {
    const eks = await deployer();
    const err = await sdkError(createAssociation(eks, 'not-an-arn'));
    expect([err.name, err.message]).toEqual([
      'InvalidParameterException',
      "Invalid Role Arn: 'not-an-arn'",
    ]);
  });

  it('admin credentials pass roles without any policy', async () => {
    const { association } = await createAssociation(env.eks);
    await env.eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'prod',
        associationId: association?.associationId,
        roleArn: OTHER,
      }),
    );
    await createCni(env.eks, CNI, OTHER);
    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'prod',
        addonName: 'vpc-cni',
        serviceAccountRoleArn: APP,
        podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: APP }],
      }),
    );
    const calls = await env.admin<{ status: number }[]>('GET', 'calls');
    expect(calls.every((c) => c.status === 200)).toBe(true);
  });
});
