// STS AssumeRole (signed): a session of a role, in the role's account, for the caller's credentials.
// The caller's own permission (sts:AssumeRole on the role, from its identity policies) is checked
// before the call reaches here, by core/authorize.ts as for any call; here, in AWS's order: the
// model constraints, the role and its trust policy (which must name the caller, its account or
// anyone), then the duration. Across accounts both must allow, as in AWS; within one account the
// emulator asks the same of both (AWS can let a trust policy that names the caller stand alone).

import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { XmlValue } from '../query/xml.js';
import type { World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import { trustAllows } from '../iam/evaluate.js';
import {
  checkRoleArn,
  checkRoleDuration,
  checkSessionName,
  checkedDuration,
  issueSession,
  roleArnAccount,
  sessionResult,
  type StsSession,
} from './session.js';

/** Who calls AssumeRole. */
export interface AssumeRoleCaller {
  /** The ARN AWS names in its messages: the assumed-role ARN of a session, else the user's. */
  arn: string;
  /** Every ARN a trust policy may name the caller by (a session: its role's too). */
  arns: string[];
  account: string;
  /** A session assuming a role: role chaining, at most one hour. */
  chained: boolean;
}

const CHAINED_LIMIT_SECONDS = 3600;

function checkExternalId(externalId: string | undefined): void {
  if (externalId === undefined) return;
  if (externalId.length < 2 || externalId.length > 1224)
    throw constraintError(
      externalId,
      'externalId',
      `Member must have length ${externalId.length < 2 ? 'greater than or equal to 2' : 'less than or equal to 1224'}`,
    );
  if (!/^[\w+=,.@:/-]*$/.test(externalId))
    throw constraintError(
      externalId,
      'externalId',
      'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*',
    );
}

export function assumeRole(
  p: QueryParams,
  world: World,
  iamOf: (accountId: string) => IamStore | undefined,
  caller: AssumeRoleCaller,
  sessions: Map<string, StsSession>,
): Record<string, XmlValue> {
  const roleArn = p.required('RoleArn');
  const sessionName = p.required('RoleSessionName');
  checkRoleArn(roleArn);
  checkSessionName(sessionName);
  const duration = checkedDuration(p);
  const externalId = p.str('ExternalId');
  checkExternalId(externalId);

  const account = roleArnAccount(roleArn);
  const iam = account === undefined ? undefined : iamOf(account);
  const role = iam?.roleByArn(roleArn);
  const values = new Map<string, string[]>([
    ['aws:principalarn', [caller.arn]],
    ['aws:principalaccount', [caller.account]],
    ...(externalId === undefined ? [] : [['sts:externalid', [externalId]] as [string, string[]]]),
  ]);
  // sts:ExternalId is known even when absent: a trust policy that requires one refuses a call without.
  const context = { values, known: (k: string) => values.has(k) || k === 'sts:externalid' };
  const trusted =
    role !== undefined &&
    trustAllows(
      role.assumeRolePolicyDocument,
      { aws: caller.arns, account: caller.account },
      'sts:AssumeRole',
      context,
    );
  // A missing role and a refusing trust policy answer alike: AWS does not tell them apart.
  if (!iam || !role || !trusted)
    throw new QueryError(
      403,
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  if (caller.chained && duration > CHAINED_LIMIT_SECONDS)
    throw new QueryError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  checkRoleDuration(duration, role);
  return sessionResult(issueSession(p, world, iam, role, { sessionName, duration }, sessions));
}
