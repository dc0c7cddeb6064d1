// Change counts of a plan: the summary lines, the action's outputs, the CLI's exit codes.

import type { ClusterPlan, Plan } from './model.js';

export interface ChangeCounts {
  create: number;
  update: number;
  delete: number;
  adopt: number;
  total: number;
}

export function countClusterChanges(cluster: ClusterPlan): ChangeCounts {
  const counts: ChangeCounts = { create: 0, update: 0, delete: 0, adopt: 0, total: 0 };
  for (const task of cluster.tasks) {
    counts[task.change] += 1;
    counts.total += 1;
  }
  return counts;
}

export function countChanges(plan: Plan): ChangeCounts {
  const counts: ChangeCounts = { create: 0, update: 0, delete: 0, adopt: 0, total: 0 };
  for (const cluster of plan.clusters) {
    const c = countClusterChanges(cluster);
    for (const key of Object.keys(counts) as (keyof ChangeCounts)[]) counts[key] += c[key];
  }
  return counts;
}

export function hasChanges(plan: Plan): boolean {
  return countChanges(plan).total > 0;
}

/** Plan-time errors across clusters (a cluster with errors is not applied). */
export function planErrorCount(plan: Plan): number {
  return plan.clusters.reduce((n, c) => n + c.errors.length, 0);
}
