// Gone from config: prune modes, deletion with the entry's stack (reference §5, scenarios 43–49),
// orphan stacks left by a crash, and the unmanaged list.
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import type { PlanOptions } from '../../src/plan/model.js';
import { OWNER_TAG } from '../../src/names/tags.js';
import {
  OPTIONS,
  addon,
  association,
  entry,
  live,
  ownerTags,
  roleArn,
  spec,
  stackFor,
} from './fixtures.js';

const opts = (prune: PlanOptions['prune']): PlanOptions => ({ ...OPTIONS, prune });

describe('prune', () => {
  const ours = association('default', 'ours', roleArn('a'), { tags: ownerTags() });
  const theirs = association('default', 'theirs', roleArn('b'), { tags: { team: 'x' } });
  const addonOwned = association('kube-system', 'aws-node', roleArn('c'), {
    ownerArn: 'arn:aws:eks:us-west-2:00:addon/test-cluster/vpc-cni/14c7a7ae',
  });
  const state = () => live({ associations: [ours, theirs, addonOwned] });

  it('managed (default) deletes only associations carrying our owner tag', () => {
    const plan = planCluster(spec([]), state(), opts('managed'));
    expect(plan.tasks.map((t) => t.id)).toEqual(['delete-association:default/ours']);
    expect(plan.tasks[0].description).toBe('delete pod identity association "default/ours"');
    expect(plan.unmanaged).toEqual([
      {
        namespace: 'default',
        serviceAccount: 'theirs',
        associationId: theirs.associationId,
        reason: 'not in config; not managed, left alone',
      },
    ]);
  });

  // Scenario 49: add-on owned associations are never touched by this path, even with prune: all.
  it('all deletes every association except add-on owned ones', () => {
    // The agent stays: the config lists it (prune: all would delete an unlisted add-on).
    const withAgent = spec([], { addons: [addon('eks-pod-identity-agent')] });
    const plan = planCluster(withAgent, state(), opts('all'));
    const associationTasks = plan.tasks.filter((t) => !t.target.startsWith('addon:'));
    expect(associationTasks.map((t) => t.id)).toEqual([
      'delete-association:default/ours',
      'delete-association:default/theirs',
    ]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('none deletes nothing and lists what is left alone', () => {
    const plan = planCluster(spec([]), state(), opts('none'));
    expect(plan.tasks).toEqual([]);
    expect(plan.unmanaged.map((u) => u.serviceAccount)).toEqual(['ours', 'theirs']);
    expect(plan.unmanaged[0].reason).toContain('prune: none');
  });

  it('leaves associations of another owner alone', () => {
    const other = association('default', 'x', roleArn('a'), { tags: { [OWNER_TAG]: 'org/other' } });
    const plan = planCluster(spec([]), live({ associations: [other] }), opts('managed'));
    expect(plan.tasks).toEqual([]);
    expect(plan.unmanaged[0].reason).toBe('not in config; managed by "org/other", left alone');
  });

  // Scenarios 43/44: association + its IRSAv2 or IRSAv1 stack → delete association, then the stack.
  it('deletes the entry stack, lifting termination protection, then the association', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const legacy = {
      ...stackFor(entry('default', 'v1', { permissionPolicyARNs: ['p'] }), {}, 'org/infra'),
      stackName: 'eksctl-test-cluster-addon-iamserviceaccount-default-v1',
      stackId: 'id-v1',
      // A migrated IRSA stack: eksctl's migration tagged it for pod identity.
      tags: { ...stack.tags, 'alpha.eksctl.io/podidentityassociation-name': 'default/v1' },
    };
    const a = association('default', 'app', stack.outputs.Role1, { tags: ownerTags() });
    const b = association('default', 'v1', roleArn('v1'), { tags: ownerTags() });
    const plan = planCluster(
      spec([]),
      live({ associations: [a, b], stacks: [stack, legacy] }),
      OPTIONS,
    );
    // The stack first: the owner-tagged association is what tells a re-run after a kill that the
    // stack still has to go (eksctl deletes in the other order).
    expect(plan.tasks.map((t) => t.id)).toEqual([
      'delete-role-stack:default/app',
      'delete-association:default/app',
      'delete-role-stack:default/v1',
      'delete-association:default/v1',
    ]);
    const del = plan.tasks[0];
    if (del.kind !== 'delete-role-stack') throw new Error();
    expect(del.params.terminationProtection).toBe(true);
    expect(del.dependsOn).toEqual([]);
    expect(plan.tasks[1].dependsOn).toEqual(['delete-role-stack:default/app']);
    expect(del.description).toBe(`deleting IAM resources stack "${stack.stackName}"`);
    const v1 = plan.tasks[2];
    if (v1.kind !== 'delete-role-stack') throw new Error();
    expect(v1.params.stackName).toBe('eksctl-test-cluster-addon-iamserviceaccount-default-v1');
  });

  // Scenario 42/#8484 applied to deletion: a stack of other-service/sa is not deleted with service/sa.
  it('never deletes a stack that only matches by suffix', () => {
    const a = association('service', 'service-account', roleArn('r'), { tags: ownerTags() });
    const otherStack = stackFor(
      entry('other-service', 'service-account', { permissionPolicyARNs: ['p'] }),
    );
    const plan = planCluster(spec([]), live({ associations: [a], stacks: [otherStack] }), OPTIONS);
    expect(plan.tasks.map((t) => t.id)).toEqual(['delete-association:service/service-account']);
  });

  // Scenario 46 (association missing, stack remains): an owner-tagged orphan stack is deleted.
  it('deletes an owner-tagged role stack with no association and no entry', () => {
    const stack = stackFor(
      entry('default', 'gone', { permissionPolicyARNs: ['p'] }),
      {},
      'org/infra',
    );
    const plan = planCluster(spec([]), live({ stacks: [stack] }), OPTIONS);
    expect(plan.tasks.map((t) => t.id)).toEqual(['delete-role-stack:default/gone']);
    expect(plan.tasks[0].dependsOn).toEqual([]);
  });

  it('keeps an orphan stack made by eksctl (no owner tag) and anything under prune none', () => {
    const eksctlStack = stackFor(entry('default', 'gone', { permissionPolicyARNs: ['p'] }));
    expect(planCluster(spec([]), live({ stacks: [eksctlStack] }), OPTIONS).tasks).toEqual([]);
    const ourStack = stackFor(
      entry('default', 'gone', { permissionPolicyARNs: ['p'] }),
      {},
      'org/infra',
    );
    expect(planCluster(spec([]), live({ stacks: [ourStack] }), opts('none')).tasks).toEqual([]);
  });

  // Scenario 47: nothing exists → nothing planned.
  it('plans nothing for an empty cluster and config', () => {
    const plan = planCluster(spec([]), live(), OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
  });
});
