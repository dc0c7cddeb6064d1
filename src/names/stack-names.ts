// eksctl's CloudFormation stack names (reference §0). Matching is always by the exact full name
// computed here, never by substring or suffix: eksctl bug #8484 matched `…-service-service-account`
// for namespace `other-service` too.

export function podIdentityRoleStackName(cluster: string, namespace: string, sa: string): string {
  return `eksctl-${cluster}-podidentityrole-${namespace}-${sa}`;
}

/** Add-on pod identity role stacks carry no namespace (EKS uses the add-on's). */
export function addonPodIdentityRoleStackName(cluster: string, addon: string, sa: string): string {
  return `eksctl-${cluster}-addon-${addon}-podidentityrole-${sa}`;
}

/** IRSA stack of an `iam.serviceAccounts` entry; eksctl's migration re-tags it for pod identity. */
export function legacyServiceAccountStackName(
  cluster: string,
  namespace: string,
  sa: string,
): string {
  return `eksctl-${cluster}-addon-iamserviceaccount-${namespace}-${sa}`;
}

/** IRSA stack of an add-on. */
export function legacyAddonStackName(cluster: string, addon: string): string {
  return `eksctl-${cluster}-addon-${addon}`;
}

/** The names eksctl would use for the role stack of `<ns>/<sa>`, preferred first. */
export function roleStackNamesFor(cluster: string, namespace: string, sa: string): string[] {
  return [
    podIdentityRoleStackName(cluster, namespace, sa),
    legacyServiceAccountStackName(cluster, namespace, sa),
  ];
}
