// Does a role's trust policy let EKS Pod Identity assume it? EKS checks this at
// CreatePodIdentityAssociation time; we check it at plan time so the reviewer sees it first.
// Needed: pods.eks.amazonaws.com allowed both sts:AssumeRole and sts:TagSession, not denied.

import { POD_IDENTITY_PRINCIPAL } from '../cfn/role-template.js';

export const REQUIRED_TRUST_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** IAM action patterns: case-insensitive, `*` any run of characters, `?` one character. */
function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}

function statementNamesAction(statement: Json, action: string): boolean {
  return asList(statement.Action).some((p) => typeof p === 'string' && actionMatches(p, action));
}

/** The statement's principal covers the pod identity service (or everyone). */
function statementNamesPodsPrincipal(statement: Json): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  if (asList(principal.AWS).includes('*')) return true;
  return asList(principal.Service).some(
    (s) => typeof s === 'string' && s.toLowerCase() === POD_IDENTITY_PRINCIPAL,
  );
}

/** The actions the pod identity service may not perform under this trust policy. */
export function missingPodIdentityTrust(document: unknown): string[] {
  const statements = isObject(document) ? asList(document.Statement).filter(isObject) : [];
  const applies = (s: Json, effect: string, action: string): boolean =>
    s.Effect === effect && statementNamesPodsPrincipal(s) && statementNamesAction(s, action);
  return REQUIRED_TRUST_ACTIONS.filter((action) => {
    const allowed = statements.some((s) => applies(s, 'Allow', action));
    // A conditional Deny cannot be evaluated here; only an unconditional one is certain to deny.
    const denied = statements.some((s) => applies(s, 'Deny', action) && s.Condition === undefined);
    return !allowed || denied;
  });
}

export function trustsPodIdentity(document: unknown): boolean {
  return missingPodIdentityTrust(document).length === 0;
}
