// core/v1 namespaces and serviceaccounts: get, list, create, update (resourceVersion preconditions),
// patch, delete, with the API server's validation (RFC 1123 names, 422 Invalid), `dryRun=All`,
// and its errors (404 NotFound, 409 AlreadyExists / Conflict, 400 BadRequest, 415).

import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { keyOf, type KubeObject, type KubeStore } from './store.js';
import { listPage } from './lists.js';
import { PATCH_TYPES, applyPatch } from './patch.js';
import {
  KubeError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  kubeJson,
  notFound,
} from './status.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_TEXT = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const LABEL_TEXT = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** The namespaces the NamespaceLifecycle admission plugin refuses to delete. */
const UNDELETABLE = new Set(['default', 'kube-public', 'kube-system']);

type Json = Record<string, unknown>;
/** Kubernetes timestamps are RFC 3339 in whole seconds. */
const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseObject(req: EmulatorRequest): Json {
  let value: unknown;
  try {
    value = JSON.parse(req.body);
  } catch (error) {
    throw badRequest(`json: ${error instanceof Error ? error.message : 'invalid JSON'}`);
  }
  if (!isObject(value)) throw badRequest('json: cannot unmarshal into Go value of type v1.Object');
  return value;
}

const dryRun = (req: EmulatorRequest): boolean => req.query.getAll('dryRun').includes('All');

function metaOf(kind: string, body: Json): Json {
  const meta = body.metadata ?? {};
  if (!isObject(meta)) throw badRequest(`${kind}: metadata must be an object`);
  return meta;
}

function stringMap(
  kind: string,
  name: string,
  field: string,
  value: unknown,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw badRequest(`json: cannot unmarshal ${field} of ${kind} "${name}" into map[string]string`);
  }
  const map = value as Record<string, string>;
  if (field === 'metadata.labels') {
    for (const [k, v] of Object.entries(map)) {
      if (v.length > 63 || !LABEL_VALUE.test(v)) {
        throw invalid(
          kind,
          name,
          field,
          `Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
        );
      }
      if (k === '' || k.length > 316)
        throw invalid(kind, name, field, `Invalid value: "${k}": name part must be non-empty`);
    }
  }
  return Object.keys(map).length > 0 ? { ...map } : undefined;
}

function checkName(kind: string, name: string, label: boolean): void {
  if (name === '')
    throw invalid(kind, '', 'metadata.name', 'Required value: name or generateName is required');
  const max = label ? 63 : 253;
  if (name.length > max) {
    throw invalid(
      kind,
      name,
      'metadata.name',
      `Invalid value: "${name}": must be no more than ${max} characters`,
    );
  }
  if (!(label ? LABEL : SUBDOMAIN).test(name)) {
    throw invalid(
      kind,
      name,
      'metadata.name',
      `Invalid value: "${name}": ${label ? LABEL_TEXT : SUBDOMAIN_TEXT}`,
    );
  }
}

/** metadata.name, or generateName + 5 random characters. */
function nameOf(meta: Json): string {
  if (typeof meta.name === 'string' && meta.name !== '') return meta.name;
  if (typeof meta.generateName === 'string' && meta.generateName !== '') {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    return (
      meta.generateName + [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('')
    );
  }
  return '';
}

function requireNamespace(store: KubeStore, namespace: string): KubeObject {
  const ns = store.namespaces.get(namespace);
  if (!ns) throw notFound('namespaces', namespace);
  return ns;
}

function requireAccount(store: KubeStore, namespace: string, name: string): KubeObject {
  const account = store.serviceAccounts.get(keyOf(namespace, name));
  if (!account) throw notFound('serviceaccounts', name);
  return account;
}

/** The fields of a ServiceAccount a client may set besides metadata. */
function accountFields(body: Json): Json {
  const out: Json = {};
  for (const key of ['secrets', 'imagePullSecrets', 'automountServiceAccountToken']) {
    if (body[key] !== undefined && body[key] !== null) out[key] = body[key];
  }
  return out;
}

// ---- namespaces ----

export function listNamespaces(store: KubeStore, req: EmulatorRequest): EmulatorResponse {
  return kubeJson(
    200,
    listPage(
      req,
      'NamespaceList',
      [...store.namespaces].map(([k, o]) => [k, o]),
      store.currentVersion(),
    ),
  );
}

export function getNamespace(store: KubeStore, name: string): EmulatorResponse {
  return kubeJson(200, requireNamespace(store, name));
}

export function createNamespace(store: KubeStore, req: EmulatorRequest): EmulatorResponse {
  const body = parseObject(req);
  const meta = metaOf('Namespace', body);
  const name = nameOf(meta);
  checkName('Namespace', name, true);
  const labels = stringMap('Namespace', name, 'metadata.labels', meta.labels);
  const annotations = stringMap('Namespace', name, 'metadata.annotations', meta.annotations);
  if (store.namespaces.has(name)) throw alreadyExists('namespaces', name);
  if (dryRun(req)) {
    return kubeJson(201, {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: {
        name,
        uid: randomUUID(),
        creationTimestamp: now(),
        labels: { ...labels, 'kubernetes.io/metadata.name': name },
        ...(annotations ? { annotations } : {}),
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  return kubeJson(201, store.addNamespace(name, labels, annotations));
}

export function deleteNamespace(
  store: KubeStore,
  req: EmulatorRequest,
  name: string,
): EmulatorResponse {
  const ns = requireNamespace(store, name);
  if (UNDELETABLE.has(name)) {
    throw new KubeError(
      403,
      'Forbidden',
      `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      { name, kind: 'namespaces' },
    );
  }
  // The API server answers with the namespace in Terminating; its contents go with it (at once here).
  const answer = structuredClone(ns);
  answer.metadata.deletionTimestamp = now();
  answer.status = { phase: 'Terminating' };
  if (!dryRun(req)) {
    store.deleteNamespace(name);
    answer.metadata.resourceVersion = store.currentVersion();
  }
  return kubeJson(200, answer);
}

// ---- service accounts ----

export function listServiceAccounts(
  store: KubeStore,
  req: EmulatorRequest,
  namespace?: string,
): EmulatorResponse {
  const entries = [...store.serviceAccounts].filter(
    ([, o]) => namespace === undefined || o.metadata.namespace === namespace,
  );
  return kubeJson(200, listPage(req, 'ServiceAccountList', entries, store.currentVersion()));
}

export function getServiceAccount(
  store: KubeStore,
  namespace: string,
  name: string,
): EmulatorResponse {
  return kubeJson(200, requireAccount(store, namespace, name));
}

export function createServiceAccount(
  store: KubeStore,
  req: EmulatorRequest,
  namespace: string,
): EmulatorResponse {
  const body = parseObject(req);
  const meta = metaOf('ServiceAccount', body);
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  const name = nameOf(meta);
  checkName('ServiceAccount', name, false);
  const labels = stringMap('ServiceAccount', name, 'metadata.labels', meta.labels);
  const annotations = stringMap('ServiceAccount', name, 'metadata.annotations', meta.annotations);
  requireNamespace(store, namespace);
  if (store.serviceAccounts.has(keyOf(namespace, name)))
    throw alreadyExists('serviceaccounts', name);
  const fields = accountFields(body);
  if (dryRun(req)) {
    return kubeJson(201, {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: {
        name,
        namespace,
        uid: randomUUID(),
        creationTimestamp: now(),
        ...(labels ? { labels } : {}),
        ...(annotations ? { annotations } : {}),
      },
      ...fields,
    });
  }
  const account = store.addServiceAccount(namespace, name, labels, annotations);
  Object.assign(account, fields);
  return kubeJson(201, account);
}

/** Stores `next` as the new state of `current` (same identity), bumping resourceVersion on change. */
function replaceAccount(
  store: KubeStore,
  req: EmulatorRequest,
  current: KubeObject,
  next: Json,
): EmulatorResponse {
  const { name, namespace } = current.metadata as { name: string; namespace: string };
  const meta = metaOf('ServiceAccount', next);
  if (meta.name !== undefined && meta.name !== name) {
    throw badRequest(
      `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
    );
  }
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (
    meta.resourceVersion !== undefined &&
    meta.resourceVersion !== '' &&
    meta.resourceVersion !== current.metadata.resourceVersion
  ) {
    throw conflict('serviceaccounts', name);
  }
  if (meta.uid !== undefined && meta.uid !== '' && meta.uid !== current.metadata.uid) {
    throw conflict('serviceaccounts', name);
  }
  const labels = stringMap('ServiceAccount', name, 'metadata.labels', meta.labels);
  const annotations = stringMap('ServiceAccount', name, 'metadata.annotations', meta.annotations);
  const updated: KubeObject = {
    kind: 'ServiceAccount',
    apiVersion: 'v1',
    metadata: {
      name,
      namespace,
      uid: current.metadata.uid,
      resourceVersion: current.metadata.resourceVersion,
      creationTimestamp: current.metadata.creationTimestamp,
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
    },
    ...accountFields(next),
  };
  if (JSON.stringify(updated) === JSON.stringify(current)) return kubeJson(200, current);
  if (dryRun(req)) return kubeJson(200, updated);
  updated.metadata.resourceVersion = store.nextVersion();
  store.serviceAccounts.set(keyOf(namespace, name), updated);
  return kubeJson(200, updated);
}

export function updateServiceAccount(
  store: KubeStore,
  req: EmulatorRequest,
  namespace: string,
  name: string,
): EmulatorResponse {
  const body = parseObject(req);
  const current = requireAccount(store, namespace, name);
  return replaceAccount(store, req, current, body);
}

export function patchServiceAccount(
  store: KubeStore,
  req: EmulatorRequest,
  namespace: string,
  name: string,
): EmulatorResponse {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!PATCH_TYPES.includes(type)) {
    throw new KubeError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${[...PATCH_TYPES, 'application/apply-patch+yaml'].sort().join(', ')}`,
    );
  }
  let patch: unknown;
  try {
    patch = JSON.parse(req.body);
  } catch (error) {
    throw badRequest(`json: ${error instanceof Error ? error.message : 'invalid JSON'}`);
  }
  const current = requireAccount(store, namespace, name);
  const next = applyPatch(type, structuredClone(current), patch);
  if (!isObject(next)) throw badRequest('the patched object is not an object');
  return replaceAccount(store, req, current, next);
}

export function deleteServiceAccount(
  store: KubeStore,
  req: EmulatorRequest,
  namespace: string,
  name: string,
): EmulatorResponse {
  const current = requireAccount(store, namespace, name);
  // DeleteOptions may carry preconditions (uid, resourceVersion).
  let options: Json = {};
  if (req.body.trim()) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (isObject(parsed)) options = parsed;
    } catch {
      throw badRequest('json: invalid DeleteOptions');
    }
  }
  const pre = isObject(options.preconditions) ? options.preconditions : {};
  if (
    (pre.resourceVersion !== undefined &&
      pre.resourceVersion !== current.metadata.resourceVersion) ||
    (pre.uid !== undefined && pre.uid !== current.metadata.uid)
  ) {
    throw conflict('serviceaccounts', name);
  }
  if (!dryRun(req)) {
    store.serviceAccounts.delete(keyOf(namespace, name));
    store.nextVersion();
  }
  // The service account registry returns the deleted object (not a Status).
  return kubeJson(200, current);
}
