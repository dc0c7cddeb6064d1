// eksctl's inline policy for vpc-cni on an IPv6 cluster (the recommended managed policy covers IPv4
// only): the role it auto-applies for `aws-node` carries this document as `Policy1`. The partition is
// a literal, from the region, as eksctl writes it.

import type { PolicyDocument } from '../config/model.js';

const PARTITION_PREFIXES: [string, string][] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-iso-', 'aws-iso'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-isof-', 'aws-iso-f'],
];

/** The AWS partition of a region. */
export function partitionOfRegion(region: string): string {
  return PARTITION_PREFIXES.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

export function ipv6VpcCniPolicy(region: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'ec2:AssignIpv6Addresses',
          'ec2:DescribeInstances',
          'ec2:DescribeTags',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeSubnets',
          'ec2:DescribeSecurityGroups',
        ],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: ['ec2:CreateTags'],
        Resource: `arn:${partitionOfRegion(region)}:ec2:*:*:network-interface/*`,
      },
    ],
  };
}
