// What applying a plan produced, as plain data: the executor fills it in, the renderers and the
// action's outputs read it.

import type { Task } from './model.js';

export type TaskStatus = 'succeeded' | 'unchanged' | 'failed' | 'skipped';

export interface TaskResult {
  id: string;
  kind: Task['kind'];
  description: string;
  status: TaskStatus;
  /** Error text for failures, the blocking task for skips, a short note otherwise. */
  message?: string;
  durationMs: number;
}

export interface ClusterApplyResult {
  cluster: string;
  region: string;
  results: TaskResult[];
  failed: number;
}

/** Failed tasks across clusters. */
export function failedTasks(results: readonly ClusterApplyResult[]): number {
  return results.reduce((n, r) => n + r.failed, 0);
}
