// eksctl's CloudFormation stack names (reference §0), made and parsed only here. Matching is always
// by the exact full name, never by substring or suffix: eksctl bug #8484 matched
// `…-service-service-account` for namespace `other-service` too.

/** Role stack of an `iam.podIdentityAssociations` entry. */
export function podIdentityRoleStackName(cluster: string, namespace: string, sa: string): string {
  return `eksctl-${cluster}-podidentityrole-${namespace}-${sa}`;
}

/** Role stack of an add-on's pod identity association: no namespace (EKS uses the add-on's). */
export function addonPodIdentityRoleStackName(cluster: string, addon: string, sa: string): string {
  return `eksctl-${cluster}-addon-${addon}-podidentityrole-${sa}`;
}

/** IRSA stack of an `iam.serviceAccounts` entry; eksctl's migration re-tags it for pod identity. */
export function irsaServiceAccountStackName(
  cluster: string,
  namespace: string,
  sa: string,
): string {
  return `eksctl-${cluster}-addon-iamserviceaccount-${namespace}-${sa}`;
}

/** IRSA stack of an add-on. */
export function addonIrsaStackName(cluster: string, addon: string): string {
  return `eksctl-${cluster}-addon-${addon}`;
}

/** The names eksctl would use for the role stack of `<ns>/<sa>`, preferred first. */
export function roleStackNamesFor(cluster: string, namespace: string, sa: string): string[] {
  return [
    podIdentityRoleStackName(cluster, namespace, sa),
    irsaServiceAccountStackName(cluster, namespace, sa),
  ];
}

/**
 * A name of the shapes eksctl lists for a cluster's pod identity and add-on work: role stacks and
 * `addon-…` stacks (which include the IRSA ones). Cluster, node group and VPC stacks are not ours.
 */
export function isPodIdentityStackName(stackName: string, cluster: string): boolean {
  const prefix = `eksctl-${cluster}-`;
  if (!stackName.startsWith(prefix)) return false;
  return /^(podidentityrole-.+|addon-.+)$/.test(stackName.slice(prefix.length));
}

/**
 * The association tag eksctl's migration writes on a re-used IRSA service-account stack: the part
 * of its name after `-iamserviceaccount-`, first `-` turned into `/` (wrong for namespaces with a
 * `-`, reference §7.3). Undefined for other stacks.
 */
export function migratedStackTagValue(stackName: string): string | undefined {
  const marker = '-addon-iamserviceaccount-';
  const at = stackName.indexOf(marker);
  if (at < 0) return undefined;
  return stackName.slice(at + marker.length).replace('-', '/');
}
