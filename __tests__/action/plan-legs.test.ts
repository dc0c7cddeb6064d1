// The report job's merge of the legs' files: one plan when they agree, every reason otherwise
// (not a leg's file, another pull request's salt, a fingerprint that is not its tasks').

import { describe, expect, it } from 'vitest';
import {
  legFileName,
  mergeLegs,
  renderLegFile,
  type LegContext,
} from '../../src/action/plan-legs.js';
import type { ClusterPlan, Plan } from '../../src/plan/model.js';
import { fingerprint, type HashedTask } from '../../src/review/fingerprint.js';

const CONTEXT: LegContext = {
  repository: 'o/r',
  pullRequest: 7,
  headSha: 'a'.repeat(40),
  salt: 'o/r#7',
  config: '**/*.eksctl.yaml',
};

function cluster(name: string, salt = CONTEXT.salt): ClusterPlan {
  const tasks = [
    {
      id: 'create-association:apps/app',
      kind: 'create-association',
      change: 'create',
      target: 'apps/app',
      description: 'create pod identity association for service account "apps/app"',
      reason: 'not in cluster',
      dependsOn: [],
      params: {
        clusterName: name,
        namespace: 'apps',
        serviceAccount: 'app',
        roleArn: 'arn:aws:iam::111122223333:role/app',
        tags: {},
      },
    },
  ] as unknown as ClusterPlan['tasks'];
  return {
    cluster: name,
    region: 'us-west-2',
    file: `${name}.eksctl.yaml`,
    tasks,
    errors: [],
    warnings: [],
    unmanaged: [],
    unmanagedAddons: [],
    notManaged: [],
    unchanged: 0,
    fingerprint: fingerprint(tasks as unknown as HashedTask[], salt),
  };
}

const leg = (path: string, clusters: ClusterPlan[], context = CONTEXT) => ({
  path,
  text: renderLegFile({ version: 1, clusters } satisfies Plan, context),
});
const configured = (...names: string[]) => names.map((name) => ({ name, region: 'us-west-2' }));

describe('mergeLegs', () => {
  it('merges the legs into one plan, in the order a single run plans', () => {
    const merged = mergeLegs(
      [leg('b.json', [cluster('b')]), leg('a.json', [cluster('a')])],
      CONTEXT,
      configured('a', 'b'),
    );
    expect('plan' in merged && merged.plan.clusters.map((c) => c.cluster)).toEqual(['a', 'b']);
  });

  it('refuses a fingerprint that is not its tasks with this salt, and a file that is no leg', () => {
    const forged = { ...cluster('a'), fingerprint: 'f'.repeat(64) };
    const merged = mergeLegs(
      [
        leg('a.json', [forged]),
        { path: 'plain.json', text: JSON.stringify({ version: 1, clusters: [] }) },
        { path: 'x.json', text: 'not json' },
      ],
      CONTEXT,
      configured('a'),
    );
    expect('problems' in merged && merged.problems).toEqual([
      'a.json: cluster "a" (us-west-2): its fingerprint is not that of its tasks with this pull request\'s salt (the file was changed, or planned for another pull request)',
      'plain.json: a plan without its review context (only a plan leg with the plan-dir input writes one)',
      'x.json: not JSON',
      'cluster "a" (us-west-2) has no plan: its leg failed before writing one, or its artifact was not downloaded',
    ]);
  });

  it('refuses a leg of another pull request or config set, and a cluster the config lacks', () => {
    const other = { ...CONTEXT, pullRequest: 8, salt: 'o/r#8' };
    const merged = mergeLegs(
      [leg('a.json', [cluster('a', other.salt)], other), leg('z.json', [cluster('z')])],
      CONTEXT,
      configured('a'),
    );
    expect('problems' in merged && merged.problems[0]).toBe(
      'a.json: planned for another pull request (8, this run: 7), fingerprint salt ("o/r#8", this run: "o/r#7")',
    );
    expect('problems' in merged && merged.problems).toContain(
      'cluster "z" (us-west-2) was planned, but the config (at this commit) does not declare it',
    );
  });

  it('names leg files by their key, so legs never overwrite each other', () => {
    expect(legFileName('k\nclusters: a')).not.toBe(legFileName('k\nclusters: b'));
    expect(legFileName('k\nclusters: a')).toMatch(/^podid-plan-leg-[0-9a-f]{16}\.json$/);
  });
});
