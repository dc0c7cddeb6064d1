// Expansion of `wellKnownPolicies` into the role stack (reference §1.5): some keys add AWS managed
// policy ARNs, others add inline `AWS::IAM::Policy` resources with fixed logical ids. ARNs are
// partition-aware through `Fn::Sub` with `${AWS::Partition}`, as eksctl renders them.

import type { WellKnownPolicies } from '../config/model.js';
import { loadBalancerControllerStatements } from './load-balancer-controller-policy.js';

export type PolicyStatement = Record<string, unknown>;
export interface FnSub {
  'Fn::Sub': string;
}

/** `arn:${AWS::Partition}:<rest>` as an `Fn::Sub`. */
export function partitionArn(rest: string): FnSub {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:${rest}` };
}

/** Managed policy ARNs, in eksctl's order: imageBuilder before ebsCSIController. */
export function wellKnownManagedPolicyArns(policies: WellKnownPolicies): FnSub[] {
  const arns: FnSub[] = [];
  if (policies.imageBuilder)
    arns.push(partitionArn('iam::aws:policy/AmazonEC2ContainerRegistryPowerUser'));
  if (policies.ebsCSIController) {
    arns.push(partitionArn('iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'));
  }
  return arns;
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

/** Inline policies by logical id (the IAM PolicyName is `${AWS::StackName}-<id>`). */
export function wellKnownInlinePolicies(
  policies: WellKnownPolicies,
): Map<string, PolicyStatement[]> {
  const inline = new Map<string, PolicyStatement[]>();
  if (policies.autoScaler) {
    inline.set('PolicyAutoScaling', [
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
    ]);
  }
  if (policies.awsLoadBalancerController) {
    inline.set('PolicyAWSLoadBalancerController', loadBalancerControllerStatements());
  }
  if (policies.externalDNS) {
    inline.set('PolicyExternalDNSChangeSet', route53ChangeSet());
    inline.set('PolicyExternalDNSHostedZones', [
      allow([
        'route53:ListHostedZones',
        'route53:ListResourceRecordSets',
        'route53:ListTagsForResource',
      ]),
    ]);
  }
  if (policies.certManager) {
    inline.set('PolicyCertManagerChangeSet', route53ChangeSet());
    inline.set('PolicyCertManagerGetChange', [
      allow(['route53:GetChange'], partitionArn('route53:::change/*')),
    ]);
    inline.set('PolicyCertManagerHostedZones', [
      allow(['route53:ListResourceRecordSets', 'route53:ListHostedZonesByName']),
    ]);
  }
  if (policies.efsCSIController) inline.set('PolicyEFSCSIController', efsCsiControllerStatements());
  return inline;
}
