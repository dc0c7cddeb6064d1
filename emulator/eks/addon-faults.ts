// Injected add-on failures (fault document `failingAddons`, docs/emulator.md): CreateAddon and
// UpdateAddon take the matching failure when they start, and the add-on shows it (status and
// health issue) when the transition settles, instead of ACTIVE.

import type { AddonFailure, World } from '../core/types.js';
import type { AddonIssue } from './state.js';

export type AddonPhase = 'create' | 'update';

/** CREATE_FAILED can only end a create, UPDATE_FAILED an update; DEGRADED ends either. */
const fits = (failure: AddonFailure, phase: AddonPhase): boolean =>
  failure.status === 'DEGRADED' ||
  failure.status === (phase === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED');

/**
 * The failure this create/update of `cluster/addon` ends in, if one is configured (the
 * `cluster/addon` key before the bare add-on name); one of its `times` is used up.
 */
export function takeAddonFailure(
  world: World,
  clusterName: string,
  addonName: string,
  phase: AddonPhase,
): AddonFailure | undefined {
  for (const key of [`${clusterName}/${addonName}`, addonName]) {
    const failure = world.failingAddons.get(key);
    if (!failure || !fits(failure, phase)) continue;
    if (failure.times !== undefined) {
      failure.times -= 1;
      if (failure.times <= 0) world.failingAddons.delete(key);
    }
    return { ...failure };
  }
  return undefined;
}

/** The health issue DescribeAddon reports for a failure. */
export const issueOf = (failure: AddonFailure): AddonIssue => ({
  code: failure.code,
  message: failure.message,
  resourceIds: [...failure.resourceIds],
});
