// Role checks EKS makes before it accepts a pod identity association (aws-api.md §2): the ARN is
// well-formed, the role is in the cluster's account, it exists (and IAM has propagated it), and its
// trust policy lets pods.eks.amazonaws.com call both sts:AssumeRole and sts:TagSession.

import type { World } from '../core/types.js';
import { invalidParameter, type ErrorContext } from './errors.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
const TRUST_INVALID =
  'Trust policy of the role provided is invalid. Follow the official documentation to resolve the issue.';

/** Is `arn` a well-formed IAM role ARN (any account)? */
export const isRoleArn = (arn: string): boolean => ROLE_ARN.test(arn);

/** Account id of a well-formed role ARN; InvalidParameterException "Invalid Role Arn" otherwise. */
export function roleAccount(arn: string, context?: ErrorContext): string {
  const match = ROLE_ARN.exec(arn);
  if (!match) throw invalidParameter(`Invalid Role Arn: '${arn}'`, context);
  return match[1];
}

/** Full check of an association's (or add-on association's) roleArn. */
export function checkPodIdentityRole(world: World, arn: string, context?: ErrorContext): void {
  const account = roleAccount(arn, context);
  if (account !== world.accountId) {
    // Not captured from AWS; the rule (role in the cluster's account) is documented in aws-api.md §2.
    throw invalidParameter(
      `Role ${arn} must be in the same account as the cluster (${world.accountId}).`,
      context,
    );
  }
  const role = world.iam?.getRoleByArn(arn);
  const propagated =
    role !== undefined &&
    world.clock.now() >= role.createdAt + world.clock.real(world.durations.iamPropagation);
  if (!role || !propagated) {
    throw invalidParameter('Role provided in the request does not exist', context);
  }
  if (!trustsPodIdentity(role.assumeRolePolicyDocument)) {
    throw invalidParameter(TRUST_INVALID, context);
  }
}

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
}

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** IAM wildcard match (`*`, `?`), case-insensitive as IAM action names are. */
function globMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(value);
}

function coversPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  const services = asList((principal as Record<string, unknown>).Service);
  return services.some((s) => s === POD_IDENTITY_PRINCIPAL || s === '*');
}

function coversAction(statement: Statement, action: string): boolean {
  if (statement.NotAction !== undefined) {
    return !asList(statement.NotAction).some((p) => typeof p === 'string' && globMatch(p, action));
  }
  return asList(statement.Action).some((p) => typeof p === 'string' && globMatch(p, action));
}

/**
 * True when some Allow statement grants the service principal both actions and no Deny statement
 * takes either away. Conditions are not evaluated (EKS accepts trust policies with conditions on
 * the session tags, and the emulator cannot know the request context).
 */
export function trustsPodIdentity(document: string): boolean {
  let policy: unknown;
  try {
    policy = JSON.parse(decodeIfEncoded(document));
  } catch {
    return false;
  }
  if (policy === null || typeof policy !== 'object') return false;
  const statements = asList((policy as { Statement?: unknown }).Statement).filter(
    (s): s is Statement => s !== null && typeof s === 'object',
  );
  const allowed = (action: string): boolean =>
    statements.some(
      (s) => s.Effect === 'Allow' && coversPrincipal(s.Principal) && coversAction(s, action),
    ) &&
    !statements.some(
      (s) => s.Effect === 'Deny' && coversPrincipal(s.Principal) && coversAction(s, action),
    );
  return allowed('sts:AssumeRole') && allowed('sts:TagSession');
}

/** IAM hands documents back URL-encoded; accept either form from the role store. */
function decodeIfEncoded(document: string): string {
  const trimmed = document.trim();
  if (trimmed.startsWith('{')) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}
