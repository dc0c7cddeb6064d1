// A task's reviewed lines: a tag task shows each key's old and new value, new keys as +, removed as -.
import { describe, expect, it } from 'vitest';
import { tagChanges } from '../../src/plan/tag-changes.js';
import { tagAddonTask } from '../../src/plan/task-builders.js';
import { taskLines } from '../../src/render/task-lines.js';

const ARN = 'arn:aws:eks:us-west-2:111122223333:addon/prod/coredns/0000';

describe('taskLines of tag tasks', () => {
  it('shows old -> new for a changed tag, + for a new one and - for a removed one', () => {
    const owner = { 'podid-action/managed-by': 'org/infra' };
    const changes = tagChanges(
      { ...owner, cost: 'storage', gone: 'x' },
      { ...owner, cost: 'storage2', team: 'web' },
    );
    const task = tagAddonTask(
      { addonName: 'coredns', addonArn: ARN, ...changes!.params },
      changes!.adopt,
      changes!.common,
    );
    expect(taskLines(task).slice(2)).toEqual([
      '~     tag cost: storage -> storage2',
      '-     tag gone',
      '+     tag team = web',
    ]);
  });

  it('adopting shows the owner tag being added', () => {
    const changes = tagChanges({ team: 'web' }, { team: 'web', 'podid-action/managed-by': 'o/r' });
    const task = tagAddonTask(
      { addonName: 'coredns', addonArn: ARN, ...changes!.params },
      changes!.adopt,
      changes!.common,
    );
    expect(taskLines(task).slice(2)).toEqual(['+     tag podid-action/managed-by = o/r']);
  });
});
