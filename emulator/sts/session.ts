// What STS's AssumeRole* calls share (aws-api.md §6): the checks of RoleArn, RoleSessionName and
// DurationSeconds, and the session they issue. A session acts in the account of its role: the
// emulator routes every call signed with its key to that account (emulator/accounts.ts).

import { randomBytes } from 'node:crypto';
import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { XmlValue } from '../query/xml.js';
import type { World } from '../core/types.js';
import type { IamStore, Role } from '../iam/store.js';

/** Credentials the emulator issued, and whom they belong to. */
export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** The account of the role: where calls signed with this session act. */
  accountId: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `arn:aws:sts::<acct>:assumed-role/<role>/<session>` */
  assumedRoleArn: string;
  expiresAt: number;
  /** Session policies passed with `Policy` / `PolicyArns` (documents), if any. */
  sessionPolicies?: string[];
  /** The web identity's subject and audience (AssumeRoleWithWebIdentity only). */
  subject?: string;
  audience?: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomBase32 = (n: number): string => [...randomBytes(n)].map((b) => BASE32[b % 32]).join('');

/** The account of a role ARN, or undefined when it is not one. */
export const roleArnAccount = (arn: string): string | undefined =>
  /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(arn)?.[1];

export function checkRoleArn(roleArn: string): void {
  if (roleArn.length < 20)
    throw constraintError(
      roleArn,
      'roleArn',
      'Member must have length greater than or equal to 20',
    );
}

export function checkSessionName(sessionName: string): void {
  if (sessionName.length < 2)
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must have length greater than or equal to 2',
    );
  if (sessionName.length > 64)
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must have length less than or equal to 64',
    );
  if (!/^[\w+=,.@-]*$/.test(sessionName))
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
}

/** DurationSeconds (default 3600) within the model's 900–43200. */
export function checkedDuration(p: QueryParams): number {
  const duration = p.int('DurationSeconds') ?? 3600;
  if (duration < 900)
    throw constraintError(
      String(duration),
      'durationSeconds',
      'Member must have value greater than or equal to 900',
    );
  if (duration > 43200)
    throw constraintError(
      String(duration),
      'durationSeconds',
      'Member must have value less than or equal to 43200',
    );
  return duration;
}

/** The role's own limit, checked once the role is known. */
export function checkRoleDuration(duration: number, role: Role): void {
  if (duration > role.maxSessionDuration)
    throw new QueryError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
}

/** A new session of `role` (in `iam`'s account), remembered in `sessions`. */
export function issueSession(
  p: QueryParams,
  world: World,
  iam: IamStore,
  role: Role,
  input: { sessionName: string; duration: number },
  sessions: Map<string, StsSession>,
): StsSession {
  const sessionPolicies = [
    ...(p.str('Policy') ? [p.str('Policy')!] : []),
    ...(p.structList('PolicyArns') ?? []).map((a) => iam.policyDocument(a.arn ?? '')),
  ];
  const session: StsSession = {
    accessKeyId: `ASIA${randomBase32(16)}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    // Real session tokens are long opaque base64 starting with this prefix.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`,
    accountId: iam.accountId,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName: input.sessionName,
    assumedRoleArn: `arn:aws:sts::${iam.accountId}:assumed-role/${role.roleName}/${input.sessionName}`,
    expiresAt: world.clock.now() + input.duration * 1000,
    sessionPolicies: sessionPolicies.length > 0 ? sessionPolicies : undefined,
  };
  sessions.set(session.accessKeyId, session);
  return session;
}

/** The `Credentials`, `AssumedRoleUser` and `PackedPolicySize` members of an AssumeRole* result. */
export function sessionResult(session: StsSession): Record<string, XmlValue> {
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(Math.floor(session.expiresAt / 1000) * 1000),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${session.roleId}:${session.sessionName}`,
      Arn: session.assumedRoleArn,
    },
    PackedPolicySize: session.sessionPolicies ? 6 : undefined,
  };
}
