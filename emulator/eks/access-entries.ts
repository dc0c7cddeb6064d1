// EKS access entries (restJson1): Create/Describe/List/Update/DeleteAccessEntry,
// Associate/DisassociateAccessPolicy, ListAssociatedAccessPolicies, ListAccessPolicies. They decide
// who may call a cluster's Kubernetes API (kubernetes/access.ts). The cluster creator's entry is added
// by CreateCluster (and the seed) unless bootstrapClusterCreatorAdminPermissions is false.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { regionOf, requireCluster, type EksContext } from './context.js';
import { inUse, invalidParameter, invalidRequest, notFound, ok } from './errors.js';
import { ACCESS_POLICIES, CLUSTER_ADMIN_POLICY, isAccessPolicy } from './access-policies.js';
import type { AccessEntry, AccessScope, AssociatedAccessPolicy, Cluster } from './state.js';
import { checkedTags } from './tags.js';
import {
  decodeToken,
  encodeToken,
  epochSeconds,
  maxResultsOf,
  pageOf,
  parseBody,
  requiredString,
  optionalString,
  uuid,
} from './util.js';

const PRINCIPAL = /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):(role|user)\/(.+)$/;
const TYPES = [
  'STANDARD',
  'EC2_LINUX',
  'EC2_WINDOWS',
  'FARGATE_LINUX',
  'EC2',
  'HYBRID_LINUX',
  'HYPERPOD_LINUX',
];
const RESERVED_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];
/** A namespace name, or a prefix of one followed by `*`. */
const NAMESPACE_IN_SCOPE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$|^[a-z0-9][-a-z0-9]*\*$/;

/** Access entries need the API (access entry) authentication mode. */
function requireApiMode(cluster: Cluster): void {
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    throw invalidRequest(
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
      { clusterName: cluster.name },
    );
  }
}

function parsePrincipal(arn: string, clusterName: string) {
  const match = PRINCIPAL.exec(arn);
  if (!match) {
    throw invalidParameter(`The specified principalArn is invalid: ${arn}`, { clusterName });
  }
  const [, account, kind, resource] = match;
  return { account, kind, name: resource.split('/').at(-1) as string };
}

/** The Kubernetes user name EKS gives a principal when the entry names none. */
export function defaultUsername(principalArn: string): string {
  const match = PRINCIPAL.exec(principalArn);
  if (match && match[2] === 'role') {
    const name = match[3].split('/').at(-1) as string;
    return `arn:aws:sts::${match[1]}:assumed-role/${name}/{{SessionName}}`;
  }
  return principalArn;
}

export interface AccessEntryInput {
  principalArn: string;
  kubernetesGroups?: string[];
  username?: string;
  type?: string;
  tags?: Record<string, string>;
}

/** Checks and stores an entry (used by CreateAccessEntry, the creator bootstrap and the seed). */
export function addAccessEntry(
  ctx: EksContext,
  cluster: Cluster,
  input: AccessEntryInput,
): AccessEntry {
  const clusterName = cluster.name;
  const principal = parsePrincipal(input.principalArn, clusterName);
  const type = input.type ?? 'STANDARD';
  if (!TYPES.includes(type)) {
    throw invalidParameter(`The specified type ${type} is invalid.`, { clusterName });
  }
  if (type !== 'STANDARD' && (input.username !== undefined || input.kubernetesGroups?.length)) {
    throw invalidParameter(
      `Username and kubernetesGroups cannot be specified for an access entry of type ${type}.`,
      { clusterName },
    );
  }
  for (const value of [input.username, ...(input.kubernetesGroups ?? [])]) {
    const reserved = RESERVED_PREFIXES.find((p) => value?.startsWith(p));
    if (reserved) {
      throw invalidParameter(`The value ${value} cannot start with the prefix ${reserved}.`, {
        clusterName,
      });
    }
  }
  if (cluster.accessEntries.has(input.principalArn)) {
    throw inUse('The specified access entry resource is already in use on this cluster.', {
      clusterName,
    });
  }
  const now = ctx.world.clock.now();
  const entry: AccessEntry = {
    principalArn: input.principalArn,
    accessEntryArn: `arn:aws:eks:${cluster.region}:${ctx.world.accountId}:access-entry/${clusterName}/${principal.kind}/${principal.account}/${principal.name}/${uuid()}`,
    kubernetesGroups: [...new Set(input.kubernetesGroups ?? [])],
    username: input.username ?? defaultUsername(input.principalArn),
    type,
    tags: { ...input.tags },
    createdAt: now,
    modifiedAt: now,
    policies: new Map(),
  };
  cluster.accessEntries.set(entry.principalArn, entry);
  return entry;
}

/** Checks an access scope as AssociateAccessPolicy does. */
export function checkedScope(value: unknown, clusterName: string): AccessScope {
  const scope = value as { type?: unknown; namespaces?: unknown } | undefined;
  if (!scope || (scope.type !== 'cluster' && scope.type !== 'namespace')) {
    throw invalidParameter('accessScope.type must be one of [cluster, namespace].', {
      clusterName,
    });
  }
  const namespaces = scope.namespaces ?? [];
  if (!Array.isArray(namespaces) || namespaces.some((n) => typeof n !== 'string')) {
    throw invalidParameter('accessScope.namespaces must be a list of strings.', { clusterName });
  }
  if (scope.type === 'cluster' && namespaces.length > 0) {
    throw invalidParameter(
      'Namespaces cannot be specified when the access scope type is cluster.',
      {
        clusterName,
      },
    );
  }
  if (scope.type === 'namespace' && namespaces.length === 0) {
    throw invalidParameter(
      'At least one namespace must be specified when the access scope type is namespace.',
      { clusterName },
    );
  }
  const bad = (namespaces as string[]).find((n) => n.length > 63 || !NAMESPACE_IN_SCOPE.test(n));
  if (bad !== undefined) {
    throw invalidParameter(`The namespace ${bad} in accessScope.namespaces is invalid.`, {
      clusterName,
    });
  }
  return { type: scope.type, namespaces: [...new Set(namespaces as string[])] };
}

/** Associates (or re-scopes) a policy on an entry. */
export function associatePolicy(
  ctx: EksContext,
  cluster: Cluster,
  entry: AccessEntry,
  policyArn: string,
  accessScope: AccessScope,
): AssociatedAccessPolicy {
  if (!isAccessPolicy(policyArn)) {
    throw invalidParameter(`The specified policyArn ${policyArn} is invalid.`, {
      clusterName: cluster.name,
    });
  }
  if (entry.type !== 'STANDARD') {
    throw invalidRequest('Access policies can only be associated with STANDARD access entries.', {
      clusterName: cluster.name,
    });
  }
  const now = ctx.world.clock.now();
  const existing = entry.policies.get(policyArn);
  const association: AssociatedAccessPolicy = {
    policyArn,
    accessScope,
    associatedAt: existing?.associatedAt ?? now,
    modifiedAt: now,
  };
  entry.policies.set(policyArn, association);
  return association;
}

/** The creator's cluster-admin entry that CreateCluster adds by default. */
export function bootstrapCreator(ctx: EksContext, cluster: Cluster): void {
  if (cluster.authenticationMode === 'CONFIG_MAP') return;
  const entry =
    cluster.accessEntries.get(cluster.creatorArn) ??
    addAccessEntry(ctx, cluster, { principalArn: cluster.creatorArn });
  associatePolicy(ctx, cluster, entry, CLUSTER_ADMIN_POLICY, { type: 'cluster', namespaces: [] });
}

export function accessEntryView(cluster: Cluster, entry: AccessEntry): Record<string, unknown> {
  return {
    clusterName: cluster.name,
    principalArn: entry.principalArn,
    kubernetesGroups: entry.kubernetesGroups,
    accessEntryArn: entry.accessEntryArn,
    createdAt: epochSeconds(entry.createdAt),
    modifiedAt: epochSeconds(entry.modifiedAt),
    tags: { ...entry.tags },
    username: entry.username,
    type: entry.type,
  };
}

export function associatedPolicyView(p: AssociatedAccessPolicy): Record<string, unknown> {
  return {
    policyArn: p.policyArn,
    accessScope: { type: p.accessScope.type, namespaces: [...p.accessScope.namespaces] },
    associatedAt: epochSeconds(p.associatedAt),
    modifiedAt: epochSeconds(p.modifiedAt),
  };
}

function apiCluster(ctx: EksContext, req: EmulatorRequest, name: string): Cluster {
  const cluster = requireCluster(ctx, req, name);
  requireApiMode(cluster);
  return cluster;
}

function requireEntry(cluster: Cluster, principalArn: string): AccessEntry {
  const entry = cluster.accessEntries.get(principalArn);
  if (!entry) {
    throw notFound('The specified access entry resource could not be found.', {
      clusterName: cluster.name,
    });
  }
  return entry;
}

function stringList(body: Record<string, unknown>, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidParameter(`The parameter ${key} must be a list of strings.`);
  }
  return value as string[];
}

export function createAccessEntry(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
): EmulatorResponse {
  const body = parseBody(req.body);
  const principalArn = requiredString(body, 'principalArn');
  const cluster = apiCluster(ctx, req, name);
  const principal = parsePrincipal(principalArn, cluster.name);
  // EKS looks the role up (it stores its unique id); roles of other accounts cannot be checked here.
  if (
    principal.kind === 'role' &&
    principal.account === ctx.world.accountId &&
    ctx.world.iam &&
    !ctx.world.iam.getRoleByArn(principalArn)
  ) {
    throw invalidParameter(
      `The specified principalArn could not be found. You can view your available IAM principals in the IAM console.`,
      { clusterName: cluster.name },
    );
  }
  const entry = addAccessEntry(ctx, cluster, {
    principalArn,
    kubernetesGroups: stringList(body, 'kubernetesGroups'),
    username: optionalString(body, 'username'),
    type: optionalString(body, 'type'),
    tags: checkedTags(body.tags, cluster.name),
  });
  return ok({ accessEntry: accessEntryView(cluster, entry) });
}

export function describeAccessEntry(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
): EmulatorResponse {
  const cluster = apiCluster(ctx, req, name);
  return ok({ accessEntry: accessEntryView(cluster, requireEntry(cluster, principalArn)) });
}

export function updateAccessEntry(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
): EmulatorResponse {
  const body = parseBody(req.body);
  const cluster = apiCluster(ctx, req, name);
  const entry = requireEntry(cluster, principalArn);
  const groups = stringList(body, 'kubernetesGroups');
  const username = optionalString(body, 'username');
  if (entry.type !== 'STANDARD' && (username !== undefined || groups?.length)) {
    throw invalidParameter(
      `Username and kubernetesGroups cannot be specified for an access entry of type ${entry.type}.`,
      { clusterName: cluster.name },
    );
  }
  if (groups !== undefined) entry.kubernetesGroups = [...new Set(groups)];
  if (username !== undefined) entry.username = username;
  entry.modifiedAt = ctx.world.clock.now();
  return ok({ accessEntry: accessEntryView(cluster, entry) });
}

export function deleteAccessEntry(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
): EmulatorResponse {
  const cluster = apiCluster(ctx, req, name);
  requireEntry(cluster, principalArn);
  cluster.accessEntries.delete(principalArn);
  return ok({});
}

export function listAccessEntries(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
): EmulatorResponse {
  const cluster = apiCluster(ctx, req, name);
  const maxResults = maxResultsOf(req.query);
  const policy = req.query.get('associatedPolicyArn');
  const scope = `access-entries/${cluster.arn}/${policy ?? ''}`;
  const after = decodeToken(req.query.get('nextToken'), scope);
  const arns = [...cluster.accessEntries.values()]
    .filter((e) => !policy || e.policies.has(policy))
    .map((e) => e.principalArn)
    .sort();
  const page = pageOf(arns, after, maxResults);
  const last = page.keys.at(-1);
  return ok({
    accessEntries: page.keys,
    nextToken: page.more && last ? encodeToken(scope, last) : null,
  });
}

export function associateAccessPolicy(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
): EmulatorResponse {
  const body = parseBody(req.body);
  const policyArn = requiredString(body, 'policyArn');
  const cluster = apiCluster(ctx, req, name);
  const scope = checkedScope(body.accessScope, cluster.name);
  const entry = requireEntry(cluster, principalArn);
  const association = associatePolicy(ctx, cluster, entry, policyArn, scope);
  return ok({
    clusterName: cluster.name,
    principalArn,
    associatedAccessPolicy: associatedPolicyView(association),
  });
}

export function disassociateAccessPolicy(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
  policyArn: string,
): EmulatorResponse {
  const cluster = apiCluster(ctx, req, name);
  const entry = requireEntry(cluster, principalArn);
  if (!entry.policies.delete(policyArn)) {
    throw notFound(`The specified policy ${policyArn} is not associated with the access entry.`, {
      clusterName: cluster.name,
    });
  }
  return ok({});
}

export function listAssociatedAccessPolicies(
  ctx: EksContext,
  req: EmulatorRequest,
  name: string,
  principalArn: string,
): EmulatorResponse {
  const cluster = apiCluster(ctx, req, name);
  const entry = requireEntry(cluster, principalArn);
  const maxResults = maxResultsOf(req.query);
  const scope = `associated-policies/${entry.accessEntryArn}`;
  const after = decodeToken(req.query.get('nextToken'), scope);
  const arns = [...entry.policies.keys()].sort();
  const page = pageOf(arns, after, maxResults);
  const last = page.keys.at(-1);
  return ok({
    clusterName: cluster.name,
    principalArn,
    associatedAccessPolicies: page.keys.map((arn) =>
      associatedPolicyView(entry.policies.get(arn) as AssociatedAccessPolicy),
    ),
    nextToken: page.more && last ? encodeToken(scope, last) : null,
  });
}

export function listAccessPolicies(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const maxResults = maxResultsOf(req.query);
  const scope = `access-policies/${regionOf(ctx, req)}`;
  const after = decodeToken(req.query.get('nextToken'), scope);
  const page = pageOf(
    ACCESS_POLICIES.map((p) => p.arn),
    after,
    maxResults,
  );
  const last = page.keys.at(-1);
  return ok({
    accessPolicies: ACCESS_POLICIES.filter((p) => page.keys.includes(p.arn)),
    nextToken: page.more && last ? encodeToken(scope, last) : null,
  });
}
