import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../../../src/config/parse.js';

const file = (entries: string) =>
  [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata: { name: c, region: us-west-2 }',
    'iam:',
    '  podIdentityAssociations:',
    entries,
  ].join('\n');

describe('role stack name collisions', () => {
  it('refuses two own-role entries whose eksctl stack names are the same', () => {
    const { problems } = parseClusterConfig(
      file(
        [
          '    - { namespace: team-a, serviceAccountName: app, permissionPolicyARNs: [arn:aws:iam::aws:policy/A] }',
          '    - { namespace: team, serviceAccountName: a-app, permissionPolicyARNs: [arn:aws:iam::aws:policy/B] }',
        ].join('\n'),
      ),
      'c.yaml',
    );
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [
        7,
        'iam.podIdentityAssociations[1]',
        'the role stack of "team/a-app" would be "eksctl-c-podidentityrole-team-a-app", the same as the one of "team-a/app" at line 6 (iam.podIdentityAssociations[0])',
      ],
    ]);
  });

  it('accepts the pair when one of them brings its own role', () => {
    const { problems } = parseClusterConfig(
      file(
        [
          '    - { namespace: team-a, serviceAccountName: app, permissionPolicyARNs: [arn:aws:iam::aws:policy/A] }',
          '    - { namespace: team, serviceAccountName: a-app, roleARN: "arn:aws:iam::111122223333:role/r" }',
        ].join('\n'),
      ),
      'c.yaml',
    );
    expect(problems).toEqual([]);
  });
});
