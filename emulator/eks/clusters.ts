// Clusters (minimal, what the action needs): CreateCluster, DescribeCluster, ListClusters,
// DeleteCluster. CREATING → ACTIVE after `durations.clusterCreate`; DELETING → gone after
// `durations.clusterDelete` (add-ons and associations go with the cluster).

import type { EmulatorRequest, EmulatorResponse, World } from '../core/types.js';
import { KubeStore } from '../kubernetes/store.js';
import { bootstrapCreator } from './access-entries.js';
import { findCluster, regionOf, requireCluster, type EksContext } from './context.js';
import { inUse, invalidParameter, ok } from './errors.js';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from './catalog.js';
import { roleAccount } from './roles.js';
import { AssociationIndex, type Cluster } from './state.js';
import { checkedTags } from './tags.js';
import {
  decodeToken,
  encodeToken,
  epochSeconds,
  maxResultsOf,
  newIssuerId,
  optionalString,
  pageOf,
  parseBody,
  requiredString,
} from './util.js';

/** The cluster name pattern of the EKS API (aws-api.md §3), 1–100 characters. */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

export interface ClusterInput {
  name: string;
  region: string;
  version?: string;
  roleArn?: string;
  status?: string;
  autoMode?: boolean;
  /** kubernetesNetworkConfig.ipFamily, fixed at creation. */
  ipFamily?: 'ipv4' | 'ipv6';
  tags?: Record<string, string>;
  authenticationMode?: string;
  /** The IAM principal creating it (default: the static user the emulator's unknown keys are). */
  creatorArn?: string;
  /** accessConfig.bootstrapClusterCreatorAdminPermissions (default true). */
  bootstrapCreatorAdmin?: boolean;
}

export function checkClusterName(name: string): void {
  if (!CLUSTER_NAME.test(name)) {
    throw invalidParameter(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z][A-Za-z0-9\\-_]*`,
    );
  }
}

/** Stores a cluster; `pendingFor` real ms in CREATING (0 → ACTIVE at once). */
export function addCluster(ctx: EksContext, input: ClusterInput, pendingFor: number): Cluster {
  const now = ctx.world.clock.now();
  const version = input.version ?? DEFAULT_KUBERNETES_VERSION;
  const status = input.status ?? (pendingFor > 0 ? 'CREATING' : 'ACTIVE');
  const cluster: Cluster = {
    name: input.name,
    region: input.region,
    arn: `arn:aws:eks:${input.region}:${ctx.world.accountId}:cluster/${input.name}`,
    version,
    roleArn: input.roleArn ?? `arn:aws:iam::${ctx.world.accountId}:role/eksClusterRole`,
    status,
    pendingUntil: status === 'CREATING' ? now + pendingFor : undefined,
    createdAt: now,
    issuerId: newIssuerId(),
    endpointId: newIssuerId(),
    platformVersion: 'eks.8',
    autoMode: input.autoMode ?? false,
    ipFamily: input.ipFamily ?? 'ipv4',
    authenticationMode: input.authenticationMode ?? 'API_AND_CONFIG_MAP',
    tags: { ...input.tags },
    addons: new Map(),
    updates: new Map(),
    associations: new AssociationIndex(),
    accessEntries: new Map(),
    creatorArn: input.creatorArn ?? `arn:aws:iam::${ctx.world.accountId}:user/emulator`,
    kubernetes: new KubeStore(() => ctx.world.clock.now()),
  };
  ctx.state.clusters(input.region).set(input.name, cluster);
  if (input.bootstrapCreatorAdmin ?? true) bootstrapCreator(ctx, cluster);
  return cluster;
}

/** The OIDC issuer without `https://`: IAM's provider URL, and the prefix of IRSA condition keys. */
export const issuerHost = (cluster: Cluster): string =>
  `oidc.eks.${cluster.region}.amazonaws.com/id/${cluster.issuerId}`;

export function clusterView(world: World, cluster: Cluster): Record<string, unknown> {
  const api = world.kubernetesApi;
  return {
    name: cluster.name,
    arn: cluster.arn,
    createdAt: epochSeconds(cluster.createdAt),
    version: cluster.version,
    // The emulator's HTTPS port serves every cluster's API under its own path (DESIGN §9).
    endpoint: api
      ? `${api.url}/_k8s/${cluster.name}`
      : `https://${cluster.endpointId}.gr7.${cluster.region}.eks.amazonaws.com`,
    roleArn: cluster.roleArn,
    resourcesVpcConfig: {
      subnetIds: [],
      securityGroupIds: [],
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig:
      cluster.ipFamily === 'ipv6'
        ? { serviceIpv6Cidr: 'fd00:ec2::/108', ipFamily: 'ipv6' }
        : { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
    identity: { oidc: { issuer: `https://${issuerHost(cluster)}` } },
    status: cluster.status,
    certificateAuthority: {
      data: Buffer.from(api?.certificate ?? `emulated CA for ${cluster.name}`).toString('base64'),
    },
    platformVersion: cluster.platformVersion,
    tags: { ...cluster.tags },
    accessConfig: { authenticationMode: cluster.authenticationMode },
    ...(cluster.autoMode
      ? {
          computeConfig: { enabled: true, nodePools: ['general-purpose', 'system'] },
          storageConfig: { blockStorage: { enabled: true } },
        }
      : {}),
  };
}

export function createCluster(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const body = parseBody(req.body);
  const name = requiredString(body, 'name');
  checkClusterName(name);
  const version = optionalString(body, 'version');
  if (version !== undefined && !KUBERNETES_VERSIONS.includes(version)) {
    throw invalidParameter(`unsupported Kubernetes version ${version}`, { clusterName: name });
  }
  const roleArn = requiredString(body, 'roleArn');
  roleAccount(roleArn, { clusterName: name });
  const tags = checkedTags(body.tags, name);
  const region = regionOf(ctx, req);
  if (findCluster(ctx, region, name)) {
    throw inUse(`Cluster already exists with name: ${name}`, { clusterName: name });
  }
  const compute = body.computeConfig as { enabled?: unknown } | undefined;
  const access = body.accessConfig as
    { authenticationMode?: unknown; bootstrapClusterCreatorAdminPermissions?: unknown } | undefined;
  const mode = access?.authenticationMode;
  if (mode !== undefined && !['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'].includes(String(mode))) {
    throw invalidParameter(`The authentication mode ${String(mode)} is invalid.`, {
      clusterName: name,
    });
  }
  const bootstrap = access?.bootstrapClusterCreatorAdminPermissions;
  if (bootstrap !== undefined && typeof bootstrap !== 'boolean') {
    throw invalidParameter('bootstrapClusterCreatorAdminPermissions must be a boolean.', {
      clusterName: name,
    });
  }
  const network = body.kubernetesNetworkConfig as { ipFamily?: unknown } | undefined;
  if (
    network?.ipFamily !== undefined &&
    network.ipFamily !== 'ipv4' &&
    network.ipFamily !== 'ipv6'
  ) {
    throw invalidParameter('ipFamily must be ipv4 or ipv6', { clusterName: name });
  }
  const cluster = addCluster(
    ctx,
    {
      name,
      region,
      version,
      roleArn,
      tags,
      autoMode: compute?.enabled === true,
      ipFamily: network?.ipFamily as 'ipv4' | 'ipv6' | undefined,
      authenticationMode: typeof mode === 'string' ? mode : undefined,
      creatorArn: ctx.world.principalOf?.(req.accessKeyId),
      bootstrapCreatorAdmin: bootstrap !== false,
    },
    ctx.world.clock.real(ctx.world.durations.clusterCreate),
  );
  return ok({ cluster: clusterView(ctx.world, cluster) });
}

export function describeCluster(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
): EmulatorResponse {
  return ok({ cluster: clusterView(ctx.world, requireCluster(ctx, req, name)) });
}

export function listClusters(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const region = regionOf(ctx, req);
  const maxResults = maxResultsOf(req.query);
  const after = decodeToken(req.query.get('nextToken'), `clusters/${region}`);
  // Few clusters per region: sorting the live names per call is fine here.
  const names = [...ctx.state.clusters(region).keys()]
    .filter((n) => findCluster(ctx, region, n))
    .sort();
  const page = pageOf(names, after, maxResults);
  const last = page.keys.at(-1);
  return ok({
    clusters: page.keys,
    nextToken: page.more && last ? encodeToken(`clusters/${region}`, last) : null,
  });
}

export function deleteCluster(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, name);
  const delay = ctx.world.clock.real(ctx.world.durations.clusterDelete ?? 0);
  cluster.status = 'DELETING';
  if (delay > 0) cluster.pendingUntil = ctx.world.clock.now() + delay;
  else ctx.state.clusters(cluster.region).delete(name);
  return ok({ cluster: clusterView(ctx.world, cluster) });
}
