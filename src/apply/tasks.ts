// One function per task kind. Each is idempotent: re-running it after a crash, a retry or a
// concurrent run reaches the same end state instead of failing or duplicating.

import { randomBytes } from 'node:crypto';
import { waitUntilAddonActive, waitUntilAddonDeleted } from '@aws-sdk/client-eks';
import type { AwsClients } from '../aws/clients.js';
import { POD_IDENTITY_ASSOCIATION_TAG } from '../cfn/stack-tags.js';
import * as cfn from '../aws/cloudformation.js';
import * as eks from '../aws/eks.js';
import { isAwsError } from '../aws/errors.js';
import type { StackWatcher } from '../aws/stack-watcher.js';
import type { StackOutputRef, Task } from '../plan/model.js';
import { propagationRetry, transientRetry, withRetry } from './retry.js';

export interface TaskContext {
  clients: AwsClients;
  watcher: StackWatcher;
  /** Stack outputs produced earlier in this run, by stack name. */
  outputs: Map<string, Record<string, string>>;
  /** Upper bound for add-on waits. */
  addonTimeoutSeconds: number;
  log(message: string): void;
  sleep?: (ms: number) => Promise<void>;
}

/** What a task did: `changed` false when the world already matched (nothing to do). */
export interface TaskOutcome {
  changed: boolean;
  detail?: string;
}

const retry = <T>(ctx: TaskContext, fn: () => Promise<T>): Promise<T> =>
  withRetry(fn, { ...transientRetry, sleep: ctx.sleep });

export async function runTask(task: Task, ctx: TaskContext): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'create-role-stack':
      return createRoleStack(task.params, ctx);
    case 'update-role-stack':
      return updateRoleStack(task.params, ctx);
    case 'delete-role-stack':
      return deleteRoleStack(task.params, ctx);
    case 'create-association':
      return createAssociation(task.params, ctx);
    case 'update-association': {
      const p = task.params;
      const roleArn = await resolveRole(p.roleArn, ctx);
      await withRetry(
        () =>
          eks.updateAssociation(ctx.clients.eks, {
            clusterName: p.clusterName,
            associationId: p.associationId,
            roleArn,
            targetRoleArn: p.targetRoleArn,
            disableSessionTags: p.disableSessionTags,
            policy: p.policy,
          }),
        { ...propagationRetry, sleep: ctx.sleep },
      );
      return { changed: true, detail: `role ${roleArn}` };
    }
    case 'delete-association': {
      const p = task.params;
      const existed = await retry(ctx, () =>
        eks.deleteAssociation(ctx.clients.eks, p.clusterName, p.associationId),
      );
      return { changed: existed, detail: existed ? undefined : 'already gone' };
    }
    case 'tag-association': {
      const p = task.params;
      await retry(ctx, () =>
        eks.tagResource(ctx.clients.eks, p.associationArn, p.tagsToAdd, p.tagKeysToRemove),
      );
      return { changed: true };
    }
    case 'create-addon':
      return createAddon(task.params, ctx);
    case 'update-addon': {
      const p = task.params;
      await retry(ctx, async () =>
        eks.updateAddon(ctx.clients.eks, {
          ...p,
          podIdentityAssociations: p.podIdentityAssociations
            ? await Promise.all(
                p.podIdentityAssociations.map(async (a) => ({
                  serviceAccount: a.serviceAccount,
                  roleArn: await resolveRole(a.roleArn, ctx),
                })),
              )
            : undefined,
        }),
      );
      await waitAddonActive(ctx, p.clusterName, p.addonName);
      return { changed: true };
    }
    case 'delete-addon': {
      const p = task.params;
      await retry(ctx, () =>
        eks.deleteAddon(ctx.clients.eks, p.clusterName, p.addonName, p.preserve),
      );
      await waitUntilAddonDeleted(
        {
          client: ctx.clients.eks,
          minDelay: 2,
          maxDelay: 15,
          maxWaitTime: ctx.addonTimeoutSeconds,
        },
        { clusterName: p.clusterName, addonName: p.addonName },
      );
      return { changed: true };
    }
  }
}

async function resolveRole(role: string | StackOutputRef, ctx: TaskContext): Promise<string> {
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

async function createRoleStack(
  p: Extract<Task, { kind: 'create-role-stack' }>['params'],
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const client = ctx.clients.cloudformation;
  if (p.replacesFailedStackId) {
    ctx.log(`deleting failed stack "${p.stackName}" before re-creating it`);
    await removeStack(ctx, p.replacesFailedStackId, true);
  }
  let stackId: string;
  try {
    ctx.log(`deploying stack "${p.stackName}"`);
    stackId = await retry(ctx, () => cfn.createStack(client, p));
  } catch (error) {
    if (!isAwsError(error, 'AlreadyExistsException')) throw error;
    // A retried CreateStack whose first attempt went through, or a concurrent run: the same stack
    // only if eksctl's tag names the same association (stack names alone can collide).
    const existing = await retry(ctx, () => cfn.describeStack(client, p.stackName));
    const mine = p.tags[POD_IDENTITY_ASSOCIATION_TAG];
    if (!existing || existing.tags[POD_IDENTITY_ASSOCIATION_TAG] !== mine) {
      const owner = existing?.tags[POD_IDENTITY_ASSOCIATION_TAG];
      throw new Error(
        `stack "${p.stackName}" already exists${owner ? ` for "${owner}"` : ''}, not for "${mine}"`,
        { cause: error },
      );
    }
    stackId = existing.stackId;
  }
  const result = await ctx.watcher.wait(stackId, 'create');
  if (!result.ok || !result.stack) {
    const reason = result.stack?.statusReason ? `: ${result.stack.statusReason}` : '';
    throw new Error(
      `stack "${p.stackName}" ended in ${result.stack?.status ?? 'DELETE_COMPLETE'}${reason}`,
    );
  }
  ctx.outputs.set(p.stackName, result.stack.outputs);
  return { changed: true, detail: result.stack.outputs.Role1 };
}

async function updateRoleStack(
  p: Extract<Task, { kind: 'update-role-stack' }>['params'],
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
  const status = await waitChangeSet(ctx, p.stackName, changeSetId);
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
  const result = await ctx.watcher.wait(p.stackName, 'update');
  if (!result.ok || !result.stack) {
    const reason = result.stack?.statusReason ? `: ${result.stack.statusReason}` : '';
    throw new Error(
      `stack "${p.stackName}" ended in ${result.stack?.status ?? 'DELETE_COMPLETE'}${reason}`,
    );
  }
  ctx.outputs.set(p.stackName, result.stack.outputs);
  return { changed: true, detail: `updated IAM resources stack "${p.stackName}"` };
}

async function waitChangeSet(
  ctx: TaskContext,
  stackName: string,
  changeSetId: string,
): Promise<{ status: string; reason?: string }> {
  const sleep = ctx.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let delay = 250; ; delay = Math.min(delay * 2, 5000)) {
    const status = await retry(ctx, () =>
      cfn.describeChangeSet(ctx.clients.cloudformation, stackName, changeSetId),
    );
    if (status.status === 'CREATE_COMPLETE' || status.status === 'FAILED') return status;
    await sleep(delay);
  }
}

async function deleteRoleStack(
  p: Extract<Task, { kind: 'delete-role-stack' }>['params'],
  ctx: TaskContext,
): Promise<TaskOutcome> {
  ctx.log(`will delete stack "${p.stackName}"`);
  const existed = await removeStack(ctx, p.stackId, p.terminationProtection);
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
  const result = await ctx.watcher.wait(stackId, 'delete');
  if (!result.ok) {
    const reason = result.stack?.statusReason ? `: ${result.stack.statusReason}` : '';
    throw new Error(`stack "${current.stackName}" ended in ${result.stack?.status}${reason}`);
  }
  return true;
}

async function createAssociation(
  p: Extract<Task, { kind: 'create-association' }>['params'],
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const roleArn = await resolveRole(p.roleArn, ctx);
  try {
    const created = await withRetry(
      () => eks.createAssociation(ctx.clients.eks, { ...p, roleArn }),
      { ...propagationRetry, sleep: ctx.sleep },
    );
    return { changed: true, detail: created.associationId };
  } catch (error) {
    if (!isAwsError(error, 'ResourceInUseException')) throw error;
    // Already there: fine when it is the association we meant (an earlier attempt went through).
    const [existing] = await retry(ctx, () =>
      eks.listAssociations(ctx.clients.eks, p.clusterName, {
        namespace: p.namespace,
        serviceAccount: p.serviceAccount,
      }),
    );
    const live = existing?.associationId
      ? await retry(ctx, () =>
          eks.describeAssociation(ctx.clients.eks, p.clusterName, existing.associationId!),
        )
      : undefined;
    if (live && live.roleArn === roleArn && !live.ownerArn) {
      return { changed: false, detail: `already exists as ${live.associationId}` };
    }
    throw error;
  }
}

async function createAddon(
  p: Extract<Task, { kind: 'create-addon' }>['params'],
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const podIdentityAssociations = p.podIdentityAssociations
    ? await Promise.all(
        p.podIdentityAssociations.map(async (a) => ({
          serviceAccount: a.serviceAccount,
          roleArn: await resolveRole(a.roleArn, ctx),
        })),
      )
    : undefined;
  try {
    ctx.log(`creating addon: ${p.addonName}`);
    await retry(ctx, () => eks.createAddon(ctx.clients.eks, { ...p, podIdentityAssociations }));
  } catch (error) {
    if (!isAwsError(error, 'ResourceInUseException')) throw error;
    ctx.log(`"${p.addonName}" addon is already present on the cluster`);
  }
  await waitAddonActive(ctx, p.clusterName, p.addonName);
  ctx.log(`addon "${p.addonName}" active`);
  return { changed: true };
}

async function waitAddonActive(
  ctx: TaskContext,
  clusterName: string,
  addonName: string,
): Promise<void> {
  await waitUntilAddonActive(
    { client: ctx.clients.eks, minDelay: 2, maxDelay: 15, maxWaitTime: ctx.addonTimeoutSeconds },
    { clusterName, addonName },
  );
}
