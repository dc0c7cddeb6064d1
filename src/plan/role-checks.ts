// Plan-time checks of a user-supplied `roleARN`: what EKS would reject at apply time is reported
// now, with EKS's own words, at the config entry's location.

import type { PodIdentityAssociationSpec, Problem } from '../config/model.js';
import { arnAccount, arnPartition, checkArn, iamArnParts } from '../config/limits.js';
import type { LiveCluster } from '../live/model.js';
import { planProblem } from './problems.js';
import { missingPodIdentityTrust } from './trust-policy.js';

/** The account id of an IAM role ARN, or undefined when it is not one. */
function roleArnAccount(arn: string): string | undefined {
  return checkArn(arn, 'role') === undefined ? arnAccount(arn) : undefined;
}

const NOT_FOUND_BY_EKS = 'EKS would answer "Role provided in the request does not exist"';

/**
 * The parts of a configured IAM ARN that differ from IAM's own ARN of the same entity, in ARN order,
 * each as `path "/" where IAM has "/team/"`. GetRole finds a role by name alone (case-insensitively,
 * whatever the path), but EKS compares the whole ARN.
 */
export function arnDifferences(given: string, actual: string): string[] {
  const a = iamArnParts(given);
  const b = iamArnParts(actual);
  if (!a || !b) return given === actual ? [] : [`"${given}" where IAM has "${actual}"`];
  return (['partition', 'account', 'path', 'name'] as const)
    .filter((part) => a[part] !== b[part])
    .map((part) => `${part} "${a[part]}" where IAM has "${b[part]}"`);
}

export function entryProblem(
  entry: PodIdentityAssociationSpec,
  path: string,
  severity: Problem['severity'],
  message: string,
  hint?: string,
): Problem {
  return planProblem(entry.location, path, severity, message, hint);
}

export function checkUserRole(
  entry: PodIdentityAssociationSpec,
  entryPath: string,
  live: LiveCluster,
  /** The role is this cluster's IRSA role for the entry: its trust is migrated, not an error. */
  migratesTrust = false,
): Problem[] {
  const arn = entry.roleARN;
  if (!arn) return [];
  const path = `${entryPath}.roleARN`;
  // At the value itself when the config says where it is.
  const at = entry.valueLocations?.roleARN ?? entry.location;
  const problem = (severity: Problem['severity'], message: string, hint?: string) =>
    planProblem(at, path, severity, message, hint);
  const account = roleArnAccount(arn);
  if (account === undefined) {
    return [problem('error', `roleARN "${arn}" is not an IAM role ARN`)];
  }
  if (account !== live.accountId) {
    return [
      problem(
        'error',
        `role "${arn}" is in account ${account} but cluster "${live.name}" is in account ${live.accountId}; EKS would answer "Cross-account pass role is not allowed"`,
        "use a role in the cluster account as roleARN and put the other account's role in targetRoleARN",
      ),
    ];
  }
  const role = live.roles[arn];
  const partition = arnPartition(arn);
  const clusterPartition = arnPartition(live.arn);
  if (partition !== clusterPartition) {
    return [
      problem(
        'error',
        `role "${arn}" is in partition ${partition} but cluster "${live.name}" is in partition ${clusterPartition}; ${NOT_FOUND_BY_EKS}`,
        `use roleARN: ${role?.arn ?? arn.replace(/^arn:[^:]+:/, `arn:${clusterPartition}:`)}`,
      ),
    ];
  }
  if (role === null) {
    return [
      problem(
        'error',
        `role "${arn}" does not exist; ${NOT_FOUND_BY_EKS}`,
        'create the role first, or remove roleARN to let podid-action create one',
      ),
    ];
  }
  if (role === undefined) {
    return [
      problem('warning', `role "${arn}" could not be read; its trust policy was not checked`),
    ];
  }
  const differences = arnDifferences(arn, role.arn);
  if (differences.length > 0) {
    return [
      problem(
        'error',
        `roleARN "${arn}" is not the ARN of role ${role.roleName} (${differences.join(', ')}); ${NOT_FOUND_BY_EKS}`,
        `use roleARN: ${role.arn}`,
      ),
    ];
  }
  const missing = missingPodIdentityTrust(role.assumeRolePolicy);
  if (missing.length === 0 || migratesTrust) return [];
  return [
    problem(
      'error',
      `role "${arn}" does not trust pods.eks.amazonaws.com for ${missing.join(' and ')}; EKS would answer "Trust policy of the role provided is invalid. Follow the official documentation to resolve the issue."`,
      'add a statement {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} to the role\'s trust policy',
    ),
  ];
}
