// Which service accounts of one add-on get which role (reference §6.2–§6.3): explicit
// `podIdentityAssociations`, EKS's recommended ones (`useDefaultPodIdentityAssociations`, or
// `addonsConfig.autoApplyPodIdentityAssociations` when the add-on is created), `[]` (none), or
// "leave them alone", decided in eksctl's branch order with eksctl's errors and warnings.

import { ipv6VpcCniPolicy } from '../cfn/vpc-cni-ipv6-policy.js';
import {
  noWellKnownPolicies,
  type AddonSpec,
  type PodIdentityAssociationSpec,
  type Problem,
} from '../config/model.js';
import type {
  AddonVersionInfo,
  LiveAddon,
  LiveAddonCatalog,
  LiveAssociation,
} from '../live/model.js';
import type { ClusterContext } from './association-plan.js';
import { planProblem } from './problems.js';
import type { RoleEntry } from './role-plan.js';

/** One service account the add-on should give a role. */
export interface DesiredAddonAssociation {
  serviceAccount: string;
  /** The entry's namespace; '' for EKS's recommended ones (eksctl's stack tag is then `/<sa>`). */
  namespace: string;
  entry: RoleEntry;
  /** The config entry it comes from (checks of a user roleARN point at it). */
  source?: { spec: PodIdentityAssociationSpec; path: string };
}

/** Everything the identity decision reads about one add-on of the config. */
export interface AddonScope {
  ctx: ClusterContext;
  addon: AddonSpec;
  /** `addons[i]` */
  path: string;
  live?: LiveAddon;
  catalog: LiveAddonCatalog;
  /** The version the add-on will run. */
  version: AddonVersionInfo;
}

export interface IdentityDecision {
  /** undefined: leave the add-on's associations as they are (or, on create, give it none). */
  desired?: DesiredAddonAssociation[];
  problems: Problem[];
  /** Why the associations change, when the config empties them with `[]`. */
  note?: string;
}

export function ownedAssociations(scope: AddonScope): LiveAssociation[] {
  const arn = scope.live?.arn;
  return arn ? scope.ctx.live.associations.filter((a) => a.ownerArn === arn) : [];
}

function problem(scope: AddonScope, severity: Problem['severity'], message: string, hint?: string) {
  return planProblem(scope.addon.location, scope.path, severity, message, hint);
}

const hasIrsa = (addon: AddonSpec): boolean =>
  !!addon.serviceAccountRoleARN ||
  addon.attachPolicyARNs.length > 0 ||
  addon.attachPolicy !== undefined ||
  Object.values(addon.wellKnownPolicies).some(Boolean);

/** The add-on version's `podIdentityConfiguration` (empty: no pod identity support). */
function recommended(scope: AddonScope) {
  return scope.catalog.podIdentity[scope.version.version] ?? [];
}

function fromConfig(addon: AddonSpec, path: string): DesiredAddonAssociation[] {
  return (addon.podIdentityAssociations ?? []).map((spec, i) => ({
    serviceAccount: spec.serviceAccountName,
    namespace: spec.namespace,
    entry: spec,
    source: { spec, path: `${path}.podIdentityAssociations[${i}]` },
  }));
}

/**
 * EKS's recommended roles; vpc-cni on IPv6 needs eksctl's own policy instead of the managed one.
 * eksctl applies that policy on create only, so its update would strip the IPv6 permissions it
 * granted; here create and update want the same role (docs/eksctl-differences.md).
 */
function fromRecommendations(scope: AddonScope): DesiredAddonAssociation[] {
  const { addon, ctx } = scope;
  const role = (policies: Partial<RoleEntry>): RoleEntry => ({
    permissionPolicyARNs: [],
    wellKnownPolicies: noWellKnownPolicies(),
    ...policies,
  });
  if (addon.name === 'vpc-cni' && ctx.live.ipFamily === 'ipv6') {
    const entry = role({ permissionPolicy: ipv6VpcCniPolicy(ctx.spec.region) });
    return [{ serviceAccount: 'aws-node', namespace: '', entry }];
  }
  return recommended(scope).map((r) => ({
    serviceAccount: r.serviceAccount,
    namespace: '',
    entry: role({ permissionPolicyARNs: r.recommendedManagedPolicies }),
  }));
}

function iamRequiredWarning(scope: AddonScope): Problem {
  const name = scope.addon.name;
  const supported = recommended(scope).length > 0;
  return supported
    ? problem(
        scope,
        'warning',
        `IAM permissions are required for "${name}" addon; the recommended way to provide IAM permissions for "${name}" addon is via pod identity associations`,
        'set useDefaultPodIdentityAssociations: true on the add-on, or list its podIdentityAssociations',
      )
    : problem(
        scope,
        'warning',
        `IAM permissions are required for "${name}" addon; the recommended way to provide IAM permissions for "${name}" addon is via IRSA`,
        'set serviceAccountRoleARN to an IRSA role for it (podid-action does not create IRSA roles)',
      );
}

/** The version needs no IAM: eksctl ignores whatever the config says about roles. */
function notRequired(scope: AddonScope): IdentityDecision {
  const { addon } = scope;
  const asked =
    (addon.podIdentityAssociations?.length ?? 0) > 0 ||
    addon.useDefaultPodIdentityAssociations ||
    hasIrsa(addon);
  const warning = problem(
    scope,
    'warning',
    `IAM permissions are not required for "${addon.name}" addon; any IRSA configuration or pod identity associations will be ignored`,
  );
  return { problems: asked ? [warning] : [] };
}

function unsupported(scope: AddonScope): Problem {
  return problem(
    scope,
    'error',
    `"${scope.addon.name}" addon does not support pod identity associations; use IRSA config (\`addon.serviceAccountRoleARN\`, \`addon.attachPolicyARNs\`, \`addon.attachPolicy\` or \`addon.wellKnownPolicies\`) instead`,
    `version ${scope.version.version} of the add-on has no podIdentityConfiguration (aws eks describe-addon-configuration)`,
  );
}

/** eksctl's create branches (§6.2 step 3), for an add-on that is not on the cluster yet. */
function forCreate(scope: AddonScope): IdentityDecision {
  const { addon, ctx } = scope;
  if (!scope.version.requiresIamPermissions) return notRequired(scope);
  const supported = recommended(scope).length > 0;
  if ((addon.podIdentityAssociations?.length ?? 0) > 0) {
    return supported
      ? { desired: fromConfig(addon, scope.path), problems: [] }
      : { problems: [unsupported(scope)] };
  }
  if (hasIrsa(addon)) {
    const warning = problem(
      scope,
      'warning',
      `the recommended way to provide IAM permissions for "${addon.name}" addon is via pod identity associations`,
      'replace the IRSA settings with podIdentityAssociations, or set useDefaultPodIdentityAssociations: true',
    );
    return { problems: supported ? [warning] : [] };
  }
  const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
  // `[]` means none, on create as on update; eksctl's create would apply autoApply's roles and its
  // next update delete them again (docs/eksctl-differences.md).
  if (addon.podIdentityAssociations !== undefined && !addon.useDefaultPodIdentityAssociations) {
    return { problems: [] };
  }
  if ((auto || addon.useDefaultPodIdentityAssociations) && supported) {
    return { desired: fromRecommendations(scope), problems: [] };
  }
  return { problems: [iamRequiredWarning(scope)] };
}

function mustListExplicitly(scope: AddonScope, first: LiveAssociation): Problem {
  const { addon, ctx } = scope;
  return problem(
    scope,
    'error',
    `addon ${addon.name} has pod identity associations, to remove pod identity associations from an addon, addon.podIdentityAssociations must be explicitly set to []; if the addon was migrated to use pod identity, addon.podIdentityAssociations must be set to values obtained from \`aws eks describe-pod-identity-association --cluster-name=${ctx.spec.name} --association-id=${first.associationId}\``,
    'list the associations under the add-on (or set useDefaultPodIdentityAssociations: true) to keep them, or write podIdentityAssociations: [] to remove them',
  );
}

/** eksctl's update rules (§6.3 steps 3–5), for an add-on that is on the cluster. */
function forUpdate(scope: AddonScope): IdentityDecision {
  const { addon, ctx } = scope;
  const owned = ownedAssociations(scope);
  const explicit = addon.podIdentityAssociations;
  const useDefault = addon.useDefaultPodIdentityAssociations;
  const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
  if (owned.length > 0 && explicit === undefined && !useDefault && !auto) {
    return { problems: [mustListExplicitly(scope, owned[0])] };
  }
  if ((explicit?.length ?? 0) > 0 || useDefault) {
    if (!scope.version.requiresIamPermissions) return notRequired(scope);
    if (recommended(scope).length === 0) return { problems: [unsupported(scope)] };
    const desired = useDefault ? fromRecommendations(scope) : fromConfig(addon, scope.path);
    return { desired, problems: [] };
  }
  if (owned.length > 0 && hasIrsa(addon)) {
    const message = `cannot set IRSA config (\`addon.serviceAccountRoleARN\`, \`addon.attachPolicyARNs\`, \`addon.attachPolicy\`, \`addon.wellKnownPolicies\`) if addon has existing pod identity associations (addon: ${addon.name})`;
    return {
      problems: [problem(scope, 'error', message, 'remove the IRSA settings from the add-on')],
    };
  }
  if (explicit !== undefined && owned.length > 0) {
    const note = `addon.podIdentityAssociations is explicitly set to []; all pod identity associations corresponding to addon ${addon.name} will be deleted`;
    return { desired: [], problems: [], note };
  }
  return { problems: owned.length > 0 ? [] : autoApplyOnExisting(scope) };
}

/** autoApply creates roles when an add-on is created only: say so when it would have applied. */
function autoApplyOnExisting(scope: AddonScope): Problem[] {
  const { addon, ctx, live } = scope;
  const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
  if (!auto || hasIrsa(addon) || live?.serviceAccountRoleArn) return [];
  if (!scope.version.requiresIamPermissions || recommended(scope).length === 0) return [];
  return [
    problem(
      scope,
      'warning',
      `addonsConfig.autoApplyPodIdentityAssociations applies when an add-on is created; "${addon.name}" exists, so no role is created for it`,
      'set useDefaultPodIdentityAssociations: true on the add-on to give it its recommended roles',
    ),
  ];
}

export function decideIdentity(scope: AddonScope): IdentityDecision {
  return scope.live ? forUpdate(scope) : forCreate(scope);
}
