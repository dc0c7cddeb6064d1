// `podid migrate --cluster`: what was discovered on IRSA, said as the desired state the planner
// already knows (associations naming the existing roles, add-ons at their current version with
// their role as a pod identity association, the agent when missing), so migration goes through
// the same planner and executor as `plan` and `apply`. Only the migration's own tasks are kept.

import {
  noWellKnownPolicies,
  type AddonSpec,
  type ClusterSpec,
  type PodIdentityAssociationSpec,
  type SourceLocation,
} from '../config/model.js';
import type { RewriteFacts } from '../config/migrate-rewrite.js';
import type { LiveIrsa } from '../live/irsa.js';
import { AGENT_ADDON } from '../names/addons.js';
import { associationKey } from '../names/tags.js';
import {
  addonsByRole,
  type AddonMigration,
  type MigrationDecision,
  type ServiceAccountMigration,
} from './migration-discovery.js';
import type { ClusterPlan, Task } from './model.js';

export interface MigrationFacts {
  cluster: string;
  region: string;
  agentInstalled: boolean;
  serviceAccounts: readonly ServiceAccountMigration[];
  addons: readonly AddonMigration[];
}

/** Problems about the discovered state point at the cluster, not at a file line (line 0). */
export const migrationSource = (cluster: string): string => `cluster "${cluster}"`;

function association(
  namespace: string,
  serviceAccountName: string,
  roleARN: string,
  location: SourceLocation,
): PodIdentityAssociationSpec {
  return {
    namespace,
    serviceAccountName,
    roleARN,
    createServiceAccount: false,
    permissionPolicyARNs: [],
    wellKnownPolicies: noWellKnownPolicies(),
    tags: {},
    location,
  };
}

function addon(name: string, location: SourceLocation, fields: Partial<AddonSpec>): AddonSpec {
  return {
    name,
    useDefaultPodIdentityAssociations: false,
    attachPolicyARNs: [],
    wellKnownPolicies: noWellKnownPolicies(),
    tags: {},
    location,
    ...fields,
  };
}

export function migrationSpec(facts: MigrationFacts): ClusterSpec {
  const location = { file: migrationSource(facts.cluster), line: 0, column: 0 };
  const addons = facts.addons.map((a) =>
    addon(a.addon, location, {
      version: a.version,
      ...(a.configurationValues ? { configurationValues: a.configurationValues } : {}),
      podIdentityAssociations: [
        association(a.namespace ?? '', a.serviceAccount, a.roleArn, location),
      ],
    }),
  );
  const needsAgent = !facts.agentInstalled && facts.serviceAccounts.length + addons.length > 0;
  return {
    file: location.file,
    name: facts.cluster,
    region: facts.region,
    tags: {},
    annotations: {},
    withOIDC: true,
    autoModeEnabled: false,
    podIdentityAssociations: facts.serviceAccounts.map((sa) =>
      association(sa.namespace, sa.serviceAccount, sa.roleArn, location),
    ),
    serviceAccounts: [],
    addons: [...(needsAgent ? [addon(AGENT_ADDON, location, {})] : []), ...addons],
    addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
    notManaged: [],
    location,
  };
}

/**
 * The migration does not adopt: tag tasks (the owner tag on an add-on it migrates) are left to a
 * later `plan` of a config that lists the add-on. Dependencies on them go too.
 */
export function migrationPlan(plan: ClusterPlan): ClusterPlan {
  const keep = (t: Task) => t.kind !== 'tag-addon' && t.kind !== 'tag-association';
  const kept = plan.tasks.filter(keep);
  const ids = new Set(kept.map((t) => t.id));
  return {
    ...plan,
    tasks: kept.map((t) => ({ ...t, dependsOn: t.dependsOn.filter((id) => ids.has(id)) })),
  };
}

/**
 * What `migrate -f FILE` writes into the file: each iamserviceaccount's role (the one its pods run
 * with, from the annotation; else its eksctl stack's `Role1`), each add-on's association, and why
 * the others stay on IRSA.
 */
export function rewriteFacts(irsa: LiveIrsa, decision: MigrationDecision): RewriteFacts {
  const serviceAccountRoles: Record<string, string> = {};
  const addonServiceAccounts: Record<string, string> = {};
  const addonRoles = addonsByRole(irsa.addons);
  for (const stack of irsa.irsaStacks) {
    const addon = addonRoles.get(stack.roleArn);
    if (addon) addonServiceAccounts[stack.serviceAccount] = addon.name;
    else serviceAccountRoles[stack.serviceAccount] = stack.roleArn;
  }
  for (const sa of decision.serviceAccounts) {
    serviceAccountRoles[associationKey(sa.namespace, sa.serviceAccount)] = sa.roleArn;
  }
  const addons: RewriteFacts['addons'] = {};
  for (const a of decision.addons) {
    addons[a.addon] = {
      serviceAccount: a.serviceAccount,
      roleArn: a.roleArn,
      ...(a.namespace ? { namespace: a.namespace } : {}),
    };
  }
  return {
    serviceAccountRoles,
    addons,
    addonReasons: decision.skippedAddons,
    addonServiceAccounts,
    agentInstalled: irsa.agentInstalled,
  };
}
