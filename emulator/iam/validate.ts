// IAM input validation with AWS's error codes and texts (aws-api.md §4).

import { constraintError, QueryError } from '../query/errors.js';

// A type alias (not an interface) so it fits XmlValue's index signature.
export type Tag = {
  Key: string;
  Value: string;
};

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^(\/|\/[\u0021-\u007E]+\/)$/;
// Tab, LF, CR and U+0020–U+00FF: the characters IAM accepts in a policy document.
// eslint-disable-next-line no-control-regex
const DOCUMENT_CHARS = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function checkLength(value: string, member: string, min: number, max: number): void {
  if (value.length < min)
    throw constraintError(value, member, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw constraintError(value, member, `Member must have length less than or equal to ${max}`);
}

/** Role, policy and inline policy names share one pattern; only the length differs. */
export function checkName(value: string, member: string, max: number): void {
  checkLength(value, member, 1, max);
  if (!NAME_PATTERN.test(value))
    throw constraintError(
      value,
      member,
      'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
    );
}

export function checkPath(value: string, member = 'path'): void {
  checkLength(value, member, 1, 512);
  if (!PATH_PATTERN.test(value))
    throw constraintError(
      value,
      member,
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
}

export function checkRange(value: number, member: string, min: number, max: number): void {
  if (value < min)
    throw constraintError(
      String(value),
      member,
      `Member must have value greater than or equal to ${min}`,
    );
  if (value > max)
    throw constraintError(
      String(value),
      member,
      `Member must have value less than or equal to ${max}`,
    );
}

export function checkTags(tags: Tag[], member = 'tags'): void {
  if (tags.length > 50)
    throw constraintError(
      `[${tags.map((t) => `${t.Key}=${t.Value}`).join(', ')}]`,
      member,
      'Member must have length less than or equal to 50',
    );
  tags.forEach((tag, i) => {
    const at = `${member}.${i + 1}.member`;
    checkLength(tag.Key, `${at}.key`, 1, 128);
    if (!TAG_KEY.test(tag.Key))
      throw constraintError(
        tag.Key,
        `${at}.key`,
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
      );
    checkLength(tag.Value, `${at}.value`, 0, 256);
    if (!TAG_VALUE.test(tag.Value))
      throw constraintError(
        tag.Value,
        `${at}.value`,
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
      );
  });
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (keys.has(key))
      throw new QueryError(
        400,
        'InvalidInput',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    keys.add(key);
  }
}

/** Size as IAM counts it: whitespace does not count toward the limits. */
export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

function malformed(message: string): QueryError {
  return new QueryError(400, 'MalformedPolicyDocument', message);
}

type Statement = Record<string, unknown>;

/** Whether this account has the IAM OIDC provider an `oidc-provider` ARN names. */
export type OidcProviderLookup = (arn: string) => boolean;

/**
 * Checks a policy document. `trust` applies the trust-policy rules: a Principal is required,
 * Resource is prohibited and only sts: actions are allowed. With `oidcProviderExists`, a Federated
 * `oidc-provider` principal must name a provider of this account, as IAM resolves it at write time.
 */
export function checkPolicyDocument(
  document: string,
  member: string,
  trust: boolean,
  oidcProviderExists?: OidcProviderLookup,
): void {
  checkLength(document, member, 1, 131072);
  if (!DOCUMENT_CHARS.test(document))
    throw constraintError(
      document,
      member,
      'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw malformed('Syntax errors in policy.');
  const doc = parsed as Record<string, unknown>;
  // Real IAM defaults a missing Version to 2008-10-17 for some policy types; we insist on it
  // because every template and product document in scope carries one.
  if (doc.Version === undefined)
    throw malformed('Policy document must be version 2012-10-17 or greater.');
  if (doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17')
    throw malformed('Syntax errors in policy.');
  for (const key of Object.keys(doc)) {
    if (!['Version', 'Statement', 'Id'].includes(key)) throw malformed('Syntax errors in policy.');
  }
  if (doc.Statement === undefined) throw malformed('Syntax errors in policy.');
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const s of statements) {
    if (s === null || typeof s !== 'object' || Array.isArray(s))
      throw malformed('Syntax errors in policy.');
    checkStatement(s as Statement, trust, oidcProviderExists);
  }
}

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

function checkStatement(
  s: Statement,
  trust: boolean,
  oidcProviderExists?: OidcProviderLookup,
): void {
  for (const key of Object.keys(s)) {
    if (!STATEMENT_KEYS.includes(key)) throw malformed('Syntax errors in policy.');
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    throw malformed(
      s.Effect === undefined ? 'Missing required field Effect.' : 'Syntax errors in policy.',
    );
  }
  if (s.Action === undefined && s.NotAction === undefined)
    throw malformed('Policy statement must contain actions.');
  const actions = asStrings(s.Action ?? s.NotAction);
  if (!actions) throw malformed('Syntax errors in policy.');
  for (const action of actions) {
    if (action !== '*' && !/^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/.test(action))
      throw malformed(`Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`);
  }
  if (trust) {
    if (s.Resource !== undefined) throw malformed('Has prohibited field Resource.');
    if (s.NotResource !== undefined) throw malformed('Has prohibited field NotResource.');
    if (s.Principal === undefined && s.NotPrincipal === undefined)
      throw malformed('Missing required field Principal.');
    for (const action of actions) {
      if (action !== '*' && !/^sts:/i.test(action))
        throw malformed(
          'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession and sts:SetSourceIdentity',
        );
    }
    checkPrincipal(s.Principal ?? s.NotPrincipal, oidcProviderExists);
  } else {
    if (s.Principal !== undefined || s.NotPrincipal !== undefined)
      throw malformed('Policy document should not specify a principal.');
    if (s.Resource === undefined && s.NotResource === undefined)
      throw malformed('Policy statement must contain resources.');
    if (!asStrings(s.Resource ?? s.NotResource)) throw malformed('Syntax errors in policy.');
  }
  if (s.Condition !== undefined && (typeof s.Condition !== 'object' || Array.isArray(s.Condition)))
    throw malformed('Syntax errors in policy.');
}

function asStrings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
    return value as string[];
  return undefined;
}

const PRINCIPAL_CHECKS: Record<string, (v: string) => boolean> = {
  Service: (v) => /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(v),
  AWS: (v) =>
    v === '*' ||
    /^\d{12}$/.test(v) ||
    /^arn:aws[a-z-]*:(iam|sts)::\d{12}:(root|(role|user|assumed-role|federated-user)\/.+)$/.test(v),
  Federated: (v) =>
    /^arn:aws[a-z-]*:iam::\d{12}:(oidc-provider|saml-provider)\/.+$/.test(v) ||
    /^(cognito-identity\.amazonaws\.com|www\.amazon\.com|graph\.facebook\.com|accounts\.google\.com)$/.test(
      v,
    ),
  CanonicalUser: (v) => /^[0-9a-f]{64}$/.test(v),
};

/**
 * IAM's answer to a Federated principal it cannot resolve: a malformed value, or an OIDC provider
 * ARN this account does not have (also another account's), which tools meet when they create an
 * IRSA role before `associate-iam-oidc-provider` (aws-api.md §4).
 */
const UNRESOLVED_FEDERATED =
  'Federated principals must be valid domain names or SAML metadata ARNs';

function checkPrincipal(principal: unknown, oidcProviderExists?: OidcProviderLookup): void {
  if (principal === '*') return;
  if (principal === null || typeof principal !== 'object' || Array.isArray(principal))
    throw malformed('Syntax errors in policy.');
  for (const [kind, value] of Object.entries(principal)) {
    const check = PRINCIPAL_CHECKS[kind];
    const values = asStrings(value);
    if (!check || !values) throw malformed('Syntax errors in policy.');
    for (const v of values) {
      if (kind === 'Federated') {
        const isOidc = /:oidc-provider\//.test(v);
        if (!check(v) || (isOidc && oidcProviderExists && !oidcProviderExists(v)))
          throw malformed(UNRESOLVED_FEDERATED);
      } else if (!check(v))
        throw malformed(`Invalid principal in policy: "${kind.toUpperCase()}":"${v}"`);
    }
  }
}

/** RFC 3986 percent-encoding of documents in responses (Python's quote with nothing safe). */
export function urlEncodeDocument(document: string): string {
  return encodeURIComponent(document).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
