// What every task needs while it runs: the region's clients and stack watcher, the stack outputs
// produced so far, and the retry that wraps each AWS call.

import type { AwsClients } from '../aws/clients.js';
import * as cfn from '../aws/cloudformation.js';
import type { AddonWatcher, StackWatcher } from '../aws/waiters.js';
import type { KubeSession } from '../kube/session.js';
import type { StackOutputRef } from '../plan/model.js';
import { transientRetry, withRetry } from './retry.js';

export interface TaskContext {
  clients: AwsClients;
  watcher: StackWatcher;
  addonWatcher: AddonWatcher;
  /** Stack outputs produced earlier in this run, by stack name. */
  outputs: Map<string, Record<string, string>>;
  /** The cluster's Kubernetes API, opened on first use (only service-account tasks need it). */
  kubernetes?: () => KubeSession;
  log(message: string): void;
  sleep?: (ms: number) => Promise<void>;
}

/** What a task did: `changed` false when the world already matched (nothing to do). */
export interface TaskOutcome {
  changed: boolean;
  detail?: string;
}

/** One AWS call, retried on throttling and transient faults. */
export const retry = <T>(ctx: TaskContext, fn: () => Promise<T>): Promise<T> =>
  withRetry(fn, { ...transientRetry, sleep: ctx.sleep });

/** A role ARN, or the output of a stack created or updated earlier (in this run or a killed one). */
export async function resolveRole(
  role: string | StackOutputRef,
  ctx: TaskContext,
): Promise<string> {
  if (typeof role === 'string') return role;
  let outputs = ctx.outputs.get(role.stackName);
  if (!outputs) {
    // The stack predates this run (e.g. created by a run that was killed): read its outputs.
    const stack = await retry(ctx, () =>
      cfn.describeStack(ctx.clients.cloudformation, role.stackName),
    );
    outputs = stack?.outputs ?? {};
    ctx.outputs.set(role.stackName, outputs);
  }
  const value = outputs[role.output];
  if (!value) throw new Error(`stack "${role.stackName}" has no output "${role.output}"`);
  return value;
}
