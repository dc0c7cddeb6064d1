// The AWS-managed EKS access policies (ListAccessPolicies; AssociateAccessPolicy accepts only these).
// Their Kubernetes permissions are modelled in kubernetes/access.ts for the four user-facing ones.

export const ACCESS_POLICY_PREFIX = 'arn:aws:eks::aws:cluster-access-policy/';

/** Names as `aws eks list-access-policies` lists them (alphabetical; a subset of today's list). */
const NAMES = [
  'AmazonEKSAdminPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSAutoNodePolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSClusterAdminPolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSHybridPolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonEKSViewPolicy',
  'AmazonEMRJobPolicy',
  'AmazonSagemakerHyperpodClusterPolicy',
  'AmazonSagemakerHyperpodControllerPolicy',
  'AmazonSagemakerHyperpodSystemNamespacePolicy',
];

export const ACCESS_POLICIES: readonly { name: string; arn: string }[] = [...NAMES]
  .sort()
  .map((name) => ({
    name,
    arn: `${ACCESS_POLICY_PREFIX}${name}`,
  }));

export const CLUSTER_ADMIN_POLICY = `${ACCESS_POLICY_PREFIX}AmazonEKSClusterAdminPolicy`;

export const isAccessPolicy = (arn: string): boolean => ACCESS_POLICIES.some((p) => p.arn === arn);
