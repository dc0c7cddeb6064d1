// Add-ons the cluster has and the config does not list: deleted per `prune` (with their role stacks,
// as `eksctl delete addon` does), or listed as left alone; and role stacks of add-ons that are gone
// (a run killed between deleting an add-on and its stacks leaves them).

import { ADDON_NAME_TAG, OWNER_TAG } from '../names/tags.js';
import { AGENT_ADDON } from '../names/addons.js';
import type { LiveStack } from '../live/model.js';
import type { ClusterContext } from './association-plan.js';
import type { Task, UnmanagedAddon } from './model.js';
import { stackCondition } from './stack-status.js';
import { deleteAddonTask, deleteStackTask } from './task-builders.js';

export interface AddonPrunePlan {
  tasks: Task[];
  unmanaged: UnmanagedAddon[];
  /** The agent would be deleted (the caller checks that nothing still needs it). */
  deletesAgent: boolean;
}

/** The stacks eksctl deletes with an add-on: every stack of the cluster tagged with its name. */
function stacksOf(ctx: ClusterContext, addon: string): LiveStack[] {
  return ctx.live.stacks.filter(
    (s) =>
      s.tags[ADDON_NAME_TAG] === addon &&
      stackCondition(s.status) !== 'in-progress' &&
      stackCondition(s.status) !== 'gone',
  );
}

function stackTasks(addon: string, stacks: LiveStack[], reason: string, dependsOn: string[]) {
  return stacks.map((stack) =>
    deleteStackTask({ kind: 'addon', addon, serviceAccount: stack.stackName }, stack, {
      reason,
      dependsOn,
    }),
  );
}

function leftAlone(ctx: ClusterContext, name: string): string {
  if (ctx.options.prune === 'none') return 'not in config; left alone (prune: none)';
  const owner = ctx.live.addons[name]?.tags[OWNER_TAG];
  if (owner !== undefined) return `not in config; managed by "${owner}", left alone`;
  return 'not in config; not managed, left alone';
}

export function planAddonPrune(ctx: ClusterContext): AddonPrunePlan {
  const { live, options, spec } = ctx;
  const listed = new Set(spec.addons.map((a) => a.name));
  const out: AddonPrunePlan = { tasks: [], unmanaged: [], deletesAgent: false };
  for (const name of [...live.addonNames].sort()) {
    if (listed.has(name)) continue;
    const addon = live.addons[name];
    const ours = addon?.tags[OWNER_TAG] === options.ownerId;
    const prune = options.prune === 'all' || (options.prune === 'managed' && ours);
    if (!prune || !addon) {
      out.unmanaged.push({ addonName: name, reason: leftAlone(ctx, name) });
      continue;
    }
    const reason = `not in config (prune: ${options.prune})`;
    const deletion = deleteAddonTask(
      { clusterName: spec.name, addonName: name, preserve: false },
      {
        reason,
        before: {
          version: addon.version,
          ...(addon.podIdentityAssociations.length > 0
            ? { podIdentityAssociations: addon.podIdentityAssociations.length }
            : {}),
          tags: addon.tags,
        },
      },
    );
    out.tasks.push(deletion, ...stackTasks(name, stacksOf(ctx, name), reason, [deletion.id]));
    if (name === AGENT_ADDON) out.deletesAgent = true;
  }
  if (options.prune !== 'none') out.tasks.push(...orphanStackTasks(ctx, listed));
  return out;
}

/** Our role stacks of an add-on that is neither on the cluster nor in the config. */
function orphanStackTasks(ctx: ClusterContext, listed: Set<string>): Task[] {
  const present = new Set(ctx.live.addonNames);
  const orphans = new Map<string, LiveStack[]>();
  for (const stack of ctx.live.stacks) {
    const addon = stack.tags[ADDON_NAME_TAG];
    if (addon === undefined || listed.has(addon) || present.has(addon)) continue;
    if (stack.tags[OWNER_TAG] !== ctx.options.ownerId) continue;
    if (stackCondition(stack.status) === 'in-progress' || stackCondition(stack.status) === 'gone')
      continue;
    orphans.set(addon, [...(orphans.get(addon) ?? []), stack]);
  }
  return [...orphans].flatMap(([addon, stacks]) =>
    stackTasks(addon, stacks, 'role stack of an add-on that is gone, not in config', []),
  );
}
