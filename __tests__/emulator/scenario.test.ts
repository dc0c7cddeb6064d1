// End to end through all emulated services: cluster, agent add-on, eksctl-style role stack,
// association with the stack's role, then tear-down back to an empty state.
import { expect, it } from 'vitest';
import {
  CreateAddonCommand,
  CreateClusterCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAddonCommand,
  DeleteClusterCommand,
  DeletePodIdentityAssociationCommand,
  waitUntilAddonActive,
  waitUntilAddonDeleted,
} from '@aws-sdk/client-eks';
import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';
import { TEST_ACCOUNT, withEmulator } from './helpers.js';

const env = withEmulator();
const fast = { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 10 };

// The shape eksctl generates for a pod identity role stack.
const template = JSON.stringify({
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
              Principal: { Service: ['pods.eks.amazonaws.com'] },
              Action: ['sts:AssumeRole', 'sts:TagSession'],
            },
          ],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    },
  },
  Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
});

it('creates a cluster, the agent, a role stack and an association, then tears it all down', async (ctx) => {
  // Until the CloudFormation module replaces its placeholder, there is nothing to run against.
  const cfn = env.emulator.modules.find((m) => m.service === 'cloudformation');
  const probe = {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: {},
    body: 'Action=DescribeStacks&Version=2010-05-15',
    requestId: 'probe',
  };
  if (!cfn?.operationOf(probe)) ctx.skip();
  Object.assign(env.emulator.world.durations, {
    stackCreate: 100,
    stackDelete: 100,
    addonCreate: 100,
    addonDelete: 100,
  });
  const clusterName = 'scenario';
  await env.eks.send(
    new CreateClusterCommand({
      name: clusterName,
      version: '1.32',
      roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/eks`,
      resourcesVpcConfig: {},
    }),
  );
  await env.eks.send(new CreateAddonCommand({ clusterName, addonName: 'eks-pod-identity-agent' }));
  await waitUntilAddonActive(
    { client: env.eks, ...fast },
    { clusterName, addonName: 'eks-pod-identity-agent' },
  );

  const StackName = 'eksctl-scenario-podidentityrole-default-app';
  await env.cfn.send(
    new CreateStackCommand({ StackName, TemplateBody: template, Capabilities: ['CAPABILITY_IAM'] }),
  );
  await waitUntilStackCreateComplete({ client: env.cfn, ...fast }, { StackName });
  const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName }));
  const roleArn = Stacks?.[0].Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue as string;
  expect(roleArn).toMatch(new RegExp(`^arn:aws:iam::${TEST_ACCOUNT}:role/`));

  const { association } = await env.eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName,
      namespace: 'default',
      serviceAccount: 'app',
      roleArn,
    }),
  );
  expect(association?.roleArn).toBe(roleArn);

  await env.eks.send(
    new DeletePodIdentityAssociationCommand({
      clusterName,
      associationId: association?.associationId,
    }),
  );
  await env.cfn.send(new DeleteStackCommand({ StackName }));
  await waitUntilStackDeleteComplete({ client: env.cfn, ...fast }, { StackName });
  await env.eks.send(new DeleteAddonCommand({ clusterName, addonName: 'eks-pod-identity-agent' }));
  await waitUntilAddonDeleted(
    { client: env.eks, ...fast },
    { clusterName, addonName: 'eks-pod-identity-agent' },
  );
  await env.eks.send(new DeleteClusterCommand({ name: clusterName }));

  const state = await env.admin<{ eks: { clusters: unknown[] }; iam: { roles?: unknown[] } }>(
    'GET',
    'state',
  );
  expect(state.eks.clusters).toEqual([]);
  expect(state.iam.roles ?? []).toEqual([]);
  const calls = await env.admin<{ mutating: boolean; status: number }[]>('GET', 'calls');
  // The delete waiters end on ValidationError / ResourceNotFoundException reads; no write failed.
  expect(calls.filter((c) => c.status >= 400 && c.mutating)).toEqual([]);
  expect(calls.filter((c) => c.mutating)).toHaveLength(8);
});
