// Pod identity associations (aws-api.md §2): Create, Describe, Update, Delete, List.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { requireActive, requireCluster, type EksContext } from './context.js';
import { EksError, inUse, invalidParameter, invalidRequest, notFound, ok } from './errors.js';
import { checkPodIdentityRole, roleAccount } from './roles.js';
import type { Association, Cluster } from './state.js';
import { checkedTags } from './tags.js';
import {
  decodeToken,
  encodeToken,
  epochSeconds,
  maxResultsOf,
  newAssociationId,
  optionalBoolean,
  optionalString,
  pageOf,
  parseBody,
  requiredString,
  upperBound,
  uuid,
} from './util.js';

/** Associations per cluster (aws-api.md §2: 5,000, not adjustable). */
export const ASSOCIATION_QUOTA = 5000;

export interface AssociationInput {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  tags?: Record<string, string>;
  disableSessionTags?: boolean;
  targetRoleArn?: string;
  policy?: string;
  ownerArn?: string;
  /** Seeds may pin the id. */
  associationId?: string;
}

export function associationArn(cluster: Cluster, id: string, accountId: string): string {
  return `arn:aws:eks:${cluster.region}:${accountId}:podidentityassociation/${cluster.name}/${id}`;
}

/** Quota and uniqueness checks shared by the API, add-ons and the seed. */
export function checkCanAdd(cluster: Cluster, namespace: string, serviceAccount: string): void {
  const existing = cluster.associations.find(namespace, serviceAccount);
  if (existing) {
    throw inUse(`Association already exists: ${existing.associationId}`, {
      clusterName: cluster.name,
    });
  }
  if (cluster.associations.size >= ASSOCIATION_QUOTA) {
    throw new EksError(
      400,
      'ResourceLimitExceededException',
      `Cannot exceed quota for PodIdentityAssociationsPerCluster: ${ASSOCIATION_QUOTA}`,
      { clusterName: cluster.name },
    );
  }
}

/** Stores a new association (checks done by the caller). */
export function addAssociation(
  ctx: EksContext,
  cluster: Cluster,
  input: AssociationInput,
): Association {
  const now = ctx.world.clock.now();
  let id = input.associationId ?? newAssociationId();
  while (cluster.associations.byId.has(id)) id = newAssociationId();
  const association: Association = {
    associationId: id,
    associationArn: associationArn(cluster, id, ctx.world.accountId),
    clusterName: cluster.name,
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    roleArn: input.roleArn,
    createdAt: now,
    modifiedAt: now,
    tags: { ...input.tags },
    ownerArn: input.ownerArn,
    disableSessionTags: input.disableSessionTags ?? false,
    targetRoleArn: input.targetRoleArn || undefined,
    externalId: input.targetRoleArn ? uuid() : undefined,
    policy: input.policy || undefined,
  };
  cluster.associations.add(association);
  return association;
}

export function associationView(a: Association): Record<string, unknown> {
  return {
    clusterName: a.clusterName,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    associationArn: a.associationArn,
    associationId: a.associationId,
    tags: { ...a.tags },
    createdAt: epochSeconds(a.createdAt),
    modifiedAt: epochSeconds(a.modifiedAt),
    ownerArn: a.ownerArn,
    disableSessionTags: a.disableSessionTags,
    targetRoleArn: a.targetRoleArn,
    externalId: a.externalId,
    policy: a.policy,
  };
}

function summaryView(a: Association): Record<string, unknown> {
  return {
    clusterName: a.clusterName,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    associationArn: a.associationArn,
    associationId: a.associationId,
    ownerArn: a.ownerArn,
  };
}

/** `policy` must be a JSON document, and only applies with session tags disabled (aws-api.md §2). */
function checkPolicy(
  policy: string | undefined,
  disableSessionTags: boolean,
  clusterName: string,
): void {
  if (!policy) return;
  try {
    const parsed: unknown = JSON.parse(policy);
    if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
  } catch {
    throw invalidParameter('The policy provided is not a valid JSON policy document.', {
      clusterName,
    });
  }
  if (!disableSessionTags) {
    throw invalidParameter('disableSessionTags must be set to true when a policy is provided.', {
      clusterName,
    });
  }
}

function checkTargetRole(targetRoleArn: string | undefined, clusterName: string): void {
  // The target role may live in any account, so only its format can be checked here.
  if (targetRoleArn) roleAccount(targetRoleArn, { clusterName });
}

function findAssociation(cluster: Cluster, id: string): Association {
  if (id.length !== 19) {
    throw invalidParameter('The parameter associationId should be 19 characters long.', {
      clusterName: cluster.name,
    });
  }
  const association = cluster.associations.byId.get(id);
  if (!association) {
    throw notFound(`No association found for id: ${id}.`, { clusterName: cluster.name });
  }
  return association;
}

/** Add-on-owned associations change only through the add-on (UpdateAddon / DeleteAddon). */
function refuseOwned(association: Association, cluster: Cluster): void {
  if (association.ownerArn) {
    throw invalidRequest(
      `Pod identity association ${association.associationId} is owned by ${association.ownerArn} and can only be changed through the add-on.`,
      { clusterName: cluster.name },
    );
  }
}

export function createAssociation(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const body = parseBody(req.body);
  const context = { clusterName };
  const namespace = requiredString(body, 'namespace');
  const serviceAccount = requiredString(body, 'serviceAccount');
  const roleArn = requiredString(body, 'roleArn');
  const tags = checkedTags(body.tags, clusterName);
  const disableSessionTags = optionalBoolean(body, 'disableSessionTags') ?? false;
  const targetRoleArn = optionalString(body, 'targetRoleArn');
  const policy = optionalString(body, 'policy');
  requireActive(cluster);
  checkCanAdd(cluster, namespace, serviceAccount);
  checkPodIdentityRole(ctx.world, roleArn, context);
  checkTargetRole(targetRoleArn, clusterName);
  checkPolicy(policy, disableSessionTags, clusterName);
  const association = addAssociation(ctx, cluster, {
    namespace,
    serviceAccount,
    roleArn,
    tags,
    disableSessionTags,
    targetRoleArn,
    policy,
  });
  return ok({ association: associationView(association) });
}

export function describeAssociation(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  id: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  return ok({ association: associationView(findAssociation(cluster, id)) });
}

export function updateAssociation(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  id: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const association = findAssociation(cluster, id);
  const body = parseBody(req.body);
  const context = { clusterName };
  const roleArn = optionalString(body, 'roleArn');
  const disableSessionTags = optionalBoolean(body, 'disableSessionTags');
  const targetRoleArn = optionalString(body, 'targetRoleArn');
  const policy = optionalString(body, 'policy');
  if ([roleArn, disableSessionTags, targetRoleArn, policy].every((v) => v === undefined)) {
    // "You must change at least one of these in an update" (API reference); the text is ours.
    throw invalidParameter(
      'At least one of roleArn, targetRoleArn, disableSessionTags or policy must be provided.',
      context,
    );
  }
  refuseOwned(association, cluster);
  requireActive(cluster);
  if (roleArn !== undefined) checkPodIdentityRole(ctx.world, roleArn, context);
  checkTargetRole(targetRoleArn, clusterName);
  const nextDisable = disableSessionTags ?? association.disableSessionTags;
  const nextPolicy = policy === undefined ? association.policy : policy || undefined;
  checkPolicy(nextPolicy, nextDisable, clusterName);

  const before = JSON.stringify(associationView(association));
  if (roleArn !== undefined) association.roleArn = roleArn;
  association.disableSessionTags = nextDisable;
  association.policy = nextPolicy;
  if (targetRoleArn === '') {
    // An empty target clears it, and the external id that went with it.
    association.targetRoleArn = undefined;
    association.externalId = undefined;
  } else if (targetRoleArn !== undefined) {
    association.targetRoleArn = targetRoleArn;
    association.externalId ??= uuid();
  }
  // Same values again are accepted; modifiedAt only moves on a real change.
  if (JSON.stringify(associationView(association)) !== before) {
    association.modifiedAt = ctx.world.clock.now();
  }
  return ok({ association: associationView(association) });
}

export function deleteAssociation(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
  id: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const association = findAssociation(cluster, id);
  refuseOwned(association, cluster);
  cluster.associations.remove(association);
  return ok({ association: associationView(association) });
}

/**
 * One page, O(page): ids are kept sorted per cluster and per namespace; the token is the last id.
 * Only a serviceAccount-only filter walks ids beyond the page (until the page is full).
 */
export function listAssociations(
  ctx: EksContext,
  req: EmulatorRequest,
  clusterName: string,
): EmulatorResponse {
  const cluster = requireCluster(ctx, req, clusterName);
  const maxResults = maxResultsOf(req.query);
  const namespace = req.query.get('namespace') ?? undefined;
  const serviceAccount = req.query.get('serviceAccount') ?? undefined;
  const scope = `${cluster.region}/${cluster.name}/${namespace ?? ''}/${serviceAccount ?? ''}`;
  const after = decodeToken(req.query.get('nextToken'), scope);
  const index = cluster.associations;

  let items: Association[];
  let more = false;
  if (namespace !== undefined && serviceAccount !== undefined) {
    const one = index.find(namespace, serviceAccount);
    items = one && after === undefined ? [one] : [];
  } else if (serviceAccount === undefined) {
    const ids =
      namespace === undefined ? index.sortedIds : (index.byNamespace.get(namespace) ?? []);
    const page = pageOf(ids, after, maxResults);
    items = page.keys.map((k) => index.byId.get(k) as Association);
    more = page.more;
  } else {
    items = [];
    const ids = index.sortedIds;
    let i = after === undefined ? 0 : upperBound(ids, after);
    for (; i < ids.length && items.length < maxResults; i++) {
      const a = index.byId.get(ids[i]) as Association;
      if (a.serviceAccount === serviceAccount) items.push(a);
    }
    more = i < ids.length && items.length === maxResults;
  }
  const last = items.at(-1);
  return ok({
    associations: items.map(summaryView),
    nextToken: more && last ? encodeToken(scope, last.associationId) : null,
  });
}
