// Role stack tasks: create (replacing a failed stack first), update through a change set, delete.
// Each is idempotent: re-running it after a crash, a retry or a concurrent run reaches the same end.

import { randomBytes } from 'node:crypto';
import * as cfn from '../aws/cloudformation.js';
import { errorMessage, isAwsError } from '../aws/errors.js';
import { eventLine, firstFailedResource, lastOperationEvents } from '../aws/stack-events.js';
import { waitChangeSet } from '../aws/waiters.js';
import type { LiveStack } from '../live/model.js';
import { ROLE_OUTPUT } from '../names/template-ids.js';
import {
  ADDON_NAME_TAG,
  ADDON_POD_IDENTITY_ASSOCIATION_TAG,
  POD_IDENTITY_ASSOCIATION_TAG,
} from '../names/tags.js';
import type {
  CreateRoleStackParams,
  DeleteRoleStackParams,
  UpdateRoleStackParams,
} from '../plan/model.js';
import { retry, type TaskContext, type TaskOutcome } from './context.js';

/** The tags by which eksctl says whose role a stack holds. */
const OWNERSHIP_TAGS = [
  POD_IDENTITY_ASSOCIATION_TAG,
  ADDON_NAME_TAG,
  ADDON_POD_IDENTITY_ASSOCIATION_TAG,
];

/**
 * The error of a stack that ended badly. As eksctl troubleshoots a failed stack, the events say
 * why: the error carries the first failed resource's own reason (what IAM refused), not the stack's
 * "Rollback requested by user" echo, which is kept only when the events cannot be read.
 */
async function endedBadly(
  ctx: TaskContext,
  stackName: string,
  stack: LiveStack | undefined,
): Promise<Error> {
  const status = stack?.status ?? 'DELETE_COMPLETE';
  ctx.log(`unexpected status "${status}" while waiting for CloudFormation stack "${stackName}"`);
  let cause: string | undefined;
  if (stack) {
    try {
      const events = await retry(ctx, () =>
        lastOperationEvents(ctx.clients.cloudformation, stack.stackId),
      );
      const failed = firstFailedResource(events);
      if (failed) cause = eventLine(failed);
    } catch (error) {
      ctx.log(`cannot fetch stack events: ${errorMessage(error)}`);
    }
  }
  const reason = cause ?? stack?.statusReason;
  return new Error(`stack "${stackName}" ended in ${status}${reason ? `: ${reason}` : ''}`);
}

/**
 * Runs one stack's operation; when CloudFormation says someone else is changing the stack at the
 * same time (two applies of one config, most often), the error says so and what to do instead of
 * CloudFormation's own words ("ChangeSet [arn…] does not exist").
 */
async function alone<T>(stackName: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const signal = cfn.concurrentChange(error);
    if (!signal) throw error;
    throw new Error(
      `another apply is changing stack "${stackName}" at the same time (${signal}): wait for it to ` +
        'finish, then re-run, which converges. In GitHub Actions, put the apply job in a `concurrency:` ' +
        'group keyed on the target so applies queue instead (docs/action.md, "Concurrency")',
      { cause: error },
    );
  }
}

export async function createRoleStack(
  p: CreateRoleStackParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const client = ctx.clients.cloudformation;
  if (p.replacesFailedStackId) {
    ctx.log(`deleting failed stack "${p.stackName}" before re-creating it`);
    const failedId = p.replacesFailedStackId;
    await alone(p.stackName, () => removeStack(ctx, failedId, true));
  }
  let stackId: string;
  try {
    ctx.log(`deploying stack "${p.stackName}"`);
    stackId = await retry(ctx, () => cfn.createStack(client, p));
  } catch (error) {
    if (!isAwsError(error, 'AlreadyExistsException')) throw error;
    // A retried CreateStack whose first attempt went through, or a concurrent run: the same stack
    // only if eksctl's tags name the same owner (stack names alone can collide).
    const existing = await retry(ctx, () => cfn.describeStack(client, p.stackName));
    const differs = OWNERSHIP_TAGS.find((key) => existing?.tags[key] !== p.tags[key]);
    if (!existing || differs) {
      const owner = existing && differs ? existing.tags[differs] : undefined;
      const mine = differs ? p.tags[differs] : undefined;
      throw new Error(
        `stack "${p.stackName}" already exists${owner ? ` for "${owner}"` : ''}, not for "${mine}"`,
        { cause: error },
      );
    }
    stackId = existing.stackId;
  }
  const result = await ctx.watcher.wait(stackId, 'create', {
    stackName: p.stackName,
    log: ctx.log,
  });
  if (!result.ok || !result.stack) throw await endedBadly(ctx, p.stackName, result.stack);
  ctx.outputs.set(p.stackName, result.stack.outputs);
  return { changed: true, detail: result.stack.outputs[ROLE_OUTPUT] };
}

export async function updateRoleStack(
  p: UpdateRoleStackParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  return alone(p.stackName, () => updateThroughChangeSet(p, ctx));
}

async function updateThroughChangeSet(
  p: UpdateRoleStackParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const client = ctx.clients.cloudformation;
  // Unique per attempt: a second update of the same stack within a second, or a retry after a lost
  // answer, must not collide with an earlier change set's name.
  const changeSetName = `podid-update-${Math.floor(Date.now() / 1000)}-${randomBytes(3).toString('hex')}`;
  const changeSetId = await retry(ctx, () =>
    cfn.createChangeSet(client, {
      ...p,
      changeSetName,
      description: `updating IAM resources stack "${p.stackName}"`,
    }),
  );
  ctx.log(`waiting for CloudFormation changeset "${changeSetName}" for stack "${p.stackName}"`);
  const status = await waitChangeSet(client, p.stackName, changeSetId, {
    call: (fn) => retry(ctx, fn),
    sleep: ctx.sleep,
  });
  if (status.status === 'FAILED') {
    if (/didn't contain changes|No updates are to be performed/.test(status.reason ?? '')) {
      await retry(ctx, () => cfn.deleteChangeSet(client, p.stackName, changeSetId));
      const stack = await retry(ctx, () => cfn.describeStack(client, p.stackName));
      ctx.outputs.set(p.stackName, stack?.outputs ?? {});
      return { changed: false, detail: 'nothing to update' };
    }
    throw new Error(
      `change set for stack "${p.stackName}" failed: ${status.reason ?? 'no reason given'}`,
    );
  }
  await retry(ctx, () => cfn.executeChangeSet(client, p.stackName, changeSetId));
  const result = await ctx.watcher.wait(p.stackName, 'update', {
    stackName: p.stackName,
    log: ctx.log,
  });
  if (!result.ok || !result.stack) throw await endedBadly(ctx, p.stackName, result.stack);
  ctx.outputs.set(p.stackName, result.stack.outputs);
  return { changed: true, detail: `updated IAM resources stack "${p.stackName}"` };
}

export async function deleteRoleStack(
  p: DeleteRoleStackParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  ctx.log(`will delete stack "${p.stackName}"`);
  const existed = await alone(p.stackName, () =>
    removeStack(ctx, p.stackId, p.terminationProtection),
  );
  return { changed: existed, detail: existed ? undefined : 'already gone' };
}

/** Lifts termination protection, deletes, waits for DELETE_COMPLETE. False if it was already gone. */
async function removeStack(
  ctx: TaskContext,
  stackId: string,
  protectedStack: boolean,
): Promise<boolean> {
  const client = ctx.clients.cloudformation;
  const current = await retry(ctx, () => cfn.describeStack(client, stackId));
  if (!current || current.status === 'DELETE_COMPLETE') return false;
  if (protectedStack || current.terminationProtection) {
    await retry(ctx, () => cfn.setTerminationProtection(client, stackId, false));
  }
  await retry(ctx, () => cfn.deleteStack(client, stackId));
  const result = await ctx.watcher.wait(stackId, 'delete', {
    stackName: current.stackName,
    log: ctx.log,
  });
  if (!result.ok) throw await endedBadly(ctx, current.stackName, result.stack);
  return true;
}
