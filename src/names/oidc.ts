// The IAM OIDC provider IRSA trusts: its ARN is the cluster's issuer URL without the scheme, under
// the account (`eksctl utils associate-iam-oidc-provider` creates it).

/** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` → `arn:<partition>:iam::<account>:oidc-provider/oidc.eks…/id/<ID>`. */
export function oidcProviderArn(issuer: string, accountId: string, partition = 'aws'): string {
  const host = issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
  return `arn:${partition}:iam::${accountId}:oidc-provider/${host}`;
}
