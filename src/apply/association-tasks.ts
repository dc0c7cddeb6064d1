// Association tasks: create (an existing one that is the same is success), update, delete, tag.

import * as eks from '../aws/eks.js';
import { isAwsError } from '../aws/errors.js';
import type {
  CreateAssociationParams,
  DeleteAssociationParams,
  TagAssociationParams,
  UpdateAssociationParams,
} from '../plan/model.js';
import { resolveRole, retry, type TaskContext, type TaskOutcome } from './context.js';
import { propagationRetryFor, withRetry } from './retry.js';

export async function createAssociation(
  p: CreateAssociationParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const roleArn = await resolveRole(p.roleArn, ctx);
  try {
    const created = await withRetry(
      () => eks.createAssociation(ctx.clients.eks, { ...p, roleArn }),
      propagationRetryFor(ctx, `"${roleArn}"`),
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

export async function updateAssociation(
  p: UpdateAssociationParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
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
    propagationRetryFor(ctx, `"${roleArn}"`),
  );
  return { changed: true, detail: `role ${roleArn}` };
}

export async function deleteAssociation(
  p: DeleteAssociationParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const existed = await retry(ctx, () =>
    eks.deleteAssociation(ctx.clients.eks, p.clusterName, p.associationId),
  );
  return { changed: existed, detail: existed ? undefined : 'already gone' };
}

export async function tagAssociation(
  p: TagAssociationParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  await retry(ctx, () =>
    eks.tagResource(ctx.clients.eks, p.associationArn, p.tagsToAdd, p.tagKeysToRemove),
  );
  return { changed: true };
}
