// Which pod identity associations an add-on owns: no taking over, no partial state on refusal, `[]`
// removes only its own, DeleteAddon deletes them or (preserve) leaves them unowned.

import { describe, expect, it } from 'vitest';
import {
  CreateAddonCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAddonCommand,
  DescribeAddonCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
  UpdateAddonCommand,
  UpdatePodIdentityAssociationCommand,
  waitUntilAddonDeleted,
} from '@aws-sdk/client-eks';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';

const podRole = (roleName: string) => ({ roleName, assumeRolePolicyDocument: POD_IDENTITY_TRUST });
const env = withEmulator({
  seed: { clusters: [{ name: 'c1', version: '1.31' }], roles: [podRole('r1'), podRole('r2')] },
});
const R1 = `arn:aws:iam::${TEST_ACCOUNT}:role/r1`;
const R2 = `arn:aws:iam::${TEST_ACCOUNT}:role/r2`;
const waiter = () => ({ client: env.eks, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 });

const list = async () =>
  (await env.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'c1' })))
    .associations ?? [];
const describeAssociation = (associationId: string | undefined) =>
  env.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: 'c1', associationId }));
const createEfs = (podIdentityAssociations: { serviceAccount: string; roleArn: string }[]) =>
  env.eks.send(
    new CreateAddonCommand({
      clusterName: 'c1',
      addonName: 'aws-efs-csi-driver',
      podIdentityAssociations,
    }),
  );
const direct = (serviceAccount: string, namespace = 'kube-system') =>
  env.eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: 'c1',
      namespace,
      serviceAccount,
      roleArn: R1,
    }),
  );

describe('add-on association ownership', () => {
  it('refuses CreateAddon over an association it does not own, creating nothing at all', async () => {
    const { association } = await direct('efs-csi-node-sa');
    const err = await sdkError(
      createEfs([
        { serviceAccount: 'efs-csi-controller-sa', roleArn: R1 },
        { serviceAccount: 'efs-csi-node-sa', roleArn: R2 },
      ]),
    );
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ResourceInUseException',
      409,
      `Association already exists: ${association?.associationId}`,
    ]);
    expect((await list()).map((a) => a.serviceAccount)).toEqual(['efs-csi-node-sa']);
    const kept = await describeAssociation(association?.associationId);
    expect(kept.association).toMatchObject({ roleArn: R1 });
    expect(kept.association?.ownerArn).toBeUndefined();
    const missing = await sdkError(
      env.eks.send(
        new DescribeAddonCommand({ clusterName: 'c1', addonName: 'aws-efs-csi-driver' }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('refuses an association another add-on owns', async () => {
    await env.eks.send(
      new CreateAddonCommand({
        clusterName: 'c1',
        addonName: 'vpc-cni',
        podIdentityAssociations: [{ serviceAccount: 'shared-sa', roleArn: R1 }],
      }),
    );
    const err = await sdkError(createEfs([{ serviceAccount: 'shared-sa', roleArn: R2 }]));
    expect(err.name).toBe('ResourceInUseException');
  });

  it('UpdateAddon with [] deletes only the associations the add-on owns', async () => {
    const { association: mine } = await direct('app', 'default');
    const { addon } = await createEfs([{ serviceAccount: 'efs-csi-controller-sa', roleArn: R1 }]);
    expect(addon?.podIdentityAssociations).toHaveLength(1);
    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-efs-csi-driver',
        podIdentityAssociations: [],
      }),
    );
    expect((await list()).map((a) => a.associationId)).toEqual([mine?.associationId]);
  });

  it('DeleteAddon without preserve deletes its associations', async () => {
    const { addon } = await createEfs([{ serviceAccount: 'efs-csi-controller-sa', roleArn: R1 }]);
    const [arn] = addon?.podIdentityAssociations ?? [];
    await env.eks.send(
      new DeleteAddonCommand({ clusterName: 'c1', addonName: 'aws-efs-csi-driver' }),
    );
    const gone = await sdkError(describeAssociation(arn.split('/').at(-1)));
    expect(gone.name).toBe('ResourceNotFoundException');
  });

  it('DeleteAddon with preserve keeps them without an owner: plain associations from then on', async () => {
    const { addon } = await createEfs([{ serviceAccount: 'efs-csi-controller-sa', roleArn: R1 }]);
    const id = (addon?.podIdentityAssociations ?? [])[0].split('/').at(-1);
    await env.eks.send(
      new DeleteAddonCommand({
        clusterName: 'c1',
        addonName: 'aws-efs-csi-driver',
        preserve: true,
      }),
    );
    const kept = await describeAssociation(id);
    expect(kept.association).toMatchObject({
      serviceAccount: 'efs-csi-controller-sa',
      roleArn: R1,
    });
    expect(kept.association?.ownerArn).toBeUndefined();
    const updated = await env.eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'c1',
        associationId: id,
        roleArn: R2,
      }),
    );
    expect(updated.association?.roleArn).toBe(R2);
    // Re-created, the add-on cannot take it back: it must be deleted and made through the add-on.
    await waitUntilAddonDeleted(waiter(), { clusterName: 'c1', addonName: 'aws-efs-csi-driver' });
    const err = await sdkError(
      createEfs([{ serviceAccount: 'efs-csi-controller-sa', roleArn: R1 }]),
    );
    expect([err.name, err.message]).toEqual([
      'ResourceInUseException',
      `Association already exists: ${id}`,
    ]);
  });
});
