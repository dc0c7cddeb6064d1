// STS (awsQuery, API version 2011-06-15): GetCallerIdentity and AssumeRoleWithWebIdentity.
// Credentials issued here are remembered in `sessions`, so GetCallerIdentity answers the assumed
// role and the other services can enforce the role's policies (core/authorize.ts).

import { createHash } from 'node:crypto';
import type { AdminRoute } from '../core/admin.js';
import { json } from '../core/admin.js';
import type { ServiceModule, World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import type { OidcIssuer } from '../oidc/issuer.js';
import { queryService, type QueryOperation } from '../query/service.js';
import { assumeRoleWithWebIdentity, type StsSession } from './web-identity.js';

export type { StsSession } from './web-identity.js';

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

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A stable `AIDA…` user id per access key, so repeated calls agree. */
function userIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) id += BASE32[digest[i] % 32];
  return id;
}

/** Keys the emulator did not issue belong to one IAM user, `emulator`, in the world's account. */
export function unknownCaller(world: World, accessKeyId: string | undefined): CallerIdentity {
  return {
    UserId: userIdFor(accessKeyId ?? 'anonymous'),
    Account: world.accountId,
    Arn: `arn:aws:iam::${world.accountId}:user/emulator`,
  };
}

export function sessionIdentity(world: World, session: StsSession): CallerIdentity {
  return {
    UserId: `${session.roleId}:${session.sessionName}`,
    Account: world.accountId,
    Arn: session.assumedRoleArn,
  };
}

export function createStsService(world: World, iam: IamStore, issuer: OidcIssuer): StsService {
  const sessions = new Map<string, StsSession>();
  const operations: Record<string, QueryOperation> = {
    GetCallerIdentity: {
      mutating: false,
      handler: (_p, req) => {
        const known = req.accessKeyId ? sessions.get(req.accessKeyId) : undefined;
        return {
          ...(known ? sessionIdentity(world, known) : unknownCaller(world, req.accessKeyId)),
        };
      },
    },
    AssumeRoleWithWebIdentity: {
      // It creates a session but changes no account state: a read for the "plan makes no
      // mutating call" checks.
      mutating: false,
      handler: (p) => assumeRoleWithWebIdentity(p, world, iam, issuer, sessions),
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
    sessions,
    adminRoutes,
    reset: () => sessions.clear(),
    dump: () => ({
      sessions: [...sessions.values()].map((s) => ({
        accessKeyId: s.accessKeyId,
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
