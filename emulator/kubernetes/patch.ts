// PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (as merge patch: service accounts
// and namespaces have no list fields whose merge keys would differ for the fields clients patch), and
// JSON patch (RFC 6902).

import { KubeError, badRequest } from './status.js';

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** RFC 6901 pointer → tokens. */
function pointer(path: unknown): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
    throw badRequest(`the server rejected our request due to an error in our request`);
  }
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const clone = <T>(v: T): T => structuredClone(v);

function failed(message: string): KubeError {
  return new KubeError(422, 'Invalid', message);
}

function parentOf(doc: unknown, tokens: string[]): { parent: unknown; key: string } {
  let node = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (isObject(node)) node = node[t];
    else node = undefined;
    if (node === undefined) throw failed(`doc is missing path: "/${tokens.join('/')}"`);
  }
  return { parent: node, key: tokens.at(-1) as string };
}

function get(doc: unknown, tokens: string[]): unknown {
  if (tokens.length === 0) return doc;
  const { parent, key } = parentOf(doc, tokens);
  const value = Array.isArray(parent)
    ? parent[Number(key)]
    : (parent as Record<string, unknown>)[key];
  if (value === undefined) throw failed(`doc is missing path: "/${tokens.join('/')}"`);
  return value;
}

function remove(doc: unknown, tokens: string[]): unknown {
  const value = get(doc, tokens);
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, unknown>)[key];
  return value;
}

function add(doc: unknown, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw failed(`unable to add: index ${key} out of bounds`);
    }
    parent.splice(index, 0, value);
  } else if (isObject(parent)) parent[key] = value;
  else throw failed(`doc is missing path: "/${tokens.join('/')}"`);
  return doc;
}

export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  let doc = clone(target);
  for (const op of operations as Record<string, unknown>[]) {
    const path = pointer(op.path);
    switch (op.op) {
      case 'add':
        doc = add(doc, path, clone(op.value));
        break;
      case 'remove':
        remove(doc, path);
        break;
      case 'replace':
        get(doc, path);
        if (path.length === 0) doc = clone(op.value);
        else {
          remove(doc, path);
          doc = add(doc, path, clone(op.value));
        }
        break;
      case 'move': {
        const value = remove(doc, pointer(op.from));
        doc = add(doc, path, value);
        break;
      }
      case 'copy':
        doc = add(doc, path, clone(get(doc, pointer(op.from))));
        break;
      case 'test':
        if (JSON.stringify(get(doc, path)) !== JSON.stringify(op.value)) {
          throw failed(`testing value /${path.join('/')} failed: test failed`);
        }
        break;
      default:
        throw badRequest(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

/** Applies a PATCH body of the given content type. */
export function applyPatch(contentType: string, target: unknown, body: unknown): unknown {
  if (contentType === 'application/json-patch+json') return jsonPatch(target, body);
  return mergePatch(target, body);
}
