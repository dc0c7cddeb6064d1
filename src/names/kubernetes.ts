// Kubernetes names eksctl and EKS use: the label eksctl puts on service accounts it creates, the
// IRSA annotation, and the AWS-managed EKS access policies an access entry can carry.

/** eksctl labels the service accounts it creates; only those does it delete (reference §0, §5). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_EKSCTL = 'eksctl';

/** The IRSA annotation on a service account (reference §0). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

const ACCESS_POLICY_PREFIX = 'arn:aws:eks::aws:cluster-access-policy/';

/** The AWS-managed access policies, from least to most: read, edit a namespace, administer. */
export const ACCESS_POLICY = {
  view: `${ACCESS_POLICY_PREFIX}AmazonEKSViewPolicy`,
  edit: `${ACCESS_POLICY_PREFIX}AmazonEKSEditPolicy`,
  admin: `${ACCESS_POLICY_PREFIX}AmazonEKSAdminPolicy`,
  clusterAdmin: `${ACCESS_POLICY_PREFIX}AmazonEKSClusterAdminPolicy`,
} as const;
