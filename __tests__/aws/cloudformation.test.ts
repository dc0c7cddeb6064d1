// The CloudFormation adapter against the emulator: which refusals mean that someone else is changing
// the same stack at the same time.
import { describe, expect, it } from 'vitest';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { concurrentChange } from '../../src/aws/cloudformation.js';
import { eksctlRoleTemplate } from '../emulator/cloudformation-fixtures.js';
import { sdkError, withEmulator } from '../emulator/helpers.js';

// Updates take 2 s: long enough to be caught in UPDATE_IN_PROGRESS.
const env = withEmulator({ latencyProfile: 'realistic', timeScale: 20 });
const wait = { maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.2 };
const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const DYNAMO = 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess';

async function roleStack(name: string): Promise<void> {
  await env.cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: eksctlRoleTemplate({ managed: [S3] }),
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: name });
}

async function changeSet(stack: string, name: string, managed: string): Promise<string> {
  const { Id } = await env.cfn.send(
    new CreateChangeSetCommand({
      StackName: stack,
      ChangeSetName: name,
      TemplateBody: eksctlRoleTemplate({ managed: [managed] }),
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  await waitUntilChangeSetCreateComplete(
    { client: env.cfn, ...wait },
    { StackName: stack, ChangeSetName: Id },
  );
  return Id!;
}

describe('concurrentChange', () => {
  it('recognises a change set deleted because another one was executed', async () => {
    await roleStack('race');
    const ours = await changeSet('race', 'ours', DYNAMO);
    const theirs = await changeSet('race', 'theirs', DYNAMO);
    await env.cfn.send(new ExecuteChangeSetCommand({ StackName: 'race', ChangeSetName: theirs }));

    for (const call of [
      new DescribeChangeSetCommand({ StackName: 'race', ChangeSetName: ours }),
      new ExecuteChangeSetCommand({ StackName: 'race', ChangeSetName: ours }),
    ]) {
      const error = await sdkError(env.cfn.send(call as never));
      expect(error.name).toBe('ChangeSetNotFoundException');
      expect(concurrentChange(error)).toBe(
        'our change set was deleted, as CloudFormation does when another change set of the stack is executed',
      );
    }
  });

  it('recognises a stack that another update holds in UPDATE_IN_PROGRESS', async () => {
    await roleStack('busy');
    const theirs = await changeSet('busy', 'theirs', DYNAMO);
    await env.cfn.send(new ExecuteChangeSetCommand({ StackName: 'busy', ChangeSetName: theirs }));
    const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: 'busy' }));
    expect(Stacks?.[0].StackStatus).toBe('UPDATE_IN_PROGRESS');

    const create = await sdkError(
      env.cfn.send(
        new CreateChangeSetCommand({
          StackName: 'busy',
          ChangeSetName: 'ours',
          TemplateBody: eksctlRoleTemplate({ managed: [S3] }),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(create.message).toMatch(/is in UPDATE_IN_PROGRESS state and can not be updated/);
    expect(concurrentChange(create)).toBe('CloudFormation says the stack is UPDATE_IN_PROGRESS');
    const remove = await sdkError(env.cfn.send(new DeleteStackCommand({ StackName: 'busy' })));
    expect(concurrentChange(remove)).toBe('CloudFormation says the stack is UPDATE_IN_PROGRESS');
  });

  it('leaves other refusals alone', async () => {
    const missing = await sdkError(
      env.cfn.send(new DescribeStacksCommand({ StackName: 'no-such-stack' })),
    );
    expect(concurrentChange(missing)).toBeUndefined();
    await roleStack('taken');
    const taken = await sdkError(
      env.cfn.send(
        new CreateStackCommand({
          StackName: 'taken',
          TemplateBody: eksctlRoleTemplate(),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    expect(concurrentChange(taken)).toBeUndefined();
  });
});
