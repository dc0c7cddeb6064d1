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
import { AGENT_ADDON } from '../names/addons.js';
import type { AddonMigration, ServiceAccountMigration } from './migration-discovery.js';
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
