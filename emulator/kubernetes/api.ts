// Routing under /_k8s/<cluster>: path + method → the authorization attributes (verb, resource,
// namespace, name) the API server derives, the call-log operation `<verb>:<resource>`, and the handler.
// Also SelfSubjectAccessReview, which every authenticated user may create (system:basic-user).

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import type { KubeStore } from './store.js';
import { allowedReason, type Attributes, type Caller } from './access.js';
import * as r from './resources.js';
import { CLUSTER_ADMIN_POLICY } from '../eks/access-policies.js';
import { KubeError, badRequest, kubeJson } from './status.js';

export interface KubeRoute {
  attrs: Attributes;
  /** Authorized for every authenticated caller (SelfSubjectAccessReview). */
  open?: boolean;
  handle(store: KubeStore, req: EmulatorRequest, caller: Caller): EmulatorResponse;
}

const core = (verb: string, resource: string, namespace?: string, name?: string): Attributes => ({
  verb,
  group: '',
  resource,
  ...(namespace !== undefined ? { namespace } : {}),
  ...(name !== undefined ? { name } : {}),
});

const VERBS: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** `parts` are the decoded path segments after /_k8s/<cluster>. */
export function routeOf(method: string, parts: string[]): KubeRoute | undefined {
  return servedRoute(method, parts) ?? notAllowed(method, parts);
}

function servedRoute(method: string, parts: string[]): KubeRoute | undefined {
  const key = parts.join('/');
  const [p0, p1, p2, ns, p4, name] = parts;
  const collectionVerb = method === 'GET' ? 'list' : method === 'POST' ? 'create' : undefined;
  const objectVerb = method === 'GET' ? 'get' : method === 'POST' ? undefined : VERBS[method];
  if (key === 'api/v1/namespaces' && collectionVerb) {
    return {
      attrs: core(collectionVerb, 'namespaces'),
      handle: (s, req) => (method === 'GET' ? r.listNamespaces(s, req) : r.createNamespace(s, req)),
    };
  }
  if (key === 'api/v1/serviceaccounts' && method === 'GET') {
    return {
      attrs: core('list', 'serviceaccounts'),
      handle: (s, req) => r.listServiceAccounts(s, req),
    };
  }
  if (p0 !== 'api' || p1 !== 'v1' || p2 !== 'namespaces' || ns === undefined) {
    if (key === 'apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && method === 'POST') {
      return {
        attrs: {
          verb: 'create',
          group: 'authorization.k8s.io',
          resource: 'selfsubjectaccessreviews',
        },
        open: true,
        handle: (_s, req, caller) => selfSubjectAccessReview(req, caller),
      };
    }
    return undefined;
  }
  if (parts.length === 4 && (method === 'GET' || method === 'DELETE')) {
    // The API server files a namespace's own requests under that namespace (RoleBindings there apply).
    return {
      attrs: core(objectVerb as string, 'namespaces', ns, ns),
      handle: (s, req) =>
        method === 'GET' ? r.getNamespace(s, ns) : r.deleteNamespace(s, req, ns),
    };
  }
  if (p4 !== 'serviceaccounts') return undefined;
  if (parts.length === 5 && collectionVerb) {
    return {
      attrs: core(collectionVerb, 'serviceaccounts', ns),
      handle: (s, req) =>
        method === 'GET' ? r.listServiceAccounts(s, req, ns) : r.createServiceAccount(s, req, ns),
    };
  }
  if (parts.length === 6 && objectVerb) {
    const handlers: Record<string, KubeRoute['handle']> = {
      GET: (s) => r.getServiceAccount(s, ns, name),
      PUT: (s, req) => r.updateServiceAccount(s, req, ns, name),
      PATCH: (s, req) => r.patchServiceAccount(s, req, ns, name),
      DELETE: (s, req) => r.deleteServiceAccount(s, req, ns, name),
    };
    return { attrs: core(objectVerb, 'serviceaccounts', ns, name), handle: handlers[method] };
  }
  return undefined;
}

/** A method the emulator does not serve on a path it serves: 405 after authorization, as the API server. */
function notAllowed(method: string, parts: string[]): KubeRoute | undefined {
  const [p0, p1, p2, ns, p4, name] = parts;
  if (p0 !== 'api' || p1 !== 'v1') return undefined;
  const verb = VERBS[method] ?? method.toLowerCase();
  const deny = (): never => {
    throw new KubeError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    );
  };
  if (parts.length === 3 && (p2 === 'namespaces' || p2 === 'serviceaccounts')) {
    return { attrs: core(verb === 'delete' ? 'deletecollection' : verb, p2), handle: deny };
  }
  if (p2 !== 'namespaces' || ns === undefined) return undefined;
  if (parts.length === 4) return { attrs: core(verb, 'namespaces', ns, ns), handle: deny };
  if (p4 !== 'serviceaccounts') return undefined;
  if (parts.length === 5) {
    return {
      attrs: core(verb === 'delete' ? 'deletecollection' : verb, 'serviceaccounts', ns),
      handle: deny,
    };
  }
  if (parts.length === 6) return { attrs: core(verb, 'serviceaccounts', ns, name), handle: deny };
  return undefined;
}

/** The operation name in the call log and fault rules: `<verb>:<resource>`. */
export const operationName = (route: KubeRoute | undefined): string =>
  route ? `${route.attrs.verb}:${route.attrs.resource}` : 'unknown';

function selfSubjectAccessReview(req: EmulatorRequest, caller: Caller): EmulatorResponse {
  let body: {
    spec?: { resourceAttributes?: Record<string, unknown>; nonResourceAttributes?: unknown };
  };
  try {
    body = JSON.parse(req.body) as typeof body;
  } catch {
    throw badRequest('json: invalid SelfSubjectAccessReview');
  }
  const spec = body?.spec ?? {};
  const ra = spec.resourceAttributes;
  if (!ra && !spec.nonResourceAttributes) {
    throw badRequest(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const reason = ra
    ? allowedReason(caller, {
        verb: str(ra.verb),
        group: str(ra.group),
        resource: str(ra.resource),
        ...(str(ra.namespace) ? { namespace: str(ra.namespace) } : {}),
        ...(str(ra.name) ? { name: str(ra.name) } : {}),
      })
    : caller.creatorAdmin || caller.entry?.policies.has(CLUSTER_ADMIN_POLICY)
      ? 'allowed by the cluster-admin access policy'
      : undefined;
  return kubeJson(201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: reason !== undefined, ...(reason ? { reason } : {}) },
  });
}
