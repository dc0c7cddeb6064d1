// Kubernetes service accounts, with eksctl's semantics: `createServiceAccount` makes one (and its
// namespace) before the association, labelled as eksctl's, or merges that label into an existing
// one; pruning an association deletes its service account only when that label says eksctl made it.

import type { PodIdentityAssociationSpec } from '../config/model.js';
import type { LiveAssociation, LiveCluster, LiveServiceAccount } from '../live/model.js';
import { MANAGED_BY_EKSCTL, MANAGED_BY_LABEL } from '../names/kubernetes.js';
import { OWNER_TAG, associationKey } from '../names/tags.js';
import type { PlanOptions, Task } from './model.js';
import { createServiceAccountTask, deleteServiceAccountTask } from './task-builders.js';

export const EKSCTL_LABEL = { [MANAGED_BY_LABEL]: MANAGED_BY_EKSCTL } as const;
const LABEL_TEXT = `${MANAGED_BY_LABEL}=${MANAGED_BY_EKSCTL}`;

/** Whether prune deletes this association (the one rule, shared with prune-plan.ts). */
export function prunes(association: LiveAssociation, options: PlanOptions): boolean {
  if (association.ownerArn) return false;
  if (options.prune === 'all') return true;
  return options.prune === 'managed' && association.tags[OWNER_TAG] === options.ownerId;
}

/**
 * The namespaces whose service accounts the plan needs: those of `createServiceAccount` entries,
 * and those of the associations prune would delete. None: Kubernetes is not called at all.
 */
export function namespacesToRead(
  entries: readonly PodIdentityAssociationSpec[],
  associations: readonly LiveAssociation[],
  options: PlanOptions,
): string[] {
  const configured = new Set(entries.map((e) => associationKey(e.namespace, e.serviceAccountName)));
  // remove-oidc-trust also takes the IRSA annotation off the entries' service accounts.
  const namespaces = new Set(
    entries
      .filter((e) => e.createServiceAccount || options.removeOidcTrust)
      .map((e) => e.namespace),
  );
  for (const a of associations) {
    if (!configured.has(associationKey(a.namespace, a.serviceAccount)) && prunes(a, options))
      namespaces.add(a.namespace);
  }
  return [...namespaces].sort();
}

function liveServiceAccount(
  live: LiveCluster,
  namespace: string,
  name: string,
): LiveServiceAccount | undefined {
  return live.kubernetes?.serviceAccounts.find((s) => s.namespace === namespace && s.name === name);
}

const isEksctls = (sa: LiveServiceAccount): boolean =>
  sa.labels[MANAGED_BY_LABEL] === MANAGED_BY_EKSCTL;

/** The entry's `create-service-account` task, or none when its service account is already eksctl's. */
export function planServiceAccount(
  live: LiveCluster,
  entry: PodIdentityAssociationSpec,
): Task | undefined {
  const kube = live.kubernetes;
  // Unread (the failure is the cluster's plan error, see kubernetes-access.ts): nothing to plan on.
  if (!entry.createServiceAccount || !kube || kube.failure) return undefined;
  const { namespace, serviceAccountName: name } = entry;
  const sa = liveServiceAccount(live, namespace, name);
  if (sa && isEksctls(sa)) return undefined;
  const namespaceExists = kube.namespaces[namespace] === true;
  const params = {
    clusterName: live.name,
    namespace,
    serviceAccount: name,
    createNamespace: !namespaceExists,
    labels: { ...EKSCTL_LABEL },
  };
  if (sa) {
    return createServiceAccountTask(params, true, {
      reason: `exists without the label ${LABEL_TEXT}`,
      before: { labels: sa.labels },
      after: { labels: { ...sa.labels, ...EKSCTL_LABEL } },
    });
  }
  return createServiceAccountTask(params, false, {
    reason: namespaceExists ? 'not in cluster' : `not in cluster, nor is namespace "${namespace}"`,
    after: {
      labels: { ...EKSCTL_LABEL },
      ...(namespaceExists ? {} : { createNamespace: namespace }),
    },
  });
}

/**
 * What happens to the service account of an association prune deletes: a `delete-service-account`
 * task when eksctl's label is on it, else a note for the deletion's reason (it is left alone).
 */
export function planServiceAccountDeletion(
  live: LiveCluster,
  association: LiveAssociation,
): { task?: Task; note?: string } {
  const kube = live.kubernetes;
  if (!kube || kube.failure) return {};
  const { namespace, serviceAccount } = association;
  const key = associationKey(namespace, serviceAccount);
  const sa = liveServiceAccount(live, namespace, serviceAccount);
  if (!sa) return { note: `service account "${key}" does not exist` };
  if (!isEksctls(sa)) {
    return {
      note: `service account "${key}" is left alone: it was not created by eksctl (no label ${LABEL_TEXT})`,
    };
  }
  const task = deleteServiceAccountTask(
    { clusterName: live.name, namespace, serviceAccount },
    {
      reason: `its association goes, and it carries ${LABEL_TEXT}`,
      before: { labels: sa.labels },
    },
  );
  return { task };
}
