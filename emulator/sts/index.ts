// STS (awsQuery, API version 2011-06-15). GetCallerIdentity only for now; AssumeRoleWithWebIdentity
// will register the credentials it issues in `sessions` so that GetCallerIdentity (and later the
// other services) can tell which role a caller assumed.

import { createHash } from 'node:crypto';
import type { ServiceModule, World } from '../core/types.js';
import { queryService, type QueryOperation } from '../query/service.js';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Who a set of credentials belongs to. */
export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}

export interface StsService extends ServiceModule {
  /** Access key id → identity, for credentials the emulator issued (assumed-role sessions). */
  sessions: Map<string, CallerIdentity>;
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

export function createStsService(world: World): StsService {
  const sessions = new Map<string, CallerIdentity>();
  const operations: Record<string, QueryOperation> = {
    GetCallerIdentity: {
      mutating: false,
      handler: (_p, req) => {
        const known = req.accessKeyId ? sessions.get(req.accessKeyId) : undefined;
        return { ...(known ?? unknownCaller(world, req.accessKeyId)) };
      },
    },
  };
  return {
    ...queryService('sts', STS_NAMESPACE, operations),
    sessions,
    reset: () => sessions.clear(),
    dump: () => ({ sessions: Object.fromEntries(sessions) }),
    seed: () => {},
  };
}
