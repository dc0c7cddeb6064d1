// readClusterState against the emulator: the reads that need only the cluster's name (and the roles
// the config names) do not wait for DescribeCluster's answer, and DescribeCluster still decides a
// missing or unreadable cluster and which account's roles count.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { readClusterState } from '../../src/state/read.js';
import { entry, roleArn, spec } from '../plan/fixtures.js';
import { POD_IDENTITY_TRUST, withEmulator } from '../emulator/helpers.js';
import { heldClients as held, readerDeps as deps } from './read-harness.js';

const env = withEmulator();
const heldClients = (url: string, options: { failWith?: Error; failOthers?: Error }) =>
  held(url, { hold: 'DescribeCluster', ...options });
const CLUSTER = 'test-cluster';
afterEach(() => vi.unstubAllEnvs());

async function seed(): Promise<void> {
  await env.admin('POST', 'seed', {
    roles: [{ roleName: 'app', assumeRolePolicyDocument: POD_IDENTITY_TRUST }],
    clusters: [
      {
        name: CLUSTER,
        region: 'us-west-2',
        version: '1.32',
        addons: [{ name: 'eks-pod-identity-agent' }],
        podIdentityAssociations: [
          { namespace: 'apps', serviceAccount: 'web', roleArn: roleArn('app') },
          { namespace: 'apps', serviceAccount: 'api', roleArn: roleArn('app') },
        ],
      },
    ],
  });
}

const config = () => spec([entry('apps', 'web', { roleARN: roleArn('app') })], { name: CLUSTER });

describe('readClusterState', () => {
  it('lists and describes the associations, the stacks and the add-ons while DescribeCluster is still out', async () => {
    await seed();
    const { clients, release, answered } = heldClients(env.url, {});
    const reading = readClusterState(config(), deps(clients));
    await vi.waitFor(
      () =>
        expect([...answered].sort()).toEqual([
          'DescribeAddon',
          'DescribePodIdentityAssociation',
          'DescribePodIdentityAssociation',
          'DescribeStacks',
          'GetRole',
          'ListAddons',
          'ListPodIdentityAssociations',
        ]),
      { timeout: 10_000 },
    );
    release();
    const live = await reading;
    clients.eks.destroy();
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.version).toBe('1.32');
    expect(live.associations.map((a) => a.serviceAccount).sort()).toEqual(['api', 'web']);
    expect(Object.keys(live.addons)).toEqual(['eks-pod-identity-agent']);
    expect(live.roles[roleArn('app')]).toBeTruthy();
  });

  it('reports a missing cluster as missing, though the reads sent with DescribeCluster failed', async () => {
    const { clients, release } = heldClients(env.url, {});
    release();
    const live = await readClusterState(config(), deps(clients));
    expect(live).toMatchObject({ missing: true, reason: `No cluster found for name: ${CLUSTER}.` });
  });

  it("fails with DescribeCluster's error, not with that of a read that failed before it", async () => {
    await seed();
    const denied = Object.assign(new Error('not authorized to DescribeCluster'), {
      name: 'AccessDeniedException',
    });
    const throttled = Object.assign(new Error('rate exceeded'), { name: 'ThrottlingException' });
    const { clients, release, failed } = heldClients(env.url, {
      failWith: denied,
      failOthers: throttled,
    });
    const reading = readClusterState(config(), deps(clients));
    reading.catch(() => {});
    await vi.waitFor(() => expect(failed).toContain('ListPodIdentityAssociations'), {
      timeout: 10_000,
    });
    release();
    await expect(reading).rejects.toBe(denied);
  });

  it("drops a role read ahead when DescribeCluster shows it is another account's", async () => {
    await seed();
    const { clients, release, answered } = heldClients(env.url, {});
    // Same name as the seeded role, another account: reading it by name would read ours.
    const foreign = 'arn:aws:iam::999988887777:role/app';
    const reading = readClusterState(
      spec([entry('apps', 'web', { roleARN: foreign })], { name: CLUSTER }),
      deps(clients),
    );
    await vi.waitFor(() => expect(answered).toContain('GetRole'), { timeout: 10_000 });
    release();
    const live = await reading;
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.roles).toEqual({});
  });
});
