// The remaining eksctl scenarios of reference §8 (32, 35–37, 41, 45, 48), as a declarative engine
// answers them. Each test names its scenario and says where our behaviour departs from eksctl's.
// Scenario 20 (an association id parsed out of an add-on's association ARN) does not arise: ids come
// from ListPodIdentityAssociations; scenarios 26–31 (get) are end-to-end tests in __tests__/e2e.
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { parseClusterConfig } from '../../src/config/parse.js';
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

const ids = (tasks: Task[]) => tasks.map((t) => t.id);

describe('eksctl scenarios, declaratively', () => {
  it('32: an association that does not exist is created (eksctl update fails with "does not exist")', () => {
    const r = roleArn('app-role');
    const plan = planCluster(
      spec([entry('default', 'default', { roleARN: r })]),
      live({ roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual(['create-association:default/default']);
    expect(plan.errors).toEqual([]);
  });

  it('35: no stack, a new roleARN → one update of the role, no stack task', () => {
    const [oldRole, newRole] = [roleArn('old'), roleArn('new')];
    const plan = planCluster(
      spec([entry('default', 'default', { roleARN: newRole })]),
      live({
        associations: [association('default', 'default', oldRole, { tags: ownerTags() })],
        roles: { [newRole]: trustedRole(newRole) },
      }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual(['update-association:default/default']);
    const [t] = plan.tasks;
    if (t.kind !== 'update-association') throw new Error(t.kind);
    expect(t.params.roleArn).toBe(newRole);
    expect(t.before).toEqual({ roleArn: oldRole });
  });

  it("36: roleARN with policies is refused before AWS, at load time, with eksctl's message", () => {
    const { problems } = parseClusterConfig(
      [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: { name: c, region: us-west-2 }',
        'iam:',
        '  podIdentityAssociations:',
        '    - namespace: default',
        '      serviceAccountName: default',
        '      roleARN: arn:aws:iam::111122223333:role/r',
        '      permissionPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]',
      ].join('\n'),
      'c.yaml',
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        9,
        'iam.podIdentityAssociations[0].permissionPolicyARNs cannot be specified when iam.podIdentityAssociations[0].roleARN is set',
      ],
    ]);
  });

  it('37: adding roleName to a stack made without it is planned (eksctl refuses): the stack is updated with CAPABILITY_NAMED_IAM and the association follows the new role', () => {
    const before = entry('default', 'default', {
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
    });
    const stack = stackFor(before, {}, OPTIONS.ownerId);
    const withName = { ...before, roleName: 'default-role' };
    const plan = planCluster(
      spec([withName]),
      live({
        stacks: [stack],
        associations: [
          association('default', 'default', stack.outputs.Role1, {
            tags: ownerTags({ 'alpha.eksctl.io/podidentityassociation-name': 'default/default' }),
          }),
        ],
      }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual([
      'update-role-stack:default/default',
      'update-association:default/default',
    ]);
    const [update, repoint] = plan.tasks;
    if (update.kind !== 'update-role-stack' || repoint.kind !== 'update-association')
      throw new Error();
    expect(update.params.capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(repoint.params.roleArn).toEqual({ stackName: stack.stackName, output: 'Role1' });
    expect(repoint.dependsOn).toEqual([update.id]);
  });

  it('41 (#8718): role stack unchanged, only disableSessionTags differs → the update names the stack role, never an empty ARN', () => {
    const e = entry('default', 'default', {
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
      roleName: 'my-custom-role',
      disableSessionTags: true,
    });
    const stack = stackFor(e, { capabilities: ['CAPABILITY_NAMED_IAM'] }, OPTIONS.ownerId);
    const plan = planCluster(
      spec([e]),
      live({
        stacks: [stack],
        associations: [
          association('default', 'default', stack.outputs.Role1, {
            tags: ownerTags({ 'alpha.eksctl.io/podidentityassociation-name': 'default/default' }),
          }),
        ],
      }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual(['update-association:default/default']);
    const [t] = plan.tasks;
    if (t.kind !== 'update-association') throw new Error(t.kind);
    expect(t.params).toMatchObject({
      roleArn: { stackName: stack.stackName, output: 'Role1' },
      disableSessionTags: true,
    });
    expect(t.before).toEqual({ disableSessionTags: false });
  });

  it('45: associations already gone are simply not planned; the rest are deleted', () => {
    const r = roleArn('r');
    const plan = planCluster(
      spec([]),
      live({
        associations: [
          association('default', 'one', r, { tags: ownerTags() }),
          association('default', 'two', r, { tags: ownerTags() }),
          association('default', 'three', r, { tags: ownerTags() }),
        ],
      }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual([
      'delete-association:default/one',
      'delete-association:default/three',
      'delete-association:default/two',
    ]);
    expect(plan.errors).toEqual([]);
  });

  it('48: an empty config prunes every stack of ours (eksctl does this on cluster deletion)', () => {
    const e = entry('default', 'app', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] });
    const stack = stackFor(e, {}, OPTIONS.ownerId);
    const plan = planCluster(
      spec([]),
      live({
        stacks: [stack],
        associations: [association('default', 'app', stack.outputs.Role1, { tags: ownerTags() })],
      }),
      OPTIONS,
    );
    expect(ids(plan.tasks)).toEqual([
      'delete-role-stack:default/app',
      'delete-association:default/app',
    ]);
    const deletion = plan.tasks[0];
    if (deletion.kind !== 'delete-role-stack') throw new Error();
    expect(deletion.params).toMatchObject({
      stackName: stack.stackName,
      terminationProtection: true,
    });
    expect(plan.tasks[1].dependsOn).toEqual([deletion.id]);
    expect(plan.tasks.every((t) => t.change === 'delete')).toBe(true);
    expect(OWNER_TAG in stack.tags).toBe(true);
  });
});

describe('createServiceAccount (scenario 22 creates it through Kubernetes)', () => {
  it('is acted on under iam.podIdentityAssociations: the service account comes before its association', () => {
    const r = 'arn:aws:iam::111122223333:role/r';
    const text = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: test-cluster, region: us-west-2}
iam:
  podIdentityAssociations:
    - {namespace: a, serviceAccountName: one, roleARN: ${r}, createServiceAccount: true}
    - {namespace: c, serviceAccountName: three, roleARN: ${r}}
addons:
  - name: vpc-cni
    podIdentityAssociations:
      - {namespace: kube-system, serviceAccountName: aws-node, roleARN: ${r}, createServiceAccount: true}
`;
    const parsed = parseClusterConfig(text, 'c.yaml');
    // Under an add-on it is ignored, as eksctl does (the add-on makes its own service accounts).
    expect(parsed.cluster?.notManaged.map((n) => [n.path, n.line])).toEqual([
      ['addons[0].podIdentityAssociations[0].createServiceAccount', 11],
    ]);
    const kubernetes = { namespaces: { a: true }, serviceAccounts: [] };
    const plan = planCluster(
      { ...parsed.cluster!, addons: [] },
      live({ roles: { [r]: trustedRole(r) }, kubernetes }),
      OPTIONS,
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.tasks.filter((t) => t.target === 'a/one').map((t) => t.description)).toEqual([
      'create service account "a/one", if it does not already exist',
      'create pod identity association for service account "a/one"',
    ]);
    expect(plan.tasks.filter((t) => t.target === 'c/three').map((t) => t.kind)).toEqual([
      'create-association',
    ]);
  });
});
