// `podid migrate -f FILE --write`'s rewrite: IRSA entries into pod identity form, comments, order
// and layout kept, nothing else touched, and a second rewrite changes nothing.
import { describe, expect, it } from 'vitest';
import { rewriteForPodIdentity, type RewriteFacts } from '../../src/config/migrate-rewrite.js';
import { parseClusterConfig } from '../../src/config/parse.js';

const ROLE = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

const FILE = `# Production cluster (keep this header)
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: my-cluster
  region: us-west-2 # Oregon

iam:
  withOIDC: true
  # IRSA service accounts
  serviceAccounts:
    # the uploader
    - metadata:
        name: sa1
        namespace: default
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
    - metadata:
        name: sa2
      attachRoleARN: "${ROLE('Unowned-Role1')}"
    - metadata:
        name: orphan
        namespace: jobs
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonSQSFullAccess

addons:
  - name: vpc-cni
    version: v1.18.0
    # the CNI's IRSA role
    serviceAccountRoleARN: ${ROLE('cni')}
    configurationValues: '{"env":{"A":"1"}}'
  - name: aws-ebs-csi-driver
    wellKnownPolicies:
      ebsCSIController: true
  - name: kube-proxy
    serviceAccountRoleARN: ${ROLE('proxy')}
  - name: coredns
`;

const facts = (extra: Partial<RewriteFacts> = {}): RewriteFacts => ({
  serviceAccountRoles: {
    'default/sa1': ROLE('eksctl-my-cluster--Role1-QLXqHcq9O1AR'),
    'default/sa2': ROLE('Unowned-Role1'),
  },
  addons: {
    'vpc-cni': { namespace: 'kube-system', serviceAccount: 'aws-node', roleArn: ROLE('cni') },
    'aws-ebs-csi-driver': {
      namespace: 'kube-system',
      serviceAccount: 'ebs-csi-controller-sa',
      roleArn: ROLE('ebs'),
    },
  },
  addonReasons: {
    'kube-proxy':
      'addon kube-proxy does not support pod identity; skipping migration to pod identity',
  },
  addonServiceAccounts: {},
  agentInstalled: false,
  ...extra,
});

describe('rewriteForPodIdentity', () => {
  it('moves iamserviceaccounts and add-on IRSA to pod identity, keeping everything else', () => {
    const result = rewriteForPodIdentity(FILE, facts());
    expect(result.text).toBe(`# Production cluster (keep this header)
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: my-cluster
  region: us-west-2 # Oregon

iam:
  withOIDC: true
  # IRSA service accounts
  serviceAccounts:
    - metadata:
        name: orphan
        namespace: jobs
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonSQSFullAccess
  podIdentityAssociations:
    # the uploader
    - namespace: default
      serviceAccountName: sa1
      roleARN: ${ROLE('eksctl-my-cluster--Role1-QLXqHcq9O1AR')}
    - namespace: default
      serviceAccountName: sa2
      roleARN: ${ROLE('Unowned-Role1')}

addons:
  - name: eks-pod-identity-agent
  - name: vpc-cni
    version: v1.18.0
    # the CNI's IRSA role
    podIdentityAssociations:
      - namespace: kube-system
        serviceAccountName: aws-node
        roleARN: ${ROLE('cni')}
    configurationValues: '{"env":{"A":"1"}}'
  - name: aws-ebs-csi-driver
    podIdentityAssociations:
      - namespace: kube-system
        serviceAccountName: ebs-csi-controller-sa
        roleARN: ${ROLE('ebs')}
  - name: kube-proxy
    serviceAccountRoleARN: ${ROLE('proxy')}
  - name: coredns
`);
    expect(result.changes).toEqual([
      `iam.serviceAccounts[0] (default/sa1) → iam.podIdentityAssociations with roleARN ${ROLE('eksctl-my-cluster--Role1-QLXqHcq9O1AR')}`,
      `iam.serviceAccounts[1] (default/sa2) → iam.podIdentityAssociations with roleARN ${ROLE('Unowned-Role1')}`,
      `addons[0] (vpc-cni): serviceAccountRoleARN → podIdentityAssociations (kube-system/aws-node with roleARN ${ROLE('cni')})`,
      `addons[1] (aws-ebs-csi-driver): wellKnownPolicies → podIdentityAssociations (kube-system/ebs-csi-controller-sa with roleARN ${ROLE('ebs')})`,
      'addons: eks-pod-identity-agent added (pod identity needs it and the cluster does not run it)',
    ]);
    expect(result.kept).toEqual([
      'iam.serviceAccounts[2] (jobs/orphan): no IAM role found for it on the cluster; left as it is',
      'addons[2] (kube-proxy): addon kube-proxy does not support pod identity; skipping migration to pod identity; left on IRSA',
    ]);
  });

  it('writes a file the loader accepts, with the associations and add-ons in pod identity form', () => {
    const { text } = rewriteForPodIdentity(FILE, facts());
    const parsed = parseClusterConfig(text, 'cluster.yaml');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.cluster?.podIdentityAssociations.map((p) => p.serviceAccountName)).toEqual([
      'sa1',
      'sa2',
    ]);
    expect(
      parsed.cluster?.addons.find((a) => a.name === 'vpc-cni')?.podIdentityAssociations,
    ).toHaveLength(1);
  });

  it('changes nothing the second time', () => {
    const once = rewriteForPodIdentity(FILE, facts());
    const twice = rewriteForPodIdentity(once.text, facts());
    expect(twice.text).toBe(once.text);
    expect(twice.changes).toEqual([]);
  });

  it('replaces the serviceAccounts key when every entry moved, and keeps flush sequences flush', () => {
    const file = `metadata:
  name: c
  region: eu-west-1
iam:
  serviceAccounts:
  - metadata: {name: a, namespace: apps}
    attachPolicyARNs: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
addons:
- name: eks-pod-identity-agent
`;
    const result = rewriteForPodIdentity(file, {
      ...facts(),
      serviceAccountRoles: { 'apps/a': ROLE('a') },
    });
    expect(result.text).toBe(`metadata:
  name: c
  region: eu-west-1
iam:
  podIdentityAssociations:
  - namespace: apps
    serviceAccountName: a
    roleARN: ${ROLE('a')}
addons:
- name: eks-pod-identity-agent
`);
  });

  it('drops an iamserviceaccount that already has a pod identity association', () => {
    const file = `iam:
  serviceAccounts:
    - metadata: {name: a}
  podIdentityAssociations:
    - {namespace: default, serviceAccountName: a, roleARN: "${ROLE('a')}"}
`;
    const result = rewriteForPodIdentity(file, { ...facts(), agentInstalled: true });
    expect(result.text).toBe(`iam:
  podIdentityAssociations:
    - {namespace: default, serviceAccountName: a, roleARN: "${ROLE('a')}"}
`);
  });

  it("migrates an add-on listed without IRSA fields that runs on eksctl create cluster's aws-node role, keeping that iamserviceaccount", () => {
    const file = `iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: aws-node, namespace: kube-system}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy]
addons:
  - name: eks-pod-identity-agent
  - name: vpc-cni
    version: latest
`;
    const result = rewriteForPodIdentity(file, {
      ...facts(),
      serviceAccountRoles: {},
      addonServiceAccounts: { 'kube-system/aws-node': 'vpc-cni' },
      agentInstalled: true,
    });
    expect(result.text).toBe(`${file}    podIdentityAssociations:
      - namespace: kube-system
        serviceAccountName: aws-node
        roleARN: ${ROLE('cni')}
`);
    expect(result.kept).toEqual([
      "iam.serviceAccounts[0] (kube-system/aws-node): its role is addon vpc-cni's, which moves to pod identity with the add-on; left as it is",
    ]);
    expect(
      rewriteForPodIdentity(result.text, { ...facts(), agentInstalled: true }).changes,
    ).toEqual([]);
  });

  it('leaves a file without IRSA byte for byte', () => {
    const file = 'metadata: {name: c, region: r}\n\n# nothing here\naddons: [ {name: coredns} ]\n';
    expect(rewriteForPodIdentity(file, facts())).toEqual({ text: file, changes: [], kept: [] });
  });
});
