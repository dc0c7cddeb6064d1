// The hashes that bind a reviewed plan to what is applied (DESIGN §6): a cluster's fingerprint over
// all its tasks, the short per-cluster binding and tag the comment's header records, and a short
// hash per task. All are salted (repository + PR number) and taken over canonical JSON of the task
// data, never over rendered text. They know tasks only by shape, so the binding sits below the
// planner and knows nothing of what a task means.

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

/*
 * What the header records per cluster (marker.ts), so that a thousand and more clusters with
 * changes fit in its budget: a 128-bit binding and a 40-bit tag, where the old record spelled out
 * the name, region, file and the whole fingerprint. Why these lengths are safe:
 *
 * - The binding alone decides. It is SHA-256 over the cluster's region, name and salted
 *   fingerprint, cut to 128 bits. Region and name are inside it, so one cluster's record can never
 *   pass for another's plan (task lists do not name the region, and two clusters may plan the same
 *   tasks), whatever the tag says. The file is left out: the verdict never looks at it (a cluster
 *   moved to another file plans the same tasks).
 * - By accident: a plan that changed since review passes only if its binding equals the recorded
 *   one, a chance of 2^-128 per comparison; never, in practice.
 * - On purpose: the salt (`owner/repo#PR`) is public, so it is no secret key; it makes each pull
 *   request's hash its own, so nothing is computed before the PR exists and nothing found for one
 *   PR works for another. Making the recomputed plan hit a given reviewed binding (a second
 *   preimage) costs ~2^128 SHA-256 evaluations. The cheaper generic attack, ~2^64 for a colliding
 *   pair, needs the attacker to shape both plans; the applied one is recomputed from the merged
 *   config (the reviewed head's, which apply checks) and the live state, so they can differ only
 *   through changes to the AWS account between review and merge, which already give more than the
 *   action could apply, and would still take ~2^64 work per pull request.
 * - The tag binds nothing: it only finds a cluster's records. Two clusters with the same tag (by
 *   accident about n²/2^41: one in two million for 1,000 clusters; or named so on purpose) make
 *   apply compare with both records, where a match still needs the binding, or let one comment's
 *   records hide another comment's for that tag: a refusal, never an apply.
 */
const BINDING_HEX = 32;
const TAG_HEX = 10;
export const BINDING_BYTES = BINDING_HEX / 2;
export const TAG_BYTES = TAG_HEX / 2;

const sha256 = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

/** The record of a reviewed cluster: its region, name and (salted) fingerprint, 128 bits. */
export function clusterBinding(region: string, name: string, clusterFingerprint: string): string {
  return sha256(['podid-action binding', region, name, clusterFingerprint]).slice(0, BINDING_HEX);
}

/** Finds a cluster's records in the header; binds nothing (see above). */
export function clusterTag(region: string, name: string): string {
  return sha256(['podid-action cluster', region, name]).slice(0, TAG_HEX);
}
