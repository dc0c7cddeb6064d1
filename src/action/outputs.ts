// The step outputs declared in action.yml, computed from plain data. Names live here only.

import type { DesiredState } from '../config/model.js';
import type { Plan } from '../plan/model.js';
import { countChanges } from '../plan/counts.js';

export type FailureReason =
  | 'plan-changed'
  | 'plan-stale'
  | 'plan-not-found'
  | 'review-lookup-failed'
  | 'comment-failed'
  | 'inconsistent-plans'
  | 'invalid-input'
  | 'invalid-config'
  | 'apply-failed'
  | 'credentials'
  | 'drift';

export const Outputs = {
  mode: 'mode',
  hasChanges: 'has-changes',
  toCreate: 'to-create',
  toUpdate: 'to-update',
  toDelete: 'to-delete',
  toAdopt: 'to-adopt',
  planJson: 'plan-json',
  commentId: 'comment-id',
  clusters: 'clusters',
  /** mode migrate: the config files rewritten into pod identity form, one per line. */
  changedFiles: 'changed-files',
  failureReason: 'failure-reason',
} as const;

/** `[{name, region, file}]` for `strategy.matrix` fan-out, in config order. */
export function clustersOutput(state: DesiredState): string {
  return JSON.stringify(
    state.clusters.map((c) => ({ name: c.name, region: c.region, file: c.file })),
  );
}

export function planOutputs(plan: Plan): Record<string, string> {
  const counts = countChanges(plan);
  return {
    [Outputs.hasChanges]: String(counts.total > 0),
    [Outputs.toCreate]: String(counts.create),
    [Outputs.toUpdate]: String(counts.update),
    [Outputs.toDelete]: String(counts.delete),
    [Outputs.toAdopt]: String(counts.adopt),
  };
}
