// Thin Kubernetes adapter: namespaces, service accounts and access reviews through the official
// client, in and out as plain live-state values. "Already there" and "already gone" are answers,
// not errors, so every task built on these is idempotent.

import type { V1ServiceAccount } from '@kubernetes/client-node';
import type { KubernetesAccess, LiveServiceAccount } from '../live/model.js';
import { isKubernetesStatus } from './errors.js';
import type { KubeSession } from './session.js';

/** Kubernetes' own default page size for kubectl; every page is read. */
const PAGE_SIZE = 500;

function toLive(sa: V1ServiceAccount, namespace: string): LiveServiceAccount {
  return {
    namespace: sa.metadata?.namespace ?? namespace,
    name: sa.metadata?.name ?? '',
    labels: { ...(sa.metadata?.labels ?? {}) },
    annotations: { ...(sa.metadata?.annotations ?? {}) },
  };
}

export async function namespaceExists(session: KubeSession, name: string): Promise<boolean> {
  try {
    await session.call(({ core, options }) => core.readNamespace({ name }, options));
    return true;
  } catch (error) {
    if (isKubernetesStatus(error, 404)) return false;
    throw error;
  }
}

export async function listServiceAccounts(
  session: KubeSession,
  namespace: string,
): Promise<LiveServiceAccount[]> {
  const all: LiveServiceAccount[] = [];
  let next: string | undefined;
  do {
    const page = await session.call(({ core, options }) =>
      core.listNamespacedServiceAccount(
        { namespace, limit: PAGE_SIZE, ...(next ? { _continue: next } : {}) },
        options,
      ),
    );
    all.push(...page.items.map((sa) => toLive(sa, namespace)));
    next = page.metadata?._continue || undefined;
  } while (next);
  return all;
}

/** Every service account of every namespace, all pages, in the API server's order. */
export async function listAllServiceAccounts(session: KubeSession): Promise<LiveServiceAccount[]> {
  const all: LiveServiceAccount[] = [];
  let next: string | undefined;
  do {
    const page = await session.call(({ core, options }) =>
      core.listServiceAccountForAllNamespaces(
        { limit: PAGE_SIZE, ...(next ? { _continue: next } : {}) },
        options,
      ),
    );
    all.push(...page.items.map((sa) => toLive(sa, '')));
    next = page.metadata?._continue || undefined;
  } while (next);
  return all;
}

export async function readServiceAccount(
  session: KubeSession,
  namespace: string,
  name: string,
): Promise<LiveServiceAccount | undefined> {
  try {
    const sa = await session.call(({ core, options }) =>
      core.readNamespacedServiceAccount({ name, namespace }, options),
    );
    return toLive(sa, namespace);
  } catch (error) {
    if (isKubernetesStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Creates the namespace; false when it already exists. */
export async function createNamespace(session: KubeSession, name: string): Promise<boolean> {
  try {
    await session.call(({ core, options }) =>
      core.createNamespace(
        { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } },
        options,
      ),
    );
    return true;
  } catch (error) {
    if (isKubernetesStatus(error, 409)) return false;
    throw error;
  }
}

/** Creates the service account with these labels; false when one of that name already exists. */
export async function createServiceAccount(
  session: KubeSession,
  namespace: string,
  name: string,
  labels: Record<string, string>,
): Promise<boolean> {
  try {
    await session.call(({ core, options }) =>
      core.createNamespacedServiceAccount(
        {
          namespace,
          body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, labels } },
        },
        options,
      ),
    );
    return true;
  } catch (error) {
    if (isKubernetesStatus(error, 409)) return false;
    throw error;
  }
}

/** Adds or sets these labels, leaving the others (a JSON merge patch). */
export async function mergeServiceAccountLabels(
  session: KubeSession,
  namespace: string,
  name: string,
  labels: Record<string, string>,
): Promise<void> {
  await session.call(({ core, library, options }) =>
    core.patchNamespacedServiceAccount(
      { name, namespace, body: { metadata: { labels } } },
      library.setHeaderOptions('Content-Type', library.PatchStrategy.MergePatch, options),
    ),
  );
}

/** Deletes the service account; false when it was already gone. */
export async function deleteServiceAccount(
  session: KubeSession,
  namespace: string,
  name: string,
): Promise<boolean> {
  try {
    await session.call(({ core, options }) =>
      core.deleteNamespacedServiceAccount({ name, namespace }, options),
    );
    return true;
  } catch (error) {
    if (isKubernetesStatus(error, 404)) return false;
    throw error;
  }
}

/** Whether the session's own identity may do this (SelfSubjectAccessReview, open to every user). */
export async function canI(
  session: KubeSession,
  want: { verb: string; resource: string; namespace: string },
): Promise<KubernetesAccess> {
  const review = await session.call(({ authorization, options }) =>
    authorization.createSelfSubjectAccessReview(
      {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              verb: want.verb,
              group: '',
              resource: want.resource,
              ...(want.namespace ? { namespace: want.namespace } : {}),
            },
          },
        },
      },
      options,
    ),
  );
  const allowed = review.status?.allowed === true && review.status?.denied !== true;
  return {
    ...want,
    allowed,
    ...(review.status?.reason ? { reason: review.status.reason } : {}),
  };
}

/**
 * Removes one annotation (a JSON merge patch with null); false when the service account or the
 * annotation is already gone.
 */
export async function removeServiceAccountAnnotation(
  session: KubeSession,
  namespace: string,
  name: string,
  annotation: string,
): Promise<boolean> {
  const current = await readServiceAccount(session, namespace, name);
  if (!current || !(annotation in current.annotations)) return false;
  await session.call(({ core, library, options }) =>
    core.patchNamespacedServiceAccount(
      { name, namespace, body: { metadata: { annotations: { [annotation]: null } } } },
      library.setHeaderOptions('Content-Type', library.PatchStrategy.MergePatch, options),
    ),
  );
  return true;
}
