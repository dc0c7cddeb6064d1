// The comment's hidden header at scale: more than a thousand clusters with changes each bound on
// their own within the budget, what apply refuses (a changed plan, a cluster without a record,
// another cluster's record), and headers of other releases read as ours with nothing reviewed.
import { describe, expect, it } from 'vitest';
import { clusterTag, fingerprint, type HashedTask } from '../../src/review/fingerprint.js';
import {
  HEADER_BUDGET_BYTES,
  HEADER_VERSION,
  decodeHeader,
  encodeHeader,
  planFingerprint,
  reviewedPlan,
  type CommentHeader,
  type PlannedCluster,
  type ReviewedPlan,
} from '../../src/review/marker.js';
import { compareWithReviewed } from '../../src/review/verdict.js';

const SALT = 'org/infra#7';

function task(cluster: string, j: number, role = 'app'): HashedTask {
  return {
    id: `create-association:apps/app-${j}`,
    kind: 'create-association',
    description: `create pod identity association for service account "apps/app-${j}"`,
    reason: 'not in cluster',
    dependsOn: [],
    params: {
      clusterName: cluster,
      namespace: 'apps',
      serviceAccount: `app-${j}`,
      roleArn: `arn:aws:iam::111122223333:role/${role}`,
    },
  };
}

function withTasks(c: PlannedCluster, tasks: HashedTask[]): PlannedCluster {
  return { ...c, tasks, fingerprint: fingerprint(tasks, SALT) };
}

/** `n` clusters with names as long as an organisation's, three tasks each (none: `tasks` 0). */
function planned(n: number, tasks = 3, from = 0): PlannedCluster[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `team-${String(from + i).padStart(4, '0')}-production`;
    const c = { cluster: name, region: 'eu-central-1', fingerprint: '', tasks: [] };
    return withTasks(
      c,
      Array.from({ length: tasks }, (_, j) => task(name, j)),
    );
  });
}

const META: Omit<CommentHeader, 'version' | 'reviewed'> = {
  repo: 'org/infra',
  pr: 7,
  headSha: 'f'.repeat(40),
  mode: 'report',
  status: 'planned',
  key: 'clusters/**/*.eksctl.yaml',
  bodySha: '0'.repeat(64),
};

/** The header a report writes for `clusters`, as apply reads it back. */
function roundTrip(clusters: PlannedCluster[]): { text: string; reviewed: ReviewedPlan } {
  const text = encodeHeader({ ...META, reviewed: reviewedPlan(clusters, SALT) });
  return { text, reviewed: decodeHeader(text)!.reviewed };
}

/** One apply leg: its cluster's recomputed plan against the records. */
const leg = (c: PlannedCluster, reviewed: ReviewedPlan) =>
  compareWithReviewed({ clusters: [c] }, { ...reviewed, remainderAllowed: false }, SALT)
    .clusters[0];

describe('comment header at scale', () => {
  it('records 1,250 clusters with changes within the budget, and binds each leg on its own', () => {
    const clusters = planned(1250);
    const { text, reviewed } = roundTrip(clusters);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(HEADER_BUDGET_BYTES);
    expect(reviewed.omitted).toBe(0);
    expect(reviewed.clusters).toHaveLength(1250);
    expect(reviewed.fingerprint).toBe(planFingerprint(clusters));
    for (const c of clusters) expect(leg(c, reviewed).verdict).toBe('match');
  });

  it('refuses a leg whose plan changed since review, naming the task when its list fit', () => {
    const clusters = planned(1000);
    const { reviewed } = roundTrip(clusters);
    // Task lists are best effort: the first clusters have theirs, the last do not.
    expect(reviewed.tasks.map((t) => t.name)).toContain(clusters[0].cluster);
    expect(reviewed.tasks.map((t) => t.name)).not.toContain(clusters[999].cluster);
    for (const c of [clusters[0], clusters[999]]) {
      const other = task(c.cluster, 1, 'other');
      const changed = withTasks(c, [c.tasks[0], other, c.tasks[2]]);
      expect(leg(changed, reviewed).verdict).toBe('changed');
    }
    const first = withTasks(clusters[0], [...clusters[0].tasks.slice(0, 2), task('x', 2)]);
    expect(leg(first, reviewed).differences).toEqual([
      expect.stringMatching(/^~ create-association:apps\/app-2: changed since review/),
    ]);
    const last = withTasks(clusters[999], clusters[999].tasks.slice(1));
    expect(leg(last, reviewed).differences[0]).toContain('too large to record its tasks');
  });

  it('refuses a cluster left out of the records for room, and one never recorded', () => {
    const clusters = planned(2000);
    const { text, reviewed } = roundTrip(clusters);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(HEADER_BUDGET_BYTES);
    expect(reviewed.clusters.length).toBeGreaterThan(1250);
    expect(reviewed.clusters.length + reviewed.omitted).toBe(2000);
    expect(leg(clusters[0], reviewed).verdict).toBe('match');
    const left = leg(clusters[1999], reviewed);
    expect(left.verdict).toBe('not-reviewed');
    expect(left.differences[0]).toContain(`left ${reviewed.omitted} cluster(s) out of its records`);
    // Every cluster was planned: the whole plan still passes in one comparison.
    const whole = compareWithReviewed({ clusters }, { ...reviewed, remainderAllowed: false }, SALT);
    expect(whole.matches).toBe(true);

    const { reviewed: few } = roundTrip(clusters.slice(0, 10));
    const stranger = leg(clusters[10], few);
    expect(stranger.verdict).toBe('not-reviewed');
    expect(stranger.differences[0]).toContain('was not in the reviewed plan');
  });

  it("never takes one cluster's record for another's: same tasks, other region or name", () => {
    const [c] = planned(1);
    const { reviewed } = roundTrip([c]);
    // Tasks do not name the region: the same plan in another region has the same fingerprint.
    const elsewhere = { ...c, region: 'us-east-1' };
    expect(elsewhere.fingerprint).toBe(c.fingerprint);
    expect(leg(elsewhere, reviewed).verdict).toBe('not-reviewed');
    const renamed = { ...c, cluster: 'team-9999-production' };
    expect(leg(renamed, reviewed).verdict).toBe('not-reviewed');
    // Even when the tags collide (forged here), the binding names the cluster it was made for.
    const collided = {
      ...reviewed,
      clusters: [{ ...reviewed.clusters[0], tag: clusterTag(elsewhere.region, c.cluster) }],
    };
    expect(leg(elsewhere, collided).verdict).toBe('changed');
  });

  it('records clusters reviewed with nothing to do after those with changes, and refuses their new tasks', () => {
    const quiet = planned(500, 0, 5000);
    const { reviewed } = roundTrip([...quiet, ...planned(1000)]);
    expect(reviewed.omitted).toBe(0);
    // 1,000 records of changes first; what room is left holds the quiet clusters' tags.
    const recorded = reviewed.clusters.filter((c) => c.binding === undefined).length;
    expect(recorded).toBeGreaterThan(0);
    const now = withTasks(quiet[0], [task(quiet[0].cluster, 0)]);
    const r = leg(now, reviewed);
    expect(r.verdict).toBe('changed');
    expect(r.differences).toEqual([
      expect.stringMatching(/^\+ create-association:apps\/app-0: new since review/),
    ]);
  });

  it('leaves task lists out rather than overflow the header, and cuts none', () => {
    const [c] = planned(1, 5000);
    const { text, reviewed } = roundTrip([c]);
    expect(text.length).toBeLessThan(1_000);
    expect(reviewed.tasks).toEqual([]);
    expect(leg(c, reviewed).verdict).toBe('match');
  });

  it('counts every record as left out when the fixed part takes the whole budget', () => {
    const clusters = planned(3);
    const key = 'k'.repeat(HEADER_BUDGET_BYTES - 300);
    const text = encodeHeader({ ...META, key, reviewed: reviewedPlan(clusters, SALT) });
    const { reviewed } = decodeHeader(text)!;
    expect(reviewed).toMatchObject({ clusters: [], tasks: [], omitted: 3 });
  });
});

describe('headers of other releases and broken headers', () => {
  const [c] = planned(1);
  /** What the first release wrote: every record spelled out, binding this very plan. */
  const v1 = `<!-- podid-action:v1 ${JSON.stringify({
    v: 1,
    ...{ repo: META.repo, pr: META.pr, sha: META.headSha, mode: 'plan', status: 'planned' },
    ...{ key: META.key, body: META.bodySha, plan: planFingerprint([c]), omitted: 0 },
    clusters: [{ name: c.cluster, region: c.region, file: 'c.yaml', fp: c.fingerprint }],
  })} -->\nthe plan`;

  it('reads a v1 header (the first release) as ours, with its version and nothing reviewed', () => {
    const header = decodeHeader(v1)!;
    expect(header).toMatchObject({
      version: 1,
      repo: META.repo,
      pr: META.pr,
      headSha: META.headSha,
      key: META.key,
      mode: 'plan',
      status: 'planned',
    });
    expect(header.reviewed).toEqual({ fingerprint: '', clusters: [], tasks: [], omitted: 0 });
    // Nothing in it passes for a review of the very plan it recorded.
    const r = compareWithReviewed(
      { clusters: [c] },
      { ...header.reviewed, remainderAllowed: true },
      SALT,
    );
    expect(r.matches).toBe(false);
    expect(r.clusters[0].verdict).toBe('not-reviewed');
  });

  it('writes v2, and reads a later version the same way as v1', () => {
    const { text } = roundTrip([c]);
    expect(text.startsWith(`<!-- podid-action:v${HEADER_VERSION} {"v":${HEADER_VERSION},`)).toBe(
      true,
    );
    const v3 = text.replaceAll(`v${HEADER_VERSION}`, 'v3').replace('"v":2', '"v":3');
    expect(decodeHeader(v3)).toMatchObject({ version: 3, reviewed: { clusters: [] } });
  });

  it('reads malformed records as none, never as records, and without throwing', () => {
    const { text } = roundTrip([c]);
    const json = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf(' -->')));
    const broken = (patch: Record<string, unknown>) =>
      decodeHeader(`<!-- podid-action:v2 ${JSON.stringify({ ...json, ...patch })} -->`)!.reviewed;
    expect(broken({ changed: json.changed.slice(0, -4) }).clusters).toEqual([]);
    expect(broken({ changed: '<not base64>' }).clusters).toEqual([]);
    expect(broken({ changed: 7, unchanged: null, tasks: 'x' })).toMatchObject({
      clusters: [],
      tasks: [],
    });
    expect(broken({ tasks: ['x.y', 'AAAA.AAAA', '', 42] }).tasks).toEqual([]);
  });

  it('ignores bodies without the marker at the very start, or whose version disagrees', () => {
    const { text } = roundTrip([c]);
    expect(decodeHeader(`> quoted\n${text}`)).toBeUndefined();
    expect(decodeHeader('<!-- podid-action:v2 {not json} -->')).toBeUndefined();
    expect(decodeHeader('<!-- podid-action:v2 {"v":1} -->')).toBeUndefined();
    expect(decodeHeader('<!-- podid-action:v2 [] -->')).toBeUndefined();
  });
});
