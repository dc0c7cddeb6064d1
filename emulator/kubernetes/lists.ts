// List responses: `limit` / `continue` paging in key order (tokens shaped like the API server's:
// base64 of {"v":"meta.k8s.io/v1","rv":…,"start":"<key>\u0000"}), `labelSelector` and the
// metadata.name / metadata.namespace `fieldSelector`s, `remainingItemCount` when it can be known.

import type { EmulatorRequest } from '../core/types.js';
import type { KubeObject } from './store.js';
import { parseSelector } from './selector.js';
import { badRequest } from './status.js';

function decodeContinue(token: string): string {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
      v?: unknown;
      start?: unknown;
    };
    if (value.v === 'meta.k8s.io/v1' && typeof value.start === 'string') return value.start;
  } catch {
    // below
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

const encodeContinue = (rv: string, start: string): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(rv), start })).toString('base64');

function fieldFilter(selector: string | null): (o: KubeObject) => boolean {
  if (!selector) return () => true;
  const tests = selector.split(',').map((term) => {
    const m = /^\s*(metadata\.name|metadata\.namespace)\s*(==|=|!=)\s*(\S*)\s*$/.exec(term);
    if (!m) {
      const field = term.split(/!?=/)[0].trim();
      throw badRequest(
        `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    const [, field, op, value] = m;
    const read = (o: KubeObject) =>
      field === 'metadata.name' ? o.metadata.name : (o.metadata.namespace ?? '');
    return op === '!='
      ? (o: KubeObject) => read(o) !== value
      : (o: KubeObject) => read(o) === value;
  });
  return (o) => tests.every((t) => t(o));
}

/** One page of a list, ready to send. `entries` are [key, object] in any order. */
export function listPage(
  req: EmulatorRequest,
  kind: string,
  entries: [string, KubeObject][],
  resourceVersion: string,
): unknown {
  const limitRaw = req.query.get('limit');
  const limit = limitRaw === null || limitRaw === '' ? 0 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0) {
    throw badRequest(`limit: Invalid value: ${JSON.stringify(limitRaw)}`);
  }
  const cont = req.query.get('continue');
  const start = cont ? decodeContinue(cont) : '';
  const labels = req.query.get('labelSelector');
  const byLabel = parseSelector(labels);
  const byField = fieldFilter(req.query.get('fieldSelector'));
  const matching = entries
    .filter(([key]) => key >= start)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, o]) => byLabel(o.metadata.labels ?? {}) && byField(o));
  const page = limit > 0 ? matching.slice(0, limit) : matching;
  const more = page.length < matching.length;
  const last = page.at(-1)?.[0];
  const selective = Boolean(labels?.trim()) || Boolean(req.query.get('fieldSelector'));
  return {
    kind,
    apiVersion: 'v1',
    metadata: {
      resourceVersion,
      ...(more && last !== undefined
        ? { continue: encodeContinue(resourceVersion, `${last}\u0000`) }
        : {}),
      // The API server can count what is left only when nothing filters the rest.
      ...(more && !selective ? { remainingItemCount: matching.length - page.length } : {}),
    },
    // Items of a typed list carry no kind/apiVersion on the wire.
    items: page.map(([, o]) => {
      const { kind: _kind, apiVersion: _apiVersion, ...item } = o;
      return item;
    }),
  };
}
