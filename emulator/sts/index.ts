// STS (awsQuery, API version 2011-06-15): GetCallerIdentity, AssumeRoleWithWebIdentity and AssumeRole.
// Credentials issued here are remembered in `sessions`, so GetCallerIdentity answers the assumed
// role and the other services can enforce the role's policies (core/authorize.ts). STS is shared by
// the accounts: a session belongs to its role's account, a static key to its own (emulator/accounts.ts).

import { createHash } from 'node:crypto';
import type { AdminRoute } from '../core/admin.js';
import { json } from '../core/admin.js';
import { staticUserArn, type StaticKeys } from '../core/static-keys.js';
import type { ServiceModule, World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import type { OidcIssuer } from '../oidc/issuer.js';
import { queryService, type QueryOperation } from '../query/service.js';
import { assumeRole, type AssumeRoleCaller } from './assume-role.js';
import { roleArnAccount, type StsSession } from './session.js';
import { assumeRoleWithWebIdentity } from './web-identity.js';

export type { StsSession } from './session.js';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Who a set of credentials belongs to. */
export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}

export interface StsService extends ServiceModule {
  /** Access key id → session, for credentials the emulator issued (assumed-role sessions). */
  sessions: Map<string, StsSession>;
  adminRoutes: AdminRoute[];
}

export interface StsDeps {
  /** An account's IAM, undefined for an account that holds nothing. */
  iamOf(accountId: string): IamStore | undefined;
  keys: StaticKeys;
  issuer: OidcIssuer;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A stable `AIDA…` user id per access key, so repeated calls agree. */
function userIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) id += BASE32[digest[i] % 32];
  return id;
}

/** Keys the emulator did not issue belong to one IAM user, `emulator`, of their account. */
export function unknownCaller(accountId: string, accessKeyId: string | undefined): CallerIdentity {
  return {
    UserId: userIdFor(accessKeyId ?? 'anonymous'),
    Account: accountId,
    Arn: staticUserArn(accountId),
  };
}

export function sessionIdentity(session: StsSession): CallerIdentity {
  return {
    UserId: `${session.roleId}:${session.sessionName}`,
    Account: session.accountId,
    Arn: session.assumedRoleArn,
  };
}

const form = (body: string): URLSearchParams => new URLSearchParams(body);

export function createStsService(world: World, deps: StsDeps): StsService {
  const sessions = new Map<string, StsSession>();
  const sessionOf = (accessKeyId: string | undefined): StsSession | undefined =>
    accessKeyId ? sessions.get(accessKeyId) : undefined;
  const callerOf = (accessKeyId: string | undefined): AssumeRoleCaller => {
    const session = sessionOf(accessKeyId);
    if (session)
      return {
        arn: session.assumedRoleArn,
        arns: [session.assumedRoleArn, session.roleArn],
        account: session.accountId,
        chained: true,
      };
    const account = deps.keys.accountOf(accessKeyId);
    return { arn: staticUserArn(account), arns: [staticUserArn(account)], account, chained: false };
  };
  const operations: Record<string, QueryOperation> = {
    GetCallerIdentity: {
      mutating: false,
      handler: (_p, req) => {
        const known = sessionOf(req.accessKeyId);
        return {
          ...(known
            ? sessionIdentity(known)
            : unknownCaller(deps.keys.accountOf(req.accessKeyId), req.accessKeyId)),
        };
      },
    },
    // Both create a session but change no account state: reads for the "plan makes no mutating
    // call" checks.
    AssumeRoleWithWebIdentity: {
      mutating: false,
      handler: (p) => assumeRoleWithWebIdentity(p, world, deps.iamOf, deps.issuer, sessions),
    },
    AssumeRole: {
      mutating: false,
      handler: (p, req) => assumeRole(p, world, deps.iamOf, callerOf(req.accessKeyId), sessions),
    },
  };
  const adminRoutes: AdminRoute[] = [
    {
      // Sessions last at least 900 s; tests expire them on demand instead of waiting.
      method: 'POST',
      path: '/_emulator/sts/expire',
      handle: (req) => {
        const { accessKeyId } = (req.body ? JSON.parse(req.body) : {}) as { accessKeyId?: string };
        let expired = 0;
        for (const s of sessions.values()) {
          if (accessKeyId === undefined || s.accessKeyId === accessKeyId) {
            s.expiresAt = Math.min(s.expiresAt, world.clock.now() - 1000);
            expired++;
          }
        }
        return json(200, { expired });
      },
    },
  ];
  return {
    ...queryService('sts', STS_NAMESPACE, operations),
    // The caller's identity policies must allow sts:AssumeRole on the role; other calls need none.
    resourceArn: (req, op) =>
      op.name === 'AssumeRole' ? (form(req.body).get('RoleArn') ?? '*') : undefined,
    // An unsigned AssumeRoleWithWebIdentity acts in its role's account.
    accountOf: (req, op) =>
      op.name === 'AssumeRoleWithWebIdentity'
        ? roleArnAccount(form(req.body).get('RoleArn') ?? '')
        : undefined,
    sessions,
    adminRoutes,
    reset: () => sessions.clear(),
    dump: () => ({
      sessions: [...sessions.values()].map((s) => ({
        accessKeyId: s.accessKeyId,
        account: s.accountId,
        arn: s.assumedRoleArn,
        roleArn: s.roleArn,
        sessionName: s.sessionName,
        subject: s.subject,
        expiration: new Date(s.expiresAt).toISOString(),
      })),
    }),
    seed: () => {},
  };
}
