// Statements of the well-known `awsLoadBalancerController` inline policy. They mirror eksctl's
// `loadBalancerControllerStatements` with the additions of the upstream AWS Load Balancer
// Controller policy that reference §1.5 lists (IPAM pools, route tables, trust stores, listener
// attributes, capacity reservations, IP pools, rule priorities). Facts, not logic.

import { partitionArn, type PolicyStatement } from './intrinsics.js';

const ALLOW = 'Allow';
const ALL = '*';
const CLUSTER_REQUEST_TAG = 'aws:RequestTag/elbv2.k8s.aws/cluster';
const CLUSTER_RESOURCE_TAG = 'aws:ResourceTag/elbv2.k8s.aws/cluster';

const TAGGED_LB_ARNS = [
  'elasticloadbalancing:*:*:targetgroup/*/*',
  'elasticloadbalancing:*:*:loadbalancer/net/*/*',
  'elasticloadbalancing:*:*:loadbalancer/app/*/*',
];

export function loadBalancerControllerStatements(): PolicyStatement[] {
  return [
    {
      Effect: ALLOW,
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: ALL,
      Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    {
      Effect: ALLOW,
      Action: [
        'ec2:DescribeAccountAttributes',
        'ec2:DescribeAddresses',
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeVpcs',
        'ec2:DescribeVpcPeeringConnections',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeTags',
        'ec2:GetCoipPoolUsage',
        'ec2:DescribeCoipPools',
        'ec2:GetSecurityGroupsForVpc',
        'ec2:DescribeIpamPools',
        'ec2:DescribeRouteTables',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeLoadBalancerAttributes',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeListenerCertificates',
        'elasticloadbalancing:DescribeSSLPolicies',
        'elasticloadbalancing:DescribeRules',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetHealth',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeTrustStores',
        'elasticloadbalancing:DescribeListenerAttributes',
        'elasticloadbalancing:DescribeCapacityReservation',
      ],
      Resource: ALL,
    },
    {
      Effect: ALLOW,
      Action: [
        'cognito-idp:DescribeUserPoolClient',
        'acm:ListCertificates',
        'acm:DescribeCertificate',
        'iam:ListServerCertificates',
        'iam:GetServerCertificate',
        'waf-regional:GetWebACL',
        'waf-regional:GetWebACLForResource',
        'waf-regional:AssociateWebACL',
        'waf-regional:DisassociateWebACL',
        'wafv2:GetWebACL',
        'wafv2:GetWebACLForResource',
        'wafv2:AssociateWebACL',
        'wafv2:DisassociateWebACL',
        'shield:GetSubscriptionState',
        'shield:DescribeProtection',
        'shield:CreateProtection',
        'shield:DeleteProtection',
      ],
      Resource: ALL,
    },
    {
      Effect: ALLOW,
      Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      Resource: ALL,
    },
    { Effect: ALLOW, Action: ['ec2:CreateSecurityGroup'], Resource: ALL },
    {
      Effect: ALLOW,
      Action: ['ec2:CreateTags'],
      Resource: partitionArn('ec2:*:*:security-group/*'),
      Condition: {
        StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' },
        Null: { [CLUSTER_REQUEST_TAG]: 'false' },
      },
    },
    {
      Effect: ALLOW,
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: partitionArn('ec2:*:*:security-group/*'),
      Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'true', [CLUSTER_RESOURCE_TAG]: 'false' } },
    },
    {
      Effect: ALLOW,
      Action: [
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:DeleteSecurityGroup',
      ],
      Resource: ALL,
      Condition: { Null: { [CLUSTER_RESOURCE_TAG]: 'false' } },
    },
    {
      Effect: ALLOW,
      Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      Resource: ALL,
      Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'false' } },
    },
    {
      Effect: ALLOW,
      Action: [
        'elasticloadbalancing:CreateListener',
        'elasticloadbalancing:DeleteListener',
        'elasticloadbalancing:CreateRule',
        'elasticloadbalancing:DeleteRule',
      ],
      Resource: ALL,
    },
    {
      Effect: ALLOW,
      Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      Resource: TAGGED_LB_ARNS.map(partitionArn),
      Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'true', [CLUSTER_RESOURCE_TAG]: 'false' } },
    },
    {
      Effect: ALLOW,
      Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      Resource: [
        'elasticloadbalancing:*:*:listener/net/*/*/*',
        'elasticloadbalancing:*:*:listener/app/*/*/*',
        'elasticloadbalancing:*:*:listener-rule/net/*/*/*',
        'elasticloadbalancing:*:*:listener-rule/app/*/*/*',
      ].map(partitionArn),
    },
    {
      Effect: ALLOW,
      Action: [
        'elasticloadbalancing:ModifyLoadBalancerAttributes',
        'elasticloadbalancing:SetIpAddressType',
        'elasticloadbalancing:SetSecurityGroups',
        'elasticloadbalancing:SetSubnets',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:ModifyTargetGroup',
        'elasticloadbalancing:ModifyTargetGroupAttributes',
        'elasticloadbalancing:DeleteTargetGroup',
        'elasticloadbalancing:ModifyListenerAttributes',
        'elasticloadbalancing:ModifyCapacityReservation',
        'elasticloadbalancing:ModifyIpPools',
      ],
      Resource: ALL,
      Condition: { Null: { [CLUSTER_RESOURCE_TAG]: 'false' } },
    },
    {
      Effect: ALLOW,
      Action: ['elasticloadbalancing:AddTags'],
      Resource: TAGGED_LB_ARNS.map(partitionArn),
      Condition: {
        StringEquals: {
          'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'],
        },
        Null: { [CLUSTER_REQUEST_TAG]: 'false' },
      },
    },
    {
      Effect: ALLOW,
      Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
      Resource: partitionArn('elasticloadbalancing:*:*:targetgroup/*/*'),
    },
    {
      Effect: ALLOW,
      Action: [
        'elasticloadbalancing:SetWebAcl',
        'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:AddListenerCertificates',
        'elasticloadbalancing:RemoveListenerCertificates',
        'elasticloadbalancing:ModifyRule',
        'elasticloadbalancing:SetRulePriorities',
      ],
      Resource: ALL,
    },
  ];
}
