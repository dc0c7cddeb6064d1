// `podid migrate` speaks as eksctl's `utils migrate-to-pod-identity` (reference §7.4): the intent
// line, then the task tree — the agent first, then the add-ons side by side, then the service
// accounts side by side, each one's steps in eksctl's order — with eksctl's logger marks.

import { AGENT_ADDON } from '../names/addons.js';
import type { ClusterPlan, Task } from '../plan/model.js';
import { MIGRATION_MESSAGES } from '../plan/migration-discovery.js';
import { describeTaskTree, type TaskTree, type TaskTreeNode } from './task-tree.js';

/** eksctl's logger marks (without its timestamps). */
export const info = (line: string): string => `[ℹ]  ${line}`;
export const warning = (line: string): string => `[!]  ${line}`;

/** eksctl's step order inside one service account's or add-on's sequence. */
const STEP_RANK: Record<string, number> = {
  'update-trust-policy': 0,
  'remove-irsa-annotation': 1,
  'create-association': 2,
  'update-association': 2,
  'update-addon': 2,
};
const rank = (t: Task): number => STEP_RANK[t.kind] ?? 1;

export interface MigrationTree {
  tree: TaskTree;
  serviceAccounts: number;
  addons: number;
}

function sequence(tasks: Task[]): TaskTreeNode {
  const ordered = [...tasks].sort((a, b) => rank(a) - rank(b)).map((t) => t.description);
  return ordered.length === 1 ? ordered[0] : { parallel: false, children: ordered };
}

function byTarget(tasks: readonly Task[]): Map<string, Task[]> {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) groups.set(task.target, [...(groups.get(task.target) ?? []), task]);
  return groups;
}

export function buildMigrationTree(plan: ClusterPlan): MigrationTree {
  const groups = byTarget(plan.tasks);
  const agent = `addon:${AGENT_ADDON}`;
  const addonTargets = [...groups.keys()]
    .filter((k) => k.startsWith('addon:') && k !== agent)
    .sort();
  const accountTargets = [...groups.keys()].filter((k) => !k.startsWith('addon:'));
  const children: TaskTreeNode[] = [];
  const agentTasks = groups.get(agent);
  if (agentTasks) children.push(sequence(agentTasks));
  const side = (targets: string[]): TaskTree => ({
    parallel: true,
    children: targets.map((k) => sequence(groups.get(k) ?? [])),
  });
  if (addonTargets.length > 0) children.push(side(addonTargets));
  if (accountTargets.length > 0) children.push(side(accountTargets));
  return {
    tree: { parallel: false, children },
    serviceAccounts: accountTargets.length,
    addons: addonTargets.length,
  };
}

/** Nothing but the agent to do: eksctl has found nothing to migrate (and installs nothing). */
export function nothingToMigrate(plan: ClusterPlan): boolean {
  const { serviceAccounts, addons } = buildMigrationTree(plan);
  return serviceAccounts + addons === 0;
}

/** The intent line and the tree, as eksctl logs them before running (or skipping) the tasks. */
export function renderMigrationPlan(plan: ClusterPlan, opts: { approve: boolean }): string {
  const { tree, serviceAccounts, addons } = buildMigrationTree(plan);
  const planMode = !opts.approve;
  const intent = `migrate ${serviceAccounts} iamserviceaccount(s) and ${addons} addon(s) to pod identity by executing the following tasks`;
  const lines = [
    info(planMode ? `(plan) would ${intent}` : `will ${intent}`),
    info(describeTaskTree(tree, { planMode }).replace(/\n$/, '')),
  ];
  if (planMode)
    lines.push(info(MIGRATION_MESSAGES.allSkipped), warning(MIGRATION_MESSAGES.planWarning));
  return `${lines.join('\n')}\n`;
}
