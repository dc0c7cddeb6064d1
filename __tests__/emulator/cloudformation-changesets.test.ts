import { describe, expect, it } from 'vitest';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListChangeSetsCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
  waitUntilStackUpdateComplete,
} from '@aws-sdk/client-cloudformation';
import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { sdkError, withEmulator } from './helpers.js';
import { eksctlRoleTemplate, simpleRoleTemplate } from './cloudformation-fixtures.js';

const env = withEmulator({ latencyProfile: 'realistic', timeScale: 300 });
const wait = { maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 };
const EBS = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';
const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

async function createStack(name: string, body: string): Promise<void> {
  await env.cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: body,
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: name });
}

describe('CloudFormation: change sets', () => {
  it('computes resource changes, executes them and ends EXECUTE_COMPLETE', async () => {
    await createStack('cs', simpleRoleTemplate([]));
    const created = await env.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'cs',
        ChangeSetName: 'eksctl-ns-sa-update-1',
        ChangeSetType: 'UPDATE',
        TemplateBody: simpleRoleTemplate([EBS]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect(created.Id).toMatch(
      /^arn:aws:cloudformation:us-west-2:111122223333:changeSet\/eksctl-ns-sa-update-1\/[0-9a-f-]{36}$/,
    );
    const pending = await env.cfn.send(
      new DescribeChangeSetCommand({ StackName: 'cs', ChangeSetName: 'eksctl-ns-sa-update-1' }),
    );
    // The set computes for a few simulated seconds (milliseconds at this time scale): a busy
    // machine may already see it complete, and then it must be executable.
    if (pending.Status === 'CREATE_COMPLETE') {
      expect(pending.ExecutionStatus).toBe('AVAILABLE');
    } else {
      expect(pending.Status).toMatch(/^CREATE_(PENDING|IN_PROGRESS)$/);
      expect(pending.ExecutionStatus).toBe('UNAVAILABLE');
    }
    const ready = await waitUntilChangeSetCreateComplete(
      { client: env.cfn, ...wait },
      { StackName: 'cs', ChangeSetName: 'eksctl-ns-sa-update-1' },
    );
    expect(ready.state).toBe('SUCCESS');
    const described = await env.cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: created.Id }),
    );
    expect(described.Status).toBe('CREATE_COMPLETE');
    expect(described.ExecutionStatus).toBe('AVAILABLE');
    expect(described.Changes).toEqual([
      {
        Type: 'Resource',
        ResourceChange: expect.objectContaining({
          Action: 'Modify',
          LogicalResourceId: 'Role',
          ResourceType: 'AWS::IAM::Role',
          Replacement: 'False',
          Scope: ['Properties'],
        }),
      },
    ]);
    const listed = await env.cfn.send(new ListChangeSetsCommand({ StackName: 'cs' }));
    expect(listed.Summaries!.map((s) => s.ChangeSetName)).toEqual(['eksctl-ns-sa-update-1']);

    await env.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.Id }));
    expect(
      (await env.cfn.send(new DescribeStacksCommand({ StackName: 'cs' }))).Stacks![0].StackStatus,
    ).toBe('UPDATE_IN_PROGRESS');
    await waitUntilStackUpdateComplete({ client: env.cfn, ...wait }, { StackName: 'cs' });
    const after = await env.cfn.send(new DescribeChangeSetCommand({ ChangeSetName: created.Id }));
    expect(after.ExecutionStatus).toBe('EXECUTE_COMPLETE');
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'cs' }))).Stacks![0];
    const role = stack.Outputs![0].OutputValue!.split('/').pop()!;
    const attached = await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([EBS]);

    const again = await sdkError(
      env.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.Id })),
    );
    expect([again.name, again.$metadata.httpStatusCode]).toEqual([
      'InvalidChangeSetStatusException',
      400,
    ]);
  });

  it('a change set without changes ends FAILED with AWS status reason, and the waiter fails', async () => {
    await createStack('same', simpleRoleTemplate([]));
    await env.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'same',
        ChangeSetName: 'nothing',
        TemplateBody: simpleRoleTemplate([]),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const err = await sdkError(
      waitUntilChangeSetCreateComplete(
        { client: env.cfn, ...wait },
        { StackName: 'same', ChangeSetName: 'nothing' },
      ),
    );
    expect(err.message).toContain('FAILED');
    const cs = await env.cfn.send(
      new DescribeChangeSetCommand({ StackName: 'same', ChangeSetName: 'nothing' }),
    );
    expect([cs.Status, cs.ExecutionStatus, cs.StatusReason]).toEqual([
      'FAILED',
      'UNAVAILABLE',
      NO_CHANGES,
    ]);
    const exec = await sdkError(
      env.cfn.send(new ExecuteChangeSetCommand({ StackName: 'same', ChangeSetName: 'nothing' })),
    );
    expect(exec.name).toBe('InvalidChangeSetStatusException');
    await env.cfn.send(new DeleteChangeSetCommand({ StackName: 'same', ChangeSetName: 'nothing' }));
    const gone = await sdkError(
      env.cfn.send(new DescribeChangeSetCommand({ StackName: 'same', ChangeSetName: 'nothing' })),
    );
    expect([gone.name, gone.$metadata.httpStatusCode, gone.message]).toEqual([
      'ChangeSetNotFoundException',
      404,
      'ChangeSet [nothing] does not exist',
    ]);
  });

  it('a CREATE change set holds the stack in REVIEW_IN_PROGRESS until executed', async () => {
    const created = await env.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'fresh',
        ChangeSetName: 'create',
        ChangeSetType: 'CREATE',
        TemplateBody: eksctlRoleTemplate(),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const review = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'fresh' })))
      .Stacks![0];
    expect(review.StackStatus).toBe('REVIEW_IN_PROGRESS');
    expect(review.StackId).toBe(created.StackId);
    await waitUntilChangeSetCreateComplete(
      { client: env.cfn, ...wait },
      { StackName: 'fresh', ChangeSetName: 'create' },
    );
    const cs = await env.cfn.send(
      new DescribeChangeSetCommand({ StackName: 'fresh', ChangeSetName: 'create' }),
    );
    expect(
      cs.Changes!.map((c) => [c.ResourceChange!.Action, c.ResourceChange!.LogicalResourceId]),
    ).toEqual([
      ['Add', 'Role1'],
      ['Add', 'Policy1'],
    ]);
    const dup = await sdkError(
      env.cfn.send(
        new CreateChangeSetCommand({
          StackName: 'same-name-check',
          ChangeSetName: 'x',
          ChangeSetType: 'CREATE',
          TemplateBody: eksctlRoleTemplate(),
        }),
      ),
    );
    expect(dup.name).toBe('InsufficientCapabilitiesException');
    await env.cfn.send(
      new ExecuteChangeSetCommand({ StackName: 'fresh', ChangeSetName: 'create' }),
    );
    const done = await waitUntilStackCreateComplete(
      { client: env.cfn, ...wait },
      { StackName: 'fresh' },
    );
    expect(done.state).toBe('SUCCESS');
    const exists = await sdkError(
      env.cfn.send(
        new CreateChangeSetCommand({
          StackName: 'fresh',
          ChangeSetName: 'again',
          ChangeSetType: 'CREATE',
          TemplateBody: eksctlRoleTemplate(),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect([exists.name, exists.message]).toEqual([
      'AlreadyExistsException',
      'Stack [fresh] already exists',
    ]);
  });
});
