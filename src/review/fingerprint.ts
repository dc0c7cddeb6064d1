// The hashes that bind a reviewed plan to what is applied (DESIGN §6): a cluster's fingerprint over
// all its tasks, and a short hash per task. Both are salted (repository + PR number) and taken over
// canonical JSON of the task data, never over rendered text. They know tasks only by shape, so the
// binding sits below the planner and knows nothing of what a task means.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';

/** What the binding reads of a planned task. */
export interface HashedTask {
  id: string;
  kind: string;
  description: string;
  reason: string;
  dependsOn: readonly string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  params: object;
}

/** 64 bits per task: enough that forging a task with the same salted hash takes ~2^64 tries. */
const TASK_HASH_HEX = 16;

function saltedSha256(salt: string, value: unknown): string {
  return createHash('sha256')
    .update(salt, 'utf8')
    .update('\0', 'utf8')
    .update(canonicalJson(value), 'utf8')
    .digest('hex');
}

/** SHA-256 hex over the canonical JSON of a cluster's tasks. */
export function fingerprint(tasks: readonly HashedTask[], salt: string): string {
  return saltedSha256(salt, tasks);
}

/**
 * A short salted hash of what one task does: its kind, target and parameters. Left out are the
 * parts that move without changing the work — dependencies on tasks already done, the reviewer's
 * before/after values and reason, the id of a failed stack to replace — so that after a partial
 * apply the remaining tasks still hash as reviewed (verdict.ts, "remainder").
 */
export function taskHash(task: HashedTask, salt: string): string {
  const { dependsOn: _deps, reason: _reason, before: _before, after: _after, ...work } = task;
  const params: Record<string, unknown> = { ...work.params };
  delete params.replacesFailedStackId;
  return saltedSha256(salt, { ...work, params }).slice(0, TASK_HASH_HEX);
}

export const TASK_HASH_LENGTH = TASK_HASH_HEX;
