// Plan-time checks of a user-supplied `roleARN`: what EKS would reject at apply time is reported
// now, with EKS's own words, at the config entry's location.

import type { PodIdentityAssociationSpec, Problem } from '../config/model.js';
import { arnAccount, checkArn } from '../config/limits.js';
import type { LiveCluster } from '../live/model.js';
import { planProblem } from './problems.js';
import { missingPodIdentityTrust } from './trust-policy.js';

/** The account id of an IAM role ARN, or undefined when it is not one. */
function roleArnAccount(arn: string): string | undefined {
  return checkArn(arn, 'role') === undefined ? arnAccount(arn) : undefined;
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
): Problem[] {
  const arn = entry.roleARN;
  if (!arn) return [];
  const path = `${entryPath}.roleARN`;
  const account = roleArnAccount(arn);
  if (account === undefined) {
    return [entryProblem(entry, path, 'error', `roleARN "${arn}" is not an IAM role ARN`)];
  }
  if (account !== live.accountId) {
    return [
      entryProblem(
        entry,
        path,
        'error',
        `role "${arn}" is in account ${account} but cluster "${live.name}" is in account ${live.accountId}; EKS would answer "Cross-account pass role is not allowed"`,
        "use a role in the cluster account as roleARN and put the other account's role in targetRoleARN",
      ),
    ];
  }
  const role = live.roles[arn];
  if (role === null) {
    return [
      entryProblem(
        entry,
        path,
        'error',
        `role "${arn}" does not exist; EKS would answer "Role provided in the request does not exist"`,
        'create the role first, or remove roleARN to let podid-action create one',
      ),
    ];
  }
  if (role === undefined) {
    return [
      entryProblem(
        entry,
        path,
        'warning',
        `role "${arn}" could not be read; its trust policy was not checked`,
      ),
    ];
  }
  const missing = missingPodIdentityTrust(role.assumeRolePolicy);
  if (missing.length === 0) return [];
  return [
    entryProblem(
      entry,
      path,
      'error',
      `role "${arn}" does not trust pods.eks.amazonaws.com for ${missing.join(' and ')}; EKS would answer "Trust policy of the role provided is invalid. Follow the official documentation to resolve the issue."`,
      'add a statement {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} to the role\'s trust policy',
    ),
  ];
}
