// One task → the function that performs it. Each is idempotent: re-running it after a crash, a
// retry or a concurrent run reaches the same end state instead of failing or duplicating.

import { errorMessage } from '../aws/errors.js';
import {
  ADDON_POD_IDENTITY_ASSOCIATION_TAG,
  POD_IDENTITY_ASSOCIATION_TAG,
  associationKey,
  splitAssociationKey,
} from '../names/tags.js';
import type { Task } from '../plan/model.js';
import { createAddon, deleteAddon, tagAddon, updateAddon } from './addon-tasks.js';
import {
  createAssociation,
  deleteAssociation,
  tagAssociation,
  updateAssociation,
} from './association-tasks.js';
import type { TaskContext, TaskOutcome } from './context.js';
import { removeIrsaAnnotation, updateTrustPolicy } from './migration-tasks.js';
import { createServiceAccountStep, deleteServiceAccountStep } from './service-account-tasks.js';
import { createRoleStack, deleteRoleStack, updateRoleStack } from './stack-tasks.js';

/** Performs a task; a failure also carries eksctl's wording, so its text is found by eksctl users too. */
export async function runTask(task: Task, ctx: TaskContext): Promise<TaskOutcome> {
  try {
    return await perform(task, ctx);
  } catch (error) {
    throw withEksctlWording(task, error);
  }
}

/**
 * eksctl's creator wraps these failures (creator_test.go: "creating IAM role for pod identity
 * association", "failed to create service account", "creating pod identity association"; the
 * deleter: "failed to delete service account"); the rest keep their own text.
 */
function withEksctlWording(task: Task, error: unknown): unknown {
  const message = errorMessage(error);
  if (task.kind === 'create-role-stack') {
    const tags = task.params.tags;
    const key = tags[POD_IDENTITY_ASSOCIATION_TAG] ?? tags[ADDON_POD_IDENTITY_ASSOCIATION_TAG];
    if (key === undefined) return error;
    const { namespace, serviceAccount } = splitAssociationKey(key);
    return new Error(
      `creating IAM role for pod identity association for service account ${serviceAccount} in namespace ${namespace}: ${message}`,
      { cause: error },
    );
  }
  if (task.kind === 'create-service-account' || task.kind === 'delete-service-account') {
    const verb = task.kind === 'create-service-account' ? 'create' : 'delete';
    const key = associationKey(task.params.namespace, task.params.serviceAccount);
    return new Error(`failed to ${verb} service account "${key}": ${message}`, { cause: error });
  }
  if (task.kind === 'update-trust-policy') {
    return new Error(`updating trust policy for role ${task.params.roleName}: ${message}`, {
      cause: error,
    });
  }
  if (task.kind === 'create-association') {
    const { namespace, serviceAccount } = task.params;
    return new Error(
      `creating pod identity association for service account "${serviceAccount}" in namespace "${namespace}": ${message}`,
      { cause: error },
    );
  }
  return error;
}

async function perform(task: Task, ctx: TaskContext): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'create-role-stack':
      return createRoleStack(task.params, ctx);
    case 'update-role-stack':
      return updateRoleStack(task.params, ctx);
    case 'delete-role-stack':
      return deleteRoleStack(task.params, ctx);
    case 'create-association':
      return createAssociation(task.params, ctx);
    case 'update-association':
      return updateAssociation(task.params, ctx);
    case 'delete-association':
      return deleteAssociation(task.params, ctx);
    case 'tag-association':
      return tagAssociation(task.params, ctx);
    case 'create-addon':
      return createAddon(task.params, ctx);
    case 'update-addon':
      return updateAddon(task.params, ctx);
    case 'delete-addon':
      return deleteAddon(task.params, ctx);
    case 'tag-addon':
      return tagAddon(task.params, ctx);
    case 'create-service-account':
      return createServiceAccountStep(task.params, ctx);
    case 'delete-service-account':
      return deleteServiceAccountStep(task.params, ctx);
    case 'update-trust-policy':
      return updateTrustPolicy(task.params, ctx);
    case 'remove-irsa-annotation':
      return removeIrsaAnnotation(task.params, ctx);
  }
}
