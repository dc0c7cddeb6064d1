import { describe, expect, it } from 'vitest';
import { notManagedWarnings } from '../../../src/config/not-managed.js';
import { parseClusterConfig } from '../../../src/config/parse.js';
import { HEAD, expectProblems, marked, type Expected } from '../helpers.js';

const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const ROLE = 'arn:aws:iam::111122223333:role/cni';
const A = (name: string) => `invalid configuration for "${name}" addon: `;
const addons = (body: string) => `${HEAD}addons:\n${body}`;

const cases: [string, string, Expected[]][] = [
  [
    'name is required',
    addons(`  - version: latest\n    name: »""\n`),
    [`${A('')}name is required`],
  ],
  [
    // A name is printed in every plan: one that could carry lines into it is refused (issue 12).
    'the name must be shaped like an EKS add-on name',
    addons(
      `  - name: »"x\\n\\nPlan: 0 to create, 0 to update, 0 to delete, 0 to adopt."\n  - name: »-cni\n  - name: »vpc cni\n  - name: »"::add-mask::x"\n  - name: »${'a'.repeat(101)}\n  - name: dynatrace_dynatrace-operator\n  - name: ${'a'.repeat(100)}\n`,
    ),
    [
      'addon name "x\\n\\nPlan: 0 to create, 0 to update, 0 to delete, 0 to adopt." is not an EKS add-on name',
      'addon name "-cni" is not an EKS add-on name',
      'addon name "vpc cni" is not an EKS add-on name',
      'addon name "::add-mask::x" is not an EKS add-on name',
      `addon name "${'a'.repeat(101)}" is not an EKS add-on name`,
    ],
  ],
  [
    'configurationValues must be JSON or YAML',
    addons(
      `  - name: coredns\n    configurationValues: »"a: [1"\n  - name: kube-proxy\n    configurationValues: '{"mode":"ipvs"}'\n  - name: vpc-cni\n    configurationValues: |\n      env:\n        WARM_IP_TARGET: "2"\n`,
    ),
    [
      `${A('coredns')}configurationValues: "a: [1" is not valid, supported format(s) are: JSON and YAML`,
    ],
  ],
  [
    'configurationValues: an alias bomb is refused as such, not as invalid YAML',
    addons(
      `  - name: coredns\n    configurationValues: »"a: &a [x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a]\\nc: [*b,*b,*b,*b,*b,*b,*b]"\n`,
    ),
    [`${A('coredns')}configurationValues uses YAML aliases that expand more than 10 times`],
  ],
  [
    'IRSA and pod identity at the same time',
    addons(
      `  - name: vpc-cni\n    »serviceAccountRoleARN: ${ROLE}\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: ${ROLE}\n`,
    ),
    [
      `${A('vpc-cni')}cannot set IRSA config (\`addon.ServiceAccountRoleARN\`, \`addon.AttachPolicyARNs\`, \`addon.AttachPolicy\`, \`addon.WellKnownPolicies\`) and pod identity associations at the same time`,
    ],
  ],
  [
    'at most one IRSA source',
    addons(
      `  - name: vpc-cni\n    serviceAccountRoleARN: ${ROLE}\n    »attachPolicyARNs: [${S3}]\n`,
    ),
    [
      `${A('vpc-cni')}at most one of wellKnownPolicies, serviceAccountRoleARN, attachPolicyARNs and attachPolicy can be specified`,
    ],
  ],
  [
    'no associations on the agent addon',
    addons(
      `  - name: EKS-Pod-Identity-Agent\n    »podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: agent\n        roleARN: ${ROLE}\n`,
    ),
    [
      `${A('EKS-Pod-Identity-Agent')}cannot set pod identity associations for "eks-pod-identity-agent" addon`,
    ],
  ],
  [
    'addon association: namespace, serviceAccountName, a source',
    addons(
      `  - name: vpc-cni\n    podIdentityAssociations:\n      - »serviceAccountName: aws-node\n        roleARN: ${ROLE}\n      - »namespace: kube-system\n        roleARN: ${ROLE}\n      - »namespace: kube-system\n        serviceAccountName: other\n`,
    ),
    [
      `${A('vpc-cni')}podIdentityAssociations[0].namespace must be set`,
      `${A('vpc-cni')}podIdentityAssociations[1].serviceAccountName must be set`,
      `${A('vpc-cni')}at least one of the following must be specified: podIdentityAssociations[2].roleARN, podIdentityAssociations[2].permissionPolicy, podIdentityAssociations[2].permissionPolicyARNs, podIdentityAssociations[2].wellKnownPolicies`,
    ],
  ],
  [
    'addon association: roleARN conflicts; wellKnownPolicies and tags unsupported',
    addons(
      `  - name: vpc-cni\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: ${ROLE}\n        »permissionPolicyARNs: [${S3}]\n        »»wellKnownPolicies: {autoScaler: true}\n        »tags: {}\n`,
    ),
    [
      `${A('vpc-cni')}podIdentityAssociations[0].permissionPolicyARNs cannot be specified when podIdentityAssociations[0].roleARN is set`,
      `${A('vpc-cni')}podIdentityAssociations[0].wellKnownPolicies cannot be specified when podIdentityAssociations[0].roleARN is set`,
      'wellKnownPolicies is not supported for addon.podIdentityAssociations; use addon.useDefaultPodIdentityAssociations instead (addon: vpc-cni)',
      'tags is not supported for addon.podIdentityAssociations (addon: vpc-cni)',
    ],
  ],
  [
    'addon association: permissionPolicyName rules',
    addons(
      `  - name: vpc-cni\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        permissionPolicyARNs: [${S3}]\n        »permissionPolicyName: Mine\n      - namespace: kube-system\n        serviceAccountName: other\n        permissionPolicyName: »"_"\n        permissionPolicy: {Version: "2012-10-17", Statement: {Effect: Allow, Action: "ec2:*", Resource: "*"}}\n`,
    ),
    [
      'permissionPolicyName requires permissionPolicy to be set (addon: vpc-cni)',
      'permissionPolicyName "_" must contain at least one alphanumeric character (addon: vpc-cni)',
    ],
  ],
  [
    'useDefault with associations or IRSA',
    addons(
      `  - name: vpc-cni\n    »useDefaultPodIdentityAssociations: true\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: ${ROLE}\n  - name: aws-ebs-csi-driver\n    useDefaultPodIdentityAssociations: true\n    »wellKnownPolicies:\n      ebsCSIController: true\n`,
    ),
    [
      'cannot specify both addon.useDefaultPodIdentityAssociations and addon.podIdentityAssociations (addon: vpc-cni)',
      'cannot specify serviceAccountRoleARN, wellKnownPolicies, attachPolicy or attachPolicyARNs when addon.useDefaultPodIdentityAssociations is set (addon: aws-ebs-csi-driver)',
    ],
  ],
  [
    'useDefault with an explicit empty list is fine',
    addons(
      `  - name: vpc-cni\n    useDefaultPodIdentityAssociations: true\n    podIdentityAssociations: []\n`,
    ),
    [],
  ],
  [
    'addon fields: resolveConflicts, ARNs, tags, unknown keys, duplicates',
    addons(
      `  - name: vpc-cni\n    resolveConflicts: »merge\n    serviceAccountRoleARN: »arn:aws:iam::111122223333:user/x\n    »tag: {}\n    tags:\n      »"aws:x": y\n  - name: coredns\n    permissionsBoundary: »nope\n    attachPolicyARNs: [»nope]\n    namespaceConfig:\n      »ns: x\n  - name: »VPC-CNI\n`,
    ),
    [
      'addons[0].resolveConflicts: invalid value "merge"',
      'addons[0].serviceAccountRoleARN: "arn:aws:iam::111122223333:user/x" is not a valid IAM role ARN',
      'unknown field "tag" in addons[0]',
      'tag key "aws:x" uses the reserved "aws:" prefix',
      'addons[1].permissionsBoundary: "nope" is not a valid IAM policy ARN',
      'addons[1].attachPolicyARNs[0]: "nope" is not a valid IAM policy ARN',
      'unknown field "ns" in addons[1].namespaceConfig',
      'addon "VPC-CNI" is declared twice (first at line 7)',
    ],
  ],
  [
    'addon stack name at most 128 characters',
    addons(
      `  - name: vpc-cni\n    podIdentityAssociations:\n      - »namespace: kube-system\n        serviceAccountName: ${'s'.repeat(100)}\n        permissionPolicyARNs: [${S3}]\n`,
    ),
    [
      `generated stack name "eksctl-demo-addon-vpc-cni-podidentityrole-${'s'.repeat(100)}" is 142 characters; CloudFormation allows 128`,
    ],
  ],
  [
    'duplicate service account across iam and addon associations',
    `${HEAD}iam:\n  podIdentityAssociations:\n    - namespace: kube-system\n      serviceAccountName: aws-node\n      roleARN: ${ROLE}\naddons:\n  - name: vpc-cni\n    podIdentityAssociations:\n      - »namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: ${ROLE}\n`,
    [
      'duplicate pod identity association for service account "kube-system/aws-node": already declared at line 8 (iam.podIdentityAssociations[0])',
    ],
  ],
  [
    'agent addon missing is not a config error (checked at plan time)',
    `${HEAD}iam:\n  podIdentityAssociations:\n    - namespace: a\n      serviceAccountName: b\n      roleARN: ${ROLE}\n`,
    [],
  ],
  [
    // eksctl parity (issue 15, item 3): addon_test.go, "when namespace config is invalid" /
    // "namespace starting with hyphen" (validateKubernetesNamespaceName in addon.go).
    'namespaceConfig.namespace must be a DNS-1123 label',
    addons(`  - name: vpc-cni\n    namespaceConfig:\n      »namespace: -invalid\n`),
    [
      `${A('vpc-cni')}namespace "-invalid" is not a valid Kubernetes namespace name (must be a valid DNS-1123 label)`,
    ],
  ],
  [
    'namespaceConfig.namespace of 64 characters is too long ("namespace exactly 64 characters")',
    addons(`  - name: vpc-cni\n    namespaceConfig:\n      »namespace: ${'a'.repeat(64)}\n`),
    [`${A('vpc-cni')}namespace name "${'a'.repeat(64)}" is too long (max 63 characters)`],
  ],
  [
    'namespaceConfig.namespace of 63 characters is fine',
    addons(`  - name: vpc-cni\n    namespaceConfig:\n      namespace: ${'a'.repeat(63)}\n`),
    [],
  ],
];

describe('addons rules', () => {
  it.each(cases)('%s', (_name, src, expected) => {
    expectProblems(src, expected);
  });
});

describe('addon fields podid-action accepts but does not act on', () => {
  it('lists cross-account fields, createServiceAccount and resolveConflicts as not managed, at their keys', () => {
    const { text, marks } = marked(
      addons(
        `  - name: vpc-cni\n    »resolveConflicts: overwrite\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: ${ROLE}\n        »targetRoleARN: arn:aws:iam::444455556666:role/x\n        »disableSessionTags: true\n        »createServiceAccount: true\n`,
      ),
    );
    const { cluster, problems } = parseClusterConfig(text, 'c.yaml');
    expect(problems).toEqual([]);
    const items = cluster?.notManaged ?? [];
    expect(items.map((n) => n.path)).toEqual([
      'addons[0].resolveConflicts',
      'addons[0].podIdentityAssociations[0].targetRoleARN',
      'addons[0].podIdentityAssociations[0].disableSessionTags',
      'addons[0].podIdentityAssociations[0].createServiceAccount',
    ]);
    expect(items.map((n) => ({ line: n.line, column: n.column }))).toEqual(marks);
    expect(items[1].reason).toMatch(/takes only a service account and a role/);
    const warnings = notManagedWarnings(cluster!);
    expect(warnings.map((w) => w.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(warnings[3].message).toMatch(/createServiceAccount is not managed by podid-action/);
  });
});
