// EKS pod identity associations through the real SDK client: formats, validation texts, updates.
import { describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribePodIdentityAssociationCommand,
  UpdatePodIdentityAssociationCommand,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';
import { trustsPodIdentity } from '../../emulator/eks/roles.js';

const env = withEmulator({ seed: { clusters: [{ name: 'c1', version: '1.31' }] } });

async function role(name: string, trust: string = POD_IDENTITY_TRUST): Promise<string> {
  const out = await env.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }),
  );
  return out.Role?.Arn as string;
}

const create = (
  input: Partial<{ namespace: string; serviceAccount: string; roleArn: string }> &
    Record<string, unknown>,
) =>
  env.eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: 'c1',
      namespace: 'ns',
      serviceAccount: 'sa',
      roleArn: '',
      ...input,
    } as never),
  );

describe('pod identity associations', () => {
  it('creates, describes, updates and deletes with real formats', async () => {
    const arn = await role('app');
    const { association } = await create({ roleArn: arn, tags: { team: 'a' } });
    expect(association?.associationId).toMatch(/^a-[a-z0-9]{17}$/);
    expect(association?.associationArn).toBe(
      `arn:aws:eks:us-west-2:${TEST_ACCOUNT}:podidentityassociation/c1/${association?.associationId}`,
    );
    expect(association?.createdAt).toBeInstanceOf(Date);
    expect(association).toMatchObject({
      clusterName: 'c1',
      namespace: 'ns',
      serviceAccount: 'sa',
      roleArn: arn,
      tags: { team: 'a' },
      disableSessionTags: false,
    });
    expect(association?.ownerArn).toBeUndefined();
    const id = association?.associationId as string;

    const described = await env.eks.send(
      new DescribePodIdentityAssociationCommand({ clusterName: 'c1', associationId: id }),
    );
    expect(described.association).toEqual(association);

    const other = await role('other');
    const updated = await env.eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'c1',
        associationId: id,
        roleArn: other,
      }),
    );
    expect(updated.association?.roleArn).toBe(other);

    const deleted = await env.eks.send(
      new DeletePodIdentityAssociationCommand({ clusterName: 'c1', associationId: id }),
    );
    expect(deleted.association?.associationId).toBe(id);
    const gone = await sdkError(
      env.eks.send(
        new DescribePodIdentityAssociationCommand({ clusterName: 'c1', associationId: id }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(gone.message).toBe(`No association found for id: ${id}.`);
  });

  it('gives an externalId with a target role and clears both with ""', async () => {
    const arn = await role('app');
    const target = 'arn:aws:iam::444455556666:role/target';
    const { association } = await create({ roleArn: arn, targetRoleArn: target });
    expect(association?.targetRoleArn).toBe(target);
    expect(association?.externalId).toMatch(/^[0-9a-f-]{36}$/);
    const id = association?.associationId as string;
    const cleared = await env.eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'c1',
        associationId: id,
        targetRoleArn: '',
      }),
    );
    expect(cleared.association?.targetRoleArn).toBeUndefined();
    expect(cleared.association?.externalId).toBeUndefined();
  });

  it('needs disableSessionTags=true for a policy', async () => {
    const arn = await role('app');
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const err = await sdkError(create({ roleArn: arn, policy }));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InvalidParameterException',
      400,
      'disableSessionTags must be set to true when a policy is provided.',
    ]);
    const { association } = await create({ roleArn: arn, policy, disableSessionTags: true });
    expect(association?.policy).toBe(policy);
    const turnOn = await sdkError(
      env.eks.send(
        new UpdatePodIdentityAssociationCommand({
          clusterName: 'c1',
          associationId: association?.associationId,
          disableSessionTags: false,
        }),
      ),
    );
    expect(turnOn.name).toBe('InvalidParameterException');
  });

  it('refuses a duplicate (cluster, namespace, service account) with 409', async () => {
    const arn = await role('app');
    const { association } = await create({ roleArn: arn });
    const err = await sdkError(create({ roleArn: arn }));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ResourceInUseException',
      409,
      `Association already exists: ${association?.associationId}`,
    ]);
  });

  it('answers 404 with clusterName for an unknown cluster', async () => {
    const err = await sdkError(create({ clusterName: 'nope', roleArn: await role('app') }));
    expect([err.name, err.$metadata.httpStatusCode, err.message, err.clusterName]).toEqual([
      'ResourceNotFoundException',
      404,
      'No cluster found for name: nope.',
      'nope',
    ]);
  });

  it('checks the association id length', async () => {
    for (const send of [
      () =>
        env.eks.send(
          new DescribePodIdentityAssociationCommand({
            clusterName: 'c1',
            associationId: 'a-short',
          }),
        ),
      () =>
        env.eks.send(
          new DeletePodIdentityAssociationCommand({ clusterName: 'c1', associationId: 'a-short' }),
        ),
      () =>
        env.eks.send(
          new UpdatePodIdentityAssociationCommand({
            clusterName: 'c1',
            associationId: 'a-short',
            roleArn: 'x',
          }),
        ),
    ]) {
      const err = await sdkError(send());
      expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
        'InvalidParameterException',
        400,
        'The parameter associationId should be 19 characters long.',
      ]);
    }
  });

  it.each([
    ['a malformed ARN', 'not-an-arn', "Invalid Role Arn: 'not-an-arn'"],
    [
      'another account',
      'arn:aws:iam::999988887777:role/app',
      `Role arn:aws:iam::999988887777:role/app must be in the same account as the cluster (${TEST_ACCOUNT}).`,
    ],
    [
      'a missing role',
      `arn:aws:iam::${TEST_ACCOUNT}:role/missing`,
      'Role provided in the request does not exist',
    ],
  ])('refuses %s', async (_what, roleArn, message) => {
    const err = await sdkError(create({ roleArn }));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InvalidParameterException',
      400,
      message,
    ]);
  });

  it('says a just-created role does not exist during the IAM propagation window', async () => {
    const durations = env.emulator.world.durations;
    durations.iamPropagation = 60_000;
    try {
      const err = await sdkError(create({ roleArn: await role('fresh') }));
      expect(err.message).toBe('Role provided in the request does not exist');
    } finally {
      durations.iamPropagation = 0;
    }
    await expect(
      create({ roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/fresh` }),
    ).resolves.toBeDefined();
  });

  const allow = (statement: Record<string, unknown>) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, ...statement },
      ],
    });
  it.each([
    ['AssumeRole only', allow({ Action: 'sts:AssumeRole' }), false],
    ['both actions as a list', allow({ Action: ['sts:AssumeRole', 'sts:TagSession'] }), true],
    ['sts:* wildcard', allow({ Action: 'sts:*' }), true],
    [
      'another service',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      }),
      false,
    ],
    [
      'service in a list',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: ['ec2.amazonaws.com', 'pods.eks.amazonaws.com'] },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
          },
        ],
      }),
      true,
    ],
    [
      'a Deny on TagSession',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:*' },
          {
            Effect: 'Deny',
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: 'sts:TagSession',
          },
        ],
      }),
      false,
    ],
  ])('trust policy with %s is accepted: %s', async (_what, trust, accepted) => {
    expect(trustsPodIdentity(trust)).toBe(accepted);
    const arn = await role('r', trust);
    if (accepted) {
      await expect(create({ roleArn: arn })).resolves.toBeDefined();
    } else {
      const err = await sdkError(create({ roleArn: arn }));
      expect([err.name, err.message]).toEqual([
        'InvalidParameterException',
        'Trust policy of the role provided is invalid. Follow the official documentation to resolve the issue.',
      ]);
    }
  });

  it('accepts `*` actions, NotAction and URL-encoded documents in the trust check', () => {
    expect(trustsPodIdentity(allow({ Action: '*' }))).toBe(true);
    expect(trustsPodIdentity(allow({ NotAction: 's3:*' }))).toBe(true);
    expect(
      trustsPodIdentity(
        encodeURIComponent(allow({ Action: ['STS:AssumeRole', 'sts:tagsession'] })),
      ),
    ).toBe(true);
    expect(trustsPodIdentity('{not json')).toBe(false);
  });

  it('refuses an update with nothing to change, accepts the same values again', async () => {
    const arn = await role('app');
    const { association } = await create({ roleArn: arn });
    const id = association?.associationId as string;
    const err = await sdkError(
      env.eks.send(
        new UpdatePodIdentityAssociationCommand({ clusterName: 'c1', associationId: id }),
      ),
    );
    expect([err.name, err.message]).toEqual([
      'InvalidParameterException',
      'At least one of roleArn, targetRoleArn, disableSessionTags or policy must be provided.',
    ]);
    const same = await env.eks.send(
      new UpdatePodIdentityAssociationCommand({
        clusterName: 'c1',
        associationId: id,
        roleArn: arn,
      }),
    );
    expect(same.association?.modifiedAt).toEqual(association?.modifiedAt);
  });

  it('needs an ACTIVE cluster', async () => {
    const durations = env.emulator.world.durations;
    durations.clusterCreate = 600_000;
    try {
      await env.eks.send(
        new CreateClusterCommand({
          name: 'slow',
          roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/eks`,
          resourcesVpcConfig: {},
        }),
      );
      const err = await sdkError(create({ clusterName: 'slow', roleArn: await role('app') }));
      expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
        'InvalidRequestException',
        400,
        "Cluster 'slow' is not in ACTIVE status",
      ]);
    } finally {
      durations.clusterCreate = 0;
    }
  });

  it('enforces the 5,000 associations quota', async () => {
    const roleArn = await role('app');
    const podIdentityAssociations = Array.from({ length: 5000 }, (_, i) => ({
      namespace: 'ns',
      serviceAccount: `sa-${i}`,
      roleArn,
    }));
    await env.admin('POST', 'seed', { clusters: [{ name: 'full', podIdentityAssociations }] });
    const err = await sdkError(
      create({ clusterName: 'full', serviceAccount: 'one-more', roleArn }),
    );
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ResourceLimitExceededException',
      400,
      'Cannot exceed quota for PodIdentityAssociationsPerCluster: 5000',
    ]);
  });

  it.each([
    [
      '51 tags',
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
      'A resource can have at most 50 tags.',
    ],
    ['an aws: key', { 'aws:x': 'v' }, "Tag key 'aws:x' uses the reserved prefix 'aws:'."],
    [
      'a 129-character key',
      { ['k'.repeat(129)]: 'v' },
      `Tag key '${'k'.repeat(129)}' must be 1 to 128 characters long.`,
    ],
    [
      'a 257-character value',
      { k: 'v'.repeat(257) },
      "Tag value for key 'k' must be at most 256 characters long.",
    ],
  ])('refuses %s on create', async (_what, tags, message) => {
    const err = await sdkError(create({ roleArn: await role('app'), tags }));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InvalidParameterException',
      400,
      message,
    ]);
  });
});
