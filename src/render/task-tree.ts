// eksctl's task-tree text (reference §7.4), so logs read like eksctl's: the top level runs the
// agent first, then add-ons and associations in parallel, each one's steps in sequence.

import { AGENT_ADDON } from '../names/addons.js';
import type { ClusterPlan, Task } from '../plan/model.js';

export interface TaskTree {
  parallel: boolean;
  children: TaskTreeNode[];
}
export type TaskTreeNode = string | TaskTree;

const INDENT = '    ';

/** eksctl's `TaskTree.Describe`: exact spacing, trailing spaces and newlines included. */
export function describeTaskTree(
  tree: TaskTree,
  opts: { planMode: boolean; isSubTask?: boolean },
): string {
  if (tree.children.length === 0) return 'no tasks';
  const isSubTask = opts.isSubTask ?? false;
  const descriptions = tree.children.map((child) =>
    (typeof child === 'string'
      ? child
      : describeTaskTree(child, { planMode: false, isSubTask: true })
    ).replace(/\n$/, ''),
  );
  const noun = isSubTask ? 'sub-task' : 'task';
  if (descriptions.length === 1)
    return isSubTask ? descriptions[0] : `1 ${noun}: { ${descriptions[0]} }`;
  const mode = tree.parallel ? 'parallel' : 'sequential';
  let text: string;
  if (isSubTask) {
    text = `\n${INDENT}${descriptions.length} ${mode} ${noun}s: { \n`;
    for (const d of descriptions) {
      const body = d.includes('sub-task')
        ? d
            .replace(/^\n/, '')
            .split('\n')
            .map((line) => INDENT + line)
            .join('\n')
        : INDENT + INDENT + d;
      text += `${body},\n`;
    }
    text += `${INDENT}}`;
  } else {
    text = `\n${descriptions.length} ${mode} ${noun}s: { ${descriptions.join(', ')} \n}`;
  }
  return `${opts.planMode ? '(plan) ' : ''}${text}\n`;
}

function sequence(tasks: Task[]): TaskTreeNode {
  return tasks.length === 1
    ? tasks[0].description
    : { parallel: false, children: tasks.map((t) => t.description) };
}

/** Groups a cluster's tasks the way the executor runs them: the agent first, then every add-on and
 * every association side by side, each one's own steps in sequence. */
export function buildTaskTree(plan: ClusterPlan): TaskTree {
  const agent = `addon:${AGENT_ADDON}`;
  const groups = new Map<string, Task[]>();
  for (const task of plan.tasks)
    groups.set(task.target, [...(groups.get(task.target) ?? []), task]);
  const agentTasks = groups.get(agent) ?? [];
  groups.delete(agent);
  const rest: TaskTree = { parallel: true, children: [...groups.values()].map(sequence) };
  if (agentTasks.length === 0) return rest;
  const steps: TaskTreeNode[] = [sequence(agentTasks)];
  if (rest.children.length > 0) steps.push(rest);
  return { parallel: false, children: steps };
}

export function renderTaskTree(plan: ClusterPlan, opts: { planMode: boolean }): string {
  return describeTaskTree(buildTaskTree(plan), { planMode: opts.planMode });
}
