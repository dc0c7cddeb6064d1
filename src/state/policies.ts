// The managed policies and permissions boundaries a plan's new or changed roles attach: what IAM
// says of each (GetPolicy, read-only), once per ARN per run, and, only when one is missing, the
// policies IAM lists, so the plan can say which one was meant.

import type { IAMClient, PolicyScopeType } from '@aws-sdk/client-iam';
import { isAwsError } from '../aws/errors.js';
import { getPolicyStatus, listPolicyArns } from '../aws/iam.js';
import type { PolicyStatus } from '../live/model.js';

/** Answers shared by the clusters of one run (IAM is global: one ARN is one call however often named). */
export interface PolicyLookups {
  statuses: Map<string, Promise<PolicyStatus>>;
  listings: Map<PolicyScopeType, Promise<string[] | undefined>>;
}

export function newPolicyLookups(): PolicyLookups {
  return { statuses: new Map(), listings: new Map() };
}

const denied = (error: unknown): boolean =>
  isAwsError(error, 'AccessDenied', 'AccessDeniedException');

function statusOf(iam: IAMClient, arn: string, lookups: PolicyLookups): Promise<PolicyStatus> {
  let status = lookups.statuses.get(arn);
  if (!status) {
    status = getPolicyStatus(iam, arn).catch((error: unknown) => {
      if (denied(error)) return 'unreadable' as const;
      throw error;
    });
    lookups.statuses.set(arn, status);
  }
  return status;
}

/** AWS managed policies live in the `aws` account; any other is the caller's own. */
const scopeOf = (arn: string): PolicyScopeType =>
  /^arn:[^:]+:iam::aws:/.test(arn) ? 'AWS' : 'Local';

function listing(
  iam: IAMClient,
  scope: PolicyScopeType,
  lookups: PolicyLookups,
): Promise<string[] | undefined> {
  let arns = lookups.listings.get(scope);
  if (!arns) {
    // A hint is a nicety: without iam:ListPolicies the plan still names the missing policy.
    arns = listPolicyArns(iam, scope).catch((error: unknown) => {
      if (denied(error)) return undefined;
      throw error;
    });
    lookups.listings.set(scope, arns);
  }
  return arns;
}

export async function readPolicies(
  iam: IAMClient,
  arns: readonly string[],
  lookups: PolicyLookups,
): Promise<{ policies: Record<string, PolicyStatus>; knownPolicyArns?: string[] }> {
  const unique = [...new Set(arns)];
  const statuses = await Promise.all(unique.map((arn) => statusOf(iam, arn, lookups)));
  const policies = Object.fromEntries(unique.map((arn, i) => [arn, statuses[i]]));
  const scopes = [
    ...new Set(unique.filter((arn) => policies[arn] === 'missing').map((arn) => scopeOf(arn))),
  ];
  if (scopes.length === 0) return { policies };
  const listed = await Promise.all(scopes.map((scope) => listing(iam, scope, lookups)));
  const known = listed.flatMap((arns) => arns ?? []);
  return { policies, ...(known.length > 0 ? { knownPolicyArns: known } : {}) };
}
