// Desired × live → the plan of one cluster, and of all of them. Pure and deterministic: the same
// inputs give byte-identical output (entries and associations are processed in namespace/SA order).

import type { ClusterSpec, Problem } from '../config/model.js';
import { AGENT_ADDON } from '../names/addons.js';
import { associationKey, splitAssociationKey } from '../names/tags.js';
import type { LiveCluster, LiveClusterMissing } from '../live/model.js';
import { fingerprint } from '../review/fingerprint.js';
import type { ClusterPlan, Plan, PlanOptions, Task } from './model.js';
import type { ClusterContext } from './association-plan.js';
import { planEntry } from './association-plan.js';
import { agentInstalled, planAgent } from './agent-prerequisite.js';
import { planPrune } from './prune-plan.js';

const ENTRIES_PATH = 'iam.podIdentityAssociations';

/** Plain code-unit order: locale-independent, so output never depends on the machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Namespace first, then service account: `a-b/c` sorts with namespace `a-b`, not by the raw text. */
function compareKeys(a: string, b: string): number {
  const x = splitAssociationKey(a);
  const y = splitAssociationKey(b);
  return compareText(x.namespace, y.namespace) || compareText(x.serviceAccount, y.serviceAccount);
}

function clusterProblem(spec: ClusterSpec, message: string, hint?: string): Problem {
  const { file, line, column } = spec.location;
  return {
    severity: 'error',
    file,
    line,
    column,
    path: 'metadata.name',
    message,
    ...(hint ? { hint } : {}),
  };
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
    unchanged: 0,
    fingerprint: fingerprint([], options.salt),
  };
}

function isMissing(live: LiveCluster | LiveClusterMissing): live is LiveClusterMissing {
  return 'missing' in live && live.missing === true;
}

/** A warning, once per cluster, when add-ons in the config expect pod identity we do not plan yet. */
function addonWarnings(spec: ClusterSpec): Problem[] {
  const pending = spec.addons.filter(
    (a) =>
      a.name !== AGENT_ADDON &&
      ((a.podIdentityAssociations?.length ?? 0) > 0 || a.useDefaultPodIdentityAssociations),
  );
  if (pending.length === 0) return [];
  const { file, line, column } = pending[0].location;
  const names = pending.map((a) => `"${a.name}"`).join(', ');
  return [
    {
      severity: 'warning',
      file,
      line,
      column,
      path: 'addons',
      message: `pod identity associations of addons are not reconciled yet: no tasks planned for ${names}`,
    },
  ];
}

/** eksctl creates service accounts through the Kubernetes API; we do not talk to Kubernetes. */
function serviceAccountWarnings(spec: ClusterSpec): Problem[] {
  const wanted = spec.podIdentityAssociations.filter((e) => e.createServiceAccount);
  if (wanted.length === 0) return [];
  const { file, line, column } = wanted[0].location;
  const names = wanted.map((e) => `"${e.namespace}/${e.serviceAccountName}"`).join(', ');
  return [
    {
      severity: 'warning',
      file,
      line,
      column,
      path: ENTRIES_PATH,
      message: `createServiceAccount is not acted on: no service account is created for ${names}`,
      hint: 'create the service accounts with your Kubernetes manifests; an association also works for a service account created later',
    },
  ];
}

export function planCluster(
  spec: ClusterSpec,
  live: LiveCluster | LiveClusterMissing,
  options: PlanOptions,
): ClusterPlan {
  if (isMissing(live)) {
    return emptyPlan(spec, options, [
      clusterProblem(spec, `cluster "${spec.name}" could not be read: ${live.reason}`),
    ]);
  }
  if (live.status !== 'ACTIVE') {
    const message = `Cluster '${live.name}' is not in ACTIVE status (status: ${live.status})`;
    return emptyPlan(spec, options, [
      clusterProblem(spec, message, 'plan again when the cluster is ACTIVE'),
    ]);
  }
  const ctx: ClusterContext = { spec, live, options };
  const errors: Problem[] = [];
  const warnings: Problem[] = [...addonWarnings(spec), ...serviceAccountWarnings(spec)];
  const groups = new Map<string, Task[]>();
  const configured = new Set<string>();
  let unchanged = 0;

  const entries = spec.podIdentityAssociations
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
      const { file, line, column } = entry.location;
      errors.push({
        severity: 'error',
        file,
        line,
        column,
        path,
        message: `duplicate pod identity association for service account "${key}"; EKS allows one per service account`,
      });
      continue;
    }
    configured.add(key);
    const planned = planEntry(ctx, entry, path);
    for (const p of planned.problems) (p.severity === 'error' ? errors : warnings).push(p);
    if (planned.tasks.length > 0) groups.set(key, planned.tasks);
    else if (planned.problems.every((p) => p.severity !== 'error')) unchanged += 1;
  }

  const pruned = planPrune(ctx, configured);
  for (const [key, tasks] of pruned.tasksByKey) if (tasks.length > 0) groups.set(key, tasks);

  const tasks: Task[] = [];
  const creations = [...groups.values()].flat().filter((t) => t.kind === 'create-association');
  if (creations.length > 0 && !agentInstalled(ctx)) {
    const agent = planAgent(ctx);
    if (agent.problem) errors.push(agent.problem);
    if (agent.task) {
      tasks.push(agent.task);
      for (const task of creations) task.dependsOn.push(agent.task.id);
    }
  }
  for (const key of [...groups.keys()].sort(compareKeys)) tasks.push(...(groups.get(key) ?? []));

  return {
    cluster: spec.name,
    region: spec.region,
    file: spec.file,
    tasks,
    errors,
    warnings,
    unmanaged: pruned.unmanaged.sort((a, b) =>
      compareKeys(
        associationKey(a.namespace, a.serviceAccount),
        associationKey(b.namespace, b.serviceAccount),
      ),
    ),
    unchanged,
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
