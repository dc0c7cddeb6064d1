import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../../src/config/parse.js';
import { HEAD } from './helpers.js';

const NONE = {
  imageBuilder: false,
  autoScaler: false,
  awsLoadBalancerController: false,
  externalDNS: false,
  certManager: false,
  ebsCSIController: false,
  efsCSIController: false,
};

describe('the normalised model', () => {
  it('applies defaults', () => {
    const { cluster, problems } = parseClusterConfig(HEAD, 'c.yaml');
    expect(problems).toEqual([]);
    expect(cluster).toEqual({
      file: 'c.yaml',
      name: 'demo',
      region: 'us-west-2',
      tags: {},
      annotations: {},
      withOIDC: false,
      autoModeEnabled: false,
      podIdentityAssociations: [],
      serviceAccounts: [],
      addons: [],
      addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
      notManaged: [],
      location: { file: 'c.yaml', line: 4, column: 9 },
    });
  });

  it('keeps every association field, and unset optional ones undefined', () => {
    const src = `${HEAD}iam:
  withOIDC: true
  podIdentityAssociations:
    - namespace: web
      serviceAccountName: app
      permissionPolicyARNs: [arn:aws:iam::aws:policy/B, arn:aws:iam::aws:policy/A]
      wellKnownPolicies: {certManager: true}
      permissionPolicyName: Mine
      permissionPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
      permissionsBoundaryARN: arn:aws:iam::111122223333:policy/pb
      roleName: app-role
      createServiceAccount: true
      tags: {team: web}
      targetRoleARN: arn:aws:iam::444455556666:role/t
      disableSessionTags: true
      policy: '{"Version":"2012-10-17","Statement":[]}'
    - namespace: web
      serviceAccountName: other
      roleARN: arn:aws:iam::111122223333:role/r
autoModeConfig: {enabled: true}
`;
    const { cluster, problems } = parseClusterConfig(src, 'c.yaml');
    expect(problems).toEqual([]);
    expect(cluster?.withOIDC).toBe(true);
    expect(cluster?.autoModeEnabled).toBe(true);
    const [a, b] = cluster!.podIdentityAssociations;
    expect(a).toEqual({
      namespace: 'web',
      serviceAccountName: 'app',
      createServiceAccount: true,
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/B', 'arn:aws:iam::aws:policy/A'],
      wellKnownPolicies: { ...NONE, certManager: true },
      permissionPolicyName: 'Mine',
      permissionPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
      permissionsBoundaryARN: 'arn:aws:iam::111122223333:policy/pb',
      roleName: 'app-role',
      tags: { team: 'web' },
      targetRoleARN: 'arn:aws:iam::444455556666:role/t',
      disableSessionTags: true,
      policy: '{"Version":"2012-10-17","Statement":[]}',
      location: { file: 'c.yaml', line: 9, column: 7 },
      valueLocations: {
        'permissionPolicyARNs[0]': { file: 'c.yaml', line: 11, column: 30 },
        'permissionPolicyARNs[1]': { file: 'c.yaml', line: 11, column: 57 },
        permissionsBoundaryARN: { file: 'c.yaml', line: 15, column: 31 },
      },
    });
    expect(b).toEqual({
      namespace: 'web',
      serviceAccountName: 'other',
      roleARN: 'arn:aws:iam::111122223333:role/r',
      createServiceAccount: false,
      permissionPolicyARNs: [],
      wellKnownPolicies: NONE,
      tags: {},
      location: { file: 'c.yaml', line: 22, column: 7 },
      valueLocations: { roleARN: { file: 'c.yaml', line: 24, column: 16 } },
    });
    expect('disableSessionTags' in b).toBe(false);
  });

  it('distinguishes an omitted addon association list from an explicit empty one', () => {
    const src = `${HEAD}addons:
  - name: vpc-cni
  - name: coredns
    podIdentityAssociations: []
  - name: kube-proxy
    podIdentityAssociations:
  - name: aws-ebs-csi-driver
    version: v1.30.0-eksbuild.1
    resolveConflicts: OVERWRITE
    useDefaultPodIdentityAssociations: true
    namespaceConfig: {namespace: storage}
    configurationValues: '{"a":1}'
`;
    const { cluster, problems } = parseClusterConfig(src, 'c.yaml');
    expect(problems).toEqual([]);
    const [cni, dns, proxy, ebs] = cluster!.addons;
    expect(cni.podIdentityAssociations).toBeUndefined();
    expect(dns.podIdentityAssociations).toEqual([]);
    expect(proxy.podIdentityAssociations).toBeUndefined();
    expect(cni).toEqual({
      name: 'vpc-cni',
      useDefaultPodIdentityAssociations: false,
      attachPolicyARNs: [],
      wellKnownPolicies: NONE,
      tags: {},
      location: { file: 'c.yaml', line: 7, column: 5 },
    });
    expect(ebs).toMatchObject({
      version: 'v1.30.0-eksbuild.1',
      resolveConflicts: 'overwrite',
      useDefaultPodIdentityAssociations: true,
      namespaceConfig: { namespace: 'storage' },
      configurationValues: '{"a":1}',
    });
  });

  it('reads iam.serviceAccounts for migration planning', () => {
    const src = `${HEAD}iam:
  serviceAccounts:
    - metadata: {name: s3-reader, namespace: backend}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
      roleName: s3-reader
    - metadata: {name: plain}
      attachRoleARN: arn:aws:iam::111122223333:role/plain
`;
    const { cluster } = parseClusterConfig(src, 'c.yaml');
    expect(cluster?.serviceAccounts.map(({ location: _l, ...s }) => s)).toEqual([
      {
        name: 's3-reader',
        namespace: 'backend',
        roleName: 's3-reader',
        attachPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
      {
        name: 'plain',
        namespace: 'default',
        attachPolicyARNs: [],
        attachRoleARN: 'arn:aws:iam::111122223333:role/plain',
      },
    ]);
  });

  it('returns no model when there is an error', () => {
    const { cluster, problems } = parseClusterConfig(`${HEAD}iam: {withOIDC: maybe}\n`, 'c.yaml');
    expect(cluster).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});

it('a "__proto__" tag key is kept as a tag', () => {
  const { cluster } = parseClusterConfig(`${HEAD}  tags: {__proto__: x, a: b}\n`, 'c.yaml');
  expect(Object.keys(cluster!.tags)).toEqual(['__proto__', 'a']);
  expect(Object.getPrototypeOf(cluster!.tags)).toBe(Object.prototype);
});
