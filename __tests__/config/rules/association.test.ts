import { describe, it } from 'vitest';
import { expectProblems, pia, type Expected } from '../helpers.js';

const P = 'iam.podIdentityAssociations[0]';
const ROLE = 'arn:aws:iam::111122223333:role/app';
const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const DOC = `
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"`;
const long = (n: number) => 'a'.repeat(n);

const cases: [string, string, Expected[]][] = [
  [
    // Found by the property test: a Version that is a map with a `toString` key used to crash.
    'a permissionPolicy Version that is not text is reported, whatever keys it holds',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicy:\n        »Version: {toString: 1}\n        Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]\n`,
    ),
    [`${P}.permissionPolicy.Version must be "2012-10-17", got "{\\"toString\\":1}"`],
  ],
  [
    'namespace must be set',
    pia(`    - »serviceAccountName: app\n      roleARN: ${ROLE}\n`),
    [`${P}.namespace must be set`],
  ],
  [
    'empty namespace points at the value',
    pia(`    - namespace: »""\n      serviceAccountName: app\n      roleARN: ${ROLE}\n`),
    [`${P}.namespace must be set`],
  ],
  [
    'serviceAccountName must be set',
    pia(`    - »namespace: web\n      roleARN: ${ROLE}\n`),
    [`${P}.serviceAccountName must be set`],
  ],
  [
    'at least one source',
    pia(
      `    - »namespace: web\n      serviceAccountName: app\n      wellKnownPolicies:\n        autoScaler: false\n`,
    ),
    [
      `at least one of the following must be specified: ${P}.roleARN, ${P}.permissionPolicy, ${P}.permissionPolicyARNs, ${P}.wellKnownPolicies`,
    ],
  ],
  [
    'roleARN conflicts with each policy source, in eksctl order',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      »permissionPolicyARNs: [${S3}]\n      »wellKnownPolicies: {autoScaler: true}\n      »permissionPolicy:${DOC}\n`,
    ),
    [
      `${P}.permissionPolicyARNs cannot be specified when ${P}.roleARN is set`,
      `${P}.wellKnownPolicies cannot be specified when ${P}.roleARN is set`,
      `${P}.permissionPolicy cannot be specified when ${P}.roleARN is set`,
    ],
  ],
  [
    'roleName and boundary are ignored with roleARN',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      »roleName: x\n      »permissionsBoundaryARN: arn:aws:iam::111122223333:policy/b\n`,
    ),
    [
      { warning: `${P}.roleName is ignored because ${P}.roleARN is set` },
      { warning: `${P}.permissionsBoundaryARN is ignored because ${P}.roleARN is set` },
    ],
  ],
  [
    'permissionPolicyName requires permissionPolicy',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicyARNs: [${S3}]\n      »permissionPolicyName: Mine\n`,
    ),
    [`${P}: permissionPolicyName requires permissionPolicy to be set`],
  ],
  [
    'permissionPolicyName needs an alphanumeric character',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicyName: »"--"\n      permissionPolicy:${DOC}\n`,
    ),
    [`${P}: permissionPolicyName "--" must contain at least one alphanumeric character`],
  ],
  [
    'permissionPolicyName characters',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicyName: »my policy\n      permissionPolicy:${DOC}\n`,
    ),
    [
      `${P}.permissionPolicyName "my policy" contains characters IAM does not allow in a policy name`,
    ],
  ],
  [
    'policy needs disableSessionTags: true',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      disableSessionTags: false\n      »policy: '{"Version":"2012-10-17","Statement":[]}'\n`,
    ),
    ['--disable-session-tags must be set to true when using --policy'],
  ],
  [
    'session policy must be JSON',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      disableSessionTags: true\n      policy: »"{nope"\n`,
    ),
    [`${P}.policy is not valid JSON: "{nope"`],
  ],
  [
    'session policy must be an object',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      disableSessionTags: true\n      policy: »"[1]"\n`,
    ),
    [`${P}.policy must be a JSON object (an IAM policy document)`],
  ],
  [
    'namespace is a DNS-1123 label',
    pia(`    - namespace: »Web_1\n      serviceAccountName: app\n      roleARN: ${ROLE}\n`),
    ['namespace "Web_1" is not a valid Kubernetes namespace (DNS-1123 label)'],
  ],
  [
    'namespace at most 63 characters',
    pia(`    - namespace: »${long(64)}\n      serviceAccountName: app\n      roleARN: ${ROLE}\n`),
    [`namespace "${long(64)}" is not a valid Kubernetes namespace (DNS-1123 label)`],
  ],
  [
    'service account is a DNS-1123 subdomain',
    pia(`    - namespace: web\n      serviceAccountName: »App\n      roleARN: ${ROLE}\n`),
    ['service account name "App" is not a valid Kubernetes name (DNS-1123 subdomain)'],
  ],
  [
    'role, target, boundary and policy ARN shapes',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleName: r\n      permissionsBoundaryARN: »arn:aws:iam::111122223333:role/b\n      targetRoleARN: »arn:aws:iam::1234:role/t\n      permissionPolicyARNs:\n        - »arn:aws:s3:::bucket\n        - arn:aws-cn:iam::aws:policy/x\n        - arn:aws-us-gov:iam::111122223333:policy/path/to/y\n`,
    ),
    [
      `${P}.permissionsBoundaryARN: "arn:aws:iam::111122223333:role/b" is not a valid IAM policy ARN`,
      `${P}.targetRoleARN: "arn:aws:iam::1234:role/t" is not a valid IAM role ARN`,
      `${P}.permissionPolicyARNs[0]: "arn:aws:s3:::bucket" is not a valid IAM policy ARN`,
    ],
  ],
  [
    'roleARN shape, every partition accepted',
    pia(
      `    - namespace: a\n      serviceAccountName: a\n      roleARN: »arn:azure:iam::111122223333:role/x\n` +
        ['aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']
          .map(
            (p, i) =>
              `    - namespace: n${i}\n      serviceAccountName: a\n      roleARN: arn:${p}:iam::111122223333:role/a/b/x\n`,
          )
          .join(''),
    ),
    [`${P}.roleARN: "arn:azure:iam::111122223333:role/x" is not a valid IAM role ARN`],
  ],
  [
    'roleARN must be in the cluster account',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: »arn:aws:iam::999999999999:role/app\n`,
    ).replace('region: us-west-2', 'region: us-west-2\n  accountID: "111122223333"'),
    [`${P}.roleARN is in account 999999999999, not in the cluster's account 111122223333`],
  ],
  [
    'roleName shape',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleName: »${long(65)}\n      permissionPolicyARNs: [${S3}]\n`,
    ),
    [`roleName "${long(65)}" is not a valid IAM role name`],
  ],
  [
    'generated stack name at most 128 characters',
    pia(
      `    - »namespace: ${long(60)}\n      serviceAccountName: ${long(60)}\n      permissionPolicyARNs: [${S3}]\n`,
    ),
    [
      `generated stack name "eksctl-demo-podidentityrole-${long(60)}-${long(60)}" is 149 characters; CloudFormation allows 128`,
    ],
  ],
  [
    'generated stack name must be a valid stack name',
    pia(
      `    - »namespace: web\n      serviceAccountName: app.v1\n      permissionPolicyARNs: [${S3}]\n`,
    ),
    [
      'generated stack name "eksctl-demo-podidentityrole-web-app.v1" is not a valid CloudFormation stack name',
    ],
  ],
  [
    'inline policy names at most 128 characters (eksctl #5614)',
    pia(
      `    - »»»namespace: ${long(40)}\n      serviceAccountName: ${long(50)}\n      permissionPolicyName: Policy${long(4)}\n      permissionPolicy:${DOC}\n      wellKnownPolicies:\n        externalDNS: true\n        imageBuilder: true\n`,
    ),
    [
      `generated inline policy name "eksctl-demo-podidentityrole-${long(40)}-${long(50)}-Policy${long(4)}" is 130 characters; IAM allows 128 (eksctl bug #5614)`,
      `generated inline policy name "eksctl-demo-podidentityrole-${long(40)}-${long(50)}-PolicyExternalDNSChangeSet" is 146 characters; IAM allows 128 (eksctl bug #5614)`,
      `generated inline policy name "eksctl-demo-podidentityrole-${long(40)}-${long(50)}-PolicyExternalDNSHostedZones" is 148 characters; IAM allows 128 (eksctl bug #5614)`,
    ],
  ],
  [
    'permissionPolicy must be an IAM document',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicy:\n        »Statement: []\n    - namespace: web2\n      serviceAccountName: app\n      permissionPolicy: »"{}"\n`,
    ),
    [
      `${P}.permissionPolicy is not an IAM policy document: Version missing`,
      'iam.podIdentityAssociations[1].permissionPolicy: expected an IAM policy document (a mapping with Version and Statement), got string "{}"',
    ],
  ],
  [
    'permissionPolicy Version and Statement',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicy:\n        »Version: 2012-10-17\n        Statement: []\n`,
    ),
    [`${P}.permissionPolicy.Statement must be a statement or a non-empty list of statements`],
  ],
  [
    'inline policies at most 10,240 characters per role',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      »permissionPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: "${'x'.repeat(5000)}"\n      wellKnownPolicies:\n        awsLoadBalancerController: true\n`,
    ),
    [
      `inline policies of the role for ${P} total about 10695 characters; IAM allows 10240 per role`,
    ],
  ],
  [
    'more than 10 managed policies is a warning',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      »permissionPolicyARNs:\n${Array.from({ length: 10 }, (_, i) => `        - arn:aws:iam::aws:policy/P${i}\n`).join('')}      wellKnownPolicies: {imageBuilder: true}\n`,
    ),
    [
      {
        warning: `the role for ${P} would have 11 managed policies; the IAM quota "Managed policies per role: 10" applies unless it was raised`,
      },
    ],
  ],
  [
    'tag rules',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      tags:\n        »aws:team: x\n        »podid-action/managed-by: me\n        »alpha.eksctl.io/cluster-name: x\n        »"${long(129)}": x\n        »"bad#key": x\n        »long: "${long(257)}"\n        »emoji: "☃"\n        num: »5\n        ok: "fine with spaces = + - @ : / ."\n`,
    ),
    [
      'tag key "aws:team" uses the reserved "aws:" prefix',
      'tag key "podid-action/managed-by" is reserved for podid-action',
      'tag key "alpha.eksctl.io/cluster-name" is reserved for eksctl',
      `tag key "${long(129)}" must be 1–128 characters long`,
      'tag key "bad#key" contains characters AWS does not allow',
      'the value of tag "long" is longer than 256 characters',
      'the value of tag "emoji" contains characters AWS does not allow',
      `${P}.tags.num: expected a string, got number 5`,
    ].sort((a, b) => (a.includes('num') ? 1 : b.includes('num') ? -1 : 0)),
  ],
  [
    'stack tags: metadata.tags merged with tags plus 5 stay within 50',
    `${HEAD_TAGS(30)}iam:\n  podIdentityAssociations:\n    - namespace: web\n      serviceAccountName: app\n      permissionPolicyARNs: [${S3}]\n      »tags:\n${tags(16, 'p')}`,
    [
      `the role stack for ${P} would carry 51 tags (46 from metadata.tags and tags, 5 added by eksctl and podid-action); CloudFormation allows 50`,
    ],
  ],
  [
    'association tags plus the owner tag stay within 50',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      roleARN: ${ROLE}\n      »tags:\n${tags(50, 'p')}`,
    ),
    [
      `${P}.tags has 50 tags; the association would carry 51 with podid-action's owner tag, and EKS allows 50`,
    ],
  ],
  [
    'unknown key with suggestion',
    pia(`    - »namespace: web\n      »serviceAcountName: app\n      roleARN: ${ROLE}\n`),
    [`${P}.serviceAccountName must be set`, `unknown field "serviceAcountName" in ${P}`],
  ],
  [
    'wrong types say what was expected',
    pia(
      `    - namespace: »[web]\n      serviceAccountName: »123\n      roleARN: ${ROLE}\n      createServiceAccount: »"true"\n      disableSessionTags: »1\n      permissionPolicyARNs: »arn:aws:iam::aws:policy/X\n      wellKnownPolicies:\n        »autoscaler: true\n      tags: »[a]\n`,
    ),
    [
      `${P}.namespace: expected a string, got a list`,
      `${P}.serviceAccountName: expected a string, got number 123`,
      `${P}.createServiceAccount: expected a boolean, got string "true"`,
      `${P}.disableSessionTags: expected a boolean, got number 1`,
      `${P}.permissionPolicyARNs: expected a list, got string "arn:aws:iam::aws:policy/X"`,
      `unknown field "autoscaler" in ${P}.wellKnownPolicies`,
      `${P}.tags: expected a mapping, got a list`,
    ],
  ],
  [
    // eksctl parity (issue 15, item 2): eksctl's AddAllResources attaches the well-known policy, then
    // the user's under the same sanitized id (pkg/cfn/template AttachPolicy → NewResource, a plain
    // map write): the last one silently wins. Refused instead.
    'an inline policy named like an enabled well-known policy',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      »permissionPolicyName: Policy-AutoScaling\n      permissionPolicy:${DOC}\n      wellKnownPolicies: {autoScaler: true}\n`,
    ),
    [
      'permissionPolicyName "Policy-AutoScaling" names the same CloudFormation resource (PolicyAutoScaling) as wellKnownPolicies.autoScaler: one of the two policies would be silently dropped',
    ],
  ],
  [
    'an inline policy named like the role itself',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      »permissionPolicyName: Role1\n      permissionPolicy:${DOC}\n`,
    ),
    [
      'permissionPolicyName "Role1" names the same CloudFormation resource (Role1) as the role itself (Role1): one of the two policies would be silently dropped',
    ],
  ],
  [
    'the same name without the well-known policy is fine',
    pia(
      `    - namespace: web\n      serviceAccountName: app\n      permissionPolicyName: PolicyAutoScaling\n      permissionPolicy:${DOC}\n`,
    ),
    [],
  ],
];

function tags(n: number, prefix: string): string {
  return Array.from({ length: n }, (_, i) => `        ${prefix}${i}: v\n`).join('');
}
function HEAD_TAGS(n: number): string {
  return `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n  tags:\n${Array.from({ length: n }, (_, i) => `    m${i}: v\n`).join('')}`;
}

describe('iam.podIdentityAssociations rules', () => {
  it.each(cases)('%s', (_name, src, expected) => {
    expectProblems(src, expected);
  });
});
