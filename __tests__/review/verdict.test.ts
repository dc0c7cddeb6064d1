// Apply-time binding: recomputed plan vs the reviewed fingerprints, and which task changed.
import { describe, expect, it } from 'vitest';
import { compareWithReviewed, mergeReviewed, type ReviewBasis } from '../../src/review/verdict.js';
import { fingerprint, taskHash } from '../../src/review/fingerprint.js';
import { planFingerprint, reviewedPlan as recordsOf } from '../../src/review/marker.js';
import type { ClusterPlan, Plan, Task } from '../../src/plan/model.js';
import { SALT, mixedPlan } from '../plan/sample-plans.js';

function withTasks(cluster: ClusterPlan, tasks: Task[]): ClusterPlan {
  return { ...cluster, tasks, fingerprint: fingerprint(tasks, SALT) };
}

describe('compareWithReviewed', () => {
  const reviewedPlan = mixedPlan();
  const { clusters: records, tasks } = recordsOf(reviewedPlan.clusters, SALT);
  /** The records alone: no whole-plan fingerprint, so each cluster is compared on its own. */
  const basis = (clusters = records, extra: Partial<ReviewBasis> = {}): ReviewBasis => ({
    clusters,
    tasks,
    omitted: 0,
    remainderAllowed: true,
    ...extra,
  });
  const reviewed = basis();
  const cluster = reviewedPlan.clusters[0];

  it('matches the same plan', () => {
    const r = compareWithReviewed(reviewedPlan, reviewed, SALT);
    expect(r.matches).toBe(true);
    expect(r.clusters[0]).toMatchObject({ verdict: 'match', differences: [] });
  });

  it('names the changed, new and vanished tasks', () => {
    const [first, second, ...rest] = cluster.tasks;
    const other = 'arn:aws:iam::111122223333:role/other';
    const changed = {
      ...second,
      params: { ...second.params, roleArn: other },
      after: { ...second.after, roleArn: other },
    } as Task;
    const added = {
      ...first,
      id: 'create-association:default/sneaky',
      description: 'create pod identity association for service account "default/sneaky"',
    } as Task;
    const now: Plan = { version: 1, clusters: [withTasks(cluster, [changed, ...rest, added])] };
    const r = compareWithReviewed(now, reviewed, SALT);
    expect(r.matches).toBe(false);
    const d = r.clusters[0].differences;
    expect(r.clusters[0].verdict).toBe('changed');
    expect(d).toContain(`- ${first.id}: reviewed, but no longer in the plan`);
    expect(d.find((l) => l.startsWith(`~ ${second.id}: changed since review`))).toBeDefined();
    expect(
      d.find((l) => l.startsWith('+ create-association:default/sneaky: new since review')),
    ).toBeDefined();
    expect(d).toHaveLength(3);
  });

  it('accepts what is left of the reviewed plan after a partial apply, and only that', () => {
    // An earlier apply did the first task: the rest are reviewed tasks doing the same work, even
    // though their dependencies on the finished task and their reasons moved.
    const [, ...rest] = cluster.tasks;
    const remaining = rest.map((t) => ({ ...t, dependsOn: [], reason: 'still to do' }) as Task);
    const now: Plan = { version: 1, clusters: [withTasks(cluster, remaining)] };
    expect(compareWithReviewed(now, reviewed, SALT)).toMatchObject({
      matches: true,
      clusters: [{ verdict: 'remainder', differences: [] }],
    });
    // The same tasks in another order are the same work too.
    const reordered: Plan = {
      version: 1,
      clusters: [withTasks(cluster, [...cluster.tasks].reverse())],
    };
    expect(compareWithReviewed(reordered, reviewed, SALT).clusters[0].verdict).toBe('remainder');
    // A remaining task whose work changed is not.
    const [first, ...others] = remaining;
    const tampered = { ...first, params: { ...first.params, clusterName: 'elsewhere' } } as Task;
    const changed: Plan = { version: 1, clusters: [withTasks(cluster, [tampered, ...others])] };
    const r = compareWithReviewed(changed, reviewed, SALT);
    expect(r.matches).toBe(false);
    expect(r.clusters[0].differences).toEqual([
      expect.stringMatching(
        new RegExp(`^~ ${first.id.replace(/[/]/g, '\\/')}: changed since review`),
      ),
      `- ${cluster.tasks[0].id}: reviewed, but no longer in the plan`,
    ]);
  });

  it('refuses fewer tasks than reviewed unless the comment records a partial apply of this plan', () => {
    const [, ...rest] = cluster.tasks;
    const now: Plan = { version: 1, clusters: [withTasks(cluster, rest)] };
    const r = compareWithReviewed(now, basis(records, { remainderAllowed: false }), SALT);
    expect(r.matches).toBe(false);
    expect(r.clusters[0].verdict).toBe('changed');
    expect(r.clusters[0].differences).toEqual([
      `- ${cluster.tasks[0].id}: reviewed, but no longer in the plan`,
      'fewer tasks than reviewed, and the plan comment records no earlier apply of this plan that could have done the rest',
    ]);
  });

  it('the whole-plan fingerprint settles a plan whose clusters the comment had no room to record', () => {
    const whole = basis([], { fingerprint: planFingerprint(reviewedPlan.clusters), omitted: 1 });
    expect(compareWithReviewed(reviewedPlan, whole, SALT)).toMatchObject({
      matches: true,
      clusters: [{ verdict: 'match' }],
    });
    const now: Plan = { version: 1, clusters: [withTasks(cluster, cluster.tasks.slice(1))] };
    const r = compareWithReviewed(now, whole, SALT);
    expect(r.matches).toBe(false);
    expect(r.clusters[0].differences[0]).toContain('left 1 cluster(s) out of its records');
  });

  it('salts per-task hashes, so a record from another PR explains nothing away', () => {
    expect(taskHash(cluster.tasks[0], 'org/infra#8')).not.toBe(taskHash(cluster.tasks[0], SALT));
  });

  it('accepts a cluster with nothing left to do, refuses one that was never reviewed', () => {
    const empty: Plan = { version: 1, clusters: [withTasks(cluster, [])] };
    expect(compareWithReviewed(empty, reviewed, SALT)).toMatchObject({
      matches: true,
      clusters: [{ verdict: 'no-changes' }],
    });
    const r = compareWithReviewed(reviewedPlan, basis([]), SALT);
    expect(r.matches).toBe(false);
    expect(r.clusters[0].verdict).toBe('not-reviewed');
    expect(r.clusters[0].differences[0]).toContain('was not in the reviewed plan');
  });

  it('explains without per-task records when the comment could not hold them', () => {
    const now: Plan = { version: 1, clusters: [withTasks(cluster, cluster.tasks.slice(1))] };
    const r = compareWithReviewed(now, basis(records, { tasks: [] }), SALT);
    expect(r.clusters[0].differences[0]).toContain('too large to record its tasks');
  });

  it('merges records from several comments, the latest update winning per cluster', () => {
    const x = { ...cluster, cluster: 'x' };
    const y = { ...cluster, cluster: 'y' };
    const newer = withTasks(x, cluster.tasks.slice(1));
    const a = { updatedAt: '2026-01-01T00:00:00Z', reviewed: recordsOf([x], SALT) };
    const b = { updatedAt: '2026-01-02T00:00:00Z', reviewed: recordsOf([newer, y], SALT) };
    const merged = { ...mergeReviewed([b, a]), omitted: 0, remainderAllowed: false };
    expect(merged.clusters).toEqual(b.reviewed.clusters);
    expect(merged.tasks).toEqual(b.reviewed.tasks);
    const now = (c: ClusterPlan): Plan => ({ version: 1, clusters: [c] });
    expect(compareWithReviewed(now(newer), merged, SALT).matches).toBe(true);
    // The older comment's plan of x was superseded: it no longer passes.
    const r = compareWithReviewed(now(x), merged, SALT);
    expect(r.clusters[0].verdict).toBe('changed');
    expect(r.clusters[0].differences).toEqual([expect.stringMatching(/^\+ .*: new since review/)]);
  });
});
