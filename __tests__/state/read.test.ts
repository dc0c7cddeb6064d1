// readClusterState against the emulator: the reads that need only the cluster's name (and the roles
// the config names) do not wait for DescribeCluster's answer, and DescribeCluster still decides a
// missing or unreadable cluster and which account's roles count.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClients, type AwsClients } from '../../src/aws/clients.js';
import { AddonWatcher, StackWatcher } from '../../src/aws/waiters.js';
import { readClusterState, type StateReaderDeps } from '../../src/state/read.js';
import { entry, roleArn, spec } from '../plan/fixtures.js';
import { POD_IDENTITY_TRUST, TEST_CREDENTIALS, withEmulator } from '../emulator/helpers.js';

const env = withEmulator();
const CLUSTER = 'test-cluster';
afterEach(() => vi.unstubAllEnvs());

type Handler = (args: unknown) => Promise<unknown>;
interface Stack {
  add(
    m: (next: Handler, context: { commandName: string }) => Handler,
    o: { step: 'initialize'; name: string },
  ): void;
}

/**
 * The run's clients with DescribeCluster held until `release` (then failed with `failWith` when
 * given; every other command fails with `failOthers` when given), the commands answered, in order,
 * and those that failed.
 */
function heldClients(url: string, hold: { failWith?: Error; failOthers?: Error } = {}) {
  vi.stubEnv('AWS_ENDPOINT_URL', url);
  const clients: AwsClients = createClients({
    region: 'us-west-2',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const answered: string[] = [];
  const failed: string[] = [];
  for (const client of [clients.eks, clients.cloudformation, clients.iam]) {
    (client.middlewareStack as unknown as Stack).add(
      (next, { commandName }) =>
        async (args) => {
          if (commandName === 'DescribeClusterCommand') {
            await held;
            if (hold.failWith) throw hold.failWith;
          } else if (hold.failOthers) {
            failed.push(commandName.replace(/Command$/, ''));
            throw hold.failOthers;
          }
          const result = await next(args);
          answered.push(commandName.replace(/Command$/, ''));
          return result;
        },
      { step: 'initialize', name: 'holdDescribeCluster' },
    );
  }
  return { clients, release, answered, failed };
}

function deps(clients: AwsClients): StateReaderDeps {
  return {
    clients,
    watcher: new StackWatcher(clients.cloudformation),
    addonWatcher: new AddonWatcher(clients.eks),
    describeOthers: false,
    stackListings: new Map(),
    roleLookups: new Map(),
    log: () => {},
  };
}

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
    const { clients, release, answered } = heldClients(env.url);
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
    const { clients, release } = heldClients(env.url);
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
    const { clients, release, answered } = heldClients(env.url);
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
