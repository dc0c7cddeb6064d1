// eksctl's `wellKnownPolicies` (reference §1.5): the keys, the AWS managed policies some of them
// attach, and the logical ids of the inline policies the others add to the role stack. The policy
// statements themselves are in cfn/well-known-policies.ts; the config checks size and names by these.

export const WELL_KNOWN_POLICY_NAMES = [
  'imageBuilder',
  'autoScaler',
  'awsLoadBalancerController',
  'externalDNS',
  'certManager',
  'ebsCSIController',
  'efsCSIController',
] as const;

export type WellKnownPolicyName = (typeof WELL_KNOWN_POLICY_NAMES)[number];

/** AWS managed policies (the part after `arn:<partition>:iam::aws:policy/`), eksctl's order. */
export const WELL_KNOWN_MANAGED_POLICIES: Partial<Record<WellKnownPolicyName, string>> = {
  imageBuilder: 'AmazonEC2ContainerRegistryPowerUser',
  ebsCSIController: 'service-role/AmazonEBSCSIDriverPolicy',
};

/** Inline `AWS::IAM::Policy` logical ids; the IAM policy name is `${AWS::StackName}-<id>`. */
export const WELL_KNOWN_INLINE_POLICY_IDS: Record<WellKnownPolicyName, readonly string[]> = {
  imageBuilder: [],
  autoScaler: ['PolicyAutoScaling'],
  awsLoadBalancerController: ['PolicyAWSLoadBalancerController'],
  externalDNS: ['PolicyExternalDNSChangeSet', 'PolicyExternalDNSHostedZones'],
  certManager: [
    'PolicyCertManagerChangeSet',
    'PolicyCertManagerGetChange',
    'PolicyCertManagerHostedZones',
  ],
  ebsCSIController: [],
  efsCSIController: ['PolicyEFSCSIController'],
};
