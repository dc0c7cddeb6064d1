// `podid migrate`'s text: eksctl's intent line and task tree (reference §7.4), from plain tasks.
import { describe, expect, it } from 'vitest';
import type { ClusterPlan, Task } from '../../src/plan/model.js';
import {
  buildMigrationTree,
  nothingToMigrate,
  renderMigrationPlan,
} from '../../src/render/migrate-tree.js';

/** A task as the planner makes it; only target, kind and description matter to the tree. */
function task(kind: string, target: string, description: string): Task {
  return {
    id: `${kind}:${target}`,
    kind,
    change: 'update',
    target,
    description,
    reason: '',
    dependsOn: [],
    params: {},
  } as unknown as Task;
}

function plan(tasks: Task[]): ClusterPlan {
  return {
    cluster: 'my-cluster',
    region: 'us-west-2',
    file: 'cluster "my-cluster"',
    tasks,
    errors: [],
    warnings: [],
    unmanaged: [],
    unmanagedAddons: [],
    notManaged: [],
    unchanged: 0,
    fingerprint: '',
  };
}

const owned = (role: string) => `update trust policy for owned role "${role}"`;
const create = (key: string) => `create pod identity association for service account "${key}"`;

/** The seed's example: 2 iamserviceaccounts (owned, unowned), 2 add-ons, agent missing. */
const seedExample = (): Task[] => [
  task('create-addon', 'addon:eks-pod-identity-agent', 'install eks-pod-identity-agent addon'),
  // Planner order need not be eksctl's: the association before its trust update, vpc-cni first.
  task('create-association', 'default/sa1', create('default/sa1')),
  task('update-trust-policy', 'default/sa1', owned('eksctl-my-cluster--Role1-QLXqHcq9O1AR')),
  task(
    'update-trust-policy',
    'default/sa2',
    'update trust policy for unowned role "Unowned-Role1"',
  ),
  task('create-association', 'default/sa2', create('default/sa2')),
  task('update-trust-policy', 'addon:vpc-cni', owned('eksctl-my-cluster--Role1-xYiPFOVp1aeI')),
  task('update-addon', 'addon:vpc-cni', 'migrate addon vpc-cni to pod identity'),
  task(
    'update-trust-policy',
    'addon:aws-ebs-csi-driver',
    owned('eksctl-my-cluster--Role1-DDuMLoeZ8weD'),
  ),
  task(
    'update-addon',
    'addon:aws-ebs-csi-driver',
    'migrate addon aws-ebs-csi-driver to pod identity',
  ),
];

describe('renderMigrationPlan', () => {
  it("reproduces the seed's migration plan byte for byte", () => {
    expect(renderMigrationPlan(plan(seedExample()), { approve: false })).toBe(
      [
        '[ℹ]  (plan) would migrate 2 iamserviceaccount(s) and 2 addon(s) to pod identity by executing the following tasks',
        '[ℹ]  (plan) ',
        '3 sequential tasks: { install eks-pod-identity-agent addon, ',
        '    2 parallel sub-tasks: { ',
        '        2 sequential sub-tasks: { ',
        '            update trust policy for owned role "eksctl-my-cluster--Role1-DDuMLoeZ8weD",',
        '            migrate addon aws-ebs-csi-driver to pod identity,',
        '        },',
        '        2 sequential sub-tasks: { ',
        '            update trust policy for owned role "eksctl-my-cluster--Role1-xYiPFOVp1aeI",',
        '            migrate addon vpc-cni to pod identity,',
        '        },',
        '    }, ',
        '    2 parallel sub-tasks: { ',
        '        2 sequential sub-tasks: { ',
        '            update trust policy for owned role "eksctl-my-cluster--Role1-QLXqHcq9O1AR",',
        '            create pod identity association for service account "default/sa1",',
        '        },',
        '        2 sequential sub-tasks: { ',
        '            update trust policy for unowned role "Unowned-Role1",',
        '            create pod identity association for service account "default/sa2",',
        '        },',
        '    } ',
        '}',
        '[ℹ]  all tasks were skipped',
        "[!]  no changes were applied, run again with '--approve' to apply the changes",
        '',
      ].join('\n'),
    );
  });

  it('says "will migrate" and no plan prefix or warning with --approve', () => {
    const text = renderMigrationPlan(plan(seedExample()), { approve: true });
    expect(text.split('\n')[0]).toBe(
      '[ℹ]  will migrate 2 iamserviceaccount(s) and 2 addon(s) to pod identity by executing the following tasks',
    );
    expect(text.split('\n')[1]).toBe('[ℹ]  ');
    expect(text).not.toContain('(plan)');
    expect(text).not.toContain('all tasks were skipped');
  });

  it('puts the annotation removal between the trust update and the association (scenario 53)', () => {
    const tasks = [
      task('create-association', 'default/service-account-1', create('default/service-account-1')),
      task(
        'remove-irsa-annotation',
        'default/service-account-1',
        'remove iamserviceaccount EKS role annotation for "default/service-account-1"',
      ),
      task('update-trust-policy', 'default/service-account-1', owned('test-role-1')),
    ];
    expect(renderMigrationPlan(plan(tasks), { approve: false })).toContain(
      [
        '[ℹ]  1 task: { ',
        '    3 sequential sub-tasks: { ',
        '        update trust policy for owned role "test-role-1",',
        '        remove iamserviceaccount EKS role annotation for "default/service-account-1",',
        '        create pod identity association for service account "default/service-account-1",',
        '    } }',
      ].join('\n'),
    );
  });

  it('prints a lone association as one line (its role already trusts pod identity)', () => {
    const tasks = [task('create-association', 'default/a', create('default/a'))];
    expect(renderMigrationPlan(plan(tasks), { approve: true })).toContain(
      `[ℹ]  1 task: { ${create('default/a')} }\n`,
    );
  });
});

describe('buildMigrationTree', () => {
  it('counts service accounts and add-ons, not the agent', () => {
    const { serviceAccounts, addons } = buildMigrationTree(plan(seedExample()));
    expect([serviceAccounts, addons]).toEqual([2, 2]);
  });

  it('finds nothing to migrate when only the agent (or nothing) would change', () => {
    const agent = task(
      'create-addon',
      'addon:eks-pod-identity-agent',
      'install eks-pod-identity-agent addon',
    );
    expect(nothingToMigrate(plan([agent]))).toBe(true);
    expect(nothingToMigrate(plan([]))).toBe(true);
    expect(nothingToMigrate(plan(seedExample()))).toBe(false);
  });
});
