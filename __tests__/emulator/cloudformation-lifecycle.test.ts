import { describe, expect, it } from 'vitest';
import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
  waitUntilStackUpdateComplete,
} from '@aws-sdk/client-cloudformation';
import {
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { sdkError, withEmulator } from './helpers.js';
import { eksctlRoleTemplate, simpleRoleTemplate } from './cloudformation-fixtures.js';

// Realistic durations (45 s create, 40 s update, 35 s delete) divided by 60: 0.6-0.75 s, long enough
// for the in-progress states to be seen on a busy CI machine.
const env = withEmulator({ latencyProfile: 'realistic', timeScale: 60 });
const wait = { maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 };
const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const EBS = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';

async function status(name: string): Promise<string | undefined> {
  return (await env.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]
    ?.StackStatus;
}

async function roleOf(name: string): Promise<string> {
  const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks![0];
  return stack.Outputs![0].OutputValue!.split('/').pop()!;
}

describe('CloudFormation: lifecycle over time', () => {
  it('stays CREATE_IN_PROGRESS for a while, then the waiter sees CREATE_COMPLETE', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'slow',
        TemplateBody: eksctlRoleTemplate(),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect(await status('slow')).toBe('CREATE_IN_PROGRESS');
    const result = await waitUntilStackCreateComplete(
      { client: env.cfn, ...wait },
      { StackName: 'slow' },
    );
    expect(result.state).toBe('SUCCESS');
    expect(await status('slow')).toBe('CREATE_COMPLETE');
    const resources = await env.cfn.send(new ListStackResourcesCommand({ StackName: 'slow' }));
    expect(
      resources.StackResourceSummaries!.map((r) => [r.LogicalResourceId, r.ResourceStatus]),
    ).toEqual([
      ['Role1', 'CREATE_COMPLETE'],
      ['Policy1', 'CREATE_COMPLETE'],
    ]);

    await env.cfn.send(new DeleteStackCommand({ StackName: 'slow' }));
    expect(await status('slow')).toBe('DELETE_IN_PROGRESS');
    const deleted = await waitUntilStackDeleteComplete(
      { client: env.cfn, ...wait },
      { StackName: 'slow' },
    );
    expect(deleted.state).toBe('SUCCESS');
    expect((await env.iam.send(new ListRolesCommand({}))).Roles).toEqual([]);
  });

  it('an injected stack failure rolls back to ROLLBACK_COMPLETE and removes the resources', async () => {
    await env.admin('POST', 'faults', { failingStacks: { doomed: 'Injected failure' } });
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'doomed',
        TemplateBody: eksctlRoleTemplate(),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const err = await sdkError(
      waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'doomed' }),
    );
    expect(err.message).toContain('ROLLBACK_COMPLETE');
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'doomed' })))
      .Stacks![0];
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toBe(
      'The following resource(s) failed to create: [Policy1]. Rollback requested by user.',
    );
    const events = (await env.cfn.send(new DescribeStackEventsCommand({ StackName: 'doomed' })))
      .StackEvents!;
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed).toMatchObject({
      LogicalResourceId: 'Policy1',
      ResourceStatusReason: 'Injected failure',
    });
    const statuses = events
      .filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack')
      .map((e) => e.ResourceStatus);
    expect(statuses).toEqual(['ROLLBACK_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'CREATE_IN_PROGRESS']);
    expect((await env.iam.send(new ListRolesCommand({}))).Roles).toEqual([]);

    // The name stays taken and the stack cannot be updated.
    const again = await sdkError(
      env.cfn.send(
        new CreateStackCommand({
          StackName: 'doomed',
          TemplateBody: eksctlRoleTemplate(),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(again.name).toBe('AlreadyExistsException');
    const update = await sdkError(
      env.cfn.send(
        new UpdateStackCommand({
          StackName: 'doomed',
          TemplateBody: simpleRoleTemplate(),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(update.name).toBe('ValidationError');
    expect(update.message).toBe(
      `Stack:${stack.StackId} is in ROLLBACK_COMPLETE state and can not be updated.`,
    );
    await env.cfn.send(new DeleteStackCommand({ StackName: 'doomed' }));
    await waitUntilStackDeleteComplete({ client: env.cfn, ...wait }, { StackName: 'doomed' });
  });

  it('an unknown managed policy fails the role with the IAM handler message', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'badpolicy',
        TemplateBody: simpleRoleTemplate(['arn:aws:iam::aws:policy/NoSuchPolicy']),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await sdkError(
      waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'badpolicy' }),
    );
    expect(await status('badpolicy')).toBe('ROLLBACK_COMPLETE');
    const events = (await env.cfn.send(new DescribeStackEventsCommand({ StackName: 'badpolicy' })))
      .StackEvents!;
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed?.ResourceStatusReason).toMatch(
      /^Resource handler returned message: "Policy arn:aws:iam::aws:policy\/NoSuchPolicy does not exist or is not attachable\. \(Service: Iam, Status Code: 404, Request ID: .+\)" \(RequestToken: .+, HandlerErrorCode: NotFound\)$/,
    );
    expect((await env.iam.send(new ListRolesCommand({}))).Roles).toEqual([]);
  });

  it('updates in place, refuses updates in progress and "No updates are to be performed."', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'upd',
        TemplateBody: simpleRoleTemplate([S3]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'upd' });
    const role = await roleOf('upd');
    const roleId = (await env.iam.send(new GetRoleCommand({ RoleName: role }))).Role!.RoleId;

    const same = await sdkError(
      env.cfn.send(
        new UpdateStackCommand({
          StackName: 'upd',
          TemplateBody: simpleRoleTemplate([S3]),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect([same.name, same.$metadata.httpStatusCode, same.message]).toEqual([
      'ValidationError',
      400,
      'No updates are to be performed.',
    ]);

    await env.cfn.send(
      new UpdateStackCommand({
        StackName: 'upd',
        TemplateBody: simpleRoleTemplate([EBS]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect(await status('upd')).toBe('UPDATE_IN_PROGRESS');
    const busy = await sdkError(
      env.cfn.send(
        new UpdateStackCommand({
          StackName: 'upd',
          TemplateBody: simpleRoleTemplate([]),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(busy.message).toMatch(
      /^Stack:arn:aws:cloudformation:.+ is in UPDATE_(COMPLETE_CLEANUP_)?IN_PROGRESS state and can not be updated\.$/,
    );
    const done = await waitUntilStackUpdateComplete(
      { client: env.cfn, ...wait },
      { StackName: 'upd' },
    );
    expect(done.state).toBe('SUCCESS');
    const attached = await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([EBS]);
    expect((await env.iam.send(new GetRoleCommand({ RoleName: role }))).Role!.RoleId).toBe(roleId);
  });

  it('a failed update rolls back to UPDATE_ROLLBACK_COMPLETE with the previous resources', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'rb',
        TemplateBody: simpleRoleTemplate([S3]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'rb' });
    const role = await roleOf('rb');
    await env.cfn.send(
      new UpdateStackCommand({
        StackName: 'rb',
        TemplateBody: simpleRoleTemplate([EBS, 'arn:aws:iam::aws:policy/Missing']),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const err = await sdkError(
      waitUntilStackUpdateComplete({ client: env.cfn, ...wait }, { StackName: 'rb' }),
    );
    expect(err.message).toContain('UPDATE_ROLLBACK_COMPLETE');
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'rb' }))).Stacks![0];
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const attached = await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([S3]);
    // UPDATE_ROLLBACK_COMPLETE stacks can be updated again.
    await env.admin('POST', 'faults', { failingStacks: { rb: 'Injected update failure' } });
    await env.cfn.send(
      new UpdateStackCommand({
        StackName: 'rb',
        TemplateBody: simpleRoleTemplate([EBS]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await sdkError(waitUntilStackUpdateComplete({ client: env.cfn, ...wait }, { StackName: 'rb' }));
    const events = (await env.cfn.send(new DescribeStackEventsCommand({ StackName: 'rb' })))
      .StackEvents!;
    expect(events.find((e) => e.ResourceStatus === 'UPDATE_FAILED')?.ResourceStatusReason).toBe(
      'Injected update failure',
    );
    expect(
      (
        await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }))
      ).AttachedPolicies!.map((p) => p.PolicyArn),
    ).toEqual([S3]);
    // The fault is consumed: the next update succeeds.
    await env.cfn.send(
      new UpdateStackCommand({
        StackName: 'rb',
        TemplateBody: simpleRoleTemplate([EBS]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect(
      (await waitUntilStackUpdateComplete({ client: env.cfn, ...wait }, { StackName: 'rb' })).state,
    ).toBe('SUCCESS');
  });

  it('replaces a role whose name changes and removes resources dropped from the template', async () => {
    const named = (name: string, extra = false) =>
      JSON.stringify({
        Resources: {
          R: JSON.parse(simpleRoleTemplate()).Resources.Role,
          ...(extra ? { H: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } : {}),
        },
      }).replace('"ManagedPolicyArns":[]', `"ManagedPolicyArns":[],"RoleName":"${name}"`);
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'rep',
        TemplateBody: named('first', true),
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      }),
    );
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'rep' });
    await env.cfn.send(
      new UpdateStackCommand({
        StackName: 'rep',
        TemplateBody: named('second'),
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      }),
    );
    await waitUntilStackUpdateComplete({ client: env.cfn, ...wait }, { StackName: 'rep' });
    const roles = (await env.iam.send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName);
    expect(roles).toEqual(['second']);
    const resources = await env.cfn.send(new ListStackResourcesCommand({ StackName: 'rep' }));
    expect(resources.StackResourceSummaries!.map((r) => r.LogicalResourceId)).toEqual(['R']);
  });
});
