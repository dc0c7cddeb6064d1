// Small helpers shared by the EKS handlers: ids, time, body parsing, pagination tokens.

import { randomBytes, randomUUID } from 'node:crypto';
import { invalidParameter } from './errors.js';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomChars(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Pod identity association ids look like `a-kyevsbqhrnchy79jw` (19 characters). */
export const newAssociationId = (): string => `a-${randomChars(LOWER_ALNUM, 17)}`;

/** 32 upper-case hex characters, as in the OIDC issuer path. */
export const newIssuerId = (): string => randomBytes(16).toString('hex').toUpperCase();

export const uuid = (): string => randomUUID();

/** restJson1 timestamps are epoch seconds (fractions allowed). */
export const epochSeconds = (ms: number): number => Math.round(ms) / 1000;

export function parseBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidParameter('The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`The parameter ${key} must be a string.`);
  return value;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === '') {
    throw invalidParameter(`The parameter ${key} is required and must not be empty.`);
  }
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(`The parameter ${key} must be a boolean.`);
  return value;
}

/** `maxResults` query value: absent → fallback; outside [1, max] or not an integer → 400. */
export function maxResultsOf(query: URLSearchParams, max = 100, fallback = 100): number {
  const raw = query.get('maxResults');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw invalidParameter(`maxResults must be between 1 and ${max}.`);
  }
  return n;
}

/**
 * Opaque pagination tokens: base64url of JSON `{s: scope, k: last key}`. Keying on the last item
 * (not an offset) keeps paging stable when items are created or deleted between pages; the scope
 * (cluster, query) makes a token from another listing fail like AWS's do.
 */
export function encodeToken(scope: string, lastKey: string): string {
  return Buffer.from(JSON.stringify({ s: scope, k: lastKey })).toString('base64url');
}

export function decodeToken(token: string | null, scope: string): string | undefined {
  if (token === null || token === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      s?: unknown;
      k?: unknown;
    };
    if (value.s === scope && typeof value.k === 'string') return value.k;
  } catch {
    // fall through to the error below
  }
  throw invalidParameter('The nextToken provided is invalid.');
}

/** First index in a sorted array whose value is > key (binary search). */
export function upperBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts into a sorted array (O(n) memmove, only on writes). */
export function insertSorted(sorted: string[], key: string): void {
  sorted.splice(upperBound(sorted, key), 0, key);
}

export function removeSorted(sorted: string[], key: string): void {
  const i = upperBound(sorted, key) - 1;
  if (i >= 0 && sorted[i] === key) sorted.splice(i, 1);
}

/** One page of a sorted key array after `after` (exclusive). */
export function pageOf(
  sorted: readonly string[],
  after: string | undefined,
  size: number,
): { keys: string[]; more: boolean } {
  const start = after === undefined ? 0 : upperBound(sorted, after);
  const keys = sorted.slice(start, start + size);
  return { keys, more: start + size < sorted.length };
}
