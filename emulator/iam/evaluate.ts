// IAM policy evaluation, the part the emulator needs: identity policies (with a permissions boundary
// and session policies as extra gates) for calls made with assumed-role credentials, and trust
// policies for AssumeRoleWithWebIdentity and AssumeRole. Explicit Deny wins, then an Allow, else implicit deny.
//
// Conditions on keys the emulator does not model are given the benefit of the doubt: such an Allow
// still allows and such a Deny does not deny (see docs/emulator.md, "Enforcement").

import { evaluateConditions, type ConditionContext } from './conditions.js';
import { globMatch } from './glob.js';

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

export type Effect = 'Allow' | 'Deny' | 'None';

export interface AuthorizationRequest {
  /** `<service prefix>:<Operation>`, e.g. `eks:CreatePodIdentityAssociation`. */
  action: string;
  resource: string;
  context: ConditionContext;
}

const list = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => String(v));

export function statementsOf(document: string): Statement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return statements.filter((s): s is Statement => typeof s === 'object' && s !== null);
}

const actionMatches = (s: Statement, action: string): boolean =>
  s.NotAction !== undefined
    ? !list(s.NotAction).some((p) => globMatch(p, action, true))
    : list(s.Action).some((p) => globMatch(p, action, true));

const resourceMatches = (s: Statement, resource: string): boolean =>
  s.NotResource !== undefined
    ? !list(s.NotResource).some((p) => globMatch(p, resource, false))
    : s.Resource === undefined || list(s.Resource).some((p) => globMatch(p, resource, false));

/** The effect of one set of statements on a request (Deny > Allow > None). */
export function effectOf(
  statements: Statement[],
  request: AuthorizationRequest,
  extra?: (s: Statement) => boolean,
): Effect {
  let allowed = false;
  for (const s of statements) {
    if (!actionMatches(s, request.action) || !resourceMatches(s, request.resource)) continue;
    if (extra && !extra(s)) continue;
    const condition = evaluateConditions(s.Condition, request.context);
    if (s.Effect === 'Deny' && condition === true) return 'Deny';
    if (s.Effect === 'Allow' && condition !== false) allowed = true;
  }
  return allowed ? 'Allow' : 'None';
}

export interface IdentityPolicies {
  /** Inline and attached policy documents of the role. */
  identity: string[];
  /** The permissions boundary document, when the role has one. */
  boundary?: string;
  /** Session policies (AssumeRole* `Policy` / `PolicyArns`), when the session has any. */
  session?: string[];
}

export interface Verdict {
  allowed: boolean;
  /** Why, in AWS's words for the message tail: `explicit deny in an identity-based policy`, … */
  reason: string;
}

export function authorize(policies: IdentityPolicies, request: AuthorizationRequest): Verdict {
  const identity = effectOf(policies.identity.flatMap(statementsOf), request);
  const boundary =
    policies.boundary === undefined
      ? undefined
      : effectOf(statementsOf(policies.boundary), request);
  const session =
    policies.session === undefined
      ? undefined
      : effectOf(policies.session.flatMap(statementsOf), request);
  if (identity === 'Deny')
    return { allowed: false, reason: 'with an explicit deny in an identity-based policy' };
  if (boundary === 'Deny')
    return { allowed: false, reason: 'with an explicit deny in a permissions boundary' };
  if (session === 'Deny')
    return { allowed: false, reason: 'with an explicit deny in a session policy' };
  if (identity !== 'Allow')
    return { allowed: false, reason: 'because no identity-based policy allows the' };
  if (boundary !== undefined && boundary !== 'Allow')
    return { allowed: false, reason: 'because no permissions boundary allows the' };
  if (session !== undefined && session !== 'Allow')
    return { allowed: false, reason: 'because no session policy allows the' };
  return { allowed: true, reason: '' };
}

/** Who asks to assume a role, as a trust policy's `Principal` names it. */
export type TrustPrincipal =
  /** A web identity: the IAM OIDC provider's ARN. */
  | { federated: string }
  /** An IAM principal (AssumeRole): its ARNs (the role and its session, or the user) and account. */
  | { aws: string[]; account: string };

/** Does an `AWS` principal value name the caller: itself, its account (`root` or the id), or anyone? */
function namesAwsPrincipal(value: string, caller: { aws: string[]; account: string }): boolean {
  if (value === '*' || value === caller.account) return true;
  const root = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(value);
  return root ? root[1] === caller.account : caller.aws.includes(value);
}

/** Does a trust policy let `principal` call `action` (sts:AssumeRole*)? */
export function trustAllows(
  document: string,
  principal: TrustPrincipal,
  action: string,
  context: ConditionContext,
): boolean {
  const principalMatches = (s: Statement): boolean => {
    if (s.Principal === '*') return true;
    if (typeof s.Principal !== 'object' || s.Principal === null) return false;
    const named = s.Principal as Record<string, unknown>;
    return 'federated' in principal
      ? list(named.Federated).some((p) => p === principal.federated)
      : list(named.AWS).some((p) => namesAwsPrincipal(p, principal));
  };
  // Trust policies have no Resource; `*` passes resourceMatches.
  const effect = effectOf(
    statementsOf(document),
    { action, resource: '*', context },
    principalMatches,
  );
  return effect === 'Allow';
}
