import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../../../src/config/parse.js';
import { HEAD, expectProblems, type Expected } from '../helpers.js';

const cases: [string, string, Expected[]][] = [
  ['a minimal file is valid', HEAD, []],
  [
    'apiVersion must be set',
    `»kind: ClusterConfig\nmetadata: {name: a, region: us-east-1}\n`,
    ['apiVersion must be set'],
  ],
  [
    'wrong apiVersion and kind',
    `apiVersion: »eksctl.io/v1alpha4\nkind: »Cluster\nmetadata: {name: a, region: us-east-1}\n`,
    ['unsupported apiVersion "eksctl.io/v1alpha4"', 'unsupported kind "Cluster"'],
  ],
  [
    'metadata must be set',
    `»apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n`,
    ['metadata must be set'],
  ],
  [
    'metadata name and region must be set',
    `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  »version: "1.31"\n  region: »""\n`,
    ['metadata.name must be set', 'metadata.region must be set'],
  ],
  [
    'metadata shapes',
    `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: »-bad\n  region: »us-west\n  version: »1.30\n  accountID: »"1234"\n  »owner: me\n  annotations: {a: b}\n`,
    [
      'metadata.name "-bad" is not a valid EKS cluster name',
      'metadata.region "us-west" does not look like an AWS region',
      'metadata.version: expected a string, got number 1.30',
      'metadata.accountID "1234" is not a 12-digit AWS account ID',
      'unknown field "owner" in metadata',
    ],
  ],
  [
    'cluster names up to 100 characters',
    HEAD.replace('name: demo', `name: »${'c'.repeat(101)}`),
    [`metadata.name "${'c'.repeat(101)}" is not a valid EKS cluster name`],
  ],
  [
    'metadata.tags rules and count',
    HEAD.replace(
      'region: us-west-2\n',
      `region: us-west-2\n  »tags:\n    »aws:created-by: me\n${Array.from({ length: 45 }, (_, i) => `    t${i}: v\n`).join('')}`,
    ),
    [
      'metadata.tags has 46 tags; every role stack would carry 51 with the 5 tags eksctl and podid-action add, and CloudFormation allows 50',
      'tag key "aws:created-by" uses the reserved "aws:" prefix',
    ],
  ],
  [
    'other eksctl sections are accepted and ignored',
    `${HEAD}vpc: {cidr: 10.0.0.0/16, anything: [1, 2]}\nnodeGroups: [{name: ng}]\nmanagedNodeGroups: [{name: mng, whatever: true}]\nfargateProfiles: []\ncloudWatch: {}\nkubernetesNetworkConfig: {ipFamily: IPv6}\naccessConfig: {}\nsecretsEncryption: {}\nprivateCluster: {}\navailabilityZones: [a]\nlocalZones: []\ngitops: {}\nkarpenter: {}\noutpost: {}\nidentityProviders: []\nzonalShiftConfig: {}\nremoteNetworkConfig: {}\ncapabilities: []\n`,
    [],
  ],
  [
    'unknown top-level key, with a suggestion when near',
    `${HEAD}»managedNodegroups: []\n»frobnicate: 1\n`,
    [
      'unknown field "managedNodegroups" at the top level',
      'unknown field "frobnicate" at the top level',
    ],
  ],
  [
    'iam strict, known eksctl keys accepted',
    `${HEAD}iam:\n  withOIDC: true\n  serviceRoleARN: arn:aws:iam::111122223333:role/eks\n  vpcResourceControllerPolicy: true\n  fargatePodExecutionRoleARN: arn:aws:iam::111122223333:role/f\n  »podIdentityAssociation: []\n`,
    ['unknown field "podIdentityAssociation" in iam'],
  ],
  [
    'addonsConfig and autoModeConfig',
    `${HEAD}addonsConfig:\n  autoApplyPodIdentityAssociations: »"yes"\n  »autoApply: true\nautoModeConfig:\n  enabled: true\n  nodePools: [general-purpose]\n  »nodepools: []\n`,
    [
      'addonsConfig.autoApplyPodIdentityAssociations: expected a boolean, got string "yes"',
      'unknown field "autoApply" in addonsConfig',
      'unknown field "nodepools" in autoModeConfig',
    ],
  ],
  [
    'iam.serviceAccounts',
    `${HEAD}iam:\n  serviceAccounts:\n    - »metadata: {namespace: kube-system}\n      attachPolicyARNs: [»arn:aws:iam::aws:role/x]\n    - metadata: {name: s3-reader, labels: »[x]}\n      attachRoleARN: »x\n      roleOnly: true\n      »roleNmae: y\n`,
    [
      'iam.serviceAccounts[0].metadata.name must be set',
      'iam.serviceAccounts[0].attachPolicyARNs[0]: "arn:aws:iam::aws:role/x" is not a valid IAM policy ARN',
      'iam.serviceAccounts[1].metadata.labels: expected a mapping, got a list',
      'iam.serviceAccounts[1].attachRoleARN: "x" is not a valid IAM role ARN',
      'unknown field "roleNmae" in iam.serviceAccounts[1]',
    ],
  ],
  [
    'sections of the wrong type',
    `${HEAD}iam: »[]\naddons: »{}\n`,
    ['iam: expected a mapping, got a list', 'addons: expected a list, got a mapping'],
  ],
  [
    'a list item that is empty',
    `${HEAD}addons:\n  »-\n`,
    ['addons[0]: expected a mapping, got null'],
  ],
  [
    'the document must be a mapping',
    `»- a\n- b\n`,
    ['this file is not an eksctl ClusterConfig: its top level is not a mapping'],
  ],
];

const yamlCases: [string, string, Expected[]][] = [
  ['empty file', '»', ['the file is empty; expected a ClusterConfig document']],
  ['comment-only file', '»# nothing\n', ['the file is empty; expected a ClusterConfig document']],
  [
    'syntax error',
    `${HEAD}iam: {withOIDC: true\n»`,
    [
      'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  ],
  [
    'duplicate keys',
    `${HEAD}iam:\n  withOIDC: true\n  »withOIDC: false\n`,
    ['duplicate key "withOIDC"'],
  ],
  [
    'multiple documents',
    `${HEAD}»---\napiVersion: eksctl.io/v1alpha5\n`,
    ['found 2 YAML documents; a ClusterConfig file must hold exactly one'],
  ],
  [
    // Syntax errors come first and alone: what the parser recovered from the tab is not what the
    // user meant, so no "unknown field" or "must be set" follows.
    'tabs',
    `${HEAD}iam:\n»\twithOIDC: true\n`,
    ['YAML syntax error: Tabs are not allowed as indentation'],
  ],
  [
    'a tab-indented metadata block yields only its syntax errors',
    `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n»\tname: prod\n»\tregion: us-west-2\n`,
    [
      'YAML syntax error: Tabs are not allowed as indentation',
      'YAML syntax error: Tabs are not allowed as indentation',
    ],
  ],
  [
    'alias bomb in an ignored section is never expanded',
    `${HEAD}vpc:\n  x0: &a0 [a, a, a, a, a, a, a, a, a, a]\n` +
      Array.from(
        { length: 8 },
        (_, i) => `  x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]\n`,
      ).join('') +
      `nodeGroups: *a8\n`,
    [],
  ],
];

describe('cluster-level rules', () => {
  it.each(cases)('%s', (_name, src, expected) => {
    expectProblems(src, expected);
  });
});

describe('YAML hazards', () => {
  it.each(yamlCases.filter((c) => c[2].length > 0))('%s', (_name, src, expected) => {
    expectProblems(src, expected);
  });

  it('alias bombs inside read sections hit the alias budget', () => {
    const bomb =
      `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n` +
      `  annotations: &a0 {k: v}\n` +
      `iam:\n  podIdentityAssociations:\n` +
      Array.from(
        { length: 200 },
        () =>
          `    - namespace: a\n      serviceAccountName: b\n      permissionPolicy: &p {Version: "2012-10-17", Statement: [*a0, *a0, *a0]}\n`,
      ).join('');
    const started = Date.now();
    const { problems, cluster } = parseClusterConfig(bomb, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(cluster).toBeUndefined();
    expect(problems.some((p) => p.message.startsWith('too many alias expansions'))).toBe(true);
  });

  it('aliases in ignored sections are never expanded', () => {
    const [, src] = yamlCases[yamlCases.length - 1];
    const started = Date.now();
    const { problems, cluster } = parseClusterConfig(src, 'c.yaml');
    expect(problems).toEqual([]);
    expect(cluster?.name).toBe('demo');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('merge keys work in read sections', () => {
    const src = `${HEAD}iam:\n  podIdentityAssociations:\n    - &base\n      namespace: web\n      serviceAccountName: a\n      roleARN: arn:aws:iam::111122223333:role/a\n    - <<: *base\n      serviceAccountName: b\n`;
    const { cluster, problems } = parseClusterConfig(src, 'c.yaml');
    expect(problems).toEqual([]);
    expect(
      cluster?.podIdentityAssociations.map((p) => `${p.namespace}/${p.serviceAccountName}`),
    ).toEqual(['web/a', 'web/b']);
  });
});
