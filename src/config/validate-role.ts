// The role podid-action would create for an association: eksctl's stack and policy names, IAM and
// CloudFormation limits on them, and on the tags the stack and the association carry.
import {
  MAX_INLINE_POLICY_CHARS,
  MAX_MANAGED_POLICIES,
  MAX_NAME_LENGTH,
  MAX_TAGS,
  WELL_KNOWN_INLINE,
  WELL_KNOWN_MANAGED,
  checkTag,
  hasPolicy,
  isStackNameChars,
  policySize,
  wellKnownOn,
} from './limits.js';
import type { RawPia } from './read.js';
import type { PiaContext } from './validate-pia.js';
import { quote, type Reader } from './yaml.js';

/** Tags eksctl and podid-action add to a role stack besides the user's (reference §0, DESIGN §5). */
const STACK_TAGS_ADDED = { standalone: 5, addon: 6 };

export function checkTags(r: Reader, pia: RawPia, ctx: PiaContext): void {
  const { spec, path } = pia;
  for (const [key, value] of Object.entries(spec.tags)) {
    const bad = checkTag(key, value);
    if (bad) r.error(pia.tagKeys.get(key) ?? pia.at, `${path}.tags`, bad[0], bad[1]);
  }
  const own = Object.keys(spec.tags).length;
  if (own + 1 > MAX_TAGS) {
    r.error(
      pia.key.tags ?? pia.at,
      `${path}.tags`,
      `${path}.tags has ${own} tags; the association would carry ${own + 1} with podid-action's owner tag, and EKS allows ${MAX_TAGS}`,
      `remove tags to keep at most ${MAX_TAGS - 1}`,
    );
    return;
  }
  if (spec.roleARN) return;
  const merged = new Set([...Object.keys(ctx.metadataTags), ...Object.keys(spec.tags)]).size;
  const total = merged + STACK_TAGS_ADDED.standalone;
  if (total > MAX_TAGS) {
    r.error(
      pia.key.tags ?? pia.at,
      `${path}.tags`,
      `the role stack for ${path} would carry ${total} tags (${merged} from metadata.tags and tags, ${STACK_TAGS_ADDED.standalone} added by eksctl and podid-action); CloudFormation allows ${MAX_TAGS}`,
      'remove tags here or in metadata.tags',
    );
  }
}

/** The stack, inline policy names and sizes of the role podid-action would create (eksctl's naming). */
export function checkGeneratedRole(r: Reader, pia: RawPia, ctx: PiaContext): void {
  const { spec, path } = pia;
  const stack =
    ctx.addon !== undefined
      ? `eksctl-${ctx.cluster}-addon-${ctx.addon}-podidentityrole-${spec.serviceAccountName}`
      : `eksctl-${ctx.cluster}-podidentityrole-${spec.namespace}-${spec.serviceAccountName}`;
  const parts =
    ctx.addon !== undefined
      ? 'cluster, addon or service account name'
      : 'cluster name, namespace or service account name';
  if (stack.length > MAX_NAME_LENGTH) {
    r.error(
      pia.at,
      path,
      `generated stack name ${quote(stack)} is ${stack.length} characters; CloudFormation allows ${MAX_NAME_LENGTH}`,
      `shorten the ${parts}`,
    );
    return;
  }
  if (!isStackNameChars(stack)) {
    const culprit = /[^-a-zA-Z0-9]/.exec(spec.serviceAccountName)
      ? 'service account name'
      : /[^-a-zA-Z0-9]/.exec(ctx.addon ?? '')
        ? 'addon name'
        : 'cluster name (metadata.name)';
    r.error(
      pia.at,
      path,
      `generated stack name ${quote(stack)} is not a valid CloudFormation stack name`,
      `stack names allow only letters, digits and "-"; change the ${culprit}`,
    );
    return;
  }
  const policies: { name: string; what: string }[] = [];
  if (hasPolicy(spec.permissionPolicy)) {
    const n = spec.permissionPolicyName || 'Policy1';
    policies.push({
      name: `${stack}-${n}`,
      what: spec.permissionPolicyName
        ? 'permissionPolicyName'
        : 'the default name Policy1 (set a short permissionPolicyName)',
    });
  }
  for (const wk of wellKnownOn(spec.wellKnownPolicies)) {
    for (const p of WELL_KNOWN_INLINE[wk])
      policies.push({ name: `${stack}-${p.id}`, what: `wellKnownPolicies.${wk}` });
  }
  for (const p of policies) {
    if (p.name.length <= MAX_NAME_LENGTH) continue;
    r.error(
      pia.at,
      path,
      `generated inline policy name ${quote(p.name)} is ${p.name.length} characters; IAM allows ${MAX_NAME_LENGTH} (eksctl bug #5614)`,
      `the name is the stack name plus ${p.what}; shorten the ${parts}`,
    );
  }
  const wk = wellKnownOn(spec.wellKnownPolicies);
  const size =
    (hasPolicy(spec.permissionPolicy) ? policySize(spec.permissionPolicy) : 0) +
    wk.flatMap((w) => WELL_KNOWN_INLINE[w]).reduce((s, p) => s + p.size, 0);
  if (size > MAX_INLINE_POLICY_CHARS) {
    const at = pia.key.permissionPolicy ?? pia.key.wellKnownPolicies ?? pia.at;
    r.error(
      at,
      path,
      `inline policies of the role for ${path} total about ${size} characters; IAM allows ${MAX_INLINE_POLICY_CHARS} per role`,
      'move statements into a customer managed policy and list it in permissionPolicyARNs',
    );
  }
  const managed = spec.permissionPolicyARNs.length + wk.filter((w) => WELL_KNOWN_MANAGED[w]).length;
  if (managed > MAX_MANAGED_POLICIES) {
    r.warn(
      pia.key.permissionPolicyARNs ?? pia.at,
      `${path}.permissionPolicyARNs`,
      `the role for ${path} would have ${managed} managed policies; the IAM quota "Managed policies per role: ${MAX_MANAGED_POLICIES}" applies unless it was raised`,
      'combine policies, or raise the quota in Service Quotas before applying',
    );
  }
}
