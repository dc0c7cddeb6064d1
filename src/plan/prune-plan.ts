// What the cluster has and the config no longer names: deleted per `prune`, or listed as
// unmanaged. Add-on-owned associations are never touched here (only through their add-on).

import type { LiveAssociation, LiveStack } from '../live/model.js';
import { roleStackNamesFor } from '../names/stack-names.js';
import {
  OWNER_TAG,
  POD_IDENTITY_ASSOCIATION_TAG,
  associationKey,
  splitAssociationKey,
} from '../names/tags.js';
import type { Task, Unmanaged } from './model.js';
import type { ClusterContext } from './association-plan.js';
import { roleStacksOf } from './association-plan.js';
import { planServiceAccountDeletion, prunes } from './service-account-plan.js';
import { stackCondition } from './stack-status.js';
import { deleteAssociationTask, deleteStackTask } from './task-builders.js';

export interface PrunePlan {
  /** Tasks by association key, for ordering with the rest of the plan. */
  tasksByKey: Map<string, Task[]>;
  unmanaged: Unmanaged[];
}

function deleteStacks(
  key: string,
  stacks: LiveStack[],
  reason: string,
  dependsOn: string[],
): Task[] {
  return stacks
    .filter(
      (s) => stackCondition(s.status) !== 'in-progress' && stackCondition(s.status) !== 'gone',
    )
    .map((stack, i) =>
      deleteStackTask({ kind: 'association', key }, stack, {
        reason,
        dependsOn,
        ...(i > 0 ? { idSuffix: stack.stackName } : {}),
      }),
    );
}

function unmanagedReason(ctx: ClusterContext, association: LiveAssociation): string {
  if (ctx.options.prune === 'none') return 'not in config; not managed, left alone (prune: none)';
  const owner = association.tags[OWNER_TAG];
  if (owner !== undefined) return `not in config; managed by "${owner}", left alone`;
  return 'not in config; not managed, left alone';
}

export function planPrune(ctx: ClusterContext, configured: Set<string>): PrunePlan {
  const { live, options } = ctx;
  const tasksByKey = new Map<string, Task[]>();
  const unmanaged: Unmanaged[] = [];

  for (const association of live.associations) {
    const key = associationKey(association.namespace, association.serviceAccount);
    if (configured.has(key) || association.ownerArn) continue;
    if (!prunes(association, options)) {
      unmanaged.push({
        namespace: association.namespace,
        serviceAccount: association.serviceAccount,
        associationId: association.associationId,
        reason: unmanagedReason(ctx, association),
      });
      continue;
    }
    const serviceAccount = planServiceAccountDeletion(live, association);
    const pruneReason = `not in config (prune: ${options.prune})`;
    const reason = serviceAccount.note ? `${pruneReason}; ${serviceAccount.note}` : pruneReason;
    // The role stack and the service account go first, the association last: until the
    // association is gone it carries our owner tag, so a run killed in between finds the rest to
    // do. (The stack of an association adopted from eksctl has no owner tag of its own and would
    // otherwise be orphaned.)
    const stacks = roleStacksOf(live, association.namespace, association.serviceAccount);
    const stackTasks = [
      ...deleteStacks(key, stacks, pruneReason, []),
      ...(serviceAccount.task ? [serviceAccount.task] : []),
    ];
    const deletion = deleteAssociationTask(
      {
        clusterName: live.name,
        associationId: association.associationId,
        namespace: association.namespace,
        serviceAccount: association.serviceAccount,
      },
      {
        reason,
        dependsOn: stackTasks.map((t) => t.id),
        before: {
          roleArn: association.roleArn,
          ...(association.targetRoleArn ? { targetRoleArn: association.targetRoleArn } : {}),
          tags: association.tags,
        },
      },
    );
    tasksByKey.set(key, [...stackTasks, deletion]);
  }

  if (options.prune !== 'none') {
    // Role stacks we made whose association never came (or already went) and whose entry is gone:
    // left by a crash between the two steps, or by a prune interrupted after the association.
    const withAssociation = new Set(
      live.associations.map((a) => associationKey(a.namespace, a.serviceAccount)),
    );
    for (const stack of live.stacks) {
      const key = stack.tags[POD_IDENTITY_ASSOCIATION_TAG];
      if (key === undefined || stack.tags[OWNER_TAG] !== options.ownerId) continue;
      if (configured.has(key) || withAssociation.has(key) || tasksByKey.has(key)) continue;
      const { namespace, serviceAccount: sa } = splitAssociationKey(key);
      if (!roleStackNamesFor(live.name, namespace, sa).includes(stack.stackName)) continue;
      const stacks = roleStacksOf(live, namespace, sa).filter(
        (s) => s.tags[OWNER_TAG] === options.ownerId,
      );
      tasksByKey.set(
        key,
        deleteStacks(key, stacks, 'role stack without association, not in config', []),
      );
    }
  }
  return { tasksByKey, unmanaged };
}
