// GitHub's REST envelope: JSON with GitHub's headers, error bodies `{message, documentation_url,
// status}`, and `per_page`/`page` pagination with a real `Link` header.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';

export const DOCS = 'https://docs.github.com/rest';

export class GithubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = DOCS,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const BASE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'x-github-media-type': 'github.v3; format=json',
  'x-github-api-version-selected': '2022-11-28',
  // GITHUB_TOKEN's budget; the emulator does not count calls.
  'x-ratelimit-limit': '1000',
  'x-ratelimit-remaining': '999',
  'x-ratelimit-used': '1',
  'x-ratelimit-resource': 'core',
};

function headers(req: EmulatorRequest, extra: Record<string, string> = {}): Record<string, string> {
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  return {
    ...BASE_HEADERS,
    'x-ratelimit-reset': reset,
    'x-github-request-id': req.requestId.toUpperCase().slice(0, 23),
    ...extra,
  };
}

export function ghJson(
  req: EmulatorRequest,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): EmulatorResponse {
  if (status === 204) return { status, headers: headers(req, extra), body: '' };
  return { status, headers: headers(req, extra), body: JSON.stringify(value) };
}

export function ghErrorResponse(req: EmulatorRequest, error: GithubError): EmulatorResponse {
  return ghJson(req, error.status, {
    message: error.message,
    ...error.extra,
    documentation_url: error.documentationUrl,
    status: String(error.status),
  });
}

/** The base URL a client used (`http://host:port`), for `url` fields and Link headers. */
export function apiBase(req: EmulatorRequest): string {
  const host = req.headers.host ?? '127.0.0.1';
  const proto = String(req.headers['x-forwarded-proto'] ?? 'http');
  return `${proto}://${host}`;
}

export interface Page<T> {
  items: T[];
  link?: string;
}

/**
 * One page of `all` (`per_page` default 30, at most 100; `page` from 1) and the Link header with
 * prev/next/last/first in GitHub's order. `linkPath` is the path the links use — GitHub writes
 * `/repositories/{id}/…` there rather than `/repos/{owner}/{name}/…`, and clients must follow it
 * as given.
 */
export function paginate<T>(req: EmulatorRequest, all: readonly T[], linkPath: string): Page<T> {
  const requested = Number.parseInt(req.query.get('per_page') ?? '', 10);
  const perPage = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 100) : 30;
  const askedPage = Number.parseInt(req.query.get('page') ?? '', 10);
  const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1;
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const url = (n: number): string => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${apiBase(req)}${linkPath}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`);
  return { items, link: links.length > 0 ? links.join(', ') : undefined };
}

/** `Authorization: token X` / `Bearer X`; undefined without one. Malformed → 401 Bad credentials. */
export function bearerToken(req: EmulatorRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = header.match(/^(?:token|bearer)\s+(\S+)\s*$/i);
  if (!match) throw new GithubError(401, 'Bad credentials');
  return match[1];
}

export function readJsonBody(req: EmulatorRequest, docs: string): Record<string, unknown> {
  if (!req.body) return {};
  try {
    const value = JSON.parse(req.body) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // falls through to GitHub's answer for unparsable bodies
  }
  throw new GithubError(400, 'Problems parsing JSON', docs);
}
