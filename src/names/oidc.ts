// The IAM OIDC provider IRSA trusts: its ARN is the cluster's issuer URL without the scheme, under
// the account (`eksctl utils associate-iam-oidc-provider` creates it).

/** The issuer as IAM names it (and as trust conditions key it: `<host>:sub`): no scheme. */
export function oidcIssuerHost(issuer: string): string {
  return issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` → `arn:<partition>:iam::<account>:oidc-provider/oidc.eks…/id/<ID>`. */
export function oidcProviderArn(issuer: string, accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${oidcIssuerHost(issuer)}`;
}
