// Every tag key this product reads or writes, and the value of eksctl's association tags. eksctl's
// keys (reference §0) keep stacks made by eksctl and by podid-action interchangeable; the owner tag
// is ours (DESIGN §5).

/** Ours: who manages an association, add-on or stack (the owner id, by default the repository). */
export const OWNER_TAG = 'podid-action/managed-by';

export const CLUSTER_NAME_TAG = 'alpha.eksctl.io/cluster-name';
export const OLD_CLUSTER_NAME_TAG = 'eksctl.cluster.k8s.io/v1alpha1/cluster-name';
export const EKSCTL_VERSION_TAG = 'alpha.eksctl.io/eksctl-version';
/** On standalone role stacks (and migrated IRSA stacks), and on associations whose role eksctl made. */
export const POD_IDENTITY_ASSOCIATION_TAG = 'alpha.eksctl.io/podidentityassociation-name';
export const IAM_SERVICE_ACCOUNT_TAG = 'alpha.eksctl.io/iamserviceaccount-name';
export const ADDON_NAME_TAG = 'alpha.eksctl.io/addon-name';
export const ADDON_POD_IDENTITY_ASSOCIATION_TAG =
  'alpha.eksctl.io/addon-podidentityassociation-name';

/**
 * Value of the eksctl-version tag on stacks we create. eksctl writes its own version there; the
 * value never drives an update.
 */
export const EKSCTL_VERSION_TAG_VALUE = 'podid-action';

/** Prefixes of keys that eksctl sets itself; users may not write them. */
export const EKSCTL_TAG_PREFIXES = ['alpha.eksctl.io/', 'eksctl.cluster.k8s.io/'];

/** Keys beginning with `aws:` belong to AWS: never compared, added or removed. */
export function isAwsTag(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

/**
 * eksctl's IDString of an association, `<ns>/<sa>`: the value of its association tags and our key
 * for an association (task targets, plan order).
 */
export function associationKey(namespace: string, sa: string): string {
  return `${namespace}/${sa}`;
}

/** `<ns>/<sa>` back into its parts (a namespace has no `/`). */
export function splitAssociationKey(key: string): { namespace: string; serviceAccount: string } {
  const at = key.indexOf('/');
  return { namespace: key.slice(0, at), serviceAccount: key.slice(at + 1) };
}
