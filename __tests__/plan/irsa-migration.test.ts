// Migration from IRSA as plan tasks (reference §7.3, scenarios 54–57, 68): a config entry whose
// roleARN is its service account's IRSA role gets the trust-policy update before its association;
// the pod identity statement is added once; OIDC trust is kept unless removed, and then only this
// cluster's statement for that service account goes.
import { describe, expect, it } from 'vitest';
import type { LiveRole, LiveStack } from '../../src/live/model.js';
import type { Task } from '../../src/plan/model.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import {
  ACCOUNT,
  CLUSTER,
  OPTIONS,
  addon,
  entry,
  live,
  liveAddon,
  offered,
  roleArn,
  spec,
} from './fixtures.js';

const ISSUER_HOST = 'oidc.eks.us-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_HOST}`;
const OTHER_PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/FFFF`;
const POD_STATEMENT = {
  Effect: 'Allow',
  Action: ['sts:AssumeRole', 'sts:TagSession'],
  Principal: { Service: 'pods.eks.amazonaws.com' },
};

function oidcStatement(subjects: string | string[], provider = PROVIDER) {
  return {
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: {
        [`${ISSUER_HOST}:aud`]: 'sts.amazonaws.com',
        [`${ISSUER_HOST}:sub`]: subjects,
      },
    },
  };
}

const irsaRole = (name: string, statements: unknown[]): LiveRole => ({
  arn: roleArn(name),
  roleName: name,
  assumeRolePolicy: { Version: '2012-10-17', Statement: statements },
});

const clusterLive = (roles: LiveRole[], extra: Parameters<typeof live>[0] = {}) =>
  live({
    oidcIssuer: `https://${ISSUER_HOST}`,
    roles: Object.fromEntries(roles.map((r) => [r.arn, r])),
    ...extra,
  });

const trustOf = (task: Task) => JSON.parse((task.params as { trustPolicy: string }).trustPolicy);

describe('an IRSA role named by an association entry', () => {
  const subject = 'system:serviceaccount:default:sa2';

  it('unowned: its trust policy gains pods.eks.amazonaws.com (OIDC kept), then the association is made', () => {
    const role = irsaRole('Unowned-Role1', [oidcStatement(subject)]);
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role]),
      OPTIONS,
    );
    expect(plan.errors).toEqual([]);
    const [trust, association] = plan.tasks;
    expect(trust).toMatchObject({
      kind: 'update-trust-policy',
      id: 'update-trust-policy:default/sa2',
      description: 'update trust policy for unowned role "Unowned-Role1"',
      params: { roleName: 'Unowned-Role1', roleArn: role.arn },
    });
    expect(trust.params).not.toHaveProperty('stack');
    expect(trustOf(trust).Statement).toEqual([oidcStatement(subject), POD_STATEMENT]);
    expect(trust.reason).toContain('OIDC trust kept');
    expect(association).toMatchObject({
      kind: 'create-association',
      params: { roleArn: role.arn },
    });
    expect(association.dependsOn).toContain(trust.id);
  });

  it('is migrated once: a role that trusts both plans nothing more (never a second pod statement)', () => {
    const role = irsaRole('Unowned-Role1', [oidcStatement(subject), POD_STATEMENT]);
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role]),
      OPTIONS,
    );
    expect(plan.tasks.map((t) => t.kind)).toEqual(['create-association']);
  });

  it('remove-oidc-trust: only this cluster’s statement for this service account goes', () => {
    const role = irsaRole('Shared', [
      oidcStatement([subject, 'system:serviceaccount:default:other']),
      oidcStatement(subject, OTHER_PROVIDER),
    ]);
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role]),
      { ...OPTIONS, removeOidcTrust: true },
    );
    const statements = trustOf(plan.tasks[0]).Statement;
    // The shared statement keeps its other subject; another cluster's statement stays whole.
    expect(statements).toEqual([
      oidcStatement('system:serviceaccount:default:other'),
      oidcStatement(subject, OTHER_PROVIDER),
      POD_STATEMENT,
    ]);
    expect(plan.tasks[0].reason).toContain('remove that OIDC trust (remove-oidc-trust)');
  });

  it('remove-oidc-trust after an earlier migration: the OIDC statement goes, nothing is added', () => {
    const role = irsaRole('Unowned-Role1', [oidcStatement(subject), POD_STATEMENT]);
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role]),
      { ...OPTIONS, removeOidcTrust: true },
    );
    expect(plan.tasks.map((t) => t.kind)).toEqual(['update-trust-policy', 'create-association']);
    expect(trustOf(plan.tasks[0]).Statement).toEqual([POD_STATEMENT]);
  });

  it('and the service account’s IRSA annotation, after its association exists', () => {
    const role = irsaRole('Unowned-Role1', [oidcStatement(subject)]);
    const kubernetes = {
      namespaces: { default: true },
      serviceAccounts: [
        {
          namespace: 'default',
          name: 'sa2',
          labels: {},
          annotations: { 'eks.amazonaws.com/role-arn': role.arn },
        },
      ],
    };
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role], { kubernetes }),
      { ...OPTIONS, removeOidcTrust: true },
    );
    const annotation = plan.tasks.find((t) => t.kind === 'remove-irsa-annotation');
    expect(annotation?.description).toBe(
      'remove iamserviceaccount EKS role annotation for "default/sa2"',
    );
    expect(annotation?.dependsOn).toEqual(['create-association:default/sa2']);
  });

  it("owned (eksctl's iamserviceaccount stack made it): through a change set on that stack, re-tagged", () => {
    const name = `eksctl-${CLUSTER}-addon-iamserviceaccount-default-sa1`;
    const role = irsaRole(`eksctl-${CLUSTER}-addon-iamserviceaccou-Role1-QLXqHcq9O1AR`, [
      oidcStatement('system:serviceaccount:default:sa1'),
    ]);
    const stack: LiveStack = {
      stackName: name,
      stackId: `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/${name}/1`,
      status: 'CREATE_COMPLETE',
      tags: {
        'alpha.eksctl.io/cluster-name': CLUSTER,
        'alpha.eksctl.io/iamserviceaccount-name': 'default/sa1',
      },
      capabilities: ['CAPABILITY_IAM'],
      outputs: { Role1: role.arn },
      terminationProtection: false,
      template: {
        Resources: {
          Role1: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: role.assumeRolePolicy,
              ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
            },
          },
        },
        Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
      },
    };
    const plan = planCluster(
      spec([entry('default', 'sa1', { roleARN: role.arn })]),
      clusterLive([role], { stacks: [stack] }),
      { ...OPTIONS, removeOidcTrust: true },
    );
    expect(plan.errors).toEqual([]);
    const [trust, association] = plan.tasks;
    expect(trust.description).toBe(`update trust policy for owned role "${role.roleName}"`);
    const params = trust.params as {
      stack: { stackName: string; templateBody: string; tags: Record<string, string> };
    };
    expect(params.stack.stackName).toBe(name);
    // eksctl's tag changes (scenario 55), with the right association key.
    expect(params.stack.tags).toEqual({
      'alpha.eksctl.io/cluster-name': CLUSTER,
      'alpha.eksctl.io/podidentityassociation-name': 'default/sa1',
    });
    const template = JSON.parse(params.stack.templateBody);
    expect(template.Resources.Role1.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      POD_STATEMENT,
    ]);
    expect(template.Resources.Role1.Properties.ManagedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    ]);
    // The role now lives in a pod identity role stack of eksctl's: the association carries its tag.
    expect(association.params).toMatchObject({
      tags: { 'alpha.eksctl.io/podidentityassociation-name': 'default/sa1' },
    });
  });

  it('a role of another cluster’s OIDC provider is not migrated: the trust error stays', () => {
    const role = irsaRole('Elsewhere', [oidcStatement(subject, OTHER_PROVIDER)]);
    const plan = planCluster(
      spec([entry('default', 'sa2', { roleARN: role.arn })]),
      clusterLive([role]),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors[0].message).toContain('does not trust pods.eks.amazonaws.com');
  });
});

describe('an add-on on IRSA given podIdentityAssociations with its role (scenario 56)', () => {
  it('the role loses its OIDC trust (as eksctl) and gains pod identity; then "migrate addon"', () => {
    const role = irsaRole('role-1', [oidcStatement('system:serviceaccount:kube-system:aws-node')]);
    const vpcCni = addon('vpc-cni', {
      version: 'v1.0.0-eksbuild.1',
      podIdentityAssociations: [entry('kube-system', 'aws-node', { roleARN: role.arn })],
    });
    const state = clusterLive([role], {
      addons: {
        ...live().addons,
        'vpc-cni': liveAddon('vpc-cni', { serviceAccountRoleArn: role.arn }),
      },
      addonNames: ['eks-pod-identity-agent', 'vpc-cni'],
      addonCatalog: {
        ...live().addonCatalog,
        'vpc-cni': offered([{ serviceAccount: 'aws-node', recommendedManagedPolicies: [] }]),
      },
    });
    const plan = planCluster(spec([], { addons: [vpcCni] }), state, OPTIONS);
    expect(plan.errors).toEqual([]);
    const trust = plan.tasks.find((t) => t.kind === 'update-trust-policy');
    const update = plan.tasks.find((t) => t.kind === 'update-addon');
    expect(trust?.description).toBe('update trust policy for unowned role "role-1"');
    expect(trustOf(trust!).Statement).toEqual([POD_STATEMENT]);
    expect(trust?.reason).toContain('as eksctl does for add-on roles');
    expect(update?.description).toBe('migrate addon vpc-cni to pod identity');
    expect(update?.params).toMatchObject({
      podIdentityAssociations: [{ serviceAccount: 'aws-node', roleArn: role.arn }],
    });
    expect(update?.dependsOn).toContain(trust!.id);
  });
});

describe('iam.serviceAccounts next to pod identity', () => {
  it('an IRSA entry for a service account that has an association is reported as superseded', () => {
    const at = { file: 'clusters/test.yaml', line: 30, column: 7 };
    const plan = planCluster(
      spec([entry('default', 'sa1', { roleARN: roleArn('r') })], {
        serviceAccounts: [
          { name: 'sa1', namespace: 'default', attachPolicyARNs: [], location: at },
          { name: 'other', namespace: 'default', attachPolicyARNs: [], location: at },
        ],
      }),
      live(),
      OPTIONS,
    );
    const superseded = plan.warnings.filter((w) => w.path?.startsWith('iam.serviceAccounts'));
    expect(superseded.map((w) => w.message)).toEqual([
      "iam.serviceAccounts[0] (default/sa1) is superseded by iam.podIdentityAssociations[0]: the service account's pods get their role from the pod identity association",
    ]);
  });
});
