// The EKS part of a seed document (docs/emulator.md) and the state dump. Seeding bypasses the IAM
// role checks (roles may come from the same seed or not exist at all) but keeps the uniqueness,
// quota and catalog rules, so a seed cannot build a state AWS could not be in.

import type { EksContext } from './context.js';
import { findCluster } from './context.js';
import { addCluster, checkClusterName, clusterView } from './clusters.js';
import { addAddon, addonView, catalogEntryFor, checkVersion } from './addons.js';
import { addAssociation, associationView, checkCanAdd } from './associations.js';
import { checkAddonAssociations, applyAddonAssociations } from './addon-associations.js';
import { defaultVersion } from './catalog.js';
import type { Cluster } from './state.js';
import {
  accessEntryView,
  addAccessEntry,
  associatePolicy,
  associatedPolicyView,
  checkedScope,
} from './access-entries.js';

interface SeedAccessEntry {
  principalArn: string;
  type?: string;
  username?: string;
  kubernetesGroups?: string[];
  policies?: { policyArn: string; accessScope?: unknown }[];
}

interface SeedAssociation {
  namespace?: string;
  serviceAccount: string;
  roleArn: string;
  tags?: Record<string, string>;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
  associationId?: string;
}

interface SeedAddon {
  name: string;
  version?: string;
  status?: string;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  namespace?: string;
  tags?: Record<string, string>;
  podIdentityAssociations?: SeedAssociation[];
}

interface SeedCluster {
  name: string;
  region?: string;
  version?: string;
  status?: string;
  autoMode?: boolean;
  ipFamily?: 'ipv4' | 'ipv6';
  roleArn?: string;
  tags?: Record<string, string>;
  addons?: SeedAddon[];
  podIdentityAssociations?: SeedAssociation[];
  authenticationMode?: string;
  /** The cluster creator's IAM principal ARN (default: the static user `emulator`). */
  creator?: string;
  bootstrapClusterCreatorAdminPermissions?: boolean;
  accessEntries?: SeedAccessEntry[];
}

const list = <T>(value: unknown, what: string): T[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`seed: ${what} must be a list`);
  return value as T[];
};

export function seedEks(ctx: EksContext, doc: unknown): void {
  const clusters = list<SeedCluster>((doc as { clusters?: unknown }).clusters, 'clusters');
  for (const [i, spec] of clusters.entries()) {
    try {
      seedCluster(ctx, spec);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`seed: clusters[${i}] (${spec?.name}): ${message}`, { cause: error });
    }
  }
}

function checkedIpFamily(value: unknown): 'ipv4' | 'ipv6' | undefined {
  if (value === undefined || value === 'ipv4' || value === 'ipv6') return value;
  throw new Error(`ipFamily must be ipv4 or ipv6, got ${JSON.stringify(value)}`);
}

function seedCluster(ctx: EksContext, spec: SeedCluster): void {
  if (typeof spec?.name !== 'string') throw new Error('name is required');
  checkClusterName(spec.name);
  const region = spec.region ?? ctx.world.defaultRegion;
  // A cluster already there (from an earlier seed) gets the new add-ons and associations.
  const cluster =
    findCluster(ctx, region, spec.name) ??
    addCluster(
      ctx,
      {
        name: spec.name,
        region,
        version: spec.version,
        roleArn: spec.roleArn,
        autoMode: spec.autoMode,
        ipFamily: checkedIpFamily(spec.ipFamily),
        tags: spec.tags,
        status: spec.status ?? 'ACTIVE',
        authenticationMode: checkedMode(spec.authenticationMode),
        creatorArn: spec.creator,
        bootstrapCreatorAdmin: spec.bootstrapClusterCreatorAdminPermissions !== false,
      },
      ctx.world.clock.real(ctx.world.durations.clusterCreate),
    );
  for (const a of list<SeedAddon>(spec.addons, 'addons')) seedAddon(ctx, cluster, a);
  for (const e of list<SeedAccessEntry>(spec.accessEntries, 'accessEntries')) {
    seedAccessEntry(ctx, cluster, e);
  }
  for (const p of list<SeedAssociation>(spec.podIdentityAssociations, 'podIdentityAssociations')) {
    const namespace = p.namespace ?? 'default';
    if (!p.serviceAccount || !p.roleArn) {
      throw new Error('podIdentityAssociations need serviceAccount and roleArn');
    }
    if (p.associationId !== undefined && !/^a-[a-z0-9]{17}$/.test(p.associationId)) {
      throw new Error(`associationId ${p.associationId} is not a- followed by 17 [a-z0-9]`);
    }
    if (p.associationId && cluster.associations.byId.has(p.associationId)) {
      throw new Error(`associationId ${p.associationId} is used twice`);
    }
    if (p.policy && !p.disableSessionTags) throw new Error('policy needs disableSessionTags: true');
    checkCanAdd(cluster, namespace, p.serviceAccount);
    addAssociation(ctx, cluster, { ...p, namespace });
  }
}

function checkedMode(value: unknown): string | undefined {
  if (value === undefined || ['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'].includes(String(value))) {
    return value as string | undefined;
  }
  throw new Error(`authenticationMode must be API, API_AND_CONFIG_MAP or CONFIG_MAP`);
}

function seedAccessEntry(ctx: EksContext, cluster: Cluster, spec: SeedAccessEntry): void {
  if (typeof spec?.principalArn !== 'string') throw new Error('accessEntries need a principalArn');
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    throw new Error('a CONFIG_MAP cluster has no access entries');
  }
  // The creator's bootstrap entry may be seeded again with more policies.
  const entry =
    cluster.accessEntries.get(spec.principalArn) ??
    addAccessEntry(ctx, cluster, {
      principalArn: spec.principalArn,
      type: spec.type,
      username: spec.username,
      kubernetesGroups: spec.kubernetesGroups,
    });
  for (const p of list<{ policyArn: string; accessScope?: unknown }>(spec.policies, 'policies')) {
    const scope = checkedScope(p.accessScope ?? { type: 'cluster' }, cluster.name);
    associatePolicy(ctx, cluster, entry, p.policyArn, scope);
  }
}

function seedAddon(ctx: EksContext, cluster: Cluster, spec: SeedAddon): void {
  if (typeof spec?.name !== 'string') throw new Error('addons need a name');
  const entry = catalogEntryFor(cluster, spec.name);
  const version = spec.version ?? (defaultVersion(entry, cluster.version) as string);
  checkVersion(cluster, entry, version);
  if (cluster.addons.has(spec.name)) throw new Error(`add-on ${spec.name} is seeded twice`);
  const addon = addAddon(ctx, cluster, {
    addonName: spec.name,
    addonVersion: version,
    serviceAccountRoleArn: spec.serviceAccountRoleArn,
    configurationValues: spec.configurationValues,
    tags: spec.tags,
    namespace: spec.namespace,
    status: spec.status ?? 'ACTIVE',
  });
  const wanted = list<SeedAssociation>(spec.podIdentityAssociations, 'podIdentityAssociations');
  const namespace = addon.namespace;
  const pairs = wanted.map((w) => ({ serviceAccount: w.serviceAccount, roleArn: w.roleArn }));
  checkAddonAssociations(ctx, cluster, spec.name, addon.addonArn, namespace, pairs, false);
  applyAddonAssociations(ctx, cluster, addon.addonArn, namespace, pairs);
}

/** GET /_emulator/state: clusters with their add-ons and associations (settled first). */
export function dumpEks(ctx: EksContext): unknown {
  const clusters = [];
  for (const [region, map] of ctx.state.regions) {
    for (const name of [...map.keys()].sort()) {
      const cluster = findCluster(ctx, region, name);
      if (!cluster) continue;
      clusters.push({
        ...clusterView(ctx.world, cluster),
        region,
        addons: [...cluster.addons.values()].map((a) => addonView(cluster, a)),
        podIdentityAssociations: cluster.associations.sortedIds.map((id) =>
          associationView(cluster.associations.byId.get(id) as never),
        ),
        accessEntries: [...cluster.accessEntries.values()].map((e) => ({
          ...accessEntryView(cluster, e),
          accessPolicies: [...e.policies.values()].map(associatedPolicyView),
        })),
      });
    }
  }
  return { clusters };
}
