// What the readClusterState tests share: the run's clients with one command held back until
// released (and the commands answered, in order), and the reader's dependencies around them.

import pLimit from 'p-limit';
import { vi } from 'vitest';
import { createClients, type AwsClients } from '../../src/aws/clients.js';
import { AddonWatcher, StackWatcher } from '../../src/aws/waiters.js';
import type { StateReaderDeps } from '../../src/state/read.js';
import { TEST_CREDENTIALS } from '../emulator/helpers.js';

type Handler = (args: unknown) => Promise<unknown>;
interface MiddlewareStack {
  add(
    m: (next: Handler, context: { commandName: string }) => Handler,
    o: { step: 'initialize'; name: string },
  ): void;
}

export interface HoldOptions {
  /** The command held until `release()` (e.g. 'DescribeCluster'). */
  hold: string;
  /** Thrown by the held command once released. */
  failWith?: Error;
  /** Thrown by every other command. */
  failOthers?: Error;
  /** One request at a time (FIFO), so a test can tell what was still waiting. */
  oneAtATime?: boolean;
}

export function heldClients(url: string, options: HoldOptions) {
  vi.stubEnv('AWS_ENDPOINT_URL', url);
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
  const failed: string[] = [];
  for (const client of [clients.eks, clients.cloudformation, clients.iam]) {
    (client.middlewareStack as unknown as MiddlewareStack).add(
      (next, { commandName }) =>
        async (args) => {
          const name = commandName.replace(/Command$/, '');
          if (name === options.hold) {
            await held;
            if (options.failWith) throw options.failWith;
          } else if (options.failOthers) {
            failed.push(name);
            throw options.failOthers;
          }
          const result = await next(args);
          answered.push(name);
          return result;
        },
      { step: 'initialize', name: 'holdCommand' },
    );
  }
  /** Resolves once every request queued so far has had its turn (with `oneAtATime`). */
  const drained = async (): Promise<void> => {
    await limit?.(() => Promise.resolve());
  };
  return { clients, release, answered, failed, drained };
}

export function readerDeps(clients: AwsClients): StateReaderDeps {
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
