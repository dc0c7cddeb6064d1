// Runs a cluster's task DAG: every task starts as soon as its dependencies have succeeded, so
// independent work overlaps; the in-flight API calls are bounded by the clients' shared limiter.
// A failure skips only the tasks that depend on it.

import type { ClusterPlan, Task } from '../plan/model.js';
import type { ClusterApplyResult, TaskResult } from '../plan/results.js';
import { errorMessage } from '../aws/errors.js';
import type { TaskContext } from './context.js';
import { runTask } from './tasks.js';

export interface ExecutorDeps {
  context: TaskContext;
  /** Progress lines, e.g. `[+3.2s] ✔ create … (a-xxxx)`. */
  progress(line: string): void;
  now?: () => number;
  /** Performs one task; the AWS implementation unless another is injected. */
  runTask?: typeof runTask;
}

/** Throws on a dependency cycle, which would otherwise wait forever. */
export function assertAcyclic(tasks: Task[]): void {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (task: Task, path: string[]): void => {
    if (state.get(task.id) === 'done') return;
    if (state.get(task.id) === 'visiting') {
      throw new Error(`the plan has a dependency cycle: ${[...path, task.id].join(' → ')}`);
    }
    state.set(task.id, 'visiting');
    for (const id of task.dependsOn) {
      const dep = byId.get(id);
      if (dep) visit(dep, [...path, task.id]);
    }
    state.set(task.id, 'done');
  };
  for (const task of tasks) visit(task, []);
}

export async function applyClusterPlan(
  plan: ClusterPlan,
  deps: ExecutorDeps,
): Promise<ClusterApplyResult> {
  assertAcyclic(plan.tasks);
  const now = deps.now ?? Date.now;
  const started = now();
  const stamp = (): string => `[+${((now() - started) / 1000).toFixed(1)}s]`;
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const running = new Map<string, Promise<TaskResult>>();

  const execute = async (task: Task): Promise<TaskResult> => {
    const base = { id: task.id, kind: task.kind, description: task.description };
    const prerequisites = await Promise.all(
      task.dependsOn.flatMap((id) => {
        const dep = byId.get(id);
        return dep ? [run(dep)] : [];
      }),
    );
    const blocker = prerequisites.find((r) => r.status === 'failed' || r.status === 'skipped');
    if (blocker) {
      const message = `skipped because "${blocker.description}" did not succeed`;
      deps.progress(`${stamp()} - ${task.description}: ${message}`);
      return { ...base, status: 'skipped', message, durationMs: 0 };
    }
    const t0 = now();
    try {
      const outcome = await (deps.runTask ?? runTask)(task, deps.context);
      deps.progress(
        `${stamp()} ✔ ${task.description}${outcome.detail ? ` (${outcome.detail})` : ''}`,
      );
      return {
        ...base,
        status: outcome.changed ? 'succeeded' : 'unchanged',
        message: outcome.detail,
        durationMs: now() - t0,
      };
    } catch (error) {
      const message = errorMessage(error);
      deps.progress(`${stamp()} ✖ ${task.description}: ${message}`);
      return { ...base, status: 'failed', message, durationMs: now() - t0 };
    }
  };

  const run = (task: Task): Promise<TaskResult> => {
    let promise = running.get(task.id);
    if (!promise) {
      promise = execute(task);
      running.set(task.id, promise);
    }
    return promise;
  };

  const results = await Promise.all(plan.tasks.map(run));
  return {
    cluster: plan.cluster,
    region: plan.region,
    results,
    failed: results.filter((r) => r.status === 'failed').length,
  };
}
