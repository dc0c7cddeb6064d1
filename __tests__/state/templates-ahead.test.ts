// TemplatesAhead through readClusterState against the emulator: a role stack's template is asked
// for by name with the stack listing, used once the listing shows the stack, and a read the listing
// shows was not needed is cancelled before it goes out.

import { afterEach, describe, expect, it, vi } from 'vitest';
import pLimit from 'p-limit';
import { createClients, type AwsClients } from '../../src/aws/clients.js';
import { AddonWatcher, StackWatcher } from '../../src/aws/waiters.js';
import { readClusterState, type StateReaderDeps } from '../../src/state/read.js';
import { CLUSTER_NAME_TAG } from '../../src/names/tags.js';
import { podIdentityRoleStackName } from '../../src/names/stack-names.js';
import { entry, spec } from '../plan/fixtures.js';
import { TEST_CREDENTIALS, withEmulator } from '../emulator/helpers.js';

const env = withEmulator();
const CLUSTER = 'test-cluster';
const STACK = podIdentityRoleStackName(CLUSTER, 'apps', 'web');
const TEMPLATE = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Role1: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'pods.eks.amazonaws.com' },
              Action: ['sts:AssumeRole', 'sts:TagSession'],
            },
          ],
        },
      },
    },
  },
};
afterEach(() => vi.unstubAllEnvs());

type Handler = (args: unknown) => Promise<unknown>;
interface Stack {
  add(
    m: (next: Handler, context: { commandName: string }) => Handler,
    o: { step: 'initialize'; name: string },
  ): void;
}

/** Clients whose DescribeStacks waits for `release`, and the commands answered, in order. */
function clientsHoldingListing(options: { oneAtATime?: boolean } = {}) {
  vi.stubEnv('AWS_ENDPOINT_URL', env.url);
  const limit = options.oneAtATime ? pLimit(1) : undefined;
  const clients: AwsClients = createClients({
    region: 'us-west-2',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...(limit ? { limit } : {}),
  });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const answered: string[] = [];
  for (const client of [clients.eks, clients.cloudformation, clients.iam]) {
    (client.middlewareStack as unknown as Stack).add(
      (next, { commandName }) =>
        async (args) => {
          if (commandName === 'DescribeStacksCommand') await held;
          const result = await next(args);
          answered.push(commandName.replace(/Command$/, ''));
          return result;
        },
      { step: 'initialize', name: 'holdListing' },
    );
  }
  // Resolves once every request queued so far has had its turn.
  const drained = () => limit?.(() => Promise.resolve());
  return { clients, release, answered, drained };
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

async function seed(withStack: boolean): Promise<void> {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: CLUSTER,
        region: 'us-west-2',
        version: '1.32',
        addons: [{ name: 'eks-pod-identity-agent' }],
      },
    ],
    ...(withStack
      ? {
          stacks: [{ stackName: STACK, template: TEMPLATE, tags: { [CLUSTER_NAME_TAG]: CLUSTER } }],
        }
      : {}),
  });
}

const config = () => spec([entry('apps', 'web')], { name: CLUSTER });
const templateCalls = async (): Promise<number> =>
  (await env.admin<{ operation: string }[]>('GET', 'calls')).filter(
    (c) => c.operation === 'GetTemplate',
  ).length;

describe('templates read ahead', () => {
  it("reads a role stack's template while the listing is out, and only once", async () => {
    await seed(true);
    const { clients, release, answered } = clientsHoldingListing();
    const reading = readClusterState(config(), deps(clients));
    await vi.waitFor(() => expect(answered).toContain('GetTemplate'), { timeout: 10_000 });
    release();
    const live = await reading;
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.stacks.map((s) => [s.stackName, s.template])).toEqual([[STACK, TEMPLATE]]);
    expect(await templateCalls()).toBe(1);
  });

  it('never sends a read still waiting for a slot when the listing shows no such stack', async () => {
    await seed(false);
    // One request at a time: the template read waits behind the listing, which answers first.
    const { clients, release, drained } = clientsHoldingListing({ oneAtATime: true });
    release();
    const live = await readClusterState(config(), deps(clients));
    await drained();
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.stacks).toEqual([]);
    expect(await templateCalls()).toBe(0);
  });
});
