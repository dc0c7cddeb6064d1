// Present associations: only what differs (reference §4, scenarios 12 and 32–42), adoption, and
// switching between an own role and a user role in both directions.
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { taskLines } from '../../src/render/task-lines.js';
import { OWNER_TAG } from '../../src/names/tags.js';
import type { Task } from '../../src/plan/model.js';
import {
  OPTIONS,
  association,
  entry,
  live,
  ownerTags,
  roleArn,
  spec,
  stackFor,
  trustedRole,
} from './fixtures.js';

const PIA_TAG = 'alpha.eksctl.io/podidentityassociation-name';
const kinds = (tasks: Task[]) => tasks.map((t) => t.id);

describe('user role updates', () => {
  // Scenario 12: unowned role, cross-account fields → one update with exactly those values.
  it('updates role, targetRoleArn, disableSessionTags and policy in one call', () => {
    const src = roleArn('source-role');
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    const e = entry('default', 'default', {
      roleARN: src,
      targetRoleARN: 'arn:aws:iam::444455556666:role/TargetRole',
      disableSessionTags: true,
      policy,
    });
    const a = association('default', 'default', roleArn('old'), { tags: ownerTags() });
    const plan = planCluster(
      spec([e]),
      live({ associations: [a], roles: { [src]: trustedRole(src) } }),
      OPTIONS,
    );
    expect(kinds(plan.tasks)).toEqual(['update-association:default/default']);
    const t = plan.tasks[0];
    if (t.kind !== 'update-association') throw new Error();
    expect(t.params).toEqual({
      clusterName: 'test-cluster',
      associationId: a.associationId,
      namespace: 'default',
      serviceAccount: 'default',
      roleArn: src,
      targetRoleArn: 'arn:aws:iam::444455556666:role/TargetRole',
      disableSessionTags: true,
      policy,
    });
    expect(t.description).toBe('update pod identity association default/default');
    expect(t.before).toEqual({
      roleArn: roleArn('old'),
      targetRoleArn: null,
      disableSessionTags: false,
      policy: null,
    });
  });

  it('clears targetRoleArn and policy with empty strings, unset disableSessionTags means false', () => {
    const r = roleArn('r');
    const a = association('ns', 'sa', r, {
      tags: ownerTags(),
      targetRoleArn: 'arn:aws:iam::444455556666:role/T',
      disableSessionTags: true,
      policy: '{"Version":"2012-10-17","Statement":[]}',
    });
    const plan = planCluster(
      spec([entry('ns', 'sa', { roleARN: r })]),
      live({ associations: [a], roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    const t = plan.tasks[0];
    if (t.kind !== 'update-association') throw new Error(t.kind);
    expect(t.params.targetRoleArn).toBe('');
    expect(t.params.policy).toBe('');
    expect(t.params.disableSessionTags).toBe(false);
    expect(t.after).toEqual({ targetRoleArn: null, disableSessionTags: false, policy: null });
  });

  it('treats equal session policies with other formatting as unchanged', () => {
    const r = roleArn('r');
    const a = association('ns', 'sa', r, {
      tags: ownerTags(),
      disableSessionTags: true,
      policy: '{"Statement":[],"Version":"2012-10-17"}',
    });
    const e = entry('ns', 'sa', {
      roleARN: r,
      disableSessionTags: true,
      policy: '{ "Version": "2012-10-17", "Statement": [] }',
    });
    const plan = planCluster(
      spec([e]),
      live({ associations: [a], roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('tags and untags, never touching aws: keys', () => {
    const r = roleArn('r');
    const a = association('ns', 'sa', r, {
      tags: { ...ownerTags(), old: '1', keep: 'x', 'aws:cloudformation:stack-name': 's' },
    });
    const e = entry('ns', 'sa', { roleARN: r, tags: { keep: 'y', new: '2' } });
    const plan = planCluster(
      spec([e]),
      live({ associations: [a], roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    const t = plan.tasks[0];
    if (t.kind !== 'tag-association') throw new Error(t.kind);
    expect(t.params.tagsToAdd).toEqual({ keep: 'y', new: '2' });
    expect(t.params.tagKeysToRemove).toEqual(['old']);
    expect(t.change).toBe('update');
  });
});

describe('own role updates', () => {
  // Scenario 39: the stack's template differs → update-role-stack with a before→after diff.
  it('updates the stack when policies change, with the managed ARN diff', () => {
    const before = entry('default', 'app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] });
    const after = {
      ...before,
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/B'],
      permissionPolicy: { Version: '2012-10-17', Statement: [] },
    };
    const stack = stackFor(before, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const plan = planCluster(spec([after]), live({ associations: [a], stacks: [stack] }), OPTIONS);
    expect(kinds(plan.tasks)).toEqual(['update-role-stack:default/app']);
    const t = plan.tasks[0];
    expect(t.before).toMatchObject({ managedPolicyArns: ['arn:aws:iam::aws:policy/A'] });
    expect(t.after).toMatchObject({
      managedPolicyArns: ['arn:aws:iam::aws:policy/B'],
      inlinePolicies: { Policy1: { Version: '2012-10-17', Statement: [] } },
    });
    expect(t.description).toBe(
      'update IAM resources stack "eksctl-test-cluster-podidentityrole-default-app" for pod identity association "default/app"',
    );
  });

  // Scenario 40: nothing changed → no task at all (no stack update, no EKS call).
  it('plans nothing when the stack and association match', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const plan = planCluster(spec([e]), live({ associations: [a], stacks: [stack] }), OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  // eksctl parity (issue 15, item 7): eksctl's IAMRoleUpdater never changes a stack's tags; when the
  // config does (here metadata.tags), the eksctl-version tag of the tool that made it is kept.
  it('keeps the eksctl-version tag of an eksctl-made stack when its tags change', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const plan = planCluster(
      spec([e], { tags: { env: 'prod' } }),
      live({ associations: [a], stacks: [stack] }),
      OPTIONS,
    );
    const update = plan.tasks[0];
    expect(update.kind).toBe('update-role-stack');
    expect((update.params as { tags: Record<string, string> }).tags).toMatchObject({
      'alpha.eksctl.io/eksctl-version': '0.210.0',
      env: 'prod',
    });
  });

  it('never updates a stack only because the eksctl-version tag differs', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    stack.tags['alpha.eksctl.io/eksctl-version'] = '0.1.0-ancient';
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    expect(
      planCluster(spec([e]), live({ associations: [a], stacks: [stack] }), OPTIONS).tasks,
    ).toEqual([]);
  });

  it('updates the stack when metadata.tags change', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const plan = planCluster(
      spec([e], { tags: { env: 'prod' } }),
      live({ associations: [a], stacks: [stack] }),
      OPTIONS,
    );
    expect(kinds(plan.tasks)).toEqual(['update-role-stack:default/app']);
    // eksctl #15.7: eksctl never retags a stack; the plan says plainly that only tags change.
    expect(plan.tasks[0].reason).toBe("only the stack's tags change; the role stays as it is");
  });

  // Scenario 38/41: adding roleName replaces the role, so the association follows the new ARN.
  it('repoints the association after a roleName change (CAPABILITY_NAMED_IAM)', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const plan = planCluster(
      spec([{ ...e, roleName: 'my-custom-role' }]),
      live({ associations: [a], stacks: [stack] }),
      OPTIONS,
    );
    expect(kinds(plan.tasks)).toEqual([
      'update-role-stack:default/app',
      'update-association:default/app',
    ]);
    const [s, u] = plan.tasks;
    if (s.kind !== 'update-role-stack' || u.kind !== 'update-association') throw new Error();
    expect(s.params.capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(u.params.roleArn).toEqual({ stackName: stack.stackName, output: 'Role1' });
    expect(u.dependsOn).toEqual([s.id]);
  });

  // Scenario 38 (IRSAv1): a migrated `…-addon-iamserviceaccount-<ns>-<sa>` stack is the entry's stack.
  it('uses a migrated IRSA stack of the exact legacy name', () => {
    const e = entry('default', 'default', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(
      e,
      { stackName: 'eksctl-test-cluster-addon-iamserviceaccount-default-default' },
      'org/infra',
    );
    stack.template = { Resources: { Role1: { Type: 'AWS::IAM::Role', Properties: {} } } };
    const a = association('default', 'default', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/default', ...ownerTags() },
    });
    const plan = planCluster(spec([e]), live({ associations: [a], stacks: [stack] }), OPTIONS);
    const t = plan.tasks[0];
    if (t.kind !== 'update-role-stack') throw new Error(t.kind);
    expect(t.params.stackName).toBe('eksctl-test-cluster-addon-iamserviceaccount-default-default');
  });

  // Scenario 42 (eksctl bug #8484): stacks match by exact name, never by suffix.
  it('does not take the stack of other-service/service-account for service/service-account', () => {
    const mine = entry('service', 'service-account', { permissionPolicyARNs: ['p'] });
    const other = stackFor(
      entry('other-service', 'service-account', { permissionPolicyARNs: ['q'] }),
      {},
      'org/infra',
    );
    const legacyOther = {
      ...other,
      stackName: 'eksctl-test-cluster-addon-iamserviceaccount-other-service-service-account',
    };
    const plan = planCluster(
      spec([mine, entry('other-service', 'service-account', { permissionPolicyARNs: ['q'] })]),
      live({ stacks: [other, legacyOther] }),
      OPTIONS,
    );
    const create = plan.tasks.find((t) => t.id === 'create-role-stack:service/service-account');
    expect(create).toBeDefined();
    expect(plan.tasks.some((t) => t.id === 'create-role-stack:other-service/service-account')).toBe(
      false,
    );
  });

  // Crash between stack and association: reuse the stack, create the association with its output.
  it('reuses a complete stack whose association is missing', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, { status: 'UPDATE_ROLLBACK_COMPLETE' }, 'org/infra');
    const plan = planCluster(spec([e]), live({ stacks: [stack] }), OPTIONS);
    expect(kinds(plan.tasks)).toEqual(['create-association:default/app']);
    const t = plan.tasks[0];
    if (t.kind !== 'create-association') throw new Error();
    // Named by its output, so the task is the same one a reviewer saw before the stack existed;
    // the review shows the role's actual ARN.
    expect(t.params.roleArn).toEqual({ stackName: stack.stackName, output: 'Role1' });
    expect(t.after?.roleArn).toBe(stack.outputs.Role1);
    expect(t.dependsOn).toEqual([]);
  });

  it('replaces a ROLLBACK_COMPLETE stack, with the status reason', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(
      e,
      {
        status: 'ROLLBACK_COMPLETE',
        statusReason: 'Policy arn:p does not exist or is not attachable.',
        outputs: {},
      },
      'org/infra',
    );
    const plan = planCluster(spec([e]), live({ stacks: [stack] }), OPTIONS);
    expect(kinds(plan.tasks)).toEqual([
      'create-role-stack:default/app',
      'create-association:default/app',
    ]);
    const t = plan.tasks[0];
    if (t.kind !== 'create-role-stack') throw new Error();
    expect(t.params.replacesFailedStackId).toBe(stack.stackId);
    expect(t.reason).toContain('ROLLBACK_COMPLETE');
    expect(t.reason).toContain('does not exist or is not attachable');
    // The stack keeps its name: no "~ stackName: X -> X" line, only the status that goes away.
    const lines = taskLines(t);
    expect(lines.filter((l) => l.includes('stackName'))).toEqual([
      `+     stackName: ${stack.stackName}`,
    ]);
    expect(lines).toContain('-     status: ROLLBACK_COMPLETE');
  });

  it('refuses to plan over a stack operation in progress', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const plan = planCluster(
      spec([e]),
      live({ stacks: [stackFor(e, { status: 'UPDATE_IN_PROGRESS' })] }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors[0].message).toContain('UPDATE_IN_PROGRESS');
  });
});

describe('adoption', () => {
  it('plans an eksctl-made setup that matches the config as adopt only', () => {
    const e = entry('default', 'app', {
      wellKnownPolicies: { ...entry('x', 'y').wellKnownPolicies, autoScaler: true },
      tags: { team: 'a' },
    });
    const stack = stackFor(e); // eksctl's tags, no owner tag
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { team: 'a', [PIA_TAG]: 'default/app' },
    });
    const plan = planCluster(spec([e]), live({ associations: [a], stacks: [stack] }), OPTIONS);
    expect(kinds(plan.tasks)).toEqual(['tag-association:default/app']);
    const t = plan.tasks[0];
    if (t.kind !== 'tag-association') throw new Error();
    expect(t.change).toBe('adopt');
    expect(t.params).toEqual({
      associationArn: a.associationArn,
      namespace: 'default',
      serviceAccount: 'app',
      tagsToAdd: { [OWNER_TAG]: 'org/infra' },
      tagKeysToRemove: [],
    });
  });

  it('adopts a hand-made association with a user role', () => {
    const r = roleArn('hand-made');
    const plan = planCluster(
      spec([entry('ns', 'sa', { roleARN: r })]),
      live({ associations: [association('ns', 'sa', r)], roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    expect(plan.tasks.map((t) => `${t.id}/${t.change}`)).toEqual(['tag-association:ns/sa/adopt']);
  });

  it('refuses an association another owner manages', () => {
    const r = roleArn('r');
    const a = association('ns', 'sa', r, { tags: { [OWNER_TAG]: 'org/other' } });
    const plan = planCluster(
      spec([entry('ns', 'sa', { roleARN: r })]),
      live({ associations: [a], roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors[0].message).toContain('managed by "org/other"');
  });

  // Scenario 33: an add-on owns the association → plan error pointing at addons[].
  it('refuses an add-on owned association', () => {
    const a = association('kube-system', 'vpc-cni', roleArn('x'), {
      ownerArn: 'arn:aws:eks:us-west-2:111122223333:addon/test-cluster/vpc-cni/1',
    });
    const plan = planCluster(
      spec([entry('kube-system', 'vpc-cni', { permissionPolicyARNs: ['p'] })]),
      live({ associations: [a] }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors[0].message).toBe(
      'cannot update podidentityassociation kube-system/vpc-cni as it is in use by addon arn:aws:eks:us-west-2:111122223333:addon/test-cluster/vpc-cni/1',
    );
    expect(plan.errors[0].hint).toContain('addons[].podIdentityAssociations');
  });
});

describe('switching role kinds', () => {
  // Scenario 34 refuses this in eksctl; we plan it: repoint, then delete the stack.
  it('own role → user role: update the association, then delete the stack', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const user = roleArn('new-role');
    const plan = planCluster(
      spec([entry('default', 'app', { roleARN: user })]),
      live({ associations: [a], stacks: [stack], roles: { [user]: trustedRole(user) } }),
      OPTIONS,
    );
    expect(kinds(plan.tasks)).toEqual([
      'update-association:default/app',
      'tag-association:default/app',
      'delete-role-stack:default/app',
    ]);
    const [u, tag, del] = plan.tasks;
    if (
      u.kind !== 'update-association' ||
      del.kind !== 'delete-role-stack' ||
      tag.kind !== 'tag-association'
    )
      throw new Error();
    expect(u.params.roleArn).toBe(user);
    expect(u.reason).toContain('eksctl refuses this');
    expect(del.dependsOn).toEqual([u.id]);
    expect(del.params).toEqual({
      stackName: stack.stackName,
      stackId: stack.stackId,
      terminationProtection: true,
    });
    expect(tag.params.tagKeysToRemove).toEqual([PIA_TAG]);
  });

  it('user role → own role: create the stack, then repoint with the stack output', () => {
    const a = association('default', 'app', roleArn('user'), { tags: ownerTags() });
    const plan = planCluster(
      spec([entry('default', 'app', { permissionPolicyARNs: ['p'] })]),
      live({ associations: [a] }),
      OPTIONS,
    );
    expect(kinds(plan.tasks)).toEqual([
      'create-role-stack:default/app',
      'update-association:default/app',
      'tag-association:default/app',
    ]);
    const u = plan.tasks[1];
    if (u.kind !== 'update-association') throw new Error();
    expect(u.params.roleArn).toEqual({
      stackName: 'eksctl-test-cluster-podidentityrole-default-app',
      output: 'Role1',
    });
    expect(u.dependsOn).toEqual(['create-role-stack:default/app']);
    expect(u.reason).toContain('switch from role');
  });

  it('keeps the stack when roleARN names the role our stack made', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['p'] });
    const stack = stackFor(e, {}, 'org/infra');
    const a = association('default', 'app', stack.outputs.Role1, {
      tags: { [PIA_TAG]: 'default/app', ...ownerTags() },
    });
    const arn = stack.outputs.Role1;
    const plan = planCluster(
      spec([entry('default', 'app', { roleARN: arn })]),
      live({ associations: [a], stacks: [stack], roles: { [arn]: trustedRole(arn) } }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
  });
});
