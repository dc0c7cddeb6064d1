// Reads what the plan needs of a cluster's Kubernetes API: for each namespace involved, whether it
// exists and all its service accounts. A failure is recorded, not thrown: the AWS side of the plan
// stays readable, and the plan says what access is missing and how to grant it.

import pLimit from 'p-limit';
import { KubernetesApiError, KubernetesUnreachableError } from '../kube/errors.js';
import { canI, listServiceAccounts, namespaceExists } from '../kube/service-accounts.js';
import type { KubeSession } from '../kube/session.js';
import type { KubernetesAccess, KubernetesFailure, LiveKubernetes } from '../live/model.js';
import { errorMessage } from '../aws/errors.js';

/** Namespaces read at once: a plan touching hundreds of them must not burst the API server. */
const NAMESPACES_AT_ONCE = 8;

function failureOf(error: unknown): KubernetesFailure {
  if (error instanceof KubernetesApiError && error.status === 401)
    return { kind: 'unauthorized', message: error.message };
  if (error instanceof KubernetesApiError && error.status === 403)
    return { kind: 'forbidden', message: error.serverMessage ?? error.message };
  if (error instanceof KubernetesUnreachableError)
    return { kind: 'unreachable', message: error.message };
  return { kind: 'error', message: errorMessage(error) };
}

export async function readKubernetes(
  session: (() => KubeSession) | undefined,
  namespaces: readonly string[],
  whoAmI: () => Promise<string | undefined>,
): Promise<LiveKubernetes> {
  const live: LiveKubernetes = { namespaces: {}, serviceAccounts: [] };
  try {
    if (!session) throw new Error('EKS gave no Kubernetes endpoint for the cluster');
    const kube = session();
    const limit = pLimit(NAMESPACES_AT_ONCE);
    const read = await Promise.all(
      namespaces.map((namespace) =>
        limit(async () => {
          const exists = await namespaceExists(kube, namespace);
          const accounts = exists ? await listServiceAccounts(kube, namespace) : [];
          return { namespace, exists, accounts };
        }),
      ),
    );
    for (const { namespace, exists, accounts } of read) {
      live.namespaces[namespace] = exists;
      live.serviceAccounts.push(...accounts);
    }
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind === 'unauthorized' || failure.kind === 'forbidden') {
      const principal = await whoAmI();
      if (principal) failure.principal = principal;
    }
    return { namespaces: {}, serviceAccounts: [], failure };
  }
  return live;
}

/** SelfSubjectAccessReview for each permission the plan's tasks need. */
export async function checkKubernetesAccess(
  session: KubeSession,
  wanted: readonly { verb: string; resource: string; namespace: string }[],
): Promise<KubernetesAccess[]> {
  return Promise.all(wanted.map((w) => canI(session, w)));
}
