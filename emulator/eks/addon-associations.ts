// The pod identity associations an add-on owns (aws-api.md §3): its `podIdentityAssociations` create,
// replace or delete associations whose ownerArn is the add-on ARN; `[]` removes them all; leaving
// the field out changes nothing. An existing association the add-on does not own is never taken
// over: EKS wants it deleted and created again through the add-on.

import type { EksContext } from './context.js';
import { inUse, invalidParameter, EksError } from './errors.js';
import { addAssociation, ASSOCIATION_QUOTA } from './associations.js';
import { checkPodIdentityRole } from './roles.js';
import type { Cluster } from './state.js';

export interface AddonAssociation {
  serviceAccount: string;
  roleArn: string;
}

/** Reads the request member: undefined when absent (no change), else a validated list. */
export function parseAddonAssociations(
  value: unknown,
  clusterName: string,
  addonName: string,
): AddonAssociation[] | undefined {
  if (value === undefined || value === null) return undefined;
  const context = { clusterName, addonName };
  if (!Array.isArray(value)) {
    throw invalidParameter('podIdentityAssociations must be a list.', context);
  }
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const { serviceAccount, roleArn } = (item ?? {}) as Record<string, unknown>;
    if (
      typeof serviceAccount !== 'string' ||
      serviceAccount === '' ||
      typeof roleArn !== 'string'
    ) {
      throw invalidParameter(
        'Each podIdentityAssociations entry needs a serviceAccount and a roleArn.',
        context,
      );
    }
    if (seen.has(serviceAccount)) {
      throw invalidParameter(
        `Duplicate service account ${serviceAccount} in podIdentityAssociations.`,
        context,
      );
    }
    seen.add(serviceAccount);
    return { serviceAccount, roleArn };
  });
}

/**
 * Everything that could refuse the change, checked before anything is written so a refused
 * CreateAddon/UpdateAddon leaves no partial state. `addonArn` is undefined for a new add-on.
 */
export function checkAddonAssociations(
  ctx: EksContext,
  cluster: Cluster,
  addonName: string,
  addonArn: string | undefined,
  namespace: string,
  wanted: AddonAssociation[],
  checkRoles = true,
): void {
  const context = { clusterName: cluster.name, addonName };
  let added = 0;
  for (const { serviceAccount, roleArn } of wanted) {
    const existing = cluster.associations.find(namespace, serviceAccount);
    if (existing && (addonArn === undefined || existing.ownerArn !== addonArn)) {
      // Same code and text as a duplicate CreatePodIdentityAssociation (the AWS code for this case
      // is unverified, aws-api.md §3/§8).
      throw inUse(`Association already exists: ${existing.associationId}`, context);
    }
    if (!existing) added++;
    if (checkRoles) checkPodIdentityRole(ctx.world, roleArn, context);
  }
  const removed = addonArn
    ? cluster.associations
        .ownedBy(addonArn)
        .filter((a) => !wanted.some((w) => w.serviceAccount === a.serviceAccount)).length
    : 0;
  if (cluster.associations.size + added - removed > ASSOCIATION_QUOTA) {
    throw new EksError(
      400,
      'ResourceLimitExceededException',
      `Cannot exceed quota for PodIdentityAssociationsPerCluster: ${ASSOCIATION_QUOTA}`,
      { clusterName: cluster.name },
    );
  }
}

/** Makes the add-on's owned associations match `wanted` (create, re-point, delete). */
export function applyAddonAssociations(
  ctx: EksContext,
  cluster: Cluster,
  addonArn: string,
  namespace: string,
  wanted: AddonAssociation[],
): void {
  const index = cluster.associations;
  for (const owned of index.ownedBy(addonArn)) {
    if (!wanted.some((w) => w.serviceAccount === owned.serviceAccount)) index.remove(owned);
  }
  for (const { serviceAccount, roleArn } of wanted) {
    const existing = index.find(namespace, serviceAccount);
    if (existing) {
      if (existing.roleArn !== roleArn) {
        existing.roleArn = roleArn;
        existing.modifiedAt = ctx.world.clock.now();
      }
    } else {
      addAssociation(ctx, cluster, { namespace, serviceAccount, roleArn, ownerArn: addonArn });
    }
  }
}

/** DeleteAddon: without `preserve` the owned associations go; with it they stay, unowned. */
export function releaseAddonAssociations(
  cluster: Cluster,
  addonArn: string,
  preserve: boolean,
): void {
  for (const owned of cluster.associations.ownedBy(addonArn)) {
    if (preserve) cluster.associations.setOwner(owned, undefined);
    else cluster.associations.remove(owned);
  }
}
