// One `addons[]` entry against the live cluster: create the add-on when it is missing, or change only
// what differs (version, configuration values, IRSA role, its pod identity associations, tags), with
// the role stacks before and the stacks no longer needed after (reference §6).

import { parse as parseYaml } from 'yaml';
import type { AddonSpec, NotManaged, Problem } from '../config/model.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { targetAddonVersion } from '../live/addon-versions.js';
import type { LiveAddon } from '../live/model.js';
import { OWNER_TAG } from '../names/tags.js';
import { addonChecks, addonIssuesSummary, addonNamespace, leftAsIs } from './addon-checks.js';
import { decideIdentity, type AddonScope } from './addon-identity.js';
import { planAddonRoles, type AddonRoles } from './addon-roles.js';
import type { ClusterContext } from './association-plan.js';
import type { CreateAddonParams, Task, UpdateAddonParams } from './model.js';
import { planProblem } from './problems.js';
import { tagChanges } from './tag-changes.js';
import {
  createAddonTask,
  deleteStackTask,
  tagAddonTask,
  updateAddonTask,
} from './task-builders.js';

export interface AddonPlan {
  name: string;
  tasks: Task[];
  problems: Problem[];
  /** The add-on is already as configured. */
  unchanged: boolean;
  /** Service accounts (in the add-on's namespace) that the add-on's associations take over. */
  claims: { namespace: string; serviceAccount: string }[];
  /** The create or update task, when there is one. */
  stepId?: string;
  /** What the live add-on has that the config does not set, and that the plan leaves as it is. */
  notManaged: NotManaged[];
}

/** JSON or YAML, compared as data; text when it parses as neither. */
function sameValues(live: string | undefined, wanted: string): boolean {
  const read = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      try {
        return parseYaml(text, { logLevel: 'error' }); // errors throw; no warning on stderr
      } catch {
        return text;
      }
    }
  };
  if (live === undefined) return wanted.trim() === '';
  return canonicalJson(read(live)) === canonicalJson(read(wanted));
}

/** Fields both CreateAddon and UpdateAddon send when the config sets them. */
function commonParams(scope: AddonScope) {
  const { addon, ctx } = scope;
  return {
    clusterName: ctx.spec.name,
    addonName: addon.name,
    addonVersion: scope.version.version,
    ...(addon.resolveConflicts ? { resolveConflicts: addon.resolveConflicts } : {}),
    ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
    // A version that needs no IAM gets no IRSA role either (eksctl ignores it, with a warning).
    ...(addon.serviceAccountRoleARN && scope.version.requiresIamPermissions
      ? { serviceAccountRoleArn: addon.serviceAccountRoleARN }
      : {}),
  };
}

function planNew(scope: AddonScope, roles: AddonRoles | undefined): Task {
  const { addon, ctx } = scope;
  const tags = { ...addon.tags, [OWNER_TAG]: ctx.options.ownerId };
  const associations = roles?.associations ?? [];
  const params: CreateAddonParams = {
    ...commonParams(scope),
    ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
    tags,
    ...(addon.namespaceConfig?.namespace
      ? { namespaceConfig: { namespace: addon.namespaceConfig.namespace } }
      : {}),
  };
  return createAddonTask(params, {
    reason: 'not in cluster',
    dependsOn: roles?.producedBy ?? [],
    after: {
      version: scope.version.version,
      ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
      ...(params.serviceAccountRoleArn
        ? { serviceAccountRoleArn: params.serviceAccountRoleArn }
        : {}),
      ...(associations.length > 0 ? { podIdentityAssociations: roles?.after } : {}),
      ...(params.namespaceConfig ? { namespace: params.namespaceConfig.namespace } : {}),
      tags,
    },
  });
}

interface Differences {
  reasons: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function differences(scope: AddonScope, live: LiveAddon, roles: AddonRoles | undefined) {
  const { addon } = scope;
  const d: Differences = { reasons: [], before: {}, after: {} };
  const change = (key: string, before: unknown, after: unknown, reason: string) => {
    d.before[key] = before ?? null;
    d.after[key] = after ?? null;
    d.reasons.push(reason);
  };
  if (scope.version.version !== live.version) {
    change('version', live.version, scope.version.version, 'version differs');
  }
  if (
    addon.configurationValues &&
    !sameValues(live.configurationValues, addon.configurationValues)
  ) {
    change(
      'configurationValues',
      live.configurationValues,
      addon.configurationValues,
      'configurationValues differ',
    );
  }
  const irsa = addon.serviceAccountRoleARN;
  if (irsa && scope.version.requiresIamPermissions && irsa !== live.serviceAccountRoleArn) {
    change(
      'serviceAccountRoleArn',
      live.serviceAccountRoleArn,
      irsa,
      'serviceAccountRoleARN differs',
    );
  }
  if (roles?.changed) {
    change(
      'podIdentityAssociations',
      roles.before,
      roles.after,
      'pod identity associations differ',
    );
  }
  if (live.status === 'CREATE_FAILED' || live.status === 'UPDATE_FAILED') {
    const issues = addonIssuesSummary(live);
    d.reasons.push(`the add-on is ${live.status}${issues}; its configuration is applied again`);
  }
  return d;
}

function planExisting(
  scope: AddonScope,
  live: LiveAddon,
  roles: AddonRoles | undefined,
  note: string | undefined,
): Task[] {
  const d = differences(scope, live, roles);
  if (d.reasons.length === 0) return [];
  const params: UpdateAddonParams = {
    ...commonParams(scope),
    ...(roles?.changed ? { podIdentityAssociations: roles.associations } : {}),
  };
  const reason = [note, ...d.reasons].filter(Boolean).join('; ');
  const migrates =
    live.serviceAccountRoleArn !== undefined &&
    live.podIdentityAssociations.length === 0 &&
    (roles?.associations.length ?? 0) > 0;
  return [
    updateAddonTask(
      params,
      {
        reason,
        dependsOn: roles?.producedBy ?? [],
        before: d.before,
        after: d.after,
      },
      migrates,
    ),
  ];
}

export function planAddon(ctx: ClusterContext, addon: AddonSpec, index: number): AddonPlan {
  const path = `addons[${index}]`;
  const live = ctx.live.addons[addon.name];
  const catalog = ctx.live.addonCatalog[addon.name] ?? { versions: [], podIdentity: {} };
  const result: AddonPlan = {
    name: addon.name,
    tasks: [],
    problems: [],
    unchanged: false,
    claims: [],
    notManaged: [],
  };
  const target = targetAddonVersion(
    addon.name,
    ctx.live.version,
    catalog.versions,
    addon.version,
    live?.version,
  );
  if (!target.version) {
    const where = addon.version ? `${path}.version` : `${path}.name`;
    result.problems.push(
      planProblem(addon.location, where, 'error', target.problem.message, target.problem.hint),
    );
    return result;
  }
  const scope: AddonScope = { ctx, addon, path, live, catalog, version: target.version };
  const decision = decideIdentity(scope);
  const roles = decision.desired ? planAddonRoles(scope, decision.desired) : undefined;
  result.problems.push(
    ...addonChecks(scope, decision),
    ...decision.problems,
    ...(roles?.problems ?? []),
  );
  result.notManaged = leftAsIs(scope);
  if (result.problems.some((p) => p.severity === 'error')) return result;

  const step = live ? planExisting(scope, live, roles, decision.note)[0] : planNew(scope, roles);
  const tagging = live
    ? tagChanges(live.tags, { ...addon.tags, [OWNER_TAG]: ctx.options.ownerId })
    : undefined;
  const tagTask =
    tagging && live
      ? tagAddonTask(
          { addonName: addon.name, addonArn: live.arn, ...tagging.params },
          tagging.adopt,
          tagging.common,
        )
      : undefined;
  const cleanup = (roles?.cleanup ?? []).map(({ stack, reason, serviceAccount }) =>
    deleteStackTask({ kind: 'addon', addon: addon.name, serviceAccount }, stack, {
      reason,
      dependsOn: step ? [step.id] : [],
    }),
  );
  result.tasks = [
    ...(roles?.roleTasks ?? []),
    ...(step ? [step] : []),
    ...(tagTask ? [tagTask] : []),
    ...cleanup,
  ];
  result.unchanged = result.tasks.length === 0;
  result.stepId = step?.id;
  const namespace = addonNamespace(scope);
  result.claims = (roles?.claims ?? []).map((serviceAccount) => ({
    serviceAccount,
    namespace:
      namespace ??
      decision.desired?.find((d) => d.serviceAccount === serviceAccount)?.namespace ??
      '',
  }));
  return result;
}
