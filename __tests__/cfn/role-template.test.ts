// eksctl's pod identity role template (reference §1.5–§1.6, scenario 14), names, tags, diff.
import { describe, expect, it } from 'vitest';
import { podIdentityRoleTemplate, roleStackCapabilities } from '../../src/cfn/role-template.js';
import { permissionPolicyLogicalId } from '../../src/names/template-ids.js';
import { roleStackTags, stackTagsDiffer } from '../../src/cfn/stack-tags.js';
import { diffRoleTemplates, isEmptyRoleTemplateDiff } from '../../src/cfn/template-diff.js';
import { canonicalJson } from '../../src/lib/canonical-json.js';
import { roleStackNamesFor } from '../../src/names/stack-names.js';
import { entry, noWellKnown, spec } from '../plan/fixtures.js';

const doc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};

describe('pod identity role template', () => {
  it('matches the golden template for policy ARNs, boundary and an inline policy', () => {
    const t = podIdentityRoleTemplate(
      entry('ns', 'sa', {
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
        wellKnownPolicies: { ...noWellKnown(), imageBuilder: true, ebsCSIController: true },
        permissionsBoundaryARN: 'arn:aws:iam::111122223333:policy/boundary',
        permissionPolicy: doc,
      }),
    );
    expect(t).toEqual({
      AWSTemplateFormatVersion: '2010-09-09',
      Description: 'IAM role for pod identity association [created and managed by eksctl]',
      Resources: {
        Role1: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['sts:AssumeRole', 'sts:TagSession'],
                  Principal: { Service: 'pods.eks.amazonaws.com' },
                },
              ],
            },
            ManagedPolicyArns: [
              'arn:aws:iam::aws:policy/A',
              {
                'Fn::Sub':
                  'arn:${AWS::Partition}:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
              },
              {
                'Fn::Sub':
                  'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
              },
            ],
            PermissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
          },
        },
        Policy1: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: { 'Fn::Sub': '${AWS::StackName}-Policy1' },
            PolicyDocument: doc,
            Roles: [{ Ref: 'Role1' }],
          },
        },
      },
      Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
    });
  });

  // Scenario 14: permissionPolicyName PodIdentityPolicy → that logical id, no Policy1.
  it('names the inline policy after permissionPolicyName, sanitizing the logical id', () => {
    const t = podIdentityRoleTemplate(
      entry('ns', 'sa', { permissionPolicy: doc, permissionPolicyName: 'my-policy.v2' }),
    );
    const resources = t.Resources as Record<string, { Properties: Record<string, unknown> }>;
    expect(Object.keys(resources).sort()).toEqual(['Role1', 'mypolicyv2']);
    expect(resources.mypolicyv2.Properties.PolicyName).toEqual({
      'Fn::Sub': '${AWS::StackName}-my-policy.v2',
    });
    expect(permissionPolicyLogicalId('---!!!')).toBe('Policy1');
    expect(permissionPolicyLogicalId('PodIdentityPolicy')).toBe('PodIdentityPolicy');
  });

  // eksctl parity (issue 15, item 1): pkg/cfn/builder/iam.go AddAllResources attaches the inline
  // policy only when `len(rs.attachPolicy) != 0`, so `permissionPolicy: {}` adds nothing.
  it('adds no inline policy for an empty permissionPolicy document, as eksctl', () => {
    const t = podIdentityRoleTemplate(
      entry('ns', 'sa', {
        permissionPolicy: {},
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
      }),
    );
    expect(Object.keys(t.Resources as object)).toEqual(['Role1']);
  });

  it('expands every well-known inline policy with its logical ids', () => {
    const t = podIdentityRoleTemplate(
      entry('ns', 'sa', {
        wellKnownPolicies: {
          ...noWellKnown(),
          autoScaler: true,
          externalDNS: true,
          certManager: true,
          efsCSIController: true,
          awsLoadBalancerController: true,
        },
      }),
    );
    const resources = t.Resources as Record<
      string,
      { Properties: { PolicyDocument: { Statement: { Action: string[] }[] } } }
    >;
    expect(Object.keys(resources).sort()).toEqual([
      'PolicyAWSLoadBalancerController',
      'PolicyAutoScaling',
      'PolicyCertManagerChangeSet',
      'PolicyCertManagerGetChange',
      'PolicyCertManagerHostedZones',
      'PolicyEFSCSIController',
      'PolicyExternalDNSChangeSet',
      'PolicyExternalDNSHostedZones',
      'Role1',
    ]);
    const actions = (id: string) =>
      resources[id].Properties.PolicyDocument.Statement.flatMap((s) => s.Action);
    expect(actions('PolicyAutoScaling')).toContain('eks:DescribeNodegroup');
    expect(actions('PolicyAWSLoadBalancerController')).toContain(
      'elasticloadbalancing:ModifyIpPools',
    );
    expect(
      resources.PolicyAWSLoadBalancerController.Properties.PolicyDocument.Statement,
    ).toHaveLength(16);
    expect(actions('PolicyEFSCSIController')).toEqual([
      'elasticfilesystem:DescribeAccessPoints',
      'elasticfilesystem:DescribeFileSystems',
      'elasticfilesystem:CreateAccessPoint',
      'elasticfilesystem:TagResource',
      'elasticfilesystem:DeleteAccessPoint',
    ]);
    expect(canonicalJson(resources.PolicyCertManagerGetChange)).toContain(
      'arn:${AWS::Partition}:route53:::change/*',
    );
    expect(
      (t.Resources as Record<string, { Properties: Record<string, unknown> }>).Role1.Properties
        .ManagedPolicyArns,
    ).toBeUndefined();
  });

  it('needs CAPABILITY_NAMED_IAM only with roleName', () => {
    expect(roleStackCapabilities({ roleName: 'r' })).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(roleStackCapabilities({})).toEqual(['CAPABILITY_IAM']);
    const t = podIdentityRoleTemplate(
      entry('ns', 'sa', { roleName: 'r', permissionPolicyARNs: ['p'] }),
    );
    expect(canonicalJson(t)).toContain('"RoleName":"r"');
  });
});

describe('stack names and tags', () => {
  it('uses eksctl names, standalone first then legacy IRSA', () => {
    expect(roleStackNamesFor('c', 'default', 'app')).toEqual([
      'eksctl-c-podidentityrole-default-app',
      'eksctl-c-addon-iamserviceaccount-default-app',
    ]);
  });

  it('tags stacks like eksctl plus metadata, entry and owner tags', () => {
    const e = entry('default', 'app', { tags: { team: 'a' } });
    expect(roleStackTags(spec([e], { tags: { env: 'prod' } }), e, 'org/infra')).toEqual({
      'alpha.eksctl.io/cluster-name': 'test-cluster',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'test-cluster',
      'alpha.eksctl.io/eksctl-version': 'podid-action',
      'alpha.eksctl.io/podidentityassociation-name': 'default/app',
      env: 'prod',
      team: 'a',
      'podid-action/managed-by': 'org/infra',
    });
  });

  it('ignores the eksctl-version value, aws: keys and the owner tag when comparing', () => {
    const base = { a: '1', 'alpha.eksctl.io/eksctl-version': 'x' };
    expect(
      stackTagsDiffer(
        { ...base, 'aws:x': 'y' },
        { a: '1', 'alpha.eksctl.io/eksctl-version': 'y', 'podid-action/managed-by': 'o' },
      ),
    ).toBe(false);
    expect(stackTagsDiffer(base, { a: '2' })).toBe(true);
  });
});

describe('semantic template diff', () => {
  it('ignores key order, description and managed ARN order', () => {
    const a = podIdentityRoleTemplate(entry('n', 's', { permissionPolicyARNs: ['x', 'y'] }));
    const b = JSON.parse(
      canonicalJson({
        ...podIdentityRoleTemplate(entry('n', 's', { permissionPolicyARNs: ['y', 'x'] })),
        Description: 'other',
      }),
    );
    expect(isEmptyRoleTemplateDiff(diffRoleTemplates(b, a))).toBe(true);
  });

  it('reports ARNs added/removed, inline changes, boundary and roleName', () => {
    const live = podIdentityRoleTemplate(
      entry('n', 's', { permissionPolicyARNs: ['x'], permissionPolicy: doc }),
    );
    const want = podIdentityRoleTemplate(
      entry('n', 's', {
        permissionPolicyARNs: ['y'],
        permissionPolicy: { ...doc, Statement: [] },
        permissionsBoundaryARN: 'b',
        roleName: 'r',
      }),
    );
    expect(diffRoleTemplates(live, want)).toEqual({
      managedPolicyArnsAdded: ['y'],
      managedPolicyArnsRemoved: ['x'],
      inlinePoliciesAdded: [],
      inlinePoliciesRemoved: [],
      inlinePoliciesChanged: ['Policy1'],
      permissionsBoundary: { before: undefined, after: 'b' },
      roleName: { before: undefined, after: 'r' },
      trustPolicyChanged: false,
    });
  });

  it('sees a renamed inline policy whose logical id stays the same', () => {
    const named = (permissionPolicyName: string) =>
      podIdentityRoleTemplate(entry('n', 's', { permissionPolicy: doc, permissionPolicyName }));
    // Both sanitize to the logical id "mypolicy", but IAM names them differently.
    expect(diffRoleTemplates(named('my-policy'), named('mypolicy')).inlinePoliciesChanged).toEqual([
      'mypolicy',
    ]);
    expect(isEmptyRoleTemplateDiff(diffRoleTemplates(named('mypolicy'), named('mypolicy')))).toBe(
      true,
    );
  });
});
