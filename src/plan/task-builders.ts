// Task constructors: stable ids (`<kind>:<ns>/<sa>`) and eksctl's wording for descriptions, so the
// rest of the planner only decides *what* to do.

import type { LiveStack } from '../live/model.js';
import { associationKey } from '../names/tags.js';
import type {
  ChangeAction,
  CreateAddonParams,
  CreateAssociationParams,
  CreateRoleStackParams,
  CreateServiceAccountParams,
  DeleteAddonParams,
  DeleteAssociationParams,
  DeleteRoleStackParams,
  DeleteServiceAccountParams,
  RemoveIrsaAnnotationParams,
  UpdateTrustPolicyParams,
  TagAddonParams,
  TagAssociationParams,
  Task,
  UpdateAddonParams,
  UpdateAssociationParams,
  UpdateRoleStackParams,
} from './model.js';

/** Fields every builder takes besides the params. */
export interface TaskCommon {
  reason: string;
  dependsOn?: string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Suffix for a second task of the same kind on one target (e.g. a legacy stack). */
  idSuffix?: string;
}

function base(kind: Task['kind'], target: string, change: ChangeAction, c: TaskCommon) {
  const task = {
    id: `${kind}:${target}${c.idSuffix ? `:${c.idSuffix}` : ''}`,
    change,
    target,
    reason: c.reason,
    dependsOn: [...(c.dependsOn ?? [])],
  } as {
    id: string;
    change: ChangeAction;
    target: string;
    reason: string;
    dependsOn: string[];
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  };
  if (c.before && Object.keys(c.before).length > 0) task.before = c.before;
  if (c.after && Object.keys(c.after).length > 0) task.after = c.after;
  return task;
}

/** Whose role a role stack holds: a standalone association's, or one service account's of an add-on. */
export type RoleOwner =
  { kind: 'association'; key: string } | { kind: 'addon'; addon: string; serviceAccount: string };

export const addonTarget = (addon: string): string => `addon:${addon}`;

/** Role stack tasks group with their association, or with their add-on (one id per service account). */
function roleBase(kind: Task['kind'], owner: RoleOwner, change: ChangeAction, c: TaskCommon) {
  if (owner.kind === 'association') return base(kind, owner.key, change, c);
  const suffix = [owner.serviceAccount, c.idSuffix].filter(Boolean).join(':');
  return base(kind, addonTarget(owner.addon), change, { ...c, idSuffix: suffix });
}

const roleSubject = (owner: RoleOwner): string =>
  owner.kind === 'association'
    ? `pod identity association for service account "${owner.key}"`
    : `addon ${owner.addon} service account "${owner.serviceAccount}"`;

export function createRoleStackTask(
  owner: RoleOwner,
  params: CreateRoleStackParams,
  c: TaskCommon,
): Task {
  return {
    ...roleBase('create-role-stack', owner, 'create', c),
    kind: 'create-role-stack',
    description: `create IAM role for ${roleSubject(owner)}`,
    params,
  };
}

export function updateRoleStackTask(
  owner: RoleOwner,
  params: UpdateRoleStackParams,
  c: TaskCommon,
): Task {
  const subject =
    owner.kind === 'association'
      ? `pod identity association "${owner.key}"`
      : `addon ${owner.addon} service account "${owner.serviceAccount}"`;
  return {
    ...roleBase('update-role-stack', owner, 'update', c),
    kind: 'update-role-stack',
    description: `update IAM resources stack "${params.stackName}" for ${subject}`,
    params,
  };
}

export function deleteRoleStackTask(
  owner: RoleOwner,
  params: DeleteRoleStackParams,
  c: TaskCommon,
): Task {
  return {
    ...roleBase('delete-role-stack', owner, 'delete', c),
    kind: 'delete-role-stack',
    description: `deleting IAM resources stack "${params.stackName}"`,
    params,
  };
}

/** Deletes an existing stack (a role no longer used, or pruned), showing what it was. */
export function deleteStackTask(
  owner: RoleOwner,
  stack: LiveStack,
  c: Omit<TaskCommon, 'before'>,
): Task {
  return deleteRoleStackTask(
    owner,
    {
      stackName: stack.stackName,
      stackId: stack.stackId,
      terminationProtection: stack.terminationProtection,
    },
    { ...c, before: { stackName: stack.stackName, status: stack.status } },
  );
}

export function createAssociationTask(params: CreateAssociationParams, c: TaskCommon): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('create-association', key, 'create', c),
    kind: 'create-association',
    description: `create pod identity association for service account "${key}"`,
    params,
  };
}

export function updateAssociationTask(params: UpdateAssociationParams, c: TaskCommon): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('update-association', key, 'update', c),
    kind: 'update-association',
    description: `update pod identity association ${key}`,
    params,
  };
}

export function deleteAssociationTask(params: DeleteAssociationParams, c: TaskCommon): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('delete-association', key, 'delete', c),
    kind: 'delete-association',
    description: `delete pod identity association "${key}"`,
    params,
  };
}

/** Adopting = only adding the owner tag; any other tag change makes it an update. */
export function tagAssociationTask(
  params: TagAssociationParams,
  adopt: boolean,
  c: TaskCommon,
): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('tag-association', key, adopt ? 'adopt' : 'update', c),
    kind: 'tag-association',
    description: adopt
      ? `adopt pod identity association "${key}"`
      : `update tags of pod identity association "${key}"`,
    params,
  };
}

/** An add-on's own task: id `<kind>:<addon>`, grouped with the add-on's role stacks. */
function addonBase(kind: Task['kind'], addonName: string, change: ChangeAction, c: TaskCommon) {
  return { ...base(kind, addonTarget(addonName), change, c), id: `${kind}:${addonName}` };
}

export function createAddonTask(params: CreateAddonParams, c: TaskCommon): Task {
  // eksctl's wording for the agent install step (migrate-to-pod-identity plan), for every add-on.
  const description = `install ${params.addonName} addon`;
  return {
    ...addonBase('create-addon', params.addonName, 'create', c),
    kind: 'create-addon',
    description,
    params,
  };
}

export function updateAddonTask(params: UpdateAddonParams, c: TaskCommon, migrates = false): Task {
  // eksctl's migrate-to-pod-identity wording when an IRSA add-on gets its first associations.
  const description = migrates
    ? `migrate addon ${params.addonName} to pod identity`
    : `update ${params.addonName} addon`;
  return {
    ...addonBase('update-addon', params.addonName, 'update', c),
    kind: 'update-addon',
    description,
    params,
  };
}

export function deleteAddonTask(params: DeleteAddonParams, c: TaskCommon): Task {
  const description = `delete ${params.addonName} addon`;
  return {
    ...addonBase('delete-addon', params.addonName, 'delete', c),
    kind: 'delete-addon',
    description,
    params,
  };
}

/** Adopting = only adding the owner tag; any other tag change makes it an update. */
export function tagAddonTask(params: TagAddonParams, adopt: boolean, c: TaskCommon): Task {
  const description = adopt
    ? `adopt ${params.addonName} addon`
    : `update tags of ${params.addonName} addon`;
  const change = adopt ? 'adopt' : 'update';
  return {
    ...addonBase('tag-addon', params.addonName, change, c),
    kind: 'tag-addon',
    description,
    params,
  };
}

/** eksctl's task (reference §2.2 b): the namespace if missing, then the service account or its label. */
export function createServiceAccountTask(
  params: CreateServiceAccountParams,
  exists: boolean,
  c: TaskCommon,
): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('create-service-account', key, exists ? 'update' : 'create', c),
    kind: 'create-service-account',
    description: `create service account "${key}", if it does not already exist`,
    params,
  };
}

/** eksctl's task (reference §5 b): only a service account eksctl's label says it made. */
export function deleteServiceAccountTask(params: DeleteServiceAccountParams, c: TaskCommon): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('delete-service-account', key, 'delete', c),
    kind: 'delete-service-account',
    description: `delete service account "${key}", if it exists and is managed by eksctl`,
    params,
  };
}

/** eksctl's migration task (reference §7.4), grouped with the association or add-on it serves. */
export function updateTrustPolicyTask(
  target: string,
  params: UpdateTrustPolicyParams,
  owned: boolean,
  c: TaskCommon,
): Task {
  return {
    ...base('update-trust-policy', target, 'update', c),
    kind: 'update-trust-policy',
    description: `update trust policy for ${owned ? 'owned' : 'unowned'} role "${params.roleName}"`,
    params,
  };
}

export function removeIrsaAnnotationTask(params: RemoveIrsaAnnotationParams, c: TaskCommon): Task {
  const key = associationKey(params.namespace, params.serviceAccount);
  return {
    ...base('remove-irsa-annotation', key, 'update', c),
    kind: 'remove-irsa-annotation',
    description: `remove iamserviceaccount EKS role annotation for "${key}"`,
    params,
  };
}
