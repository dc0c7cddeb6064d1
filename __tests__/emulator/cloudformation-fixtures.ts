// Templates shared by the CloudFormation tests.

/** eksctl's pod identity role stack (eksctl-podidentity.md §1.6) with a well-known managed policy. */
export function eksctlRoleTemplate(
  options: { roleName?: string; managed?: string[] } = {},
): string {
  const role: Record<string, unknown> = {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { Service: 'pods.eks.amazonaws.com' },
        },
      ],
    },
    ManagedPolicyArns: options.managed ?? [
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy' },
    ],
  };
  if (options.roleName) role.RoleName = options.roleName;
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'IAM role for pod identity association [created and managed by eksctl]',
    Resources: {
      Role1: { Type: 'AWS::IAM::Role', Properties: role },
      Policy1: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: { 'Fn::Sub': '${AWS::StackName}-Policy1' },
          Roles: [{ Ref: 'Role1' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }],
          },
        },
      },
    },
    Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
  });
}

/** A minimal role stack, optionally with an unknown managed policy so creation fails. */
export function simpleRoleTemplate(managed: string[] = []): string {
  return JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'pods.eks.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          },
          ManagedPolicyArns: managed,
        },
      },
    },
    Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
  });
}
