// The tags of the role stacks we create: eksctl's (reference §0), so stacks made by eksctl and by
// podid-action are interchangeable, plus our owner tag; and when live tags differ enough to update.

import type { ClusterSpec, PodIdentityAssociationSpec } from '../config/model.js';
import {
  ADDON_NAME_TAG,
  ADDON_POD_IDENTITY_ASSOCIATION_TAG,
  CLUSTER_NAME_TAG,
  EKSCTL_VERSION_TAG,
  EKSCTL_VERSION_TAG_VALUE,
  OLD_CLUSTER_NAME_TAG,
  OWNER_TAG,
  POD_IDENTITY_ASSOCIATION_TAG,
  associationKey,
  isAwsTag,
} from '../names/tags.js';

/** eksctl's shared tags of every stack it makes for a cluster, with `metadata.tags`. */
function sharedStackTags(spec: ClusterSpec): Record<string, string> {
  return {
    [CLUSTER_NAME_TAG]: spec.name,
    [OLD_CLUSTER_NAME_TAG]: spec.name,
    [EKSCTL_VERSION_TAG]: EKSCTL_VERSION_TAG_VALUE,
    ...spec.tags,
  };
}

/** Tags of the role stack for one `iam.podIdentityAssociations` entry. */
export function roleStackTags(
  spec: ClusterSpec,
  entry: PodIdentityAssociationSpec,
  ownerId: string,
): Record<string, string> {
  return {
    ...sharedStackTags(spec),
    ...entry.tags,
    [POD_IDENTITY_ASSOCIATION_TAG]: associationKey(entry.namespace, entry.serviceAccountName),
    [OWNER_TAG]: ownerId,
  };
}

/** Tags of the role stack for one service account of an add-on (an empty namespace gives `/<sa>`). */
export function addonRoleStackTags(
  spec: ClusterSpec,
  addon: string,
  namespace: string,
  serviceAccount: string,
  ownerId: string,
): Record<string, string> {
  return {
    ...sharedStackTags(spec),
    [ADDON_NAME_TAG]: addon,
    [ADDON_POD_IDENTITY_ASSOCIATION_TAG]: associationKey(namespace, serviceAccount),
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
