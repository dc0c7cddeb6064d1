// IAM enforcement for calls signed with credentials from the emulator's STS: the assumed role's
// policies decide, refusals come in each service's own AccessDenied format.

import { describe, expect, it } from 'vitest';
import {
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribeClusterCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';
import { assumeWebIdentityRole, policy, roleSession, type RoleSetup } from './session-helpers.js';

const env = withEmulator({ seed: { clusters: [{ name: 'prod' }] } });
const TEMPLATE = JSON.stringify({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: JSON.parse(POD_IDENTITY_TRUST) },
    },
  },
});
const ROLE_FOR_PODS = `arn:aws:iam::${TEST_ACCOUNT}:role/pods`;
const assumeRole = (name: string, setup: RoleSetup) => roleSession(env, name, setup);

describe('IAM enforcement of assumed-role sessions', () => {
  it('a read-only role reads but cannot create associations or stacks', async () => {
    const { clients } = await assumeRole('plan', {
      inline: policy({
        Effect: 'Allow',
        Action: [
          'eks:Describe*',
          'eks:List*',
          'cloudformation:Describe*',
          'cloudformation:List*',
          'iam:Get*',
        ],
        Resource: '*',
      }),
    });
    const cluster = await clients.eks.send(new DescribeClusterCommand({ name: 'prod' }));
    expect(cluster.cluster?.name).toBe('prod');
    await clients.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }));
    await clients.cfn.send(new DescribeStacksCommand({}));

    const eksError = await sdkError(
      clients.eks.send(
        new CreatePodIdentityAssociationCommand({
          clusterName: 'prod',
          namespace: 'ns',
          serviceAccount: 'sa',
          roleArn: ROLE_FOR_PODS,
        }),
      ),
    );
    expect(eksError.name).toBe('AccessDeniedException');
    expect(eksError.$metadata.httpStatusCode).toBe(403);
    expect(eksError.message).toBe(
      `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/plan/run-1 is not authorized to perform: ` +
        `eks:CreatePodIdentityAssociation on resource: arn:aws:eks:us-west-2:${TEST_ACCOUNT}:cluster/prod ` +
        'because no identity-based policy allows the eks:CreatePodIdentityAssociation action',
    );
    const cfnError = await sdkError(
      clients.cfn.send(
        new CreateStackCommand({
          StackName: 'eksctl-prod-x',
          TemplateBody: TEMPLATE,
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(cfnError.name).toBe('AccessDenied');
    expect(cfnError.$metadata.httpStatusCode).toBe(403);
    expect(cfnError.message).toBe(
      `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/plan/run-1 is not authorized to perform: ` +
        `cloudformation:CreateStack on resource: arn:aws:cloudformation:us-west-2:${TEST_ACCOUNT}:stack/eksctl-prod-x/* ` +
        'because no identity-based policy allows the cloudformation:CreateStack action',
    );
    // Nothing was created, and the call log shows who was refused.
    expect((await env.cfn.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    const calls = await env.admin<
      { operation: string; denied?: boolean; principal?: string; status: number }[]
    >('GET', 'calls');
    expect(calls.find((c) => c.operation === 'CreatePodIdentityAssociation')).toMatchObject({
      denied: true,
      status: 403,
      principal: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/plan/run-1`,
    });
  });

  it('the AWS managed ReadOnlyAccess reads and refuses writes', async () => {
    const { clients } = await assumeRole('ro', {
      managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    await clients.eks.send(new DescribeClusterCommand({ name: 'prod' }));
    await clients.iam.send(new GetRoleCommand({ RoleName: 'ro' }));
    const error = await sdkError(
      clients.iam.send(
        new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: POD_IDENTITY_TRUST }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain(
      `iam:CreateRole on resource: arn:aws:iam::${TEST_ACCOUNT}:role/x`,
    );
  });

  it('an explicit Deny wins over an Allow', async () => {
    await env.iam.send(
      new CreateRoleCommand({ RoleName: 'pods', AssumeRolePolicyDocument: POD_IDENTITY_TRUST }),
    );
    await env.eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'prod',
        namespace: 'ns',
        serviceAccount: 'sa',
        roleArn: ROLE_FOR_PODS,
      }),
    );
    const { clients } = await assumeRole('apply', {
      inline: policy(
        { Effect: 'Allow', Action: 'eks:*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'eks:Delete*',
          Resource: `arn:aws:eks:*:${TEST_ACCOUNT}:podidentityassociation/prod/*`,
        },
      ),
    });
    const listed = await clients.eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }),
    );
    const id = listed.associations?.[0]?.associationId;
    expect(id).toBeDefined();
    const error = await sdkError(
      clients.eks.send(
        new DeletePodIdentityAssociationCommand({ clusterName: 'prod', associationId: id }),
      ),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe(
      `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/apply/run-1 is not authorized to perform: ` +
        `eks:DeletePodIdentityAssociation on resource: arn:aws:eks:us-west-2:${TEST_ACCOUNT}:podidentityassociation/prod/${id} ` +
        'with an explicit deny in an identity-based policy',
    );
  });

  it('evaluates aws:RequestedRegion conditions', async () => {
    const inline = policy(
      { Effect: 'Allow', Action: 'eks:Describe*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-west-2' } },
      },
    );
    const { clients } = await assumeRole('regional', { inline });
    await clients.eks.send(new DescribeClusterCommand({ name: 'prod' }));
    const { clients: elsewhere } = await assumeWebIdentityRole(env, 'regional', {
      sessionName: 'run-2',
      region: 'eu-west-1',
    });
    const error = await sdkError(elsewhere.eks.send(new DescribeClusterCommand({ name: 'prod' })));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain('with an explicit deny');
  });

  it('expired session credentials answer ExpiredTokenException / ExpiredToken', async () => {
    const { clients, accessKeyId } = await assumeRole('short', {
      inline: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
    });
    await clients.eks.send(new DescribeClusterCommand({ name: 'prod' }));
    await env.admin('POST', 'sts/expire', { accessKeyId });
    const eksError = await sdkError(clients.eks.send(new DescribeClusterCommand({ name: 'prod' })));
    expect(eksError.name).toBe('ExpiredTokenException');
    expect(eksError.$metadata.httpStatusCode).toBe(403);
    const stsError = await sdkError(clients.sts.send(new GetCallerIdentityCommand({})));
    expect(stsError.name).toBe('ExpiredToken');
    expect(stsError.message).toBe('The security token included in the request is expired');
  });

  it('admin (non-session) credentials stay unrestricted', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'anything',
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const calls = await env.admin<{ operation: string; denied?: boolean }[]>('GET', 'calls');
    expect(calls.find((c) => c.operation === 'CreateStack')?.denied).toBeUndefined();
  });
});
