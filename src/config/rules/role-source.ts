// Where an entry's role comes from: an existing `roleARN`, or the policies of a role podid-action
// creates (eksctl's "at least one of" and "cannot be specified when roleARN is set" rules).

import { checkRoleName, hasPolicy, wellKnownOn } from '../limits.js';
import type { PodIdentityAssociationSpec } from '../model.js';
import { checkArnField } from './arn-field.js';
import type { EntryRule } from './entry.js';

const POLICY_SOURCES = ['permissionPolicy', 'permissionPolicyARNs', 'wellKnownPolicies'] as const;
type PolicySource = (typeof POLICY_SOURCES)[number];

/** Which of the policy sources of a created role the entry sets. */
export function policySources(spec: PodIdentityAssociationSpec): Record<PolicySource, boolean> {
  return {
    permissionPolicy: hasPolicy(spec.permissionPolicy),
    permissionPolicyARNs: spec.permissionPolicyARNs.length > 0,
    wellKnownPolicies: wellKnownOn(spec.wellKnownPolicies).length > 0,
  };
}

export const roleSourceRequiredRule: EntryRule = (c) => {
  const { spec, pia } = c;
  const sources = policySources(spec);
  // A field with a type problem was reported already; it is neither set nor missing.
  if (spec.roleARN || ['roleARN', ...POLICY_SOURCES].some((f) => pia.bad.has(f))) return;
  if (POLICY_SOURCES.some((f) => sources[f])) return;
  const list = ['roleARN', ...POLICY_SOURCES].map((f) => `${c.local}.${f}`);
  c.r.error(
    pia.at,
    c.path,
    c.prefixed(`at least one of the following must be specified: ${list.join(', ')}`),
    'give an existing roleARN, or the policies for the role podid-action should create',
  );
};

export const roleArnExclusiveRule: EntryRule = (c) => {
  const { spec, local } = c;
  if (!spec.roleARN) return;
  const sources = policySources(spec);
  for (const f of POLICY_SOURCES) {
    if (!sources[f]) continue;
    c.r.error(
      c.keyAt(f),
      `${c.path}.${f}`,
      c.prefixed(`${local}.${f} cannot be specified when ${local}.roleARN is set`),
      `remove ${f}, or remove roleARN to let podid-action create the role`,
    );
  }
  for (const f of ['roleName', 'permissionsBoundaryARN'] as const) {
    if (spec[f] === undefined) continue;
    c.r.warn(
      c.keyAt(f),
      `${c.path}.${f}`,
      `${c.path}.${f} is ignored because ${c.path}.roleARN is set`,
      `remove ${f}; it only applies to a role podid-action creates`,
    );
  }
};

export const roleArnShapeRule: EntryRule = (c) =>
  checkArnField(c.r, c.spec.roleARN, 'role', c.valAt('roleARN'), `${c.path}.roleARN`);

export const roleNameRule: EntryRule = (c) => {
  const { spec } = c;
  if (spec.roleName === undefined || spec.roleARN) return;
  const bad = checkRoleName(spec.roleName);
  if (bad) {
    c.r.error(
      c.valAt('roleName'),
      `${c.path}.roleName`,
      bad,
      'use 1–64 letters, digits and + = , . @ _ -',
    );
  }
};
