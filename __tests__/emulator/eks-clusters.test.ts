// Clusters: create (incl. Auto Mode), describe, list with pagination, delete, errors, regions.
import { describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClusterCommand,
  ListClustersCommand,
  waitUntilClusterActive,
} from '@aws-sdk/client-eks';
import { TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';

const env = withEmulator();
const roleArn = `arn:aws:iam::${TEST_ACCOUNT}:role/eks-cluster`;

describe('clusters', () => {
  it('creates a cluster with an OIDC issuer, then describes and deletes it', async () => {
    const { cluster } = await env.eks.send(
      new CreateClusterCommand({
        name: 'c1',
        version: '1.32',
        roleArn,
        resourcesVpcConfig: {},
        computeConfig: { enabled: true },
        tags: { env: 'test' },
      }),
    );
    expect(cluster).toMatchObject({
      name: 'c1',
      arn: `arn:aws:eks:us-west-2:${TEST_ACCOUNT}:cluster/c1`,
      version: '1.32',
      status: 'ACTIVE',
      roleArn,
      tags: { env: 'test' },
      computeConfig: { enabled: true },
    });
    expect(cluster?.identity?.oidc?.issuer).toMatch(
      /^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/,
    );
    expect(cluster?.platformVersion).toMatch(/^eks\.\d+$/);
    expect(cluster?.accessConfig?.authenticationMode).toBe('API_AND_CONFIG_MAP');
    expect(cluster?.createdAt).toBeInstanceOf(Date);
    const described = await env.eks.send(new DescribeClusterCommand({ name: 'c1' }));
    expect(described.cluster?.identity).toEqual(cluster?.identity);
    const deleted = await env.eks.send(new DeleteClusterCommand({ name: 'c1' }));
    expect(deleted.cluster?.status).toBe('DELETING');
    const gone = await sdkError(env.eks.send(new DescribeClusterCommand({ name: 'c1' })));
    expect([gone.name, gone.$metadata.httpStatusCode, gone.message, gone.clusterName]).toEqual([
      'ResourceNotFoundException',
      404,
      'No cluster found for name: c1.',
      'c1',
    ]);
  });

  it('goes CREATING → ACTIVE after durations.clusterCreate (waiter)', async () => {
    env.emulator.world.durations.clusterCreate = 200;
    try {
      const { cluster } = await env.eks.send(
        new CreateClusterCommand({ name: 'slow', roleArn, resourcesVpcConfig: {} }),
      );
      expect(cluster?.status).toBe('CREATING');
      const result = await waitUntilClusterActive(
        { client: env.eks, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 },
        { name: 'slow' },
      );
      expect(result.state).toBe('SUCCESS');
    } finally {
      env.emulator.world.durations.clusterCreate = 0;
    }
  });

  it('refuses duplicates, bad names, bad role ARNs and unknown versions', async () => {
    await env.eks.send(new CreateClusterCommand({ name: 'c1', roleArn, resourcesVpcConfig: {} }));
    const dup = await sdkError(
      env.eks.send(new CreateClusterCommand({ name: 'c1', roleArn, resourcesVpcConfig: {} })),
    );
    expect([dup.name, dup.$metadata.httpStatusCode, dup.message]).toEqual([
      'ResourceInUseException',
      409,
      'Cluster already exists with name: c1',
    ]);
    const badRole = await sdkError(
      env.eks.send(
        new CreateClusterCommand({ name: 'c2', roleArn: 'role', resourcesVpcConfig: {} }),
      ),
    );
    expect([badRole.name, badRole.message]).toEqual([
      'InvalidParameterException',
      "Invalid Role Arn: 'role'",
    ]);
    const badName = await sdkError(
      env.eks.send(new CreateClusterCommand({ name: '-x', roleArn, resourcesVpcConfig: {} })),
    );
    expect(badName.name).toBe('InvalidParameterException');
    const badVersion = await sdkError(
      env.eks.send(
        new CreateClusterCommand({ name: 'c3', version: '1.10', roleArn, resourcesVpcConfig: {} }),
      ),
    );
    expect([badVersion.name, badVersion.message]).toEqual([
      'InvalidParameterException',
      'unsupported Kubernetes version 1.10',
    ]);
  });

  it('lists clusters per region with pagination', async () => {
    for (const name of ['a', 'b', 'c'])
      await env.eks.send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: {} }));
    const east = env.clients({ region: 'us-east-1' }).eks;
    await east.send(new CreateClusterCommand({ name: 'e', roleArn, resourcesVpcConfig: {} }));
    const first = await env.eks.send(new ListClustersCommand({ maxResults: 2 }));
    const second = await env.eks.send(
      new ListClustersCommand({ maxResults: 2, nextToken: first.nextToken }),
    );
    expect([...(first.clusters ?? []), ...(second.clusters ?? [])]).toEqual(['a', 'b', 'c']);
    expect(second.nextToken).toBeUndefined();
    const eastList = await east.send(new ListClustersCommand({}));
    expect(eastList.clusters).toEqual(['e']);
    const { cluster } = await east.send(new DescribeClusterCommand({ name: 'e' }));
    expect(cluster?.arn).toBe(`arn:aws:eks:us-east-1:${TEST_ACCOUNT}:cluster/e`);
    expect(cluster?.identity?.oidc?.issuer).toContain('oidc.eks.us-east-1.amazonaws.com');
  });
});
