// TemplatesAhead through readClusterState against the emulator: a role stack's template is asked
// for by name with the stack listing, used once the listing shows the stack, and a read the listing
// shows was not needed is cancelled before it goes out.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { readClusterState } from '../../src/state/read.js';
import { CLUSTER_NAME_TAG } from '../../src/names/tags.js';
import { podIdentityRoleStackName } from '../../src/names/stack-names.js';
import { entry, spec } from '../plan/fixtures.js';
import { withEmulator } from '../emulator/helpers.js';
import { simpleRoleTemplate } from '../emulator/cloudformation-fixtures.js';
import { heldClients, readerDeps as deps } from './read-harness.js';

const env = withEmulator();
const CLUSTER = 'test-cluster';
const STACK = podIdentityRoleStackName(CLUSTER, 'apps', 'web');
const TEMPLATE = simpleRoleTemplate();
afterEach(() => vi.unstubAllEnvs());

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
          stacks: [
            { stackName: STACK, templateBody: TEMPLATE, tags: { [CLUSTER_NAME_TAG]: CLUSTER } },
          ],
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
    const { clients, release, answered } = heldClients(env.url, { hold: 'DescribeStacks' });
    const reading = readClusterState(config(), deps(clients));
    await vi.waitFor(() => expect(answered).toContain('GetTemplate'), { timeout: 10_000 });
    release();
    const live = await reading;
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.stacks.map((s) => [s.stackName, s.template])).toEqual([
      [STACK, JSON.parse(TEMPLATE)],
    ]);
    expect(await templateCalls()).toBe(1);
  });

  it('never sends a read still waiting for a slot when the listing shows no such stack', async () => {
    await seed(false);
    // One request at a time: the template read waits behind the listing, which answers first.
    const { clients, release, drained } = heldClients(env.url, {
      hold: 'DescribeStacks',
      oneAtATime: true,
    });
    release();
    const live = await readClusterState(config(), deps(clients));
    await drained();
    if ('missing' in live) throw new Error(`cluster reported missing: ${live.reason}`);
    expect(live.stacks).toEqual([]);
    expect(await templateCalls()).toBe(0);
  });
});
