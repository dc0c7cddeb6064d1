// Plan-time checks of the managed policies and permissions boundary of a role the plan creates or
// updates: what would make CloudFormation fail and roll the role stack back at apply time (a policy
// that does not exist, one that cannot be attached, one of another partition or account) is
// reported now, at the config entry. Only those roles are checked: an unchanged role's policies
// are attached already, and IAM refuses to delete a policy while it is attached.

import { arnPartition, iamArnParts } from '../config/limits.js';
import type { Problem, SourceLocation } from '../config/model.js';
import { closest } from '../config/schema.js';
import type { LiveCluster } from '../live/model.js';
import { ROLE_LOGICAL_ID } from '../names/template-ids.js';
import type { ClusterPlan, Task } from './model.js';
import { planProblem } from './problems.js';
import type { RoleEntry } from './role-plan.js';

/** Where a role's policies come from: a config entry, or EKS's recommendation for an add-on. */
export interface PolicySource {
  /** `iam.podIdentityAssociations[i]`, `addons[j].podIdentityAssociations[i]`, or `addons[j]`. */
  path: string;
  location: SourceLocation;
  /** Where the entry's values sit (`permissionPolicyARNs[i]`, …), when the config says so. */
  valueLocations?: Record<string, SourceLocation>;
  /** Set for EKS's recommended policies of an add-on's service account (no config field). */
  recommendedFor?: string;
}

const changesRole = (task: Task): boolean =>
  task.kind === 'create-role-stack' || task.kind === 'update-role-stack';

/**
 * The plain policy ARNs a role stack task asks CloudFormation to attach (managed policies and the
 * boundary). eksctl's well-known policies are `Fn::Sub` of AWS managed ones and are left out.
 */
function attachedArns(task: Task): string[] {
  if (task.kind !== 'create-role-stack' && task.kind !== 'update-role-stack') return [];
  const template = JSON.parse(task.params.templateBody) as {
    Resources?: Record<string, { Properties?: Record<string, unknown> }>;
  };
  const props = template.Resources?.[ROLE_LOGICAL_ID]?.Properties ?? {};
  const managed = Array.isArray(props.ManagedPolicyArns) ? props.ManagedPolicyArns : [];
  return [...managed, props.PermissionsBoundary].filter(
    (arn): arn is string => typeof arn === 'string',
  );
}

/** The ARNs whose status a second plan needs: attached by a new or changed role, not read yet. */
export function policyArnsToRead(plan: ClusterPlan, live: LiveCluster): string[] {
  const arns = new Set(plan.tasks.flatMap(attachedArns));
  return [...arns].filter((arn) => live.policies[arn] === undefined).sort();
}

/** The policy ARN IAM lists whose name is closest to a missing one's, for "did you mean". */
function suggestion(arn: string, live: LiveCluster): string | undefined {
  const wanted = iamArnParts(arn);
  if (!wanted || !live.knownPolicyArns) return undefined;
  const sameAccount = live.knownPolicyArns.filter(
    (known) => iamArnParts(known)?.account === wanted.account,
  );
  const names = sameAccount.map((known) => iamArnParts(known)?.name ?? '');
  const name = closest(wanted.name, names);
  return name === undefined ? undefined : sameAccount[names.indexOf(name)];
}

function checkArn(
  field: { path: string; label: string; boundary: boolean; at: SourceLocation },
  arn: string,
  live: LiveCluster,
): Problem | undefined {
  const problem = (severity: Problem['severity'], message: string, hint: string) =>
    planProblem(field.at, field.path, severity, `${field.label} "${arn}" ${message}`, hint);
  // The shape of the ARN is the config's to check; these compare a well-formed one with the cluster.
  const parts = iamArnParts(arn);
  const clusterPartition = arnPartition(live.arn);
  if (parts && parts.partition !== clusterPartition) {
    return problem(
      'error',
      `is in partition ${parts.partition} but cluster "${live.name}" is in partition ${clusterPartition}`,
      `use ${arn.replace(/^arn:[^:]+:/, `arn:${clusterPartition}:`)}`,
    );
  }
  const account = parts?.account;
  if (account !== undefined && account !== 'aws' && account !== live.accountId) {
    return problem(
      'error',
      `belongs to account ${account}; a role can only have AWS managed policies and policies of its own account (${live.accountId})`,
      `create the policy in account ${live.accountId} and name that one`,
    );
  }
  const iamSays = field.boundary
    ? `Scope ARN: ${arn} does not exist or is not attachable.`
    : `Policy ${arn} does not exist or is not attachable.`;
  switch (live.policies[arn]) {
    case 'missing': {
      const near = suggestion(arn, live);
      return problem(
        'error',
        `does not exist; the role stack would fail and roll back (IAM: "${iamSays}")`,
        near
          ? `did you mean ${near}?`
          : account === 'aws'
            ? 'check the name (AWS managed policy names are case-sensitive; `aws iam list-policies --scope AWS` lists them)'
            : 'create the policy first, or fix the ARN',
      );
    }
    case 'not-attachable':
      return problem(
        'error',
        `exists but cannot be attached to a role (IAM: IsAttachable is false, as for the policies of service-linked roles); the role stack would fail and roll back`,
        'use a policy that can be attached to a role',
      );
    case 'unreadable':
      return problem(
        'warning',
        'could not be read (iam:GetPolicy was denied), so it was not checked',
        'allow iam:GetPolicy to the role that plans (docs/iam-policies.md)',
      );
    default:
      return undefined;
  }
}

/** Problems with the policies a role of this entry would attach, when the plan changes that role. */
export function checkRolePolicies(
  entry: RoleEntry,
  source: PolicySource,
  roleTasks: readonly Task[],
  live: LiveCluster,
): Problem[] {
  if (!roleTasks.some(changesRole)) return [];
  const label = (field: string) =>
    source.recommendedFor === undefined
      ? field
      : `the policy EKS recommends for service account "${source.recommendedFor}",`;
  const fields = [
    ...(entry.permissionsBoundaryARN
      ? [{ field: 'permissionsBoundaryARN', arn: entry.permissionsBoundaryARN, boundary: true }]
      : []),
    ...entry.permissionPolicyARNs.map((arn, i) => ({
      field: `permissionPolicyARNs[${i}]`,
      arn,
      boundary: false,
    })),
  ];
  return fields.flatMap(({ field, arn, boundary }) => {
    const path = source.recommendedFor === undefined ? `${source.path}.${field}` : source.path;
    const at = source.valueLocations?.[field] ?? source.location;
    const found = checkArn({ path, label: label(field), boundary, at }, arn, live);
    return found ? [found] : [];
  });
}
