// The roles of an add-on's service accounts: for each desired association, the role stack that
// makes its role (eksctl's `eksctl-<cluster>-addon-<addon>-podidentityrole-<sa>`, same template as
// a standalone association) or the user's roleARN; what the add-on's association list becomes; and
// the stacks no service account needs any more, deleted after the add-on has let go of them.

import { ROLE_OUTPUT } from '../names/template-ids.js';
import { addonRoleStackTags } from '../cfn/stack-tags.js';
import type { Problem } from '../config/model.js';
import type { LiveAssociation, LiveStack } from '../live/model.js';
import { addonIrsaStackName, addonPodIdentityRoleStackName } from '../names/stack-names.js';
import { ADDON_NAME_TAG, ADDON_POD_IDENTITY_ASSOCIATION_TAG } from '../names/tags.js';
import type { DesiredAddonAssociation, AddonScope } from './addon-identity.js';
import { ownedAssociations } from './addon-identity.js';
import type { AddonPodIdentityParam, StackOutputRef, Task } from './model.js';
import { planProblem } from './problems.js';
import { checkRolePolicies, type PolicySource } from './policy-checks.js';
import { irsaRoleOf, planTrustMigration, type IrsaRole } from './irsa-migration.js';
import { checkUserRole } from './role-checks.js';
import { addonTarget } from './task-builders.js';
import { planRole, type RoleOutcome } from './role-plan.js';
import { stackBlocker, stackCondition } from './stack-status.js';

export interface AddonRoles {
  /** The add-on's association list, as CreateAddon/UpdateAddon take it, in config order. */
  associations: AddonPodIdentityParam[];
  /** The list differs from the live add-on's (a service account, or a role, changes). */
  changed: boolean;
  /** Role stack tasks, before the add-on step. */
  roleTasks: Task[];
  /** Tasks whose output the add-on step needs. */
  producedBy: string[];
  /** Stacks to delete once the add-on no longer points at them. */
  /** `serviceAccount` is the stack's (or `irsa` for the add-on's IRSA stack): a task id part. */
  cleanup: { stack: LiveStack; reason: string; serviceAccount: string }[];
  problems: Problem[];
  /** Service account → role, before and after, for review (only when changed). */
  before: Record<string, string>;
  after: Record<string, string | StackOutputRef>;
  /** Service accounts the add-on takes over, for the check against other associations. */
  claims: string[];
}

const isAddonStack = (stack: LiveStack, addon: string): boolean =>
  stack.tags[ADDON_NAME_TAG] === addon && stackCondition(stack.status) !== 'gone';

/** The podidentityrole stacks of this add-on, by the service account in eksctl's tag. */
function roleStacksBySa(scope: AddonScope): Map<string, LiveStack> {
  const { ctx, addon } = scope;
  const prefix = addonPodIdentityRoleStackName(ctx.spec.name, addon.name, '');
  const out = new Map<string, LiveStack>();
  for (const stack of ctx.live.stacks) {
    if (!stack.stackName.startsWith(prefix) || !isAddonStack(stack, addon.name)) continue;
    out.set(stack.stackName.slice(prefix.length), stack);
  }
  return out;
}

/** The add-on's IRSA stack (eksctl's `eksctl-<cluster>-addon-<addon>`), when there is one. */
function irsaStackOf(scope: AddonScope): LiveStack | undefined {
  const name = addonIrsaStackName(scope.ctx.spec.name, scope.addon.name);
  return scope.ctx.live.stacks.find(
    (s) => s.stackName === name && isAddonStack(s, scope.addon.name),
  );
}

/**
 * The stack holding a service account's role: its podidentityrole stack, or (an add-on migrated by
 * eksctl) the IRSA stack whose role the association uses.
 */
function stackFor(
  scope: AddonScope,
  sa: string,
  live: LiveAssociation | undefined,
  stacks: Map<string, LiveStack>,
): LiveStack | undefined {
  const own = stacks.get(sa);
  if (own) return own;
  const irsa = irsaStackOf(scope);
  return irsa && live && irsa.outputs[ROLE_OUTPUT] === live.roleArn ? irsa : undefined;
}

function roleFor(
  scope: AddonScope,
  desired: DesiredAddonAssociation,
  live: LiveAssociation | undefined,
  stack: LiveStack | undefined,
): RoleOutcome {
  const { ctx, addon } = scope;
  const sa = desired.serviceAccount;
  return planRole({
    owner: { kind: 'addon', addon: addon.name, serviceAccount: sa },
    entry: desired.entry,
    stackName: addonPodIdentityRoleStackName(ctx.spec.name, addon.name, sa),
    stackTags: addonRoleStackTags(ctx.spec, addon.name, desired.namespace, sa, ctx.options.ownerId),
    stack,
    liveRoleArn: live?.roleArn,
  });
}

/** Problems that stop this service account's role from being planned (reported, then skipped). */
function blockers(
  scope: AddonScope,
  desired: DesiredAddonAssociation,
  stack: LiveStack | undefined,
  migratesTrust: boolean,
): Problem[] {
  const path = desired.source?.path ?? scope.path;
  const at = desired.source?.spec.location ?? scope.addon.location;
  const blocked = stack && stackBlocker(stack);
  if (blocked) return [planProblem(at, path, 'error', blocked.message, blocked.hint)];
  if (!desired.source?.spec.roleARN) return [];
  return checkUserRole(desired.source.spec, path, scope.ctx.live, migratesTrust);
}

/** The add-on's service account namespace: the entry's, the add-on's, or EKS's default for it. */
function addonNamespace(scope: AddonScope, desired: DesiredAddonAssociation): string {
  const { ctx, addon } = scope;
  return (
    desired.namespace ||
    ctx.live.addons[addon.name]?.namespace ||
    ctx.live.addonCatalog[addon.name]?.defaultNamespace ||
    'kube-system'
  );
}

/** The add-on's IRSA role named by the config's roleARN for this service account, if it is one. */
function irsaOf(scope: AddonScope, desired: DesiredAddonAssociation): IrsaRole | undefined {
  const roleArn = desired.source?.spec.roleARN;
  if (!roleArn) return undefined;
  return irsaRoleOf(scope.ctx.live, roleArn, {
    namespace: addonNamespace(scope, desired),
    serviceAccount: desired.serviceAccount,
    addon: scope.addon.name,
  });
}

/** eksctl removes the OIDC trust of a migrated add-on role always (reference §7.3); so do we. */
function migrateTrust(scope: AddonScope, desired: DesiredAddonAssociation, irsa: IrsaRole) {
  const subject = {
    namespace: addonNamespace(scope, desired),
    serviceAccount: desired.serviceAccount,
    addon: scope.addon.name,
  };
  return planTrustMigration(scope.ctx.live, irsa, subject, {
    target: addonTarget(scope.addon.name),
    idSuffix: desired.serviceAccount,
    removeOidc: true,
    addonRule: true,
  });
}

function policySource(scope: AddonScope, desired: DesiredAddonAssociation): PolicySource {
  if (desired.source) {
    const { spec, path } = desired.source;
    return { path, location: spec.location, valueLocations: spec.valueLocations };
  }
  return {
    path: scope.path,
    location: scope.addon.location,
    recommendedFor: desired.serviceAccount,
  };
}

export function planAddonRoles(scope: AddonScope, desired: DesiredAddonAssociation[]): AddonRoles {
  const owned = new Map(ownedAssociations(scope).map((a) => [a.serviceAccount, a]));
  const stacks = roleStacksBySa(scope);
  const out: AddonRoles = {
    associations: [],
    changed: false,
    roleTasks: [],
    producedBy: [],
    cleanup: [],
    problems: [],
    before: {},
    after: {},
    claims: [],
  };
  const used = new Set<LiveStack>();
  for (const want of desired) {
    const sa = want.serviceAccount;
    const live = owned.get(sa);
    const stack = stackFor(scope, sa, live, stacks);
    const irsa = irsaOf(scope, want);
    const problems = blockers(scope, want, stack, irsa !== undefined);
    out.problems.push(...problems);
    if (problems.some((p) => p.severity === 'error')) continue;
    if (irsa) {
      // The add-on's IRSA role migrates: its stack (if eksctl made it) stays as the role's home.
      if (irsa.stack) used.add(irsa.stack);
      const trust = migrateTrust(scope, want, irsa);
      if (trust && 'problem' in trust) {
        const at = want.source?.spec.location ?? scope.addon.location;
        out.problems.push(planProblem(at, want.source?.path ?? scope.path, 'error', trust.problem));
        continue;
      }
      if (trust) {
        out.roleTasks.push(trust.task);
        out.producedBy.push(trust.task.id);
      }
    }
    const role = roleFor(scope, want, live, stack);
    const policyProblems = checkRolePolicies(
      want.entry,
      policySource(scope, want),
      role.tasks,
      scope.ctx.live,
    );
    out.problems.push(...policyProblems);
    if (policyProblems.some((p) => p.severity === 'error')) continue;
    if (stack && !role.staleStack) used.add(stack);
    if (role.staleStack) {
      out.cleanup.push({
        stack: role.staleStack,
        reason: role.switchReason ?? 'no longer used',
        serviceAccount: sa,
      });
    }
    out.roleTasks.push(...role.tasks);
    if (role.producedBy) out.producedBy.push(role.producedBy);
    out.associations.push({ serviceAccount: sa, roleArn: role.roleArn });
    const known = role.currentArn ?? (typeof role.roleArn === 'string' ? role.roleArn : undefined);
    if (!live) out.claims.push(sa);
    if (!live || known === undefined || known !== live.roleArn) {
      out.changed = true;
      if (live) out.before[sa] = live.roleArn;
      out.after[sa] = known ?? role.roleArn;
    }
  }
  for (const [sa, live] of owned) {
    if (desired.some((d) => d.serviceAccount === sa)) continue;
    out.changed = true;
    out.before[sa] = live.roleArn;
    const stack = stackFor(scope, sa, live, stacks);
    // A role the user brought has no stack of ours: nothing to delete (eksctl crashes here).
    if (stack) used.add(stack);
    if (stack) {
      out.cleanup.push({
        stack,
        reason: `service account "${sa}" is no longer in the add-on's podIdentityAssociations`,
        serviceAccount: sa,
      });
    }
  }
  addLeftovers(scope, desired, stacks, used, out);
  return out;
}

/**
 * Role stacks of this add-on that no desired service account uses and no association points at
 * (a run killed between the add-on update and the stack deletion leaves them), and the add-on's
 * old IRSA stack once pod identity replaces it (eksctl deletes it too, reference §6.3 step 4).
 */
function addLeftovers(
  scope: AddonScope,
  desired: DesiredAddonAssociation[],
  stacks: Map<string, LiveStack>,
  used: Set<LiveStack>,
  out: AddonRoles,
): void {
  const wanted = new Set(desired.map((d) => d.serviceAccount));
  for (const [sa, stack] of stacks) {
    if (wanted.has(sa) || used.has(stack) || stackCondition(stack.status) === 'in-progress')
      continue;
    const tag = stack.tags[ADDON_POD_IDENTITY_ASSOCIATION_TAG] ?? sa;
    out.cleanup.push({
      stack,
      reason: `role stack of "${tag}" without a service account in the add-on`,
      serviceAccount: sa,
    });
  }
  const irsa = irsaStackOf(scope);
  if (irsa && !used.has(irsa) && desired.length > 0 && scope.ctx.options.prune !== 'none') {
    out.cleanup.push({
      stack: irsa,
      serviceAccount: 'irsa',
      reason: `the add-on now uses pod identity; its old IRSA stack goes (as eksctl: "deleting old IRSA stack for addon ${scope.addon.name}")`,
    });
  }
}
