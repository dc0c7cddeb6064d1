// The pod identity agent must run on the cluster before associations do anything (reference
// §2.2.3). Auto Mode runs it itself. When the config lists it, it is planned like any add-on (and
// first); when it does not and the cluster lacks it, the plan fails with eksctl's message, adapted
// to a config file.

import type { Problem } from '../config/model.js';
import { AGENT_ADDON } from '../names/addons.js';
import type { ClusterContext } from './association-plan.js';
import { planProblem } from './problems.js';

export function agentInstalled(ctx: ClusterContext): boolean {
  return ctx.live.autoMode || AGENT_ADDON in ctx.live.addons;
}

export function agentMissing(ctx: ClusterContext): Problem {
  const { spec } = ctx;
  return planProblem(
    spec.podIdentityAssociations[0]?.location ?? spec.location,
    'addons',
    'error',
    `the "${AGENT_ADDON}" addon must be installed to create pod identity associations; please add "${AGENT_ADDON}" to addons in the config file`,
    `add "- name: ${AGENT_ADDON}" under addons, or enable Auto Mode`,
  );
}

/** Deleting the agent would leave associations that no longer hand out credentials. */
export function agentStillNeeded(ctx: ClusterContext, remaining: number): Problem {
  const { spec } = ctx;
  return planProblem(
    spec.location,
    'addons',
    'error',
    `the "${AGENT_ADDON}" addon would be deleted (prune: ${ctx.options.prune}) while ${remaining} pod identity association(s) still need it`,
    `keep "- name: ${AGENT_ADDON}" under addons, or remove the associations first`,
  );
}
