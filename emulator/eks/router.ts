// restJson1 routing: method + path → operation name (for the call log and fault rules) → handler.

import type { EmulatorRequest, EmulatorResponse, Operation } from '../core/types.js';
import { segments, type EksContext } from './context.js';
import * as addons from './addons.js';
import * as associations from './associations.js';
import * as clusters from './clusters.js';
import * as access from './access-entries.js';
import { describeAddonConfiguration, describeAddonVersions } from './addon-versions.js';
import { listTags, tagResource, untagResource } from './tags.js';

type Handler = (ctx: EksContext, req: EmulatorRequest, params: string[]) => EmulatorResponse;

interface Route {
  method: string;
  /** Path segments; `*` captures one segment. */
  pattern: string[];
  name: string;
  handler: Handler;
}

const route = (method: string, path: string, name: string, handler: Handler): Route => ({
  method,
  pattern: path.split('/').filter(Boolean),
  name,
  handler,
});

const PIA = 'clusters/*/pod-identity-associations';
const ACCESS = 'clusters/*/access-entries';

const ROUTES: Route[] = [
  route('POST', 'clusters', 'CreateCluster', (c, r) => clusters.createCluster(c, r)),
  route('GET', 'clusters', 'ListClusters', (c, r) => clusters.listClusters(c, r)),
  route('GET', 'clusters/*', 'DescribeCluster', (c, r, [n]) => clusters.describeCluster(c, r, n)),
  route('DELETE', 'clusters/*', 'DeleteCluster', (c, r, [n]) => clusters.deleteCluster(c, r, n)),
  route('POST', 'clusters/*/addons', 'CreateAddon', (c, r, [n]) => addons.createAddon(c, r, n)),
  route('GET', 'clusters/*/addons', 'ListAddons', (c, r, [n]) => addons.listAddons(c, r, n)),
  route('GET', 'clusters/*/addons/*', 'DescribeAddon', (c, r, [n, a]) =>
    addons.describeAddon(c, r, n, a),
  ),
  route('POST', 'clusters/*/addons/*/update', 'UpdateAddon', (c, r, [n, a]) =>
    addons.updateAddon(c, r, n, a),
  ),
  route('DELETE', 'clusters/*/addons/*', 'DeleteAddon', (c, r, [n, a]) =>
    addons.deleteAddon(c, r, n, a),
  ),
  route('GET', 'clusters/*/updates', 'ListUpdates', (c, r, [n]) => addons.listUpdates(c, r, n)),
  route('GET', 'clusters/*/updates/*', 'DescribeUpdate', (c, r, [n, u]) =>
    addons.describeUpdate(c, r, n, u),
  ),
  route('GET', 'addons/supported-versions', 'DescribeAddonVersions', (_c, r) =>
    describeAddonVersions(r),
  ),
  route('GET', 'addons/configuration-schemas', 'DescribeAddonConfiguration', (_c, r) =>
    describeAddonConfiguration(r),
  ),
  route('POST', PIA, 'CreatePodIdentityAssociation', (c, r, [n]) =>
    associations.createAssociation(c, r, n),
  ),
  route('GET', PIA, 'ListPodIdentityAssociations', (c, r, [n]) =>
    associations.listAssociations(c, r, n),
  ),
  route('GET', `${PIA}/*`, 'DescribePodIdentityAssociation', (c, r, [n, id]) =>
    associations.describeAssociation(c, r, n, id),
  ),
  route('POST', `${PIA}/*`, 'UpdatePodIdentityAssociation', (c, r, [n, id]) =>
    associations.updateAssociation(c, r, n, id),
  ),
  route('DELETE', `${PIA}/*`, 'DeletePodIdentityAssociation', (c, r, [n, id]) =>
    associations.deleteAssociation(c, r, n, id),
  ),
  route('POST', ACCESS, 'CreateAccessEntry', (c, r, [n]) => access.createAccessEntry(c, r, n)),
  route('GET', ACCESS, 'ListAccessEntries', (c, r, [n]) => access.listAccessEntries(c, r, n)),
  route('GET', `${ACCESS}/*`, 'DescribeAccessEntry', (c, r, [n, p]) =>
    access.describeAccessEntry(c, r, n, p),
  ),
  route('POST', `${ACCESS}/*`, 'UpdateAccessEntry', (c, r, [n, p]) =>
    access.updateAccessEntry(c, r, n, p),
  ),
  route('DELETE', `${ACCESS}/*`, 'DeleteAccessEntry', (c, r, [n, p]) =>
    access.deleteAccessEntry(c, r, n, p),
  ),
  route('POST', `${ACCESS}/*/access-policies`, 'AssociateAccessPolicy', (c, r, [n, p]) =>
    access.associateAccessPolicy(c, r, n, p),
  ),
  route('GET', `${ACCESS}/*/access-policies`, 'ListAssociatedAccessPolicies', (c, r, [n, p]) =>
    access.listAssociatedAccessPolicies(c, r, n, p),
  ),
  route('DELETE', `${ACCESS}/*/access-policies/*`, 'DisassociateAccessPolicy', (c, r, [n, p, a]) =>
    access.disassociateAccessPolicy(c, r, n, p, a),
  ),
  route('GET', 'access-policies', 'ListAccessPolicies', (c, r) => access.listAccessPolicies(c, r)),
];

// Reads are Describe* and List*; everything else changes state.
const isMutating = (name: string): boolean => !/^(Describe|List)/.test(name);

function match(req: EmulatorRequest): { route: Route; params: string[] } | undefined {
  // Tag routes carry a whole ARN (with `/`) in one label, so they are matched by prefix.
  if (req.path.startsWith('/tags/')) {
    const name = { GET: 'ListTagsForResource', POST: 'TagResource', DELETE: 'UntagResource' }[
      req.method
    ];
    if (!name) return undefined;
    const handler: Handler =
      req.method === 'GET'
        ? (c, r) => listTags(c, r)
        : req.method === 'POST'
          ? (c, r) => tagResource(c, r)
          : (c, r) => untagResource(c, r);
    return { route: { method: req.method, pattern: [], name, handler }, params: [] };
  }
  const parts = segments(req.path);
  for (const r of ROUTES) {
    if (r.method !== req.method || r.pattern.length !== parts.length) continue;
    const params: string[] = [];
    const ok = r.pattern.every((p, i) => {
      if (p === '*') {
        params.push(parts[i]);
        return true;
      }
      return p === parts[i];
    });
    if (ok) return { route: r, params };
  }
  return undefined;
}

export function operationOf(req: EmulatorRequest): Operation | undefined {
  const found = match(req);
  return found ? { name: found.route.name, mutating: isMutating(found.route.name) } : undefined;
}

export function dispatch(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const found = match(req);
  if (!found) throw new Error(`no EKS route for ${req.method} ${req.path}`);
  return found.route.handler(ctx, req, found.params);
}
