// Thin IAM adapter: the roles named by roleARN and the managed policies new roles attach, each read
// once per run, and the trust-policy update of a migrated IRSA role.

import {
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand,
  paginateListPolicies,
  type IAMClient,
  type PolicyScopeType,
} from '@aws-sdk/client-iam';
import type { LiveRole, PolicyStatus } from '../live/model.js';
import { isAwsError } from './errors.js';

/** The role, or null when IAM answers NoSuchEntity. */
export async function getRole(iam: IAMClient, roleName: string): Promise<LiveRole | null> {
  try {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    if (!Role) return null;
    return {
      arn: Role.Arn ?? '',
      roleName: Role.RoleName ?? roleName,
      // IAM returns policy documents URL-encoded.
      assumeRolePolicy: decodePolicy(Role.AssumeRolePolicyDocument),
    };
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntityException', 'NoSuchEntity')) return null;
    throw error;
  }
}

/** GetOpenIDConnectProvider: whether IAM has this OIDC provider (false on NoSuchEntity). */
export async function oidcProviderExists(iam: IAMClient, arn: string): Promise<boolean> {
  try {
    await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    return true;
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntityException', 'NoSuchEntity')) return false;
    throw error;
  }
}

/** GetPolicy: attachable or not, or `missing` when IAM answers NoSuchEntity. */
export async function getPolicyStatus(iam: IAMClient, arn: string): Promise<PolicyStatus> {
  try {
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    if (!Policy) return 'missing';
    return Policy.IsAttachable === false ? 'not-attachable' : 'attachable';
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntityException', 'NoSuchEntity')) return 'missing';
    throw error;
  }
}

/** Every policy ARN of a scope (`AWS`: AWS managed; `Local`: the account's own), all pages. */
export async function listPolicyArns(iam: IAMClient, scope: PolicyScopeType): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListPolicies(
    { client: iam },
    { Scope: scope, MaxItems: 1000 },
  )) {
    for (const p of page.Policies ?? []) if (p.Arn) arns.push(p.Arn);
  }
  return arns;
}

export function decodePolicy(document: string | undefined): Record<string, unknown> {
  if (!document) return {};
  try {
    return JSON.parse(decodeURIComponent(document)) as Record<string, unknown>;
  } catch {
    return JSON.parse(document) as Record<string, unknown>;
  }
}

/** `arn:aws:iam::123456789012:role/path/name` → `name` (GetRole takes the name without path). */
export function roleNameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return (
    resource
      .replace(/^role\//, '')
      .split('/')
      .pop() ?? resource
  );
}

export function accountFromArn(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/** Replaces a role's trust policy (an unowned IRSA role's migration). */
export async function updateAssumeRolePolicy(
  iam: IAMClient,
  roleName: string,
  policyDocument: string,
): Promise<void> {
  await iam.send(
    new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: policyDocument }),
  );
}
