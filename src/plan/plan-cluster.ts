// Desired × live → the plan of one cluster, and of all of them. Pure and deterministic: the same
// inputs give byte-identical output (add-ons in config order, the agent first; associations in
// namespace/SA order). The agent comes first; add-ons and associations then run side by side.

import type { ClusterSpec, Problem } from '../config/model.js';
import type { LiveCluster, LiveClusterMissing } from '../live/model.js';
import { AGENT_ADDON } from '../names/addons.js';
import { associationKey, splitAssociationKey } from '../names/tags.js';
import { fingerprint } from '../review/fingerprint.js';
import { planAddon, type AddonPlan } from './addon-plan.js';
import { planAddonPrune } from './addon-prune.js';
import { agentInstalled, agentMissing, agentStillNeeded } from './agent-prerequisite.js';
import type { ClusterContext } from './association-plan.js';
import { planEntry } from './association-plan.js';
import type { ClusterPlan, Plan, PlanOptions, Task } from './model.js';
import { planProblem } from './problems.js';
import { kubernetesAccessProblems, kubernetesReadProblems } from './kubernetes-access.js';
import { unreadableClusterProblem } from './unreadable-cluster.js';
import { planPrune } from './prune-plan.js';
import { planServiceAccount } from './service-account-plan.js';
import { supersededServiceAccounts } from './irsa-migration.js';

const ENTRIES_PATH = 'iam.podIdentityAssociations';

/** Plain code-unit order: locale-independent, so output never depends on the machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Namespace first, then service account: `a-b/c` sorts with namespace `a-b`, not by the raw text. */
function compareKeys(a: string, b: string): number {
  const x = splitAssociationKey(a);
  const y = splitAssociationKey(b);
  return compareText(x.namespace, y.namespace) || compareText(x.serviceAccount, y.serviceAccount);
}

function emptyPlan(spec: ClusterSpec, options: PlanOptions, errors: Problem[]): ClusterPlan {
  return {
    cluster: spec.name,
    region: spec.region,
    file: spec.file,
    tasks: [],
    errors,
    warnings: [],
    unmanaged: [],
    unmanagedAddons: [],
    notManaged: spec.notManaged,
    unchanged: 0,
    fingerprint: fingerprint([], options.salt),
  };
}

function isMissing(live: LiveCluster | LiveClusterMissing): live is LiveClusterMissing {
  return 'missing' in live && live.missing === true;
}

interface Collected {
  errors: Problem[];
  warnings: Problem[];
  unchanged: number;
}

function collect(into: Collected, problems: Problem[]): void {
  for (const p of problems) (p.severity === 'error' ? into.errors : into.warnings).push(p);
}

/** The config's associations, each planned in namespace/SA order; tasks grouped by key. */
function planEntries(ctx: ClusterContext, into: Collected) {
  const groups = new Map<string, Task[]>();
  const configured = new Set<string>();
  const entries = ctx.spec.podIdentityAssociations
    .map((entry, index) => ({ entry, path: `${ENTRIES_PATH}[${index}]` }))
    .sort((a, b) =>
      compareKeys(
        associationKey(a.entry.namespace, a.entry.serviceAccountName),
        associationKey(b.entry.namespace, b.entry.serviceAccountName),
      ),
    );
  for (const { entry, path } of entries) {
    const key = associationKey(entry.namespace, entry.serviceAccountName);
    if (configured.has(key)) {
      const message = `duplicate pod identity association for service account "${key}"; EKS allows one per service account`;
      into.errors.push(planProblem(entry.location, path, 'error', message));
      continue;
    }
    configured.add(key);
    const planned = planEntry(ctx, entry, path);
    collect(into, planned.problems);
    const ok = planned.problems.every((p) => p.severity !== 'error');
    const serviceAccount = ok ? planServiceAccount(ctx.live, entry) : undefined;
    if (serviceAccount) {
      // eksctl's order: the service account exists before its association does.
      for (const t of planned.tasks)
        if (t.kind === 'create-association') t.dependsOn.push(serviceAccount.id);
      planned.tasks.unshift(serviceAccount);
    }
    if (planned.tasks.length > 0) groups.set(key, planned.tasks);
    else if (planned.problems.every((p) => p.severity !== 'error')) into.unchanged += 1;
  }
  return { groups, configured };
}

/** The config's add-ons, the agent first. */
function planAddons(ctx: ClusterContext, into: Collected): AddonPlan[] {
  const plans = ctx.spec.addons
    .map((addon, index) => planAddon(ctx, addon, index))
    .sort((a, b) => Number(b.name === AGENT_ADDON) - Number(a.name === AGENT_ADDON));
  for (const plan of plans) {
    collect(into, plan.problems);
    if (plan.unchanged) into.unchanged += 1;
  }
  return plans;
}

const setsIdentity = (task: Task): boolean =>
  (task.kind === 'create-addon' || task.kind === 'update-addon') &&
  (task.params.podIdentityAssociations?.length ?? 0) > 0;

/**
 * An add-on that takes over a service account another association holds fails in EKS
 * (ResourceInUseException): wait for that association's deletion when the plan deletes it, else
 * say so now with eksctl's message.
 */
function checkClaims(ctx: ClusterContext, addons: AddonPlan[], tasks: Task[], into: Collected) {
  for (const addon of addons) {
    const owner = ctx.live.addons[addon.name]?.arn;
    const held = addon.claims.flatMap((claim) =>
      ctx.live.associations.filter(
        (a) =>
          a.serviceAccount === claim.serviceAccount &&
          (claim.namespace === '' || a.namespace === claim.namespace) &&
          (owner === undefined || a.ownerArn !== owner),
      ),
    );
    const step = tasks.find((t) => t.id === addon.stepId);
    const blocking = held.filter((a) => {
      const deletion = tasks.find(
        (t) => t.kind === 'delete-association' && t.params.associationId === a.associationId,
      );
      if (deletion && step) step.dependsOn.push(deletion.id);
      return !deletion;
    });
    // A standalone association this same plan creates would collide with the add-on's in EKS.
    const planned = ctx.spec.podIdentityAssociations.filter(
      (entry) =>
        addon.claims.some(
          (claim) =>
            claim.serviceAccount === entry.serviceAccountName &&
            (claim.namespace === '' || claim.namespace === entry.namespace),
        ) &&
        !held.some(
          (a) => a.namespace === entry.namespace && a.serviceAccount === entry.serviceAccountName,
        ),
    );
    const clashing = [
      ...blocking.map((a) => a.serviceAccount),
      ...planned.map((e) => e.serviceAccountName),
    ];
    if (clashing.length === 0) continue;
    const names = [...new Set(clashing)].map((sa) => `"${sa}"`).join(',');
    const spec = ctx.spec.addons.find((a) => a.name === addon.name);
    into.errors.push(
      planProblem(
        spec?.location ?? ctx.spec.location,
        `addons[${ctx.spec.addons.findIndex((a) => a.name === addon.name)}]`,
        'error',
        `one or more service accounts corresponding to "${addon.name}" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to ${names} service account(s) in the addon's namespace, then re-try creating the addon`,
        'remove those associations from iam.podIdentityAssociations (and let prune delete them), or delete them by hand',
      ),
    );
  }
}

/** The agent first: what needs it waits for it; without it (and not listed) the plan fails. */
function wireAgent(ctx: ClusterContext, tasks: Task[], into: Collected): void {
  const create = tasks.find((t) => t.id === `create-addon:${AGENT_ADDON}`);
  const needers = tasks.filter((t) => t.kind === 'create-association' || setsIdentity(t));
  if (create) {
    for (const t of tasks) {
      const waits =
        t.kind === 'create-association' ||
        (t.target.startsWith('addon:') && t.target !== create.target && t.kind.endsWith('-addon'));
      if (waits) t.dependsOn.push(create.id);
    }
  } else if (needers.length > 0 && !agentInstalled(ctx)) {
    into.errors.push(agentMissing(ctx));
  }
}

/**
 * The agent may go only when nothing left needs it: associations the plan keeps or creates (those of
 * add-ons the plan deletes go with them). It goes last, after the deletions that free it.
 */
function checkAgentDeletion(ctx: ClusterContext, tasks: Task[], into: Collected): void {
  const { live } = ctx;
  const agentDeletion = tasks.find((t) => t.id === `delete-addon:${AGENT_ADDON}`);
  const deletions = tasks.filter(
    (t) => t !== agentDeletion && (t.kind === 'delete-association' || t.kind === 'delete-addon'),
  );
  agentDeletion?.dependsOn.push(...deletions.map((t) => t.id));
  if (live.autoMode) return;
  const deletedIds = new Set(
    deletions.flatMap((t) => (t.kind === 'delete-association' ? [t.params.associationId] : [])),
  );
  const deletedOwners = new Set(
    deletions.flatMap((t) =>
      t.kind === 'delete-addon' ? [live.addons[t.params.addonName]?.arn ?? ''] : [],
    ),
  );
  const remaining = live.associations.filter(
    (a) => !deletedIds.has(a.associationId) && !(a.ownerArn && deletedOwners.has(a.ownerArn)),
  ).length;
  const created = tasks.filter((t) => t.kind === 'create-association' || setsIdentity(t)).length;
  if (remaining + created > 0) into.errors.push(agentStillNeeded(ctx, remaining + created));
}

export function planCluster(
  spec: ClusterSpec,
  live: LiveCluster | LiveClusterMissing,
  options: PlanOptions,
): ClusterPlan {
  const problem = (message: string, hint?: string) =>
    planProblem(spec.location, 'metadata.name', 'error', message, hint);
  if (isMissing(live)) {
    return emptyPlan(spec, options, [unreadableClusterProblem(spec, live)]);
  }
  if (live.status !== 'ACTIVE') {
    const message = `Cluster '${live.name}' is not in ACTIVE status (status: ${live.status})`;
    return emptyPlan(spec, options, [problem(message, 'plan again when the cluster is ACTIVE')]);
  }
  const ctx: ClusterContext = { spec, live, options };
  const into: Collected = { errors: [], warnings: [], unchanged: 0 };
  const addons = planAddons(ctx, into);
  const { groups, configured } = planEntries(ctx, into);
  const pruned = planPrune(ctx, configured);
  for (const [key, tasks] of pruned.tasksByKey) if (tasks.length > 0) groups.set(key, tasks);
  const addonPrune = planAddonPrune(ctx);

  const tasks: Task[] = [
    ...addons.flatMap((a) => a.tasks),
    ...[...groups.keys()].sort(compareKeys).flatMap((key) => groups.get(key) ?? []),
    ...addonPrune.tasks,
  ];
  wireAgent(ctx, tasks, into);
  collect(into, [
    ...supersededServiceAccounts(spec),
    ...kubernetesReadProblems(spec, live, options),
    ...kubernetesAccessProblems(spec, live, options),
  ]);
  checkClaims(ctx, addons, tasks, into);
  if (addonPrune.deletesAgent) checkAgentDeletion(ctx, tasks, into);
  return {
    cluster: spec.name,
    region: spec.region,
    file: spec.file,
    tasks,
    errors: into.errors,
    warnings: into.warnings,
    unmanaged: pruned.unmanaged.sort((a, b) =>
      compareKeys(
        associationKey(a.namespace, a.serviceAccount),
        associationKey(b.namespace, b.serviceAccount),
      ),
    ),
    unmanagedAddons: addonPrune.unmanaged,
    notManaged: [...spec.notManaged, ...addons.flatMap((a) => a.notManaged)].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    ),
    unchanged: into.unchanged,
    fingerprint: fingerprint(tasks, options.salt),
  };
}

/** Every cluster, in (file, cluster name) order; a spec without live state counts as missing. */
export function planAll(
  specs: readonly ClusterSpec[],
  lives: readonly (LiveCluster | LiveClusterMissing)[],
  options: PlanOptions,
): Plan {
  const ordered = [...specs].sort(
    (a, b) => compareText(a.file, b.file) || compareText(a.name, b.name),
  );
  const clusters = ordered.map((spec) => {
    const live =
      lives.find((l) => l.name === spec.name && l.region === spec.region) ??
      ({
        name: spec.name,
        region: spec.region,
        missing: true,
        reason: 'no live state was read',
      } as const);
    return planCluster(spec, live, options);
  });
  return { version: 1, clusters };
}
