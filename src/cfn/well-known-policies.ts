// Expansion of `wellKnownPolicies` into the role stack (reference §1.5): some keys add AWS managed
// policy ARNs, others add inline `AWS::IAM::Policy` resources with fixed logical ids. ARNs are
// partition-aware through `Fn::Sub` with `${AWS::Partition}`, as eksctl renders them.

import type { WellKnownPolicies } from '../config/model.js';
import {
  WELL_KNOWN_INLINE_POLICY_IDS,
  WELL_KNOWN_MANAGED_POLICIES,
  WELL_KNOWN_POLICY_NAMES,
} from '../names/well-known-policies.js';
import { partitionArn, type FnSub, type PolicyStatement } from './intrinsics.js';
import { loadBalancerControllerStatements } from './load-balancer-controller-policy.js';

/** Managed policy ARNs, in eksctl's order: imageBuilder before ebsCSIController. */
export function wellKnownManagedPolicyArns(policies: WellKnownPolicies): FnSub[] {
  return WELL_KNOWN_POLICY_NAMES.filter((name) => policies[name])
    .flatMap((name) => WELL_KNOWN_MANAGED_POLICIES[name] ?? [])
    .map((policy) => partitionArn(`iam::aws:policy/${policy}`));
}

const allow = (actions: string[], resource: unknown = '*'): PolicyStatement => ({
  Effect: 'Allow',
  Action: actions,
  Resource: resource,
});

const route53ChangeSet = (): PolicyStatement[] => [
  allow(['route53:ChangeResourceRecordSets'], partitionArn('route53:::hostedzone/*')),
];

function efsCsiControllerStatements(): PolicyStatement[] {
  const tagged = (action: string, key: string): PolicyStatement => ({
    ...allow([action]),
    Condition: { StringLike: { [key]: 'true' } },
  });
  return [
    allow(['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems']),
    tagged('elasticfilesystem:CreateAccessPoint', 'aws:RequestTag/efs.csi.aws.com/cluster'),
    tagged('elasticfilesystem:TagResource', 'aws:RequestTag/efs.csi.aws.com/cluster'),
    tagged('elasticfilesystem:DeleteAccessPoint', 'aws:ResourceTag/efs.csi.aws.com/cluster'),
  ];
}

const INLINE_STATEMENTS: Record<string, () => PolicyStatement[]> = {
  PolicyAutoScaling: () => [
    allow([
      'autoscaling:DescribeAutoScalingGroups',
      'autoscaling:DescribeAutoScalingInstances',
      'autoscaling:DescribeLaunchConfigurations',
      'autoscaling:DescribeScalingActivities',
      'autoscaling:DescribeTags',
      'ec2:DescribeInstanceTypes',
      'ec2:DescribeLaunchTemplateVersions',
    ]),
    allow([
      'autoscaling:SetDesiredCapacity',
      'autoscaling:TerminateInstanceInAutoScalingGroup',
      'ec2:DescribeImages',
      'ec2:GetInstanceTypesFromInstanceRequirements',
      'eks:DescribeNodegroup',
    ]),
  ],
  PolicyAWSLoadBalancerController: loadBalancerControllerStatements,
  PolicyExternalDNSChangeSet: route53ChangeSet,
  PolicyExternalDNSHostedZones: () => [
    allow([
      'route53:ListHostedZones',
      'route53:ListResourceRecordSets',
      'route53:ListTagsForResource',
    ]),
  ],
  PolicyCertManagerChangeSet: route53ChangeSet,
  PolicyCertManagerGetChange: () => [
    allow(['route53:GetChange'], partitionArn('route53:::change/*')),
  ],
  PolicyCertManagerHostedZones: () => [
    allow(['route53:ListResourceRecordSets', 'route53:ListHostedZonesByName']),
  ],
  PolicyEFSCSIController: efsCsiControllerStatements,
};

/** Inline policies by logical id (the IAM PolicyName is `${AWS::StackName}-<id>`). */
export function wellKnownInlinePolicies(
  policies: WellKnownPolicies,
): Map<string, PolicyStatement[]> {
  const ids = WELL_KNOWN_POLICY_NAMES.filter((name) => policies[name]).flatMap(
    (name) => WELL_KNOWN_INLINE_POLICY_IDS[name],
  );
  return new Map(ids.map((id) => [id, INLINE_STATEMENTS[id]()]));
}
