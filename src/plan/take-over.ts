// Ownership take-over: a resource the config names but another owner id manages is a plan error,
// unless the run was told to take that owner's resources over (CLI --take-over, input take-over).
// Then it is planned as ours, and the owner tag's change is a task of its own in the plan, reviewed
// like any other (`~ tag podid-action/managed-by: "old" -> "new"`).

import { OWNER_TAG } from '../names/tags.js';
import type { PlanOptions } from './model.js';

/** Whether this run may plan a resource whose owner tag is `owner` (undefined: no owner tag). */
export function mayManage(owner: string | undefined, options: PlanOptions): boolean {
  return owner === undefined || owner === options.ownerId || !!options.takeOver?.includes(owner);
}

/** The error of a resource another owner manages, with the two ways out. */
export function managedElsewhere(
  what: string,
  owner: string,
  options: PlanOptions,
): { message: string; hint: string } {
  return {
    message: `${what} is managed by "${owner}" (tag ${OWNER_TAG}), not by "${options.ownerId}"`,
    hint: `remove it from this config, or take it over on purpose: --take-over "${owner}" (action input take-over)`,
  };
}

/** The reason of the tag task that moves a resource from `from` to this owner. */
export const takeOverReason = (from: string): string =>
  `take over from "${from}" (take-over): managed by this owner from now on`;
