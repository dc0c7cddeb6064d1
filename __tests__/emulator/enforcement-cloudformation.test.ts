// IAM enforcement on CloudFormation: stack-name scoping, and the IAM calls a stack makes with its
// caller's permissions (no service role).

import { describe, expect, it } from 'vitest';
import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';
import { policy, roleSession, type RoleSetup } from './session-helpers.js';

const env = withEmulator();
const TEMPLATE = JSON.stringify({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: JSON.parse(POD_IDENTITY_TRUST) },
    },
  },
});
const assumeRole = (name: string, setup: RoleSetup) => roleSession(env, name, setup);

describe('IAM enforcement of assumed-role sessions on CloudFormation', () => {
  it('scopes CloudFormation by stack name pattern', async () => {
    const { clients } = await assumeRole('stacks', {
      inline: policy(
        {
          Effect: 'Allow',
          Action: ['cloudformation:CreateStack', 'cloudformation:DescribeStacks'],
          Resource: `arn:aws:cloudformation:*:${TEST_ACCOUNT}:stack/eksctl-*`,
        },
        // CloudFormation creates the stack's role with the caller's permissions.
        {
          Effect: 'Allow',
          Action: 'iam:CreateRole',
          Resource: `arn:aws:iam::${TEST_ACCOUNT}:role/eksctl-*`,
        },
      ),
    });
    await clients.cfn.send(
      new CreateStackCommand({
        StackName: 'eksctl-prod-podidentityrole-ns-sa',
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await waitUntilStackCreateComplete(
      { client: clients.cfn, maxWaitTime: 10, minDelay: 1 },
      { StackName: 'eksctl-prod-podidentityrole-ns-sa' },
    );
    const error = await sdkError(
      clients.cfn.send(
        new CreateStackCommand({
          StackName: 'other',
          TemplateBody: TEMPLATE,
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    // Describing every stack is authorized against `*`, which the scoped statement does not cover.
    expect((await sdkError(clients.cfn.send(new DescribeStacksCommand({})))).name).toBe(
      'AccessDenied',
    );
  });

  it("stacks create their IAM resources with the caller's permissions", async () => {
    const { clients } = await assumeRole('cfn-only', {
      inline: policy({ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }),
    });
    await clients.cfn.send(
      new CreateStackCommand({
        StackName: 'eksctl-prod-role',
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const error = await sdkError(
      waitUntilStackCreateComplete(
        { client: clients.cfn, maxWaitTime: 10, minDelay: 1 },
        { StackName: 'eksctl-prod-role' },
      ),
    );
    expect(error.message).toContain('ROLLBACK_COMPLETE');
    const events = await env.cfn.send(
      new DescribeStackEventsCommand({ StackName: 'eksctl-prod-role' }),
    );
    const failed = events.StackEvents?.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('Role');
    expect(failed?.ResourceStatusReason).toMatch(
      new RegExp(
        '^Resource handler returned message: "User: arn:aws:sts::\\d+:assumed-role/cfn-only/run-1 is not authorized to perform: ' +
          'iam:CreateRole on resource: arn:aws:iam::\\d+:role/eksctl-prod-role-Role-\\w+ because no identity-based policy ' +
          'allows the iam:CreateRole action \\(Service: Iam, Status Code: 403, Request ID: [\\w-]+\\)" ' +
          '\\(RequestToken: [\\w-]+, HandlerErrorCode: AccessDenied\\)$',
      ),
    );
  });
});
