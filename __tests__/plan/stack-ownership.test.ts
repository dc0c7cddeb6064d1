// A role stack belongs to `<ns>/<sa>` by its exact name AND eksctl's association tag, as eksctl
// decides it: names alone are ambiguous, and an IRSA stack never migrated is not a pod identity role.
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import {
  association,
  entry,
  live,
  OPTIONS,
  ownerTags,
  roleArn,
  spec,
  stackFor,
  trustedRole,
} from './fixtures.js';

const PIA_TAG = 'alpha.eksctl.io/podidentityassociation-name';

describe('role stack ownership', () => {
  it("never takes another entry's stack for its own when their names collide", () => {
    // team/a-app has its own role; team-a/app uses a user role; both need the same stack name.
    const own = entry('team', 'a-app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] });
    const stack = stackFor(own, {}, OPTIONS.ownerId);
    const r = roleArn('user');
    const user = entry('team-a', 'app', { roleARN: r });
    const plan = planCluster(
      spec([own, user]),
      live({
        stacks: [stack],
        roles: { [r]: trustedRole(r) },
        associations: [
          association('team', 'a-app', stack.outputs.Role1, {
            tags: ownerTags({ [PIA_TAG]: 'team/a-app' }),
          }),
          association('team-a', 'app', r, { tags: ownerTags() }),
        ],
      }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toEqual([]);

    // Pruning team-a/app leaves team/a-app's stack alone.
    const pruned = planCluster(
      spec([own]),
      live({
        stacks: [stack],
        associations: [
          association('team', 'a-app', stack.outputs.Role1, {
            tags: ownerTags({ [PIA_TAG]: 'team/a-app' }),
          }),
          association('team-a', 'app', r, { tags: ownerTags() }),
        ],
      }),
      OPTIONS,
    );
    expect(pruned.tasks.map((t) => t.id)).toEqual(['delete-association:team-a/app']);
  });

  it('is a plan error when the stack name an entry needs is held by a stack of someone else', () => {
    const other = stackFor(
      entry('team', 'a-app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] }),
    );
    const wants = entry('team-a', 'app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/B'] });
    const plan = planCluster(spec([wants]), live({ stacks: [other] }), OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toEqual([
      expect.objectContaining({
        line: wants.location.line,
        message: `the role stack this entry needs, "${other.stackName}", already exists for "team/a-app"`,
      }),
    ]);
  });

  it('does not treat an IRSA stack never migrated to pod identity as the entry role stack', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] });
    const irsa = {
      ...stackFor(e),
      stackName: 'eksctl-test-cluster-addon-iamserviceaccount-default-app',
      stackId: 'irsa-id',
      tags: {
        'alpha.eksctl.io/cluster-name': 'test-cluster',
        'alpha.eksctl.io/iamserviceaccount-name': 'default/app',
      },
    };
    const plan = planCluster(spec([e]), live({ stacks: [irsa] }), OPTIONS);
    expect(plan.tasks.map((t) => t.id)).toEqual([
      'create-role-stack:default/app',
      'create-association:default/app',
    ]);
    const [create] = plan.tasks;
    if (create.kind !== 'create-role-stack') throw new Error();
    expect(create.params.stackName).toBe('eksctl-test-cluster-podidentityrole-default-app');
  });

  it("recognises a migrated IRSA stack, also with the tag eksctl's migration spells wrongly for namespaces with '-'", () => {
    const e = entry('kube-system', 'aws-node', {
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
    });
    const migrated = {
      ...stackFor(e),
      stackName: 'eksctl-test-cluster-addon-iamserviceaccount-kube-system-aws-node',
      // eksctl turns the first '-' of "kube-system-aws-node" into '/'.
      tags: { ...stackFor(e).tags, [PIA_TAG]: 'kube/system-aws-node' },
    };
    const plan = planCluster(
      spec([e]),
      live({
        stacks: [migrated],
        associations: [
          association('kube-system', 'aws-node', migrated.outputs.Role1, {
            tags: ownerTags({ [PIA_TAG]: 'kube-system/aws-node' }),
          }),
        ],
      }),
      OPTIONS,
    );
    expect(plan.tasks.filter((t) => t.kind === 'create-role-stack')).toEqual([]);
  });
});

describe('a stack whose update rollback failed', () => {
  it('is not replaced (its role may be in use): a plan error saying how to continue the rollback', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/B'] });
    const stack = stackFor(
      e,
      { status: 'UPDATE_ROLLBACK_FAILED', statusReason: 'Role is in use' },
      OPTIONS.ownerId,
    );
    const plan = planCluster(
      spec([e]),
      live({
        stacks: [stack],
        associations: [
          association('default', 'app', stack.outputs.Role1, {
            tags: ownerTags({ [PIA_TAG]: 'default/app' }),
          }),
        ],
      }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toEqual([
      expect.objectContaining({
        message: `stack "${stack.stackName}" is UPDATE_ROLLBACK_FAILED (Role is in use); its role may still be in use, so it is not replaced`,
        hint: `fix the cause, run "aws cloudformation continue-update-rollback --stack-name ${stack.stackName}", then plan again`,
      }),
    ]);
  });
});
