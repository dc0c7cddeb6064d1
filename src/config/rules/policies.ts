// What a role may do: managed policy ARNs, the permissions boundary, the inline permission policy
// (its name and document), and the session policy that further limits an association.

import {
  DEFAULT_PERMISSION_POLICY_NAME,
  ROLE_LOGICAL_ID,
  permissionPolicyLogicalId,
} from '../../names/template-ids.js';
import { WELL_KNOWN_INLINE_POLICY_IDS } from '../../names/well-known-policies.js';
import { hasBadPolicyChars, hasPolicy, isPolicyNameChars, wellKnownOn } from '../limits.js';
import type { PolicyDocument } from '../model.js';
import { quote, type Pos, type Reader } from '../yaml.js';
import { checkArnField } from './arn-field.js';
import type { EntryRule } from './entry.js';

export const permissionPolicyNameRule: EntryRule = (c) => {
  const name = c.spec.permissionPolicyName;
  if (name === undefined) return;
  const path = `${c.path}.permissionPolicyName`;
  if (!hasPolicy(c.spec.permissionPolicy)) {
    c.r.error(
      c.keyAt('permissionPolicyName'),
      path,
      c.suffixed('permissionPolicyName requires permissionPolicy to be set'),
      'add permissionPolicy or remove permissionPolicyName',
    );
  } else if (!/[A-Za-z0-9]/.test(name)) {
    c.r.error(
      c.valAt('permissionPolicyName'),
      path,
      c.suffixed(
        `permissionPolicyName ${quote(name)} must contain at least one alphanumeric character`,
      ),
      'use a name such as S3Access',
    );
  } else if (!isPolicyNameChars(name)) {
    c.r.error(
      c.valAt('permissionPolicyName'),
      path,
      `${path} ${quote(name)} contains characters IAM does not allow in a policy name`,
      'use letters, digits and + = , . @ _ -',
    );
  }
};

/**
 * The inline permission policy and the well-known ones share the template's resource ids: a name
 * that sanitizes to `PolicyAutoScaling` (or `Role1`) would replace that resource, and eksctl keeps
 * whichever it writes last without a word (its AttachPolicy / NewResource overwrite). Refused here.
 */
export const inlinePolicyNameCollisionRule: EntryRule = (c) => {
  const { spec } = c;
  if (!hasPolicy(spec.permissionPolicy)) return;
  const id = permissionPolicyLogicalId(spec.permissionPolicyName);
  const taken =
    id === ROLE_LOGICAL_ID
      ? 'the role itself (Role1)'
      : wellKnownOn(spec.wellKnownPolicies)
          .filter((name) => WELL_KNOWN_INLINE_POLICY_IDS[name].includes(id))
          .map((name) => `wellKnownPolicies.${name}`)[0];
  if (!taken) return;
  const named = spec.permissionPolicyName ?? DEFAULT_PERMISSION_POLICY_NAME;
  c.r.error(
    c.keyAt(spec.permissionPolicyName !== undefined ? 'permissionPolicyName' : 'permissionPolicy'),
    `${c.path}.permissionPolicyName`,
    `permissionPolicyName ${quote(named)} names the same CloudFormation resource (${id}) as ${taken}: one of the two policies would be silently dropped`,
    'give the inline policy another permissionPolicyName',
  );
};

/** EKS accepts a session policy only with session tags disabled (eksctl checks it for standalone entries). */
export const sessionPolicyNeedsNoSessionTagsRule: EntryRule = (c) => {
  const { spec } = c;
  if (c.scope.addon !== undefined || spec.policy === undefined || spec.disableSessionTags === true)
    return;
  c.r.error(
    c.keyAt('policy'),
    `${c.path}.policy`,
    '--disable-session-tags must be set to true when using --policy',
    'set disableSessionTags: true on this association; EKS accepts a session policy only with session tags disabled',
  );
};

export const sessionPolicyJsonRule: EntryRule = (c) => {
  const text = c.spec.policy;
  if (text === undefined) return;
  const at = c.valAt('policy');
  const path = `${c.path}.policy`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    c.r.error(
      at,
      path,
      `${path} is not valid JSON: ${quote(text)}`,
      'write the session policy as a JSON string, e.g. policy: \'{"Version":"2012-10-17","Statement":[...]}\'',
    );
    return;
  }
  if (!isObject(parsed)) {
    c.r.error(
      at,
      path,
      `${path} must be a JSON object (an IAM policy document)`,
      'write the session policy as a JSON policy document',
    );
  }
};

export const policyArnShapesRule: EntryRule = (c) => {
  const { spec, pia } = c;
  checkArnField(
    c.r,
    spec.permissionsBoundaryARN,
    'policy',
    c.valAt('permissionsBoundaryARN'),
    `${c.path}.permissionsBoundaryARN`,
  );
  spec.permissionPolicyARNs.forEach((arn, i) =>
    checkArnField(
      c.r,
      arn,
      'policy',
      pia.items.permissionPolicyARNs?.[i] ?? c.valAt('permissionPolicyARNs'),
      `${c.path}.permissionPolicyARNs[${i}]`,
    ),
  );
};

export const permissionPolicyDocumentRule: EntryRule = (c) => {
  if (!hasPolicy(c.spec.permissionPolicy)) return;
  checkDocument(
    c.r,
    c.spec.permissionPolicy!,
    c.valAt('permissionPolicy'),
    `${c.path}.permissionPolicy`,
  );
};

/** The shape IAM requires of a policy document: Version, Statement, and Latin-1 text. */
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
      `${path}.Version must be "2012-10-17", got ${quote(typeof version === 'object' ? JSON.stringify(version) : String(version))}`,
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
