import { describe, expect, it } from 'vitest';
import { applyClusterPlan, assertAcyclic } from '../../src/apply/executor.js';
import type { TaskContext } from '../../src/apply/context.js';
import type { ClusterPlan, Task } from '../../src/plan/model.js';

function task(id: string, dependsOn: string[] = []): Task {
  return {
    id,
    kind: 'delete-association',
    change: 'delete',
    target: id,
    description: `task ${id}`,
    reason: 'test',
    dependsOn,
    params: { clusterName: 'c', associationId: id, namespace: 'ns', serviceAccount: id },
  };
}

function plan(tasks: Task[]): ClusterPlan {
  return {
    cluster: 'c',
    region: 'us-west-2',
    file: 'c.yaml',
    tasks,
    errors: [],
    warnings: [],
    unmanaged: [],
    unmanagedAddons: [],
    notManaged: [],
    unchanged: 0,
    fingerprint: 'f',
  };
}

const context = {} as TaskContext;

describe('applyClusterPlan', () => {
  it('runs dependencies first and independent tasks concurrently', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const result = await applyClusterPlan(
      plan([task('b', ['a']), task('a'), task('c'), task('d')]),
      {
        context,
        progress: () => {},
        runTask: async (t) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          events.push(`start ${t.id}`);
          await new Promise((r) => setTimeout(r, 10));
          events.push(`end ${t.id}`);
          inFlight--;
          return { changed: true };
        },
      },
    );
    expect(result.failed).toBe(0);
    expect(events.indexOf('end a')).toBeLessThan(events.indexOf('start b'));
    expect(maxInFlight).toBe(3);
    expect(result.results.map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('skips only the dependents of a failed task and reports every failure', async () => {
    const result = await applyClusterPlan(
      plan([task('stack'), task('assoc', ['stack']), task('other'), task('broken')]),
      {
        context,
        progress: () => {},
        runTask: async (t) => {
          if (t.id === 'stack' || t.id === 'broken') throw new Error(`${t.id} exploded`);
          return { changed: t.id !== 'other' };
        },
      },
    );
    const status = Object.fromEntries(result.results.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      stack: 'failed',
      assoc: 'skipped',
      other: 'unchanged',
      broken: 'failed',
    });
    expect(result.failed).toBe(2);
    expect(result.results.find((r) => r.id === 'assoc')?.message).toContain('task stack');
  });

  it('refuses a cyclic plan instead of waiting forever', () => {
    expect(() => assertAcyclic([task('a', ['b']), task('b', ['a'])])).toThrow(/cycle: a → b → a/);
  });
});
