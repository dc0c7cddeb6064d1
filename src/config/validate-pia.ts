// Rules for one pod identity association, standalone (`iam.podIdentityAssociations[i]`) or owned by an
// addon (`addons[j].podIdentityAssociations[i]`). eksctl's rules keep eksctl's text (reference §1.1–§1.2);
// the rest are our own checks for things AWS would reject halfway through an apply.
import {
  NAMESPACE_HINT,
  SA_HINT,
  arnAccount,
  arnHint,
  checkArn,
  checkNamespace,
  checkRoleName,
  checkServiceAccountName,
  hasPolicy,
  hasBadPolicyChars,
  isPolicyNameChars,
  wellKnownOn,
  type ArnKind,
} from './limits.js';
import type { PolicyDocument } from './model.js';
import type { RawPia } from './read.js';
import { checkGeneratedRole, checkTags } from './validate-role.js';
import { quote, type Pos, type Reader } from './yaml.js';

export interface PiaContext {
  cluster: string;
  accountID?: string;
  metadataTags: Record<string, string>;
  /** Set for addon-owned associations. */
  addon?: string;
  /** `addons[j]`, for Problem.path of addon-owned associations. */
  addonPath?: string;
}

export function validatePia(r: Reader, pia: RawPia, ctx: PiaContext): void {
  // A list item that is not a mapping was reported when read; nothing more to say about it.
  if (pia.bad.has('')) return;
  const { spec } = pia;
  // eksctl's messages use the path inside the addon (`podIdentityAssociations[0]`); Problem.path is full.
  const mp = pia.path;
  const path = ctx.addonPath !== undefined ? `${ctx.addonPath}.${mp}` : mp;
  // eksctl's addon messages carry a prefix (Addon.Validate) or a suffix (cluster-config validation).
  const pre = (m: string) =>
    ctx.addon !== undefined ? `invalid configuration for ${quote(ctx.addon)} addon: ${m}` : m;
  const suf = (m: string) =>
    ctx.addon !== undefined ? `${m} (addon: ${ctx.addon})` : `${mp}: ${m}`;
  const k = (key: string): Pos => pia.key[key] ?? pia.at;
  const v = (key: string): Pos => pia.val[key] ?? pia.at;

  if (!spec.namespace && !pia.bad.has('namespace')) {
    const hint =
      ctx.addon !== undefined
        ? "eksctl's code requires it for addon associations although its docs omit it; use the addon's namespace, usually kube-system"
        : 'set namespace to the Kubernetes namespace of the service account';
    r.error(v('namespace'), `${path}.namespace`, pre(`${mp}.namespace must be set`), hint);
  } else if (spec.namespace) {
    const bad = checkNamespace(spec.namespace);
    if (bad) r.error(v('namespace'), `${path}.namespace`, bad, NAMESPACE_HINT);
  }
  if (!spec.serviceAccountName && !pia.bad.has('serviceAccountName')) {
    r.error(
      v('serviceAccountName'),
      `${path}.serviceAccountName`,
      pre(`${mp}.serviceAccountName must be set`),
      'set serviceAccountName to the Kubernetes service account the pods use',
    );
  } else if (spec.serviceAccountName) {
    const bad = checkServiceAccountName(spec.serviceAccountName);
    if (bad) r.error(v('serviceAccountName'), `${path}.serviceAccountName`, bad, SA_HINT);
  }

  const sources = {
    permissionPolicy: hasPolicy(spec.permissionPolicy),
    permissionPolicyARNs: spec.permissionPolicyARNs.length > 0,
    wellKnownPolicies: wellKnownOn(spec.wellKnownPolicies).length > 0,
  };
  const anyBad = ['roleARN', ...Object.keys(sources)].some((f) => pia.bad.has(f));
  if (
    !spec.roleARN &&
    !anyBad &&
    !sources.permissionPolicy &&
    !sources.permissionPolicyARNs &&
    !sources.wellKnownPolicies
  ) {
    const list = ['roleARN', 'permissionPolicy', 'permissionPolicyARNs', 'wellKnownPolicies'].map(
      (f) => `${mp}.${f}`,
    );
    r.error(
      pia.at,
      path,
      pre(`at least one of the following must be specified: ${list.join(', ')}`),
      'give an existing roleARN, or the policies for the role podid-action should create',
    );
  }
  if (spec.roleARN) {
    for (const f of Object.keys(sources) as (keyof typeof sources)[]) {
      if (!sources[f]) continue;
      r.error(
        k(f),
        `${path}.${f}`,
        pre(`${mp}.${f} cannot be specified when ${mp}.roleARN is set`),
        `remove ${f}, or remove roleARN to let podid-action create the role`,
      );
    }
    for (const f of ['roleName', 'permissionsBoundaryARN'] as const) {
      if (spec[f] === undefined) continue;
      r.warn(
        k(f),
        `${path}.${f}`,
        `${path}.${f} is ignored because ${path}.roleARN is set`,
        `remove ${f}; it only applies to a role podid-action creates`,
      );
    }
  }

  if (ctx.addon !== undefined) {
    if (sources.wellKnownPolicies || pia.key.wellKnownPolicies) {
      r.error(
        k('wellKnownPolicies'),
        `${path}.wellKnownPolicies`,
        suf(
          'wellKnownPolicies is not supported for addon.podIdentityAssociations; use addon.useDefaultPodIdentityAssociations instead',
        ),
        'remove wellKnownPolicies from the addon association',
      );
    }
    if (pia.key.tags) {
      r.error(
        k('tags'),
        `${path}.tags`,
        suf('tags is not supported for addon.podIdentityAssociations'),
        'remove tags from the addon association; put them on the addon instead',
      );
    }
    for (const f of ['targetRoleARN', 'disableSessionTags', 'policy'] as const) {
      if (spec[f] === undefined) continue;
      r.warn(
        k(f),
        `${path}.${f}`,
        `${path}.${f} is not supported for addon.podIdentityAssociations and is ignored`,
        'the EKS addon API takes only serviceAccount and roleArn; remove the field',
      );
    }
  }

  if (spec.permissionPolicyName !== undefined) {
    const name = spec.permissionPolicyName;
    if (!sources.permissionPolicy) {
      r.error(
        k('permissionPolicyName'),
        `${path}.permissionPolicyName`,
        suf('permissionPolicyName requires permissionPolicy to be set'),
        'add permissionPolicy or remove permissionPolicyName',
      );
    } else if (!/[A-Za-z0-9]/.test(name)) {
      r.error(
        v('permissionPolicyName'),
        `${path}.permissionPolicyName`,
        suf(`permissionPolicyName ${quote(name)} must contain at least one alphanumeric character`),
        'use a name such as S3Access',
      );
    } else if (!isPolicyNameChars(name)) {
      r.error(
        v('permissionPolicyName'),
        `${path}.permissionPolicyName`,
        `${path}.permissionPolicyName ${quote(name)} contains characters IAM does not allow in a policy name`,
        'use letters, digits and + = , . @ _ -',
      );
    }
  }

  if (ctx.addon === undefined && spec.policy !== undefined && spec.disableSessionTags !== true) {
    r.error(
      k('policy'),
      `${path}.policy`,
      '--disable-session-tags must be set to true when using --policy',
      'set disableSessionTags: true on this association; EKS accepts a session policy only with session tags disabled',
    );
  }
  if (spec.policy !== undefined) checkSessionPolicy(r, spec.policy, v('policy'), `${path}.policy`);

  arn(r, spec.roleARN, 'role', v('roleARN'), `${path}.roleARN`);
  arn(r, spec.targetRoleARN, 'role', v('targetRoleARN'), `${path}.targetRoleARN`);
  arn(
    r,
    spec.permissionsBoundaryARN,
    'policy',
    v('permissionsBoundaryARN'),
    `${path}.permissionsBoundaryARN`,
  );
  spec.permissionPolicyARNs.forEach((a, i) =>
    arn(
      r,
      a,
      'policy',
      pia.items.permissionPolicyARNs?.[i] ?? v('permissionPolicyARNs'),
      `${path}.permissionPolicyARNs[${i}]`,
    ),
  );
  const acct = spec.roleARN ? arnAccount(spec.roleARN) : undefined;
  if (acct && ctx.accountID && acct !== ctx.accountID) {
    r.error(
      v('roleARN'),
      `${path}.roleARN`,
      `${path}.roleARN is in account ${acct}, not in the cluster's account ${ctx.accountID}`,
      'EKS needs a role in the cluster account; use targetRoleARN for a role in another account',
    );
  }
  if (spec.roleName !== undefined && !spec.roleARN) {
    const bad = checkRoleName(spec.roleName);
    if (bad)
      r.error(v('roleName'), `${path}.roleName`, bad, 'use 1–64 letters, digits and + = , . @ _ -');
  }
  if (sources.permissionPolicy)
    checkDocument(r, spec.permissionPolicy!, v('permissionPolicy'), `${path}.permissionPolicy`);
  if (ctx.addon === undefined) checkTags(r, pia, ctx);
  if (!spec.roleARN && spec.namespace && spec.serviceAccountName)
    checkGeneratedRole(r, { ...pia, path }, ctx);
}

function arn(r: Reader, value: string | undefined, kind: ArnKind, at: Pos, path: string): void {
  if (value === undefined) return;
  const bad = checkArn(value, kind);
  if (bad) r.error(at, path, `${path}: ${bad}`, arnHint(kind));
}

export function checkDocument(r: Reader, doc: PolicyDocument, at: Pos, path: string): void {
  const version = doc.Version;
  if (version === undefined || doc.Statement === undefined) {
    const missing = ['Version', 'Statement'].filter((f) => doc[f] === undefined).join(' and ');
    r.error(
      at,
      path,
      `${path} is not an IAM policy document: ${missing} missing`,
      'an IAM policy needs Version: "2012-10-17" and a Statement list',
    );
    return;
  }
  if (version !== '2012-10-17' && version !== '2008-10-17') {
    r.error(
      at,
      `${path}.Version`,
      `${path}.Version must be "2012-10-17", got ${quote(String(version))}`,
      'quote the date: Version: "2012-10-17"',
    );
  }
  const st = doc.Statement;
  const ok = Array.isArray(st) ? st.length > 0 && st.every(isObject) : isObject(st);
  if (!ok) {
    r.error(
      at,
      `${path}.Statement`,
      `${path}.Statement must be a statement or a non-empty list of statements`,
      'each statement is a mapping with Effect, Action and Resource',
    );
  }
  if (hasBadPolicyChars(doc)) {
    r.error(
      at,
      path,
      `${path} contains characters IAM does not accept in a policy`,
      'policies may contain only printable Latin-1 characters, tab and newlines',
    );
  }
}

function isObject(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkSessionPolicy(r: Reader, text: string, at: Pos, path: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    r.error(
      at,
      path,
      `${path} is not valid JSON: ${quote(text)}`,
      'write the session policy as a JSON string, e.g. policy: \'{"Version":"2012-10-17","Statement":[...]}\'',
    );
    return;
  }
  if (!isObject(parsed)) {
    r.error(
      at,
      path,
      `${path} must be a JSON object (an IAM policy document)`,
      'write the session policy as a JSON policy document',
    );
  }
}
