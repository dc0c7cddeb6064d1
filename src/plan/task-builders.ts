// Task constructors: stable ids (`<kind>:<ns>/<sa>`) and eksctl's wording for descriptions, so the
// rest of the planner only decides *what* to do.

import { associationKey } from '../names/tags.js';
import type {
  ChangeAction,
  CreateAddonParams,
  CreateAssociationParams,
  CreateRoleStackParams,
  DeleteAssociationParams,
  DeleteRoleStackParams,
  TagAssociationParams,
  Task,
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

export function createRoleStackTask(
  key: string,
  params: CreateRoleStackParams,
  c: TaskCommon,
): Task {
  return {
    ...base('create-role-stack', key, 'create', c),
    kind: 'create-role-stack',
    description: `create IAM role for pod identity association for service account "${key}"`,
    params,
  };
}

export function updateRoleStackTask(
  key: string,
  params: UpdateRoleStackParams,
  c: TaskCommon,
): Task {
  return {
    ...base('update-role-stack', key, 'update', c),
    kind: 'update-role-stack',
    description: `update IAM resources stack "${params.stackName}" for pod identity association "${key}"`,
    params,
  };
}

export function deleteRoleStackTask(
  key: string,
  params: DeleteRoleStackParams,
  c: TaskCommon,
): Task {
  return {
    ...base('delete-role-stack', key, 'delete', c),
    kind: 'delete-role-stack',
    description: `deleting IAM resources stack "${params.stackName}"`,
    params,
  };
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

export function createAddonTask(params: CreateAddonParams, c: TaskCommon): Task {
  return {
    ...base('create-addon', `addon:${params.addonName}`, 'create', c),
    // eksctl's wording for the agent install step (migrate-to-pod-identity plan).
    id: `create-addon:${params.addonName}`,
    kind: 'create-addon',
    description: `install ${params.addonName} addon`,
    params,
  };
}
