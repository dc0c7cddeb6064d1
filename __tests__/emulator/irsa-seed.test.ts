// The IRSA seed conveniences (withOIDC, iamServiceAccounts, add-on irsa) give eksctl's real state —
// OIDC provider, stacks with eksctl's template and tags, roles, annotated service accounts, add-on
// roles — and the seeded stacks then behave like any stack (GetTemplate, change sets, UpdateStack).

import { describe, expect, it } from 'vitest';
import { DescribeAddonCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import {
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  UpdateStackCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackUpdateComplete,
  type Tag,
} from '@aws-sdk/client-cloudformation';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, TEST_CREDENTIALS, withEmulator } from './helpers.js';
import { eksToken, kubeClients } from './kubernetes-helpers.js';

const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const CNI = 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy';
const SA1_STACK = 'eksctl-my-cluster-addon-iamserviceaccount-default-sa1';
const VPC_CNI_STACK = 'eksctl-my-cluster-addon-vpc-cni';
const EBS_STACK = 'eksctl-my-cluster-addon-aws-ebs-csi-driver';

const env = withEmulator({
  seed: {
    credentials: [TEST_CREDENTIALS],
    clusters: [
      {
        name: 'my-cluster',
        withOIDC: true,
        iamServiceAccounts: [
          { namespace: 'default', name: 'sa1', attachPolicyARNs: [S3] },
          { namespace: 'default', name: 'sa2', owned: false, roleName: 'Unowned-Role1' },
          { namespace: 'apps', name: 'named', roleName: 'my-named-irsa-role' },
          { namespace: 'apps', name: 'quiet', owned: false, annotate: false },
        ],
        addons: [
          { name: 'vpc-cni', irsa: {} },
          { name: 'aws-ebs-csi-driver', irsa: { owned: true } },
          { name: 'coredns' },
        ],
      },
    ],
  },
});

async function issuerHost(): Promise<string> {
  const { cluster } = await env.eks.send(new DescribeClusterCommand({ name: 'my-cluster' }));
  return cluster!.identity!.oidc!.issuer!.replace(/^https:\/\//, '');
}
const providerArn = (host: string) => `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${host}`;

async function stack(name: string) {
  return (await env.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0];
}
const roleName = (arn: string) => arn.split('/').pop()!;
async function trustOf(arn: string) {
  const role = (await env.iam.send(new GetRoleCommand({ RoleName: roleName(arn) }))).Role!;
  return JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!));
}
const tagMap = (tags: { Key?: string; Value?: string }[] = []) =>
  Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/** eksctl's template for an iamserviceaccount, written out as eksctl renders it. */
function expectedTemplate(host: string, sa: string): string {
  return (
    '{"AWSTemplateFormatVersion":"2010-09-09",' +
    `"Description":"IAM role for serviceaccount \\"default/${sa}\\" [created and managed by eksctl]",` +
    '"Resources":{"Role1":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":' +
    '{"Statement":[{"Action":["sts:AssumeRoleWithWebIdentity"],"Condition":{"StringEquals":' +
    `{"${host}:aud":"sts.amazonaws.com","${host}:sub":"system:serviceaccount:default:${sa}"}},` +
    `"Effect":"Allow","Principal":{"Federated":"${providerArn(host)}"}}],"Version":"2012-10-17"},` +
    `"ManagedPolicyArns":["${S3}"]}}},` +
    '"Outputs":{"Role1":{"Value":{"Fn::GetAtt":"Role1.Arn"}}}}'
  );
}

describe('withOIDC', () => {
  it("creates the IAM OIDC provider for the cluster's issuer, as associate-iam-oidc-provider", async () => {
    const host = await issuerHost();
    expect(host).toMatch(/^oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
    const list = await env.iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(list.OpenIDConnectProviderList).toEqual([{ Arn: providerArn(host) }]);
    const provider = await env.iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn(host) }),
    );
    expect(provider.Url).toBe(host);
    expect(provider.ClientIDList).toEqual(['sts.amazonaws.com']);
    expect(provider.ThumbprintList).toHaveLength(1);
    expect(tagMap(provider.Tags)['alpha.eksctl.io/cluster-name']).toBe('my-cluster');
  });
});

describe('iamServiceAccounts', () => {
  it('owned: a CREATE_COMPLETE eksctl stack with its template, tags, output and CloudFormation-named role', async () => {
    const host = await issuerHost();
    const s = await stack(SA1_STACK);
    expect(s.StackStatus).toBe('CREATE_COMPLETE');
    expect(s.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(s.EnableTerminationProtection).toBe(true);
    expect(tagMap(s.Tags)).toEqual({
      'alpha.eksctl.io/cluster-name': 'my-cluster',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'my-cluster',
      'alpha.eksctl.io/iamserviceaccount-name': 'default/sa1',
      'alpha.eksctl.io/eksctl-version': expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
    const roleArn = s.Outputs!.find((o) => o.OutputKey === 'Role1')!.OutputValue!;
    // CloudFormation's generated name: the stack name cut so that the name stays within 64.
    expect(roleArn).toMatch(
      new RegExp(
        `^arn:aws:iam::${TEST_ACCOUNT}:role/eksctl-my-cluster-addon-iamserviceaccount-def-Role1-[A-Za-z0-9]{12}$`,
      ),
    );
    const template = await env.cfn.send(new GetTemplateCommand({ StackName: SA1_STACK }));
    expect(template.TemplateBody).toBe(expectedTemplate(host, 'sa1'));
    expect(await trustOf(roleArn)).toEqual(
      JSON.parse(template.TemplateBody!).Resources.Role1.Properties.AssumeRolePolicyDocument,
    );
    const attached = await env.iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: roleName(roleArn) }),
    );
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([S3]);
    const roleTags = await env.iam.send(new ListRoleTagsCommand({ RoleName: roleName(roleArn) }));
    expect(tagMap(roleTags.Tags)['alpha.eksctl.io/iamserviceaccount-name']).toBe('default/sa1');
  });

  it('owned with roleName: the named role and CAPABILITY_NAMED_IAM', async () => {
    const s = await stack('eksctl-my-cluster-addon-iamserviceaccount-apps-named');
    expect(s.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(s.Outputs![0].OutputValue).toBe(`arn:aws:iam::${TEST_ACCOUNT}:role/my-named-irsa-role`);
  });

  it('unowned: only the role, trusting the provider for the service account', async () => {
    const host = await issuerHost();
    const arn = `arn:aws:iam::${TEST_ACCOUNT}:role/Unowned-Role1`;
    const trust = await trustOf(arn);
    expect(trust.Statement).toEqual([
      {
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: {
          StringEquals: {
            [`${host}:aud`]: 'sts.amazonaws.com',
            [`${host}:sub`]: 'system:serviceaccount:default:sa2',
          },
        },
        Effect: 'Allow',
        Principal: { Federated: providerArn(host) },
      },
    ]);
    await expect(stack('eksctl-my-cluster-addon-iamserviceaccount-default-sa2')).rejects.toThrow(
      'does not exist',
    );
    // Without roleName an unowned role gets a name of its own.
    await env.iam.send(new GetRoleCommand({ RoleName: 'my-cluster-irsa-apps-quiet' }));
  });

  it('annotates the service accounts (eksctl label on the ones eksctl made); annotate: false leaves none', async () => {
    const token = await eksToken({
      cluster: 'my-cluster',
      credentials: TEST_CREDENTIALS,
      stsUrl: env.url,
    });
    const { core } = await kubeClients(env, 'my-cluster', token);
    const read = (namespace: string, name: string) =>
      core.readNamespacedServiceAccount({ namespace, name });
    const sa1Role = (await stack(SA1_STACK)).Outputs![0].OutputValue;
    const sa1 = await read('default', 'sa1');
    expect(sa1.metadata!.annotations).toEqual({ 'eks.amazonaws.com/role-arn': sa1Role });
    expect(sa1.metadata!.labels).toEqual({ 'app.kubernetes.io/managed-by': 'eksctl' });
    const sa2 = await read('default', 'sa2');
    expect(sa2.metadata!.annotations).toEqual({
      'eks.amazonaws.com/role-arn': `arn:aws:iam::${TEST_ACCOUNT}:role/Unowned-Role1`,
    });
    expect(sa2.metadata!.labels).toBeUndefined();
    const aws = await read('kube-system', 'aws-node');
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'my-cluster', addonName: 'vpc-cni' }),
    );
    expect(aws.metadata!.annotations).toEqual({
      'eks.amazonaws.com/role-arn': addon!.serviceAccountRoleArn,
    });
    const all = await core.listServiceAccountForAllNamespaces();
    expect(all.items.map((i) => i.metadata!.name)).not.toContain('quiet');
  });
});

describe('add-on irsa', () => {
  it("vpc-cni: eksctl's add-on stack, its role trusted by kube-system/aws-node, set on the add-on", async () => {
    const host = await issuerHost();
    const s = await stack(VPC_CNI_STACK);
    expect(tagMap(s.Tags)).toEqual({
      'alpha.eksctl.io/cluster-name': 'my-cluster',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'my-cluster',
      'alpha.eksctl.io/addon-name': 'vpc-cni',
      'alpha.eksctl.io/eksctl-version': expect.any(String),
    });
    expect(s.Description).toBe('IAM role for "vpc-cni" [created and managed by eksctl]');
    const roleArn = s.Outputs!.find((o) => o.OutputKey === 'Role1')!.OutputValue!;
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'my-cluster', addonName: 'vpc-cni' }),
    );
    expect(addon!.serviceAccountRoleArn).toBe(roleArn);
    const trust = await trustOf(roleArn);
    expect(trust.Statement[0].Condition.StringEquals[`${host}:sub`]).toBe(
      'system:serviceaccount:kube-system:aws-node',
    );
    const attached = await env.iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: roleName(roleArn) }),
    );
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([CNI]);
  });

  it('an add-on without a known service account: the audience condition only, as eksctl', async () => {
    const host = await issuerHost();
    const roleArn = (await stack(EBS_STACK)).Outputs![0].OutputValue!;
    const trust = await trustOf(roleArn);
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' },
    });
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'my-cluster', addonName: 'coredns' }),
    );
    expect(addon!.serviceAccountRoleArn).toBeUndefined();
  });
});

describe('seeded IRSA stacks behave like any stack', () => {
  /** What a migration does: adds the pod identity statement, moves the IRSA tag to the PIA tag. */
  function migrated(body: string): string {
    const template = JSON.parse(body);
    const doc = template.Resources.Role1.Properties.AssumeRolePolicyDocument;
    doc.Statement.push(JSON.parse(POD_IDENTITY_TRUST).Statement[0]);
    return JSON.stringify(template);
  }
  const migratedTags = (tags: Tag[]) => [
    ...tags.filter((t) => t.Key !== 'alpha.eksctl.io/iamserviceaccount-name'),
    { Key: 'alpha.eksctl.io/podidentityassociation-name', Value: 'default/sa1' },
  ];
  const waitOptions = () => ({ client: env.cfn, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.2 });

  it("a change set that rewrites the trust policy reaches the role's trust policy and tags", async () => {
    const before = await stack(SA1_STACK);
    const roleArn = before.Outputs![0].OutputValue!;
    const body = (await env.cfn.send(new GetTemplateCommand({ StackName: SA1_STACK })))
      .TemplateBody!;
    await env.cfn.send(
      new CreateChangeSetCommand({
        StackName: SA1_STACK,
        ChangeSetName: 'eksctl-migrate-1',
        TemplateBody: migrated(body),
        Tags: migratedTags(before.Tags!),
        Capabilities: before.Capabilities,
      }),
    );
    await waitUntilChangeSetCreateComplete(waitOptions(), {
      StackName: SA1_STACK,
      ChangeSetName: 'eksctl-migrate-1',
    });
    await env.cfn.send(
      new ExecuteChangeSetCommand({ StackName: SA1_STACK, ChangeSetName: 'eksctl-migrate-1' }),
    );
    await waitUntilStackUpdateComplete(waitOptions(), { StackName: SA1_STACK });

    const after = await stack(SA1_STACK);
    expect(after.Outputs![0].OutputValue).toBe(roleArn);
    expect(tagMap(after.Tags)['alpha.eksctl.io/iamserviceaccount-name']).toBeUndefined();
    expect(tagMap(after.Tags)['alpha.eksctl.io/podidentityassociation-name']).toBe('default/sa1');
    const trust = await trustOf(roleArn);
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([
      { Federated: expect.stringContaining(':oidc-provider/') },
      { Service: 'pods.eks.amazonaws.com' },
    ]);
    const roleTags = tagMap(
      (await env.iam.send(new ListRoleTagsCommand({ RoleName: roleName(roleArn) }))).Tags,
    );
    expect(roleTags['alpha.eksctl.io/podidentityassociation-name']).toBe('default/sa1');
    expect(roleTags['alpha.eksctl.io/iamserviceaccount-name']).toBeUndefined();
    expect(
      (await env.cfn.send(new GetTemplateCommand({ StackName: SA1_STACK }))).TemplateBody,
    ).toBe(migrated(body));
  });

  it("UpdateStack that drops the OIDC statement leaves only pod identity in the add-on role's trust", async () => {
    const roleArn = (await stack(VPC_CNI_STACK)).Outputs![0].OutputValue!;
    const template = JSON.parse(
      (await env.cfn.send(new GetTemplateCommand({ StackName: VPC_CNI_STACK }))).TemplateBody!,
    );
    template.Resources.Role1.Properties.AssumeRolePolicyDocument = JSON.parse(POD_IDENTITY_TRUST);
    await env.cfn.send(
      new UpdateStackCommand({
        StackName: VPC_CNI_STACK,
        TemplateBody: JSON.stringify(template),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await waitUntilStackUpdateComplete(waitOptions(), { StackName: VPC_CNI_STACK });
    expect(await trustOf(roleArn)).toEqual(JSON.parse(POD_IDENTITY_TRUST));
    // A missing Tags keeps the stack's tags.
    expect(tagMap((await stack(VPC_CNI_STACK)).Tags)['alpha.eksctl.io/addon-name']).toBe('vpc-cni');
  });
});

describe('add-on on an iamserviceaccount role (eksctl create cluster with withOIDC)', () => {
  it("vpc-cni takes the kube-system/aws-node iamserviceaccount's role; no add-on stack", async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'created',
          withOIDC: true,
          iamServiceAccounts: [
            { namespace: 'kube-system', name: 'aws-node', attachPolicyARNs: [CNI] },
          ],
          addons: [{ name: 'vpc-cni', irsa: { iamServiceAccount: true } }],
        },
      ],
    });
    const s = await stack('eksctl-created-addon-iamserviceaccount-kube-system-aws-node');
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: 'created', addonName: 'vpc-cni' }),
    );
    expect(addon!.serviceAccountRoleArn).toBe(s.Outputs![0].OutputValue);
    await expect(stack('eksctl-created-addon-vpc-cni')).rejects.toThrow('does not exist');
  });
});

describe('seed errors', () => {
  it('iamServiceAccounts without withOIDC is refused with the reason', async () => {
    await expect(
      env.admin('POST', 'seed', {
        clusters: [{ name: 'other', iamServiceAccounts: [{ name: 'sa' }] }],
      }),
    ).rejects.toThrow(
      'seed: clusters[0] (other): iamServiceAccounts and add-on irsa need withOIDC: true',
    );
  });

  it('an add-on with both irsa and serviceAccountRoleArn is refused', async () => {
    await expect(
      env.admin('POST', 'seed', {
        clusters: [
          {
            name: 'other',
            withOIDC: true,
            addons: [
              {
                name: 'vpc-cni',
                serviceAccountRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/x`,
                irsa: {},
              },
            ],
          },
        ],
      }),
    ).rejects.toThrow('irsa and serviceAccountRoleArn exclude each other');
  });
});
