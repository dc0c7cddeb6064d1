// What the plan says about one add-on besides its tasks: the live state or ownership that stops it,
// what the live add-on keeps because the config does not set it, and legal plans rarely meant
// (a downgrade, a role without permissions, an association namespace EKS will not use).

import type { NotManaged, Problem } from '../config/model.js';
import { compareAddonVersions } from '../live/addon-versions.js';
import type { LiveAddon } from '../live/model.js';
import { OWNER_TAG } from '../names/tags.js';
import { managedElsewhere, mayManage } from './take-over.js';
import type { AddonScope, IdentityDecision } from './addon-identity.js';
import { planProblem } from './problems.js';

/** The health issues of an add-on, as a clause to append: ` (Code: message; …)`. */
export function addonIssuesSummary(live: LiveAddon): string {
  if (live.issues.length === 0) return '';
  return ` (${live.issues.map((i) => `${i.code}: ${i.message}`).join('; ')})`;
}

/** Where EKS puts the add-on: namespaceConfig, else the live add-on's, else EKS's default. */
export function addonNamespace(scope: AddonScope): string | undefined {
  return (
    scope.addon.namespaceConfig?.namespace ||
    scope.live?.namespace ||
    scope.catalog.defaultNamespace
  );
}

/**
 * Like eksctl, an unset field leaves the live value alone; the plan says so rather than claim the
 * add-on matches a config that does not mention it.
 */
export function leftAsIs(scope: AddonScope): NotManaged[] {
  const { addon, live, path } = scope;
  if (!live) return [];
  const at = { line: addon.location.line, column: addon.location.column };
  const out: NotManaged[] = [];
  if (!addon.configurationValues?.trim() && live.configurationValues?.trim()) {
    out.push({
      path: `${path}.configurationValues`,
      ...at,
      reason:
        "not set, so the add-on's live configuration values are left as they are; set configurationValues: '{}' to return to the add-on's defaults",
    });
  }
  const irsaKept = !addon.serviceAccountRoleARN || !scope.version.requiresIamPermissions;
  if (irsaKept && live.serviceAccountRoleArn) {
    out.push({
      path: `${path}.serviceAccountRoleARN`,
      ...at,
      reason: `not set, so the add-on keeps its IRSA role ${live.serviceAccountRoleArn} (with the agent installed, EKS gives the add-on's pod identity associations precedence over it)`,
    });
  }
  return out;
}

/** Warnings about what the plan would do that is legal but rarely meant. */
function surprises(scope: AddonScope, decision: IdentityDecision): Problem[] {
  const { addon, live, path } = scope;
  const out: Problem[] = [];
  if (live && compareAddonVersions(scope.version.version, live.version) < 0) {
    out.push(
      planProblem(
        addon.location,
        addon.version ? `${path}.version` : path,
        'warning',
        `addon ${addon.name} would go from ${live.version} down to ${scope.version.version}`,
        'check that a downgrade is what you mean; pin the running version to keep it',
      ),
    );
  }
  for (const want of decision.desired ?? []) {
    if (want.entry.permissionPolicyARNs.length > 0 || want.entry.permissionPolicy) continue;
    if (addon.podIdentityAssociations?.length) continue; // the user's own entries are checked by the config rules
    out.push(
      planProblem(
        addon.location,
        path,
        'warning',
        `EKS recommends no managed policy for service account "${want.serviceAccount}" of addon ${addon.name}: its role is created without permissions`,
        `list the service account under podIdentityAssociations with the policies it needs`,
      ),
    );
  }
  return out;
}

/** An add-on association's namespace that EKS will not use: the add-on's own namespace wins. */
function namespaceMismatches(scope: AddonScope): Problem[] {
  const namespace = addonNamespace(scope);
  if (!namespace) return [];
  return (scope.addon.podIdentityAssociations ?? []).flatMap((entry, i) =>
    entry.namespace && entry.namespace !== namespace
      ? [
          planProblem(
            entry.location,
            `${scope.path}.podIdentityAssociations[${i}].namespace`,
            'warning',
            `the association of service account "${entry.serviceAccountName}" names namespace "${entry.namespace}", but EKS creates the add-on's associations in the add-on's namespace "${namespace}"`,
            `set namespace: ${namespace} on the association (eksctl's role stack tag records the namespace written here)`,
          ),
        ]
      : [],
  );
}

/** The add-on's own state or ownership stops the plan of it. */
function liveProblems(scope: AddonScope): Problem[] {
  const { addon, live, ctx, path } = scope;
  if (!live) return [];
  const at = addon.location;
  const out: Problem[] = [];
  const owner = live.tags[OWNER_TAG];
  if (owner !== undefined && !mayManage(owner, ctx.options)) {
    const { message, hint } = managedElsewhere(`addon ${addon.name}`, owner, ctx.options);
    out.push(planProblem(at, path, 'error', message, hint));
  }
  const wanted = addon.namespaceConfig?.namespace;
  if (wanted && live.namespace && wanted !== live.namespace) {
    out.push(
      planProblem(
        at,
        `${path}.namespaceConfig.namespace`,
        'error',
        `addon ${addon.name} runs in namespace "${live.namespace}", not "${wanted}"; EKS cannot move an add-on to another namespace`,
        'delete the add-on and create it again to change its namespace, or keep the live namespace',
      ),
    );
  }
  if (live.status === 'DELETE_FAILED') {
    out.push(
      planProblem(
        at,
        path,
        'error',
        `addon ${addon.name} is DELETE_FAILED${addonIssuesSummary(live)}`,
        'fix the cause and delete the add-on, then plan again',
      ),
    );
  } else if (live.status === 'DEGRADED') {
    out.push(
      planProblem(
        at,
        path,
        'warning',
        `addon ${addon.name} is DEGRADED${addonIssuesSummary(live)}`,
      ),
    );
  }
  return out;
}

/** Every problem of the add-on that is not about its roles. */
export function addonChecks(scope: AddonScope, decision: IdentityDecision): Problem[] {
  return [...liveProblems(scope), ...namespaceMismatches(scope), ...surprises(scope, decision)];
}
