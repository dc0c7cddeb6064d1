// The role podid-action would create for an entry: eksctl's stack and inline policy names must fit
// CloudFormation's and IAM's limits, and its policies IAM's quotas.

import {
  addonPodIdentityRoleStackName,
  podIdentityRoleStackName,
} from '../../names/stack-names.js';
import {
  MAX_INLINE_POLICY_CHARS,
  MAX_MANAGED_POLICIES,
  MAX_NAME_LENGTH,
  hasPolicy,
  isStackNameChars,
  policySize,
  wellKnownAttachesManaged,
  wellKnownInline,
  wellKnownOn,
} from '../limits.js';
import { quote } from '../yaml.js';
import type { EntryCheck, EntryRule } from './entry.js';

function stackNameOf(c: EntryCheck): string {
  const { spec, scope } = c;
  return scope.addon !== undefined
    ? addonPodIdentityRoleStackName(scope.cluster, scope.addon, spec.serviceAccountName)
    : podIdentityRoleStackName(scope.cluster, spec.namespace, spec.serviceAccountName);
}

/** The parts of the name a user can shorten, for hints. */
const nameParts = (c: EntryCheck): string =>
  c.scope.addon !== undefined
    ? 'cluster, addon or service account name'
    : 'cluster name, namespace or service account name';

/** False (reported) when the stack name itself is unusable: nothing built on it is checked then. */
function checkStackName(c: EntryCheck, stack: string): boolean {
  if (stack.length > MAX_NAME_LENGTH) {
    c.r.error(
      c.pia.at,
      c.path,
      `generated stack name ${quote(stack)} is ${stack.length} characters; CloudFormation allows ${MAX_NAME_LENGTH}`,
      `shorten the ${nameParts(c)}`,
    );
    return false;
  }
  if (isStackNameChars(stack)) return true;
  const culprit = /[^-a-zA-Z0-9]/.exec(c.spec.serviceAccountName)
    ? 'service account name'
    : /[^-a-zA-Z0-9]/.exec(c.scope.addon ?? '')
      ? 'addon name'
      : 'cluster name (metadata.name)';
  c.r.error(
    c.pia.at,
    c.path,
    `generated stack name ${quote(stack)} is not a valid CloudFormation stack name`,
    `stack names allow only letters, digits and "-"; change the ${culprit}`,
  );
  return false;
}

/** eksctl names inline policies `<stack>-<name>`; long stack names overflow IAM's 128 (eksctl #5614). */
function checkInlinePolicyNames(c: EntryCheck, stack: string): void {
  const { spec } = c;
  const policies: { name: string; what: string }[] = [];
  if (hasPolicy(spec.permissionPolicy)) {
    policies.push({
      name: `${stack}-${spec.permissionPolicyName || 'Policy1'}`,
      what: spec.permissionPolicyName
        ? 'permissionPolicyName'
        : 'the default name Policy1 (set a short permissionPolicyName)',
    });
  }
  for (const wk of wellKnownOn(spec.wellKnownPolicies)) {
    for (const p of wellKnownInline(wk))
      policies.push({ name: `${stack}-${p.id}`, what: `wellKnownPolicies.${wk}` });
  }
  for (const p of policies) {
    if (p.name.length <= MAX_NAME_LENGTH) continue;
    c.r.error(
      c.pia.at,
      c.path,
      `generated inline policy name ${quote(p.name)} is ${p.name.length} characters; IAM allows ${MAX_NAME_LENGTH} (eksctl bug #5614)`,
      `the name is the stack name plus ${p.what}; shorten the ${nameParts(c)}`,
    );
  }
}

function checkPolicyQuotas(c: EntryCheck): void {
  const { spec, pia, path } = c;
  const wk = wellKnownOn(spec.wellKnownPolicies);
  const size =
    (hasPolicy(spec.permissionPolicy) ? policySize(spec.permissionPolicy) : 0) +
    wk.flatMap(wellKnownInline).reduce((s, p) => s + p.size, 0);
  if (size > MAX_INLINE_POLICY_CHARS) {
    c.r.error(
      pia.key.permissionPolicy ?? pia.key.wellKnownPolicies ?? pia.at,
      path,
      `inline policies of the role for ${path} total about ${size} characters; IAM allows ${MAX_INLINE_POLICY_CHARS} per role`,
      'move statements into a customer managed policy and list it in permissionPolicyARNs',
    );
  }
  const managed = spec.permissionPolicyARNs.length + wk.filter(wellKnownAttachesManaged).length;
  if (managed > MAX_MANAGED_POLICIES) {
    c.r.warn(
      pia.key.permissionPolicyARNs ?? pia.at,
      `${path}.permissionPolicyARNs`,
      `the role for ${path} would have ${managed} managed policies; the IAM quota "Managed policies per role: ${MAX_MANAGED_POLICIES}" applies unless it was raised`,
      'combine policies, or raise the quota in Service Quotas before applying',
    );
  }
}

export const generatedRoleRule: EntryRule = (c) => {
  const { spec } = c;
  if (spec.roleARN || !spec.namespace || !spec.serviceAccountName) return;
  const stack = stackNameOf(c);
  if (!checkStackName(c, stack)) return;
  checkInlinePolicyNames(c, stack);
  checkPolicyQuotas(c);
};
