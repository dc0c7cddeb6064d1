// eksctl's IRSA state as text: stack names, stack tags, the `Role1` template it deploys for an
// iamserviceaccount or an add-on, and the trust document. Shapes follow eksctl's builder output
// (pkg/cfn/builder/iam.go; testdata addon-example-1.json): compact JSON, map keys sorted as Go does.

/** eksctl's version tag on the stacks it makes (any released version; nothing reads its value). */
export const EKSCTL_VERSION = '0.215.0';
/** The audience eksctl's OIDC provider and trust conditions name. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The root CA thumbprint eksctl registers for `oidc.eks.<region>.amazonaws.com`. */
export const EKS_OIDC_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
export const MANAGED_BY_EKSCTL = { 'app.kubernetes.io/managed-by': 'eksctl' };

export const iamServiceAccountStackName = (cluster: string, ns: string, name: string): string =>
  `eksctl-${cluster}-addon-iamserviceaccount-${ns}-${name}`;
export const addonStackName = (cluster: string, addon: string): string =>
  `eksctl-${cluster}-addon-${addon}`;

/** Tags eksctl puts on every stack of a cluster (without `metadata.tags`). */
function sharedTags(cluster: string): Record<string, string> {
  return {
    'alpha.eksctl.io/cluster-name': cluster,
    'eksctl.cluster.k8s.io/v1alpha1/cluster-name': cluster,
  };
}

export function iamServiceAccountStackTags(
  cluster: string,
  ns: string,
  name: string,
): Record<string, string> {
  return {
    ...sharedTags(cluster),
    'alpha.eksctl.io/iamserviceaccount-name': `${ns}/${name}`,
    'alpha.eksctl.io/eksctl-version': EKSCTL_VERSION,
  };
}

export function addonStackTags(cluster: string, addon: string): Record<string, string> {
  return {
    ...sharedTags(cluster),
    'alpha.eksctl.io/addon-name': addon,
    'alpha.eksctl.io/eksctl-version': EKSCTL_VERSION,
  };
}

/** Tags eksctl's `associate-iam-oidc-provider` puts on the IAM OIDC provider. */
export function oidcProviderTags(cluster: string): Record<string, string> {
  return {
    'alpha.eksctl.io/cluster-name': cluster,
    'alpha.eksctl.io/eksctl-version': EKSCTL_VERSION,
  };
}

export interface TrustSubject {
  /** `arn:aws:iam::<acct>:oidc-provider/<issuer host>`. */
  providerArn: string;
  /** `oidc.eks.<region>.amazonaws.com/id/<ID>`. */
  issuerHost: string;
  /** The service account (`<ns>:<name>`); absent → only the audience condition, as eksctl's add-on roles without a known service account. */
  serviceAccount?: { namespace: string; name: string };
}

/** eksctl's statement: sts:AssumeRoleWithWebIdentity from the cluster's provider, keys sorted. */
export function irsaStatement(subject: TrustSubject): Record<string, unknown> {
  const equals: Record<string, string> = { [`${subject.issuerHost}:aud`]: STS_AUDIENCE };
  if (subject.serviceAccount) {
    const { namespace, name } = subject.serviceAccount;
    equals[`${subject.issuerHost}:sub`] = `system:serviceaccount:${namespace}:${name}`;
  }
  return {
    Action: ['sts:AssumeRoleWithWebIdentity'],
    Condition: { StringEquals: equals },
    Effect: 'Allow',
    Principal: { Federated: subject.providerArn },
  };
}

export const trustDocument = (subject: TrustSubject): Record<string, unknown> => ({
  Statement: [irsaStatement(subject)],
  Version: '2012-10-17',
});

export interface RoleTemplateInput {
  /** `serviceaccount "<ns>/<name>"` or `"<addon>"`: what eksctl's description names. */
  describedAs: string;
  trust: TrustSubject;
  managedPolicyArns: string[];
  roleName?: string;
}

/** The template body eksctl deploys (what GetTemplate answers). */
export function roleTemplate(input: RoleTemplateInput): string {
  const properties: Record<string, unknown> = {
    AssumeRolePolicyDocument: trustDocument(input.trust),
  };
  if (input.managedPolicyArns.length > 0) properties.ManagedPolicyArns = input.managedPolicyArns;
  if (input.roleName) properties.RoleName = input.roleName;
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `IAM role for ${input.describedAs} [created and managed by eksctl]`,
    Resources: { Role1: { Type: 'AWS::IAM::Role', Properties: properties } },
    Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
  });
}

/** `CAPABILITY_NAMED_IAM` when the role is named, as eksctl asks for it. */
export const capabilitiesFor = (roleName?: string): string[] =>
  roleName ? ['CAPABILITY_NAMED_IAM'] : ['CAPABILITY_IAM'];
