// Kubernetes service-account tasks, with eksctl's steps and log lines (reference §2.2 b, §5 b).
// Each reads before it writes, so a re-run after a crash, or a change made by hand since the plan,
// ends in the same state instead of failing.

import {
  createNamespace,
  createServiceAccount,
  deleteServiceAccount,
  mergeServiceAccountLabels,
  readServiceAccount,
} from '../kube/service-accounts.js';
import type { KubeSession } from '../kube/session.js';
import { MANAGED_BY_EKSCTL, MANAGED_BY_LABEL } from '../names/kubernetes.js';
import { associationKey } from '../names/tags.js';
import type { CreateServiceAccountParams, DeleteServiceAccountParams } from '../plan/model.js';
import type { TaskContext, TaskOutcome } from './context.js';

function session(ctx: TaskContext): KubeSession {
  if (!ctx.kubernetes) throw new Error('no Kubernetes API for this cluster');
  return ctx.kubernetes();
}

const hasLabels = (have: Record<string, string>, want: Record<string, string>): boolean =>
  Object.entries(want).every(([k, v]) => have[k] === v);

export async function createServiceAccountStep(
  params: CreateServiceAccountParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const kube = session(ctx);
  const { namespace, serviceAccount: name, labels } = params;
  const key = associationKey(namespace, name);
  let changed = false;
  if (params.createNamespace && (await createNamespace(kube, namespace))) {
    ctx.log(`created namespace "${namespace}"`);
    changed = true;
  }
  let existing = await readServiceAccount(kube, namespace, name);
  if (!existing) {
    if (await createServiceAccount(kube, namespace, name, labels)) {
      ctx.log(`created serviceaccount "${key}"`);
      return { changed: true, detail: 'created' };
    }
    // Made by someone else since the read: label theirs, as eksctl does with an existing one.
    existing = await readServiceAccount(kube, namespace, name);
    if (!existing) throw new Error(`serviceaccount "${key}" was created and deleted meanwhile`);
  }
  ctx.log(`serviceaccount "${key}" already exists`);
  if (hasLabels(existing.labels, labels)) {
    ctx.log(`serviceaccount "${key}" is already up-to-date`);
    return { changed, ...(changed ? { detail: 'namespace created' } : {}) };
  }
  await mergeServiceAccountLabels(kube, namespace, name, labels);
  ctx.log(`updated serviceaccount "${key}"`);
  return { changed: true, detail: 'label added' };
}

export async function deleteServiceAccountStep(
  params: DeleteServiceAccountParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const kube = session(ctx);
  const { namespace, serviceAccount: name } = params;
  const key = associationKey(namespace, name);
  const existing = await readServiceAccount(kube, namespace, name);
  if (!existing) {
    ctx.log(`serviceaccount "${key}" was already deleted`);
    return { changed: false };
  }
  // The label is checked again now: the plan's reading may be old.
  if (existing.labels[MANAGED_BY_LABEL] !== MANAGED_BY_EKSCTL) {
    ctx.log(`serviceaccount "${key}" was not created by eksctl; will not be deleted`);
    return { changed: false, detail: 'not created by eksctl; left alone' };
  }
  if (!(await deleteServiceAccount(kube, namespace, name))) {
    ctx.log(`serviceaccount "${key}" was already deleted`);
    return { changed: false };
  }
  ctx.log(`deleted serviceaccount "${key}"`);
  return { changed: true };
}
