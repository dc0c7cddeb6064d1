import { describe, expect, it } from 'vitest';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { StackWatcher } from '../../src/aws/waiters.js';

interface FakeStack {
  StackName: string;
  StackId: string;
  StackStatus: string;
}

/** A CloudFormation client that answers DescribeStacks from a table the test changes over time. */
function fakeCloudFormation(
  stacks: Map<string, FakeStack>,
  hooks: { onList?: () => void; fail?: Error } = {},
) {
  const calls: string[] = [];
  // A real client (the SDK's paginator checks the class) whose send answers from the table.
  const client = new CloudFormationClient({ region: 'us-east-1' });
  Object.assign(client, {
    send: async (command: { input: { StackName?: string } }) => {
      if (hooks.fail) throw hooks.fail;
      const name = command.input.StackName;
      if (name === undefined) {
        calls.push('list');
        const snapshot = [...stacks.values()].filter((s) => s.StackStatus !== 'DELETE_COMPLETE');
        hooks.onList?.();
        await new Promise((r) => setTimeout(r, 5));
        return { Stacks: snapshot.map((s) => ({ ...s })) };
      }
      calls.push(`describe ${name}`);
      const stack = [...stacks.values()].find((s) => s.StackName === name || s.StackId === name);
      if (!stack) {
        throw Object.assign(new Error(`Stack with id ${name} does not exist`), {
          name: 'ValidationError',
        });
      }
      return { Stacks: [{ ...stack }] };
    },
  });
  return { client, calls };
}

const stack = (n: number, status = 'CREATE_IN_PROGRESS'): FakeStack => ({
  StackName: `s${n}`,
  StackId: `id-${n}`,
  StackStatus: status,
});

describe('StackWatcher', () => {
  it('judges a waiter that joins during a region-wide poll by a later poll, not by that listing', async () => {
    const stacks = new Map([1, 2, 3, 4, 5, 6].map((n) => [`s${n}`, stack(n)]));
    let joined: Promise<unknown> | undefined;
    const watcher = new StackWatcher(
      fakeCloudFormation(stacks, {
        onList: () => {
          // s7 is created (and waited for) while the listing is on its way.
          if (!joined) {
            stacks.set('s7', stack(7));
            joined = watcher.wait('s7', 'create');
          }
          for (const s of stacks.values()) s.StackStatus = 'CREATE_COMPLETE';
        },
      }).client,
      { schedule: [1] },
    );
    const first = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => watcher.wait(`s${n}`, 'create')));
    expect(first.every((r) => r.ok)).toBe(true);
    expect(await joined).toMatchObject({ ok: true, stack: { status: 'CREATE_COMPLETE' } });
  });

  it('finds deleted stacks (absent from the listing) by id', async () => {
    const stacks = new Map([1, 2, 3, 4, 5, 6].map((n) => [`s${n}`, stack(n, 'DELETE_COMPLETE')]));
    const { client, calls } = fakeCloudFormation(stacks);
    const watcher = new StackWatcher(client, { schedule: [1] });
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => watcher.wait(`id-${n}`, 'delete')),
    );
    expect(results.every((r) => r.ok && r.stack === undefined)).toBe(true);
    expect(calls.filter((c) => c === 'list')).toHaveLength(1);
  });

  it('gives up at once on an error that waiting will not fix', async () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    const watcher = new StackWatcher(fakeCloudFormation(new Map(), { fail: denied }).client, {
      schedule: [1],
      timeoutMs: 60_000,
    });
    await expect(watcher.wait('s1', 'create')).rejects.toThrow('not authorized');
  });
});
