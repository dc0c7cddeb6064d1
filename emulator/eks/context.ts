// What every EKS handler gets (world + state), region resolution, and cluster lookup with lazy
// lifecycle settling: transitional statuses end when a request looks at them, so no timers run.

import type { EmulatorRequest, World } from '../core/types.js';
import { issueOf } from './addon-faults.js';
import { clusterNotFound, invalidRequest } from './errors.js';
import type { Addon, Cluster, EksState } from './state.js';

export interface EksContext {
  world: World;
  state: EksState;
}

/** Region from the SigV4 credential scope, else the emulator's default region. */
export const regionOf = (ctx: EksContext, req: EmulatorRequest): string =>
  req.region ?? ctx.world.defaultRegion;

/** Applies a finished add-on transition. Returns false when the add-on is gone. */
export function settleAddon(ctx: EksContext, cluster: Cluster, addon: Addon): boolean {
  if (addon.pendingUntil === undefined || ctx.world.clock.now() < addon.pendingUntil) return true;
  addon.pendingUntil = undefined;
  if (addon.status === 'DELETING') {
    cluster.addons.delete(addon.addonName);
    return false;
  }
  if (addon.status === 'CREATING' || addon.status === 'UPDATING') {
    // A settled transition replaces the issues: a successful update heals a failed add-on.
    const failure = addon.pendingFailure;
    addon.pendingFailure = undefined;
    addon.status = failure?.status ?? 'ACTIVE';
    addon.issues = failure ? [issueOf(failure)] : [];
  }
  return true;
}

/** The cluster (settled), or undefined when it does not exist (or finished deleting). */
export function findCluster(ctx: EksContext, region: string, name: string): Cluster | undefined {
  const clusters = ctx.state.clusters(region);
  const cluster = clusters.get(name);
  if (!cluster) return undefined;
  if (cluster.pendingUntil !== undefined && ctx.world.clock.now() >= cluster.pendingUntil) {
    cluster.pendingUntil = undefined;
    if (cluster.status === 'DELETING') {
      clusters.delete(name);
      return undefined;
    }
    cluster.status = 'ACTIVE';
  }
  for (const addon of cluster.addons.values()) settleAddon(ctx, cluster, addon);
  return cluster;
}

export function requireCluster(ctx: EksContext, req: EmulatorRequest, name: string): Cluster {
  const cluster = findCluster(ctx, regionOf(ctx, req), name);
  if (!cluster) throw clusterNotFound(name);
  return cluster;
}

/** Writes to a cluster's associations and add-ons need it ACTIVE (moto's text, aws-api.md §2). */
export function requireActive(cluster: Cluster): void {
  if (cluster.status !== 'ACTIVE') {
    throw invalidRequest(`Cluster '${cluster.name}' is not in ACTIVE status`, {
      clusterName: cluster.name,
    });
  }
}

/** Percent-decoded path segments (`/clusters/c%201/addons` → ['clusters', 'c 1', 'addons']). */
export function segments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
