// One `iam.podIdentityAssociations` entry against the live cluster: the role (role-plan.ts), then
// the association itself: create it, or update only the fields and tags that differ.

import { canonicalJson } from '../lib/canonical-json.js';
import {
  migratedStackTagValue,
  podIdentityRoleStackName,
  roleStackNamesFor,
} from '../names/stack-names.js';
import { OWNER_TAG, POD_IDENTITY_ASSOCIATION_TAG, associationKey } from '../names/tags.js';
import type { ClusterSpec, PodIdentityAssociationSpec, Problem } from '../config/model.js';
import type { LiveAssociation, LiveCluster, LiveStack } from '../live/model.js';
import type { PlanOptions, StackOutputRef, Task } from './model.js';
import { roleStackTags } from '../cfn/stack-tags.js';
import { checkUserRole, entryProblem } from './role-checks.js';
import type { RoleOutcome } from './role-plan.js';
import { planRole } from './role-plan.js';
import { irsaRoleOf, planAnnotationRemoval, planTrustMigration } from './irsa-migration.js';
import { checkRolePolicies } from './policy-checks.js';
import { stackBlocker } from './stack-status.js';
import { tagChanges } from './tag-changes.js';
import { managedElsewhere, mayManage } from './take-over.js';
import {
  createAssociationTask,
  deleteStackTask,
  tagAssociationTask,
  updateAssociationTask,
} from './task-builders.js';

export interface ClusterContext {
  spec: ClusterSpec;
  live: LiveCluster;
  options: PlanOptions;
}

export interface EntryPlan {
  key: string;
  tasks: Task[];
  problems: Problem[];
}

/**
 * The stack belongs to `<ns>/<sa>` by eksctl's tag, as eksctl decides it (ListPodIdentityStackNames).
 * A migrated IRSA stack may carry eksctl's misspelt tag value (reference §7.3): accepted, or migrated
 * stacks of `kube-system/…` would never be found.
 */
export function stackBelongsTo(stack: LiveStack, key: string): boolean {
  const tag = stack.tags[POD_IDENTITY_ASSOCIATION_TAG];
  return tag === key || (tag !== undefined && tag === migratedStackTagValue(stack.stackName));
}

/**
 * The entry's eksctl role stacks that exist, preferred name first: the exact name (never a suffix,
 * eksctl #8484) AND eksctl's association tag. The name alone is ambiguous (`team-a/app` and
 * `team/a-app` give the same one), and an IRSA stack never migrated to pod identity is not a pod
 * identity role.
 */
export function roleStacksOf(live: LiveCluster, namespace: string, sa: string): LiveStack[] {
  const key = associationKey(namespace, sa);
  const names = roleStackNamesFor(live.name, namespace, sa);
  return names.flatMap((name) =>
    live.stacks.filter((s) => s.stackName === name && stackBelongsTo(s, key)),
  );
}

/** A stack holding the name this entry's own role stack needs, but made for someone else. */
export function stackNameTaken(
  live: LiveCluster,
  namespace: string,
  sa: string,
): LiveStack | undefined {
  const name = podIdentityRoleStackName(live.name, namespace, sa);
  const key = associationKey(namespace, sa);
  return live.stacks.find((s) => s.stackName === name && !stackBelongsTo(s, key));
}

/** Session policies are JSON: compare them as data when both parse, as text otherwise. */
function samePolicy(a: string, b: string): boolean {
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function desiredAssociationTags(
  entry: PodIdentityAssociationSpec,
  role: RoleOutcome,
  ownerId: string,
): Record<string, string> {
  const tags: Record<string, string> = { ...entry.tags };
  // eksctl tags the association when it created the role; we do the same to stay interchangeable.
  if (role.roleIsOurs)
    tags[POD_IDENTITY_ASSOCIATION_TAG] = associationKey(entry.namespace, entry.serviceAccountName);
  tags[OWNER_TAG] = ownerId;
  return tags;
}

function createAssociation(
  ctx: ClusterContext,
  entry: PodIdentityAssociationSpec,
  role: RoleOutcome,
  tags: Record<string, string>,
): Task {
  const fields = {
    ...(entry.targetRoleARN ? { targetRoleArn: entry.targetRoleARN } : {}),
    ...(entry.disableSessionTags !== undefined
      ? { disableSessionTags: entry.disableSessionTags }
      : {}),
    ...(entry.policy !== undefined ? { policy: entry.policy } : {}),
  };
  return createAssociationTask(
    {
      clusterName: ctx.spec.name,
      namespace: entry.namespace,
      serviceAccount: entry.serviceAccountName,
      roleArn: role.roleArn,
      ...fields,
      tags,
    },
    {
      reason: 'not in cluster',
      dependsOn: role.producedBy ? [role.producedBy] : [],
      after: { roleArn: role.currentArn ?? role.roleArn, ...fields, tags },
    },
  );
}

function updateAssociation(
  ctx: ClusterContext,
  entry: PodIdentityAssociationSpec,
  role: RoleOutcome,
  live: LiveAssociation,
): Task | undefined {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const reasons: string[] = [];
  const knownArn = role.currentArn ?? (typeof role.roleArn === 'string' ? role.roleArn : undefined);
  const roleChanged = knownArn === undefined || knownArn !== live.roleArn;
  if (roleChanged) {
    before.roleArn = live.roleArn;
    after.roleArn = knownArn ?? role.roleArn;
    reasons.push(role.switchReason ?? 'role differs');
  }
  const target = { live: live.targetRoleArn ?? '', want: entry.targetRoleARN ?? '' };
  if (target.live !== target.want) {
    before.targetRoleArn = target.live || null;
    after.targetRoleArn = target.want || null;
    reasons.push(target.want ? 'targetRoleARN differs' : 'targetRoleARN removed');
  }
  const sessionTags = {
    live: live.disableSessionTags ?? false,
    want: entry.disableSessionTags ?? false,
  };
  if (sessionTags.live !== sessionTags.want) {
    before.disableSessionTags = sessionTags.live;
    after.disableSessionTags = sessionTags.want;
    reasons.push('disableSessionTags differs');
  }
  const policy = { live: live.policy ?? '', want: entry.policy ?? '' };
  const policyChanged = !samePolicy(policy.live, policy.want);
  if (policyChanged) {
    before.policy = policy.live || null;
    after.policy = policy.want || null;
    reasons.push(policy.want ? 'policy differs' : 'policy removed');
  }
  if (reasons.length === 0) return undefined;
  return updateAssociationTask(
    {
      clusterName: ctx.spec.name,
      associationId: live.associationId,
      namespace: live.namespace,
      serviceAccount: live.serviceAccount,
      roleArn: role.roleArn as string | StackOutputRef,
      // '' clears a value, as the API wants; omitted means unchanged.
      ...('targetRoleArn' in after ? { targetRoleArn: target.want } : {}),
      ...('disableSessionTags' in after ? { disableSessionTags: sessionTags.want } : {}),
      ...(policyChanged ? { policy: policy.want } : {}),
    },
    {
      reason: reasons.join('; '),
      dependsOn: roleChanged && role.producedBy ? [role.producedBy] : [],
      before,
      after,
    },
  );
}

function tagAssociation(live: LiveAssociation, desired: Record<string, string>): Task | undefined {
  const changes = tagChanges(live.tags, desired);
  if (!changes) return undefined;
  return tagAssociationTask(
    {
      associationArn: live.associationArn,
      namespace: live.namespace,
      serviceAccount: live.serviceAccount,
      ...changes.params,
    },
    changes.adopt,
    changes.common,
  );
}

export function planEntry(
  ctx: ClusterContext,
  entry: PodIdentityAssociationSpec,
  entryPath: string,
): EntryPlan {
  const key = associationKey(entry.namespace, entry.serviceAccountName);
  const { live, options } = ctx;
  const association = live.associations.find(
    (a) => a.namespace === entry.namespace && a.serviceAccount === entry.serviceAccountName,
  );
  if (association?.ownerArn) {
    const message = `cannot update podidentityassociation ${key} as it is in use by addon ${association.ownerArn}`;
    const hint = `declare it under addons[].podIdentityAssociations of that addon instead of iam.podIdentityAssociations`;
    return { key, tasks: [], problems: [entryProblem(entry, entryPath, 'error', message, hint)] };
  }
  const owner = association?.tags[OWNER_TAG];
  if (owner !== undefined && !mayManage(owner, options)) {
    const { message, hint } = managedElsewhere(`pod identity association ${key}`, owner, options);
    return { key, tasks: [], problems: [entryProblem(entry, entryPath, 'error', message, hint)] };
  }
  const stack = roleStacksOf(live, entry.namespace, entry.serviceAccountName)[0];
  const blocked = stack && stackBlocker(stack);
  if (blocked) {
    const problem = entryProblem(entry, entryPath, 'error', blocked.message, blocked.hint);
    return { key, tasks: [], problems: [problem] };
  }
  const subject = { namespace: entry.namespace, serviceAccount: entry.serviceAccountName };
  const irsa = entry.roleARN ? irsaRoleOf(live, entry.roleARN, subject) : undefined;
  const problems = checkUserRole(entry, entryPath, live, irsa !== undefined);
  if (problems.some((p) => p.severity === 'error')) return { key, tasks: [], problems };
  const trust = irsa
    ? planTrustMigration(live, irsa, subject, {
        target: key,
        removeOidc: options.removeOidcTrust === true,
      })
    : undefined;
  if (trust && 'problem' in trust) {
    const problem = entryProblem(entry, entryPath, 'error', trust.problem, 'plan again');
    return { key, tasks: [], problems: [...problems, problem] };
  }
  const taken =
    !entry.roleARN && !stack
      ? stackNameTaken(live, entry.namespace, entry.serviceAccountName)
      : undefined;
  if (taken) {
    const owner = taken.tags[POD_IDENTITY_ASSOCIATION_TAG];
    const message = `the role stack this entry needs, "${taken.stackName}", already exists ${owner ? `for "${owner}"` : 'and is not a pod identity role stack of this service account'}`;
    const hint = owner
      ? 'eksctl names role stacks <namespace>-<serviceAccountName>, so these two collide; rename one of them, or give this entry a roleARN'
      : 'delete or rename that stack, or give this entry a roleARN';
    return {
      key,
      tasks: [],
      problems: [...problems, entryProblem(entry, entryPath, 'error', message, hint)],
    };
  }

  const role = planRole({
    owner: { kind: 'association', key },
    entry,
    stackName: podIdentityRoleStackName(ctx.spec.name, entry.namespace, entry.serviceAccountName),
    stackTags: roleStackTags(ctx.spec, entry, options.ownerId),
    stack,
    liveRoleArn: association?.roleArn,
  });
  const policyProblems = checkRolePolicies(
    entry,
    { path: entryPath, location: entry.location, valueLocations: entry.valueLocations },
    role.tasks,
    live,
  );
  problems.push(...policyProblems);
  if (policyProblems.some((p) => p.severity === 'error')) return { key, tasks: [], problems };
  // A migrated owned role lives in its eksctl stack, re-tagged as a pod identity role stack.
  const roleIsOurs = role.roleIsOurs || trust?.owned === true;
  const tags = desiredAssociationTags(entry, { ...role, roleIsOurs }, options.ownerId);
  const tasks: Task[] = [...(trust ? [trust.task] : []), ...role.tasks];
  const associationStep = association
    ? updateAssociation(ctx, entry, role, association)
    : createAssociation(ctx, entry, role, tags);
  // EKS checks the trust policy when the association is made: the migration comes first.
  if (associationStep && trust) associationStep.dependsOn.push(trust.task.id);
  if (associationStep) tasks.push(associationStep);
  const tagStep = association ? tagAssociation(association, tags) : undefined;
  if (tagStep) tasks.push(tagStep);
  if (role.staleStack) {
    tasks.push(
      deleteStackTask({ kind: 'association', key }, role.staleStack, {
        reason: role.switchReason ?? 'no longer used',
        dependsOn: associationStep ? [associationStep.id] : [],
      }),
    );
  }
  const annotation = options.removeOidcTrust
    ? planAnnotationRemoval(live, entry, [associationStep?.id ?? trust?.task.id].filter(isId))
    : undefined;
  if (annotation) tasks.push(annotation);
  return { key, tasks, problems };
}

const isId = (id: string | undefined): id is string => id !== undefined;
