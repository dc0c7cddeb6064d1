// Tags eksctl puts on its stacks (reference §0), so stacks made by eksctl and by podid-action are
// interchangeable. Tag values are plain strings; keys beginning with `aws:` belong to AWS.

import type { ClusterSpec, PodIdentityAssociationSpec } from '../config/model.js';
import { OWNER_TAG } from '../plan/model.js';

export const CLUSTER_NAME_TAG = 'alpha.eksctl.io/cluster-name';
export const OLD_CLUSTER_NAME_TAG = 'eksctl.cluster.k8s.io/v1alpha1/cluster-name';
export const EKSCTL_VERSION_TAG = 'alpha.eksctl.io/eksctl-version';
export const POD_IDENTITY_ASSOCIATION_TAG = 'alpha.eksctl.io/podidentityassociation-name';
export const IAM_SERVICE_ACCOUNT_TAG = 'alpha.eksctl.io/iamserviceaccount-name';
export const ADDON_NAME_TAG = 'alpha.eksctl.io/addon-name';

/**
 * Value of the eksctl-version tag on stacks we create. eksctl writes its own version there; the
 * value never drives an update (see `stackTagsDiffer`).
 */
export const EKSCTL_VERSION_TAG_VALUE = 'podid-action';

/** Tags AWS reserves: never compared, added or removed. */
export function isAwsTag(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

/** `<ns>/<sa>`, eksctl's IDString. */
export function associationIdString(namespace: string, sa: string): string {
  return `${namespace}/${sa}`;
}

/** Tags of the role stack for one `iam.podIdentityAssociations` entry. */
export function roleStackTags(
  spec: ClusterSpec,
  entry: PodIdentityAssociationSpec,
  ownerId: string,
): Record<string, string> {
  return {
    [CLUSTER_NAME_TAG]: spec.name,
    [OLD_CLUSTER_NAME_TAG]: spec.name,
    [EKSCTL_VERSION_TAG]: EKSCTL_VERSION_TAG_VALUE,
    ...spec.tags,
    ...entry.tags,
    [POD_IDENTITY_ASSOCIATION_TAG]: associationIdString(entry.namespace, entry.serviceAccountName),
    [OWNER_TAG]: ownerId,
  };
}

/**
 * Whether live stack tags differ from the desired ones in a way worth a stack update. Ignored:
 * the eksctl-version value (it differs between tools and versions), `aws:` keys, and the owner tag
 * (an eksctl-made stack without it is adopted through its association, not by updating the stack).
 */
export function stackTagsDiffer(
  live: Record<string, string>,
  desired: Record<string, string>,
): boolean {
  const relevant = (tags: Record<string, string>): Map<string, string> =>
    new Map(
      Object.entries(tags).filter(
        ([key]) => !isAwsTag(key) && key !== EKSCTL_VERSION_TAG && key !== OWNER_TAG,
      ),
    );
  const a = relevant(live);
  const b = relevant(desired);
  if (a.size !== b.size) return true;
  for (const [key, value] of b) if (a.get(key) !== value) return true;
  return false;
}
