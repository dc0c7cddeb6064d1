// One task → the function that performs it. Each is idempotent: re-running it after a crash, a
// retry or a concurrent run reaches the same end state instead of failing or duplicating.

import type { Task } from '../plan/model.js';
import { createAddon, deleteAddon, tagAddon, updateAddon } from './addon-tasks.js';
import {
  createAssociation,
  deleteAssociation,
  tagAssociation,
  updateAssociation,
} from './association-tasks.js';
import type { TaskContext, TaskOutcome } from './context.js';
import { createRoleStack, deleteRoleStack, updateRoleStack } from './stack-tasks.js';

export async function runTask(task: Task, ctx: TaskContext): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'create-role-stack':
      return createRoleStack(task.params, ctx);
    case 'update-role-stack':
      return updateRoleStack(task.params, ctx);
    case 'delete-role-stack':
      return deleteRoleStack(task.params, ctx);
    case 'create-association':
      return createAssociation(task.params, ctx);
    case 'update-association':
      return updateAssociation(task.params, ctx);
    case 'delete-association':
      return deleteAssociation(task.params, ctx);
    case 'tag-association':
      return tagAssociation(task.params, ctx);
    case 'create-addon':
      return createAddon(task.params, ctx);
    case 'update-addon':
      return updateAddon(task.params, ctx);
    case 'delete-addon':
      return deleteAddon(task.params, ctx);
    case 'tag-addon':
      return tagAddon(task.params, ctx);
  }
}
