// eksctl's task-tree text, exactly (reference §7.4 and the §2.2 example).
import { describe, expect, it } from 'vitest';
import { describeTaskTree, renderTaskTree } from '../../src/render/task-tree.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { OPTIONS, addon, entry, live, spec } from '../plan/fixtures.js';

const A = 'create IAM role for pod identity association for service account "default/a"';
const B = 'create pod identity association for service account "default/a"';

describe('describeTaskTree', () => {
  it('prints no tasks for an empty tree', () => {
    expect(describeTaskTree({ parallel: true, children: [] }, { planMode: true })).toBe('no tasks');
  });

  it('prints a single task on one line, without plan prefix or newline', () => {
    expect(describeTaskTree({ parallel: true, children: [B] }, { planMode: true })).toBe(
      `1 task: { ${B} }`,
    );
  });

  it('prints one sequence of two like eksctl (§2.2 example)', () => {
    const text = describeTaskTree(
      { parallel: true, children: [{ parallel: false, children: [A, B] }] },
      { planMode: false },
    );
    expect(text).toBe(
      `1 task: { \n    2 sequential sub-tasks: { \n        ${A},\n        ${B},\n    } }`,
    );
  });

  it('prints two sequential top tasks with the plan prefix', () => {
    expect(describeTaskTree({ parallel: false, children: [A, B] }, { planMode: true })).toBe(
      `(plan) \n2 sequential tasks: { ${A}, ${B} \n}\n`,
    );
  });

  it('reproduces the §7.4 migration example byte for byte', () => {
    const seq = (x: string, y: string) => ({ parallel: false, children: [x, y] });
    const tree = {
      parallel: false,
      children: [
        'install eks-pod-identity-agent addon',
        {
          parallel: true,
          children: [
            seq(
              'update trust policy for owned role "eksctl-my-cluster--Role1-DDuMLoeZ8weD"',
              'migrate addon aws-ebs-csi-driver to pod identity',
            ),
            seq(
              'update trust policy for owned role "eksctl-my-cluster--Role1-xYiPFOVp1aeI"',
              'migrate addon vpc-cni to pod identity',
            ),
          ],
        },
        {
          parallel: true,
          children: [
            seq(
              'update trust policy for owned role "eksctl-my-cluster--Role1-QLXqHcq9O1AR"',
              'create pod identity association for service account "default/sa1"',
            ),
            seq(
              'update trust policy for unowned role "Unowned-Role1"',
              'create pod identity association for service account "default/sa2"',
            ),
          ],
        },
      ],
    };
    const expected = [
      '(plan) ',
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
      '',
    ].join('\n');
    expect(describeTaskTree(tree, { planMode: true })).toBe(expected);
  });
});

describe('renderTaskTree', () => {
  it('runs the agent first, then associations in parallel, each in sequence', () => {
    const plan = planCluster(
      spec(
        [
          entry('default', 'a', { permissionPolicyARNs: ['p'] }),
          entry('default', 'b', { roleARN: undefined, permissionPolicyARNs: ['q'] }),
        ],
        {
          addons: [addon('eks-pod-identity-agent')],
        },
      ),
      live({ addons: {} }),
      OPTIONS,
    );
    const text = renderTaskTree(plan, { planMode: true });
    expect(
      text.startsWith(
        '(plan) \n2 sequential tasks: { install eks-pod-identity-agent addon, \n    2 parallel sub-tasks: { \n',
      ),
    ).toBe(true);
    expect(text).toContain(`            ${B},\n`);
  });

  it('prints no tasks for an empty plan', () => {
    expect(renderTaskTree(planCluster(spec([]), live(), OPTIONS), { planMode: true })).toBe(
      'no tasks',
    );
  });
});
