// Fingerprint: canonical, salted, over task data only; and whole-plan determinism.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/review/fingerprint.js';
import { planAll, planCluster } from '../../src/plan/plan-cluster.js';
import type { Task } from '../../src/plan/model.js';
import { OPTIONS, association, entry, live, ownerTags, roleArn, spec } from '../plan/fixtures.js';

const task: Task = {
  id: 'delete-association:a/b',
  kind: 'delete-association',
  change: 'delete',
  target: 'a/b',
  description: 'delete pod identity association "a/b"',
  reason: 'x',
  dependsOn: [],
  params: { clusterName: 'c', associationId: 'a-1', namespace: 'a', serviceAccount: 'b' },
};

describe('fingerprint', () => {
  it('is stable across key order', () => {
    const reverseKeys = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverseKeys(x)]),
          )
        : v;
    const reordered = reverseKeys(task) as Task;
    expect(Object.keys(reordered)[0]).not.toBe('id');
    expect(fingerprint([reordered], 's')).toBe(fingerprint([task], 's'));
    expect(fingerprint([task], 's')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the salt and with the tasks', () => {
    expect(fingerprint([task], 's1')).not.toBe(fingerprint([task], 's2'));
    expect(fingerprint([{ ...task, reason: 'y' }], 's')).not.toBe(fingerprint([task], 's'));
  });

  it('gives byte-identical plans for the same inputs in any order', () => {
    const entries = [
      entry('b', 'x', { permissionPolicyARNs: ['p'] }),
      entry('a', 'y', { permissionPolicyARNs: ['q'] }),
    ];
    const assocs = [
      association('z', 'gone', roleArn('r'), { tags: ownerTags() }),
      association('c', 'gone', roleArn('r'), { tags: ownerTags() }),
    ];
    const one = planCluster(spec(entries), live({ associations: assocs }), OPTIONS);
    const two = planCluster(
      spec([...entries].reverse()),
      live({ associations: [...assocs].reverse() }),
      OPTIONS,
    );
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.tasks.map((t) => t.target)).toEqual([
      'a/y',
      'a/y',
      'b/x',
      'b/x',
      'c/gone',
      'z/gone',
    ]);
  });

  it('planAll treats a spec without live state as missing', () => {
    const plan = planAll([spec([])], [], OPTIONS);
    expect(plan.version).toBe(1);
    expect(plan.clusters[0].errors[0].message).toContain('could not be read');
  });
});
