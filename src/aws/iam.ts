// Thin IAM adapter: the roles named by roleARN, read once per run.

import { GetRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { LiveRole } from '../live/model.js';
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
