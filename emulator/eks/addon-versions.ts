// Catalog reads: DescribeAddonVersions (filters, pagination) and DescribeAddonConfiguration.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { invalidParameter, notFound, ok } from './errors.js';
import {
  CATALOG,
  KUBERNETES_VERSIONS,
  configurationSchema,
  defaultVersion,
  versionEntry,
  type CatalogAddon,
} from './catalog.js';
import { decodeToken, encodeToken, maxResultsOf, pageOf } from './util.js';

const SORTED = [...CATALOG].sort((a, b) => a.addonName.localeCompare(b.addonName));

function addonVersionsView(entry: CatalogAddon, kubernetesVersion: string | null): unknown {
  const clusterVersions = kubernetesVersion ? [kubernetesVersion] : KUBERNETES_VERSIONS;
  const versions = entry.versions
    .filter((v) => v.clusterVersions.some((k) => clusterVersions.includes(k)))
    .map((v) => ({
      addonVersion: v.addonVersion,
      architecture: ['amd64', 'arm64'],
      computeTypes: ['ec2', 'auto', 'hybrid'],
      compatibilities: v.clusterVersions
        .filter((k) => clusterVersions.includes(k))
        .map((k) => ({
          clusterVersion: k,
          platformVersions: ['*'],
          defaultVersion: defaultVersion(entry, k) === v.addonVersion,
        })),
      requiresConfiguration: false,
      requiresIamPermissions: entry.requiresIamPermissions,
    }));
  if (versions.length === 0) return undefined;
  return {
    addonName: entry.addonName,
    type: entry.type,
    addonVersions: versions,
    publisher: entry.publisher,
    owner: entry.owner,
    defaultNamespace: entry.defaultNamespace,
  };
}

export function describeAddonVersions(req: EmulatorRequest): EmulatorResponse {
  const q = req.query;
  const kubernetesVersion = q.get('kubernetesVersion');
  const addonName = q.get('addonName');
  const types = q.getAll('types');
  const publishers = q.getAll('publishers');
  const owners = q.getAll('owners');
  const maxResults = maxResultsOf(q);
  const scope = `versions/${kubernetesVersion ?? ''}/${addonName ?? ''}/${types}/${publishers}/${owners}`;
  const after = decodeToken(q.get('nextToken'), scope);
  const matching = SORTED.filter(
    (a) =>
      (addonName === null || a.addonName === addonName) &&
      (types.length === 0 || types.includes(a.type)) &&
      (publishers.length === 0 || publishers.includes(a.publisher)) &&
      (owners.length === 0 || owners.includes(a.owner)),
  )
    .map((a) => [a.addonName, addonVersionsView(a, kubernetesVersion)] as const)
    .filter(([, view]) => view !== undefined);
  const byName = new Map(matching);
  const page = pageOf(
    matching.map(([name]) => name),
    after,
    maxResults,
  );
  const last = page.keys.at(-1);
  return ok({
    addons: page.keys.map((k) => byName.get(k)),
    nextToken: page.more && last ? encodeToken(scope, last) : null,
  });
}

export function describeAddonConfiguration(req: EmulatorRequest): EmulatorResponse {
  const addonName = req.query.get('addonName');
  const addonVersion = req.query.get('addonVersion');
  if (!addonName || !addonVersion) {
    throw invalidParameter('addonName and addonVersion are required.');
  }
  const entry = CATALOG.find((a) => a.addonName === addonName);
  const version = entry && versionEntry(entry, addonVersion);
  if (!entry || !version) {
    throw notFound(`Addon ${addonName} with version ${addonVersion} not found.`, { addonName });
  }
  return ok({
    addonName,
    addonVersion,
    configurationSchema: configurationSchema(entry),
    podIdentityConfiguration: version.podIdentity ? entry.podIdentityConfiguration : [],
  });
}
