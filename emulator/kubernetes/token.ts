// EKS bearer tokens: `k8s-aws-v1.` + base64url (no padding) of a SigV4-presigned STS
// GetCallerIdentity URL that signs `host` and `x-k8s-aws-id: <cluster>`. EKS (aws-iam-authenticator)
// checks the URL's shape and host, the signature (by having STS answer it), the cluster name, and
// that X-Amz-Date is at most 15 minutes old, whatever X-Amz-Expires says. The emulator recomputes
// the signature with the secret it knows for the access key instead of calling STS.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'k8s-aws-v1.';
export const DEFAULT_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** A token dated further ahead than this is refused (clock skew allowance). */
const MAX_FUTURE_MS = 15 * 60 * 1000;

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const ALLOWED_PARAMS = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
  'x-amz-user-agent',
]);

/** A key the emulator can check signatures for, and whom it belongs to. */
export interface KnownKey {
  secretAccessKey: string;
  /** Required (and must match) for session credentials; absent for static keys. */
  sessionToken?: string;
  /** Real ms after which the credentials no longer work. */
  expiresAt?: number;
  /** The IAM principal access entries are matched against (role ARN with its path, or user ARN). */
  principalArn: string;
  /** The ARN STS reports (assumed-role ARN for sessions): the Kubernetes user name EKS derives. */
  callerArn: string;
  /** The role session name, for `{{SessionName}}` in an entry's username. */
  sessionName?: string;
}

export interface TokenCheck {
  cluster: string;
  now: number;
  lifetimeMs: number;
  /** host[:port] values of STS endpoints that may be presigned over plain http (the emulator's own). */
  plainHttpHosts: ReadonlySet<string>;
  lookup(accessKeyId: string): KnownKey | undefined;
}

export type TokenResult =
  | { ok: true; accessKeyId: string; key: KnownKey }
  | { ok: false; why: string; accessKeyId?: string };

/** RFC 3986 encoding as SigV4 wants it. */
const encode = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** 20240101T000000Z → epoch ms. */
function amzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : ms;
}

function isStsHost(host: string): boolean {
  return /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(host);
}

function parseToken(header: string | undefined): URL | string {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match) return 'no bearer token';
  const token = match[1];
  if (!token.startsWith(TOKEN_PREFIX)) return 'not a k8s-aws-v1 token';
  const payload = token.slice(TOKEN_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return 'not base64url without padding';
  try {
    return new URL(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'not a URL';
  }
}

export function verifyToken(header: string | undefined, check: TokenCheck): TokenResult {
  const url = parseToken(header);
  if (typeof url === 'string') return { ok: false, why: url };
  const plain = url.protocol === 'http:' && check.plainHttpHosts.has(url.host);
  if (!(url.protocol === 'https:' && isStsHost(url.hostname)) && !plain) {
    return { ok: false, why: `unexpected STS endpoint ${url.protocol}//${url.host}` };
  }
  if (url.pathname !== '/') return { ok: false, why: 'unexpected path' };
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!ALLOWED_PARAMS.has(key.toLowerCase())) return { ok: false, why: `parameter ${key}` };
    if (params.has(key)) return { ok: false, why: `duplicate parameter ${key}` };
    params.set(key, value);
  }
  if (params.get('Action') !== 'GetCallerIdentity' || params.get('Version') !== '2011-06-15') {
    return { ok: false, why: 'not GetCallerIdentity' };
  }
  if (params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return { ok: false, why: 'algorithm' };
  const credential = (params.get('X-Amz-Credential') ?? '').split('/');
  const date = params.get('X-Amz-Date') ?? '';
  const signature = params.get('X-Amz-Signature') ?? '';
  const signed = (params.get('X-Amz-SignedHeaders') ?? '').split(';');
  if (credential.length !== 5 || credential[3] !== 'sts' || credential[4] !== 'aws4_request') {
    return { ok: false, why: 'credential scope' };
  }
  const [accessKeyId, day, region] = credential;
  if (!date.startsWith(day)) return { ok: false, accessKeyId, why: 'scope date' };
  if (signed.join(';') !== 'host;x-k8s-aws-id') {
    // Only these two headers' values are known to the server; any other signed header breaks it.
    return { ok: false, accessKeyId, why: `signed headers ${signed.join(';')}` };
  }
  const issued = amzDate(date);
  if (issued === undefined) return { ok: false, accessKeyId, why: 'X-Amz-Date' };
  if (check.now > issued + check.lifetimeMs) return { ok: false, accessKeyId, why: 'expired' };
  if (issued > check.now + MAX_FUTURE_MS) return { ok: false, accessKeyId, why: 'dated ahead' };

  const key = check.lookup(accessKeyId);
  if (!key) return { ok: false, accessKeyId, why: 'unknown access key' };
  if ((params.get('X-Amz-Security-Token') ?? undefined) !== key.sessionToken) {
    return { ok: false, accessKeyId, why: 'security token' };
  }
  if (key.expiresAt !== undefined && check.now >= key.expiresAt) {
    return { ok: false, accessKeyId, why: 'credentials expired' };
  }
  const query = [...params]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = `host:${url.host}\nx-k8s-aws-id:${check.cluster}\n`;
  const scope = `${day}/${region}/sts/aws4_request`;
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, day), region), 'sts'),
    'aws4_request',
  );
  const matches = [EMPTY_SHA256, 'UNSIGNED-PAYLOAD'].some((payload) => {
    const canonical = ['GET', '/', query, headers, 'host;x-k8s-aws-id', payload].join('\n');
    const toSign = [
      'AWS4-HMAC-SHA256',
      date,
      scope,
      createHash('sha256').update(canonical).digest('hex'),
    ].join('\n');
    const expected = Buffer.from(hmac(signingKey, toSign).toString('hex'));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  // A token for another cluster fails here too: x-k8s-aws-id is the cluster being called.
  if (!matches) return { ok: false, accessKeyId, why: 'signature (or another cluster)' };
  return { ok: true, accessKeyId, key };
}
