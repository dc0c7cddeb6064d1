// The pod identity agent must run on the cluster before associations do anything (reference
// §2.2.3). Auto Mode runs it itself. When it is missing and the config lists it under `addons`, we
// install it first; otherwise the plan fails with eksctl's message, adapted to a config file.

import type { Problem } from '../config/model.js';
import { AGENT_ADDON } from '../names/addons.js';
import { OWNER_TAG } from '../names/tags.js';
import type { Task } from './model.js';
import type { ClusterContext } from './association-plan.js';
import { createAddonTask } from './task-builders.js';

export function agentInstalled(ctx: ClusterContext): boolean {
  return ctx.live.autoMode || AGENT_ADDON in ctx.live.addons;
}

export interface AgentPlan {
  task?: Task;
  problem?: Problem;
}

export function planAgent(ctx: ClusterContext): AgentPlan {
  const { spec, options } = ctx;
  const addon = spec.addons.find((a) => a.name === AGENT_ADDON);
  if (!addon) {
    const { file, line, column } = spec.podIdentityAssociations[0]?.location ?? spec.location;
    return {
      problem: {
        severity: 'error',
        file,
        line,
        column,
        path: 'addons',
        message: `the "${AGENT_ADDON}" addon must be installed to create pod identity associations; please add "${AGENT_ADDON}" to addons in the config file`,
        hint: `add "- name: ${AGENT_ADDON}" under addons, or enable Auto Mode`,
      },
    };
  }
  const task = createAddonTask(
    {
      clusterName: spec.name,
      addonName: AGENT_ADDON,
      ...(addon.version && addon.version !== 'latest' ? { addonVersion: addon.version } : {}),
      ...(addon.resolveConflicts ? { resolveConflicts: addon.resolveConflicts } : {}),
      ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
      tags: { ...addon.tags, [OWNER_TAG]: options.ownerId },
    },
    {
      reason: 'pod identity associations need the agent, and the cluster does not have it',
      after: { addonName: AGENT_ADDON, ...(addon.version ? { version: addon.version } : {}) },
    },
  );
  return { task };
}
