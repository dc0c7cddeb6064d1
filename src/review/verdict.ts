// Apply-time decision: is the recomputed plan the reviewed one (DESIGN §8), and when it is not,
// which tasks differ. Pure: the recomputed plan and the reviewed records in, a verdict out. A
// cluster's records are found by its tag and pass only on its binding (fingerprint.ts); its task
// list, found by its exact name, only explains a difference or allows a remainder.

import { clusterBinding, clusterTag, taskHash } from './fingerprint.js';
import {
  planFingerprint,
  type PlannedCluster,
  type ReviewedCluster,
  type ReviewedPlan,
  type ReviewedTasks,
  type TaskDigest,
} from './marker.js';

export type ClusterVerdict =
  /** Same fingerprint as reviewed. */
  | 'match'
  /**
   * What is left of the reviewed plan after a partial apply: every task is a reviewed task that
   * does the same work, only fewer of them. Applying it applies nothing that was not reviewed.
   */
  | 'remainder'
  /** Nothing to apply now, whatever was reviewed. */
  | 'no-changes'
  /** Fingerprint differs from the reviewed one. */
  | 'changed'
  /** The reviewed plan had no record of this cluster. */
  | 'not-reviewed';

/** What the recomputed plan is compared with. */
export interface ReviewBasis {
  /** Per-cluster records (several comments merged, the latest per cluster). */
  clusters: readonly ReviewedCluster[];
  /** Task lists of the same comments, as merged with the records. */
  tasks: readonly ReviewedTasks[];
  /** The whole-plan fingerprint of the comment for this config set, when it has one. */
  fingerprint?: string;
  /** Clusters with changes that comment left out of its records for room. */
  omitted: number;
  /** The comment records an earlier apply of this plan that failed part-way. */
  remainderAllowed: boolean;
}

export interface ClusterReview {
  cluster: string;
  region: string;
  verdict: ClusterVerdict;
  /** One line per differing task (empty for match / no-changes). */
  differences: string[];
}

export interface ReviewComparison {
  /** True when every cluster with changes matches its reviewed fingerprint. */
  matches: boolean;
  clusters: ClusterReview[];
}

const clusterKey = (name: string, region: string): string => `${region}/${name}`;

/** The records and task lists of a basis, looked up by tag and by exact name. */
interface RecordIndex {
  records: Map<string, ReviewedCluster[]>;
  tasks: Map<string, TaskDigest[]>;
}

function indexBasis(basis: ReviewBasis): RecordIndex {
  const records = new Map<string, ReviewedCluster[]>();
  for (const r of basis.clusters) records.set(r.tag, [...(records.get(r.tag) ?? []), r]);
  const tasks = new Map(basis.tasks.map((t) => [clusterKey(t.name, t.region), t.tasks]));
  return { records, tasks };
}

/** Lines such as `~ create-association:apps/web changed since review (…)`. */
export function explainTaskChanges(
  reviewed: TaskDigest[] | undefined,
  cluster: PlannedCluster,
  salt: string,
): string[] {
  if (reviewed === undefined) {
    return [
      'the fingerprint differs (the reviewed comment was too large to record its tasks one by one, so they cannot be compared individually)',
    ];
  }
  const before = new Map(reviewed.map((t) => [t.id, t.hash]));
  const now = new Set(cluster.tasks.map((t) => t.id));
  const lines: string[] = [];
  for (const task of cluster.tasks) {
    const hash = before.get(task.id);
    if (hash === undefined) {
      lines.push(`+ ${task.id}: new since review (${task.description}; reason: ${task.reason})`);
    } else if (hash !== taskHash(task, salt)) {
      lines.push(
        `~ ${task.id}: changed since review (now: ${task.description}; reason: ${task.reason})`,
      );
    }
  }
  for (const t of reviewed) {
    if (!now.has(t.id)) lines.push(`- ${t.id}: reviewed, but no longer in the plan`);
  }
  if (lines.length === 0) {
    lines.push('the same tasks, but their order or dependencies changed');
  }
  return lines;
}

/** Every task of the cluster is one of the reviewed tasks, doing the same work (taskHash). */
export function isRemainder(
  reviewed: TaskDigest[] | undefined,
  cluster: PlannedCluster,
  salt: string,
): boolean {
  if (reviewed === undefined) return false;
  const hashes = new Map(reviewed.map((t) => [t.id, t.hash]));
  return cluster.tasks.every((task) => hashes.get(task.id) === taskHash(task, salt));
}

function compareCluster(
  cluster: PlannedCluster,
  index: RecordIndex,
  basis: ReviewBasis,
  salt: string,
): ClusterReview {
  const base = { cluster: cluster.cluster, region: cluster.region };
  if (cluster.tasks.length === 0) return { ...base, verdict: 'no-changes', differences: [] };
  const records = index.records.get(clusterTag(cluster.region, cluster.cluster)) ?? [];
  if (records.length === 0) {
    const why =
      basis.omitted > 0
        ? `cluster "${cluster.cluster}" (${cluster.region}) now has ${cluster.tasks.length} task(s); the reviewed comment left ${basis.omitted} cluster(s) out of its records for room, and the plan as a whole is not the reviewed one`
        : `cluster "${cluster.cluster}" (${cluster.region}) was not in the reviewed plan, which now has ${cluster.tasks.length} task(s)`;
    return { ...base, verdict: 'not-reviewed', differences: [why] };
  }
  const binding = clusterBinding(cluster.region, cluster.cluster, cluster.fingerprint);
  if (records.some((r) => r.binding === binding)) {
    return { ...base, verdict: 'match', differences: [] };
  }
  // Its reviewed tasks: the list recorded under its exact name; none when it was reviewed with
  // nothing to do; unknown when the comment had no room for the list.
  const reviewed =
    index.tasks.get(clusterKey(cluster.cluster, cluster.region)) ??
    (records.every((r) => r.binding === undefined) ? [] : undefined);
  if (isRemainder(reviewed, cluster, salt)) {
    if (basis.remainderAllowed) return { ...base, verdict: 'remainder', differences: [] };
    return {
      ...base,
      verdict: 'changed',
      differences: [
        ...explainTaskChanges(reviewed, cluster, salt),
        'fewer tasks than reviewed, and the plan comment records no earlier apply of this plan that could have done the rest',
      ],
    };
  }
  return {
    ...base,
    verdict: 'changed',
    differences: explainTaskChanges(reviewed, cluster, salt),
  };
}

export function compareWithReviewed(
  plan: { clusters: readonly PlannedCluster[] },
  basis: ReviewBasis,
  salt: string,
): ReviewComparison {
  // One comparison settles it when the whole plan is the reviewed one, recorded clusters or not.
  if (basis.fingerprint && basis.fingerprint === planFingerprint(plan.clusters)) {
    return {
      matches: true,
      clusters: plan.clusters.map((c) => ({
        cluster: c.cluster,
        region: c.region,
        verdict: c.tasks.length === 0 ? 'no-changes' : 'match',
        differences: [],
      })),
    };
  }
  const index = indexBasis(basis);
  const clusters = plan.clusters.map((cluster) => compareCluster(cluster, index, basis, salt));
  return {
    matches: clusters.every((c) => ['match', 'remainder', 'no-changes'].includes(c.verdict)),
    clusters,
  };
}

/**
 * Reviewed records from several of our comments: per cluster, the most recently updated comment
 * that records it wins, with its task list. Clusters are told apart by tag here, so two clusters
 * sharing a tag across comments keep only the newer comment's records: a refusal, never a pass.
 */
export function mergeReviewed(
  comments: readonly { updatedAt: string; reviewed: Pick<ReviewedPlan, 'clusters' | 'tasks'> }[],
): Pick<ReviewedPlan, 'clusters' | 'tasks'> {
  // Newest first; of two updated at the same moment, the one listed later wins.
  const newest = [...comments].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).reverse();
  const owner = new Map<string, number>();
  newest.forEach((c, i) => {
    for (const r of c.reviewed.clusters) if (!owner.has(r.tag)) owner.set(r.tag, i);
  });
  return {
    clusters: newest.flatMap((c, i) => c.reviewed.clusters.filter((r) => owner.get(r.tag) === i)),
    tasks: newest.flatMap((c, i) =>
      c.reviewed.tasks.filter((t) => owner.get(clusterTag(t.region, t.name)) === i),
    ),
  };
}
