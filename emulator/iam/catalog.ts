// AWS managed policies the emulator knows (attachable by ARN, readable with GetPolicy/GetPolicyVersion).
// Documents are stand-ins that grant what the real ones grant for the services the emulator has
// (EKS, IAM, CloudFormation, STS), since enforcement (core/authorize.ts) evaluates them.

export interface AwsManagedPolicy {
  name: string;
  path: string;
  /** Actions the stand-in document allows on `*`. */
  actions: string[];
  /** A fuller document (statements) where one `Allow actions on *` would misstate the policy. */
  statements?: Record<string, unknown>[];
  /**
   * False for the policies of service-linked roles (path `/aws-service-role/`): GetPolicy answers
   * `IsAttachable: false` and attaching one to a role gives PolicyNotAttachable.
   */
  attachable?: false;
}

/** ReadOnlyAccess, restricted to the emulated services (the real one lists ~300 services). */
const READ_ONLY = [
  'cloudformation:Describe*',
  'cloudformation:Detect*',
  'cloudformation:Estimate*',
  'cloudformation:Get*',
  'cloudformation:List*',
  'cloudformation:ValidateTemplate',
  'eks:Describe*',
  'eks:List*',
  'iam:Generate*',
  'iam:Get*',
  'iam:List*',
  'iam:Simulate*',
  'sts:GetCallerIdentity',
];

const CATALOG: AwsManagedPolicy[] = [
  { name: 'AdministratorAccess', path: '/', actions: ['*'] },
  { name: 'ReadOnlyAccess', path: '/', actions: READ_ONLY },
  {
    name: 'PowerUserAccess',
    path: '/',
    actions: [],
    // As the real policy: everything except IAM, Organizations and Account, plus a few IAM reads.
    statements: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: [
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeOrganization',
          'account:ListRegions',
          'account:GetAccountInformation',
        ],
        Resource: '*',
      },
    ],
  },
  { name: 'AmazonEKS_CNI_Policy', path: '/', actions: ['ec2:*'] },
  {
    name: 'AmazonEKSClusterPolicy',
    path: '/',
    actions: ['ec2:*', 'elasticloadbalancing:*', 'iam:CreateServiceLinkedRole', 'kms:DescribeKey'],
  },
  {
    name: 'AmazonEKSWorkerNodePolicy',
    path: '/',
    actions: ['ec2:Describe*', 'eks:DescribeCluster', 'eks-auth:AssumeRoleForPodIdentity'],
  },
  { name: 'AmazonEKSServicePolicy', path: '/', actions: ['ec2:*'] },
  { name: 'AmazonEC2ContainerRegistryReadOnly', path: '/', actions: ['ecr:Get*', 'ecr:Describe*'] },
  { name: 'AmazonEC2ContainerRegistryPowerUser', path: '/', actions: ['ecr:*'] },
  { name: 'AmazonEC2ContainerRegistryFullAccess', path: '/', actions: ['ecr:*'] },
  { name: 'AmazonEBSCSIDriverPolicy', path: '/service-role/', actions: ['ec2:*'] },
  { name: 'AmazonEFSCSIDriverPolicy', path: '/service-role/', actions: ['elasticfilesystem:*'] },
  { name: 'AmazonFSxFullAccess', path: '/', actions: ['fsx:*'] },
  { name: 'AmazonS3ReadOnlyAccess', path: '/', actions: ['s3:Get*', 's3:List*'] },
  { name: 'AmazonS3FullAccess', path: '/', actions: ['s3:*'] },
  {
    name: 'AmazonDynamoDBReadOnlyAccess',
    path: '/',
    actions: ['dynamodb:Describe*', 'dynamodb:Get*'],
  },
  { name: 'AmazonDynamoDBFullAccess', path: '/', actions: ['dynamodb:*'] },
  { name: 'AmazonSQSFullAccess', path: '/', actions: ['sqs:*'] },
  { name: 'AmazonSNSFullAccess', path: '/', actions: ['sns:*'] },
  { name: 'AmazonRoute53FullAccess', path: '/', actions: ['route53:*'] },
  { name: 'SecretsManagerReadWrite', path: '/', actions: ['secretsmanager:*'] },
  {
    name: 'CloudWatchAgentServerPolicy',
    path: '/',
    actions: ['cloudwatch:PutMetricData', 'logs:*'],
  },
  { name: 'CloudWatchLogsFullAccess', path: '/', actions: ['logs:*'] },
  { name: 'AWSXrayWriteOnlyAccess', path: '/', actions: ['xray:Put*'] },
  { name: 'AmazonPrometheusRemoteWriteAccess', path: '/', actions: ['aps:RemoteWrite'] },
  { name: 'AmazonSSMManagedInstanceCore', path: '/', actions: ['ssm:*'] },
  { name: 'ElasticLoadBalancingFullAccess', path: '/', actions: ['elasticloadbalancing:*'] },
  { name: 'AWSPrivateCAConnectorForKubernetesPolicy', path: '/', actions: ['acm-pca:*'] },
  {
    name: 'CloudWatchNetworkFlowMonitorAgentPublishPolicy',
    path: '/',
    actions: ['networkflowmonitor:Publish'],
  },
  { name: 'AmazonEKSLoadBalancingPolicy', path: '/', actions: ['elasticloadbalancing:*'] },
  {
    name: 'AmazonEKSServiceRolePolicy',
    path: '/aws-service-role/',
    actions: ['ec2:*', 'iam:GetRole', 'iam:ListAttachedRolePolicies'],
    attachable: false,
  },
];

/** AWS managed policies live in the `aws` account of any partition. */
export function awsManagedArn(partition: string, p: AwsManagedPolicy): string {
  return `arn:${partition}:iam::aws:policy${p.path}${p.name}`;
}

const BY_SUFFIX = new Map(CATALOG.map((p) => [`${p.path}${p.name}`, p]));

/** The catalog entry for `arn:<partition>:iam::aws:policy/<path><name>`, if any. */
export function findAwsManaged(arn: string): AwsManagedPolicy | undefined {
  const match = arn.match(/^arn:aws[a-z-]*:iam::aws:policy(\/.*)$/);
  return match ? BY_SUFFIX.get(match[1]) : undefined;
}

export function awsManagedPolicies(): AwsManagedPolicy[] {
  return CATALOG;
}

export function awsManagedDocument(p: AwsManagedPolicy): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: p.statements ?? [{ Effect: 'Allow', Action: p.actions, Resource: '*' }],
  });
}
