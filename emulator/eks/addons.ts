// Add-ons: CreateAddon, DescribeAddon, UpdateAddon, DeleteAddon, ListAddons, DescribeUpdate,
// ListUpdates. Statuses move lazily: CREATING/UPDATING → ACTIVE (or an injected failure state,
// addon-faults.ts), DELETING → gone (context.ts).

import { parse as parseYaml } from 'yaml';
import type { AddonFailure, EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { requireActive, requireCluster, settleAddon, type EksContext } from './context.js';
import { takeAddonFailure } from './addon-faults.js';
import { inUse, invalidParameter, invalidRequest, notFound, ok } from './errors.js';
import { catalogAddon, defaultVersion, versionEntry, type CatalogAddon } from './catalog.js';
import {
  applyAddonAssociations,
  checkAddonAssociations,
  parseAddonAssociations,
  releaseAddonAssociations,
} from './addon-associations.js';
import { roleAccount } from './roles.js';
import type { Addon, AddonUpdate, Cluster } from './state.js';
import { checkedTags } from './tags.js';
import {
  decodeToken,
  encodeToken,
  epochSeconds,
  maxResultsOf,
  optionalString,
  pageOf,
  parseBody,
  requiredString,
  uuid,
} from './util.js';

const RESOLVE_CONFLICTS = ['OVERWRITE', 'NONE', 'PRESERVE'];

export function addonView(cluster: Cluster, addon: Addon): Record<string, unknown> {
  return {
    addonName: addon.addonName,
    clusterName: cluster.name,
    status: addon.status,
    addonVersion: addon.addonVersion,
    health: { issues: addon.issues.map((issue) => ({ ...issue })) },
    addonArn: addon.addonArn,
    createdAt: epochSeconds(addon.createdAt),
    modifiedAt: epochSeconds(addon.modifiedAt),
    serviceAccountRoleArn: addon.serviceAccountRoleArn,
    tags: { ...addon.tags },
    publisher: addon.publisher,
    owner: addon.owner,
    configurationValues: addon.configurationValues,
    podIdentityAssociations: cluster.associations
      .ownedBy(addon.addonArn)
      .map((a) => a.associationArn)
      .sort(),
    ...(addon.namespaceConfigured ? { namespaceConfig: { namespace: addon.namespace } } : {}),
  };
}

export function requireAddon(ctx: EksContext, cluster: Cluster, name: string): Addon {
  const addon = cluster.addons.get(name);
  if (!addon || !settleAddon(ctx, cluster, addon)) {
    throw notFound(`No addon: ${name} found in cluster: ${cluster.name}`, {
      clusterName: cluster.name,
      addonName: name,
    });
  }
  return addon;
}

export function catalogEntryFor(cluster: Cluster, name: string): CatalogAddon {
  const entry = catalogAddon(name);
  if (!entry || defaultVersion(entry, cluster.version) === undefined) {
    throw invalidParameter(
      `Addon ${name} specified is not supported in ${cluster.version} kubernetes version`,
      { clusterName: cluster.name, addonName: name },
    );
  }
  return entry;
}

export function checkVersion(cluster: Cluster, entry: CatalogAddon, version: string): void {
  if (!versionEntry(entry, version)?.clusterVersions.includes(cluster.version)) {
    throw invalidParameter(
      `Addon version ${version} specified is not supported in ${cluster.version} kubernetes version`,
      { clusterName: cluster.name, addonName: entry.addonName },
    );
  }
}

/** configurationValues (JSON or YAML) must only use keys of the add-on's schema. */
function checkConfiguration(
  entry: CatalogAddon,
  values: string | undefined,
  clusterName: string,
): void {
  if (values === undefined || values.trim() === '') return;
  const context = { clusterName, addonName: entry.addonName };
  let parsed: unknown;
  try {
    parsed = parseYaml(values);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter(
      'ConfigurationValue provided in request is not supported: Json schema validation failed with error: [$: object expected]',
      context,
    );
  }
  const unknown = Object.keys(parsed).find((key) => !entry.configKeys.includes(key));
  if (unknown !== undefined) {
    throw invalidParameter(
      `ConfigurationValue provided in request is not supported: Json schema validation failed with error: [$.${unknown}: is not defined in the schema and the schema does not allow additional properties]`,
      context,
    );
  }
}

function resolveConflicts(body: Record<string, unknown>, context: object): string | undefined {
  const value = optionalString(body, 'resolveConflicts');
  if (value !== undefined && !RESOLVE_CONFLICTS.includes(value)) {
    throw invalidParameter(`Invalid resolveConflicts value: ${value}`, context);
  }
  return value;
}

export function createAddon(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const body = parseBody(req.body);
  const addonName = requiredString(body, 'addonName');
  const context = { clusterName, addonName };
  const entry = catalogEntryFor(cluster, addonName);
  requireActive(cluster);
  const existing = cluster.addons.get(addonName);
  if (existing && settleAddon(ctx, cluster, existing))
    throw inUse('Addon already exists.', context);
  const addonVersion =
    optionalString(body, 'addonVersion') ?? (defaultVersion(entry, cluster.version) as string);
  checkVersion(cluster, entry, addonVersion);
  const serviceAccountRoleArn = optionalString(body, 'serviceAccountRoleArn');
  if (serviceAccountRoleArn) roleAccount(serviceAccountRoleArn, context);
  resolveConflicts(body, context);
  const configurationValues = optionalString(body, 'configurationValues');
  checkConfiguration(entry, configurationValues, clusterName);
  const tags = checkedTags(body.tags, clusterName);
  const configured = (body.namespaceConfig as { namespace?: unknown } | undefined)?.namespace;
  if (
    configured !== undefined &&
    (typeof configured !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(configured))
  ) {
    throw invalidParameter(`Invalid namespace: ${String(configured)}`, context);
  }
  const namespace = (configured as string | undefined) ?? entry.defaultNamespace;
  const wanted = parseAddonAssociations(body.podIdentityAssociations, clusterName, addonName) ?? [];
  checkAddonAssociations(ctx, cluster, addonName, undefined, namespace, wanted);
  const addon = addAddon(ctx, cluster, {
    addonName,
    addonVersion,
    serviceAccountRoleArn,
    configurationValues,
    tags,
    namespace: configured as string | undefined,
  });
  applyAddonAssociations(ctx, cluster, addon.addonArn, addon.namespace, wanted);
  addon.pendingFailure = takeAddonFailure(ctx.world, cluster.name, addonName, 'create');
  return ok({ addon: addonView(cluster, addon) });
}

export interface AddonInput {
  addonName: string;
  addonVersion: string;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  tags?: Record<string, string>;
  namespace?: string;
  /** Seeds start add-ons ACTIVE. */
  status?: string;
}

export function addAddon(ctx: EksContext, cluster: Cluster, input: AddonInput): Addon {
  const entry = catalogAddon(input.addonName) as CatalogAddon;
  const now = ctx.world.clock.now();
  const addon: Addon = {
    addonName: input.addonName,
    clusterName: cluster.name,
    addonArn: `arn:aws:eks:${cluster.region}:${ctx.world.accountId}:addon/${cluster.name}/${input.addonName}/${uuid()}`,
    addonVersion: input.addonVersion,
    status: input.status ?? 'CREATING',
    pendingUntil: input.status
      ? undefined
      : now + ctx.world.clock.real(ctx.world.durations.addonCreate),
    createdAt: now,
    modifiedAt: now,
    serviceAccountRoleArn: input.serviceAccountRoleArn,
    configurationValues: input.configurationValues,
    namespace: input.namespace ?? entry.defaultNamespace,
    namespaceConfigured: input.namespace !== undefined,
    tags: { ...input.tags },
    issues: [],
    publisher: entry.publisher,
    owner: entry.owner,
  };
  cluster.addons.set(addon.addonName, addon);
  return addon;
}

export function describeAddon(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  name: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  return ok({ addon: addonView(cluster, requireAddon(ctx, cluster, name)) });
}

export function updateAddon(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  name: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const addon = requireAddon(ctx, cluster, name);
  const entry = catalogAddon(name) as CatalogAddon;
  const context = { clusterName, addonName: name };
  const body = parseBody(req.body);
  requireActive(cluster);
  if (!['ACTIVE', 'DEGRADED', 'CREATE_FAILED', 'UPDATE_FAILED'].includes(addon.status)) {
    throw invalidRequest(
      `Addon ${name} is in ${addon.status} status and cannot be updated`,
      context,
    );
  }
  const params: { type: string; value: string }[] = [];
  const addonVersion = optionalString(body, 'addonVersion');
  if (addonVersion !== undefined) checkVersion(cluster, entry, addonVersion);
  const serviceAccountRoleArn = optionalString(body, 'serviceAccountRoleArn');
  if (serviceAccountRoleArn) roleAccount(serviceAccountRoleArn, context);
  const conflicts = resolveConflicts(body, context);
  const configurationValues = optionalString(body, 'configurationValues');
  checkConfiguration(entry, configurationValues, clusterName);
  const wanted = parseAddonAssociations(body.podIdentityAssociations, clusterName, name);
  if (wanted) checkAddonAssociations(ctx, cluster, name, addon.addonArn, addon.namespace, wanted);

  if (addonVersion !== undefined) {
    addon.addonVersion = addonVersion;
    params.push({ type: 'AddonVersion', value: addonVersion });
  }
  if (serviceAccountRoleArn !== undefined) {
    addon.serviceAccountRoleArn = serviceAccountRoleArn || undefined;
    params.push({ type: 'ServiceAccountRoleArn', value: serviceAccountRoleArn });
  }
  if (conflicts !== undefined) params.push({ type: 'ResolveConflicts', value: conflicts });
  if (configurationValues !== undefined) {
    addon.configurationValues = configurationValues || undefined;
    params.push({ type: 'ConfigurationValues', value: configurationValues });
  }
  if (wanted) {
    applyAddonAssociations(ctx, cluster, addon.addonArn, addon.namespace, wanted);
    params.push({
      type: 'PodIdentityAssociations',
      value: JSON.stringify(
        cluster.associations.ownedBy(addon.addonArn).map((a) => a.associationArn),
      ),
    });
  }
  const now = ctx.world.clock.now();
  const doneAt = now + ctx.world.clock.real(ctx.world.durations.addonUpdate);
  addon.status = 'UPDATING';
  addon.pendingUntil = doneAt;
  addon.modifiedAt = now;
  const failure = takeAddonFailure(ctx.world, clusterName, name, 'update');
  addon.pendingFailure = failure;
  const update = { id: uuid(), addonName: name, params, createdAt: now, doneAt, failure };
  cluster.updates.set(update.id, update);
  return ok({ update: updateView(ctx, update) });
}

function updateView(ctx: EksContext, update: AddonUpdate): Record<string, unknown> {
  const done = ctx.world.clock.now() >= update.doneAt;
  // Only UPDATE_FAILED fails the update; a DEGRADED add-on was updated but is unhealthy.
  const failed = done && update.failure?.status === 'UPDATE_FAILED';
  return {
    id: update.id,
    status: failed ? 'Failed' : done ? 'Successful' : 'InProgress',
    type: 'AddonUpdate',
    params: update.params,
    createdAt: epochSeconds(update.createdAt),
    errors: failed && update.failure ? [updateError(update.failure)] : [],
  };
}

/** Add-on issue codes that are also update `ErrorCode`s; the others are reported as `Unknown`. */
const UPDATE_ERROR_CODES = new Set([
  'AccessDenied',
  'AdmissionRequestDenied',
  'ClusterUnreachable',
  'ConfigurationConflict',
  'InsufficientNumberOfReplicas',
  'K8sResourceNotFound',
  'UnsupportedAddonModification',
]);

/** DescribeUpdate's `errors[]` entry for a failed add-on update. */
const updateError = (failure: AddonFailure): Record<string, unknown> => ({
  errorCode: UPDATE_ERROR_CODES.has(failure.code) ? failure.code : 'Unknown',
  errorMessage: failure.message,
  resourceIds: [...failure.resourceIds],
});

export function describeUpdate(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  id: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const update = cluster.updates.get(id);
  const addonName = req.query.get('addonName');
  if (!update || (addonName !== null && addonName !== update.addonName)) {
    throw notFound(`No update found for ID: ${id}`, {
      clusterName,
      addonName: addonName ?? undefined,
    });
  }
  return ok({ update: updateView(ctx, update) });
}

export function listUpdates(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const addonName = req.query.get('addonName');
  const ids = [...cluster.updates.values()]
    .filter((u) => addonName === null || u.addonName === addonName)
    .map((u) => u.id);
  return ok({ updateIds: ids, nextToken: null });
}

export function deleteAddon(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  name: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const addon = requireAddon(ctx, cluster, name);
  if (addon.status !== 'DELETING') {
    releaseAddonAssociations(cluster, addon.addonArn, req.query.get('preserve') === 'true');
    addon.status = 'DELETING';
    addon.modifiedAt = ctx.world.clock.now();
    addon.pendingUntil = addon.modifiedAt + ctx.world.clock.real(ctx.world.durations.addonDelete);
  }
  return ok({ addon: addonView(cluster, addon) });
}

export function listAddons(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const maxResults = maxResultsOf(req.query);
  const scope = `addons/${cluster.arn}`;
  const after = decodeToken(req.query.get('nextToken'), scope);
  const names = [...cluster.addons.keys()].sort();
  const page = pageOf(names, after, maxResults);
  const last = page.keys.at(-1);
  return ok({ addons: page.keys, nextToken: page.more && last ? encodeToken(scope, last) : null });
}
