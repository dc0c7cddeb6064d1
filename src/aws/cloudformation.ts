// Thin CloudFormation adapter for eksctl role stacks.

import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  UpdateTerminationProtectionCommand,
  paginateDescribeStacks,
  type CloudFormationClient,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { parse as parseYaml } from 'yaml';
import type { LiveStack } from '../live/model.js';
import { isAwsError } from './errors.js';

export function toLiveStack(stack: Stack): LiveStack {
  return {
    stackName: stack.StackName ?? '',
    stackId: stack.StackId ?? '',
    status: stack.StackStatus ?? 'UNKNOWN',
    statusReason: stack.StackStatusReason,
    tags: Object.fromEntries((stack.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    capabilities: stack.Capabilities ?? [],
    outputs: Object.fromEntries(
      (stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
    ),
    terminationProtection: stack.EnableTerminationProtection === true,
  };
}

/** Every live stack of the region (DescribeStacks without a name never lists deleted stacks). */
export async function describeAllStacks(cfn: CloudFormationClient): Promise<LiveStack[]> {
  const stacks: LiveStack[] = [];
  for await (const page of paginateDescribeStacks({ client: cfn }, {})) {
    for (const s of page.Stacks ?? []) stacks.push(toLiveStack(s));
  }
  return stacks;
}

/** One stack by name or id; undefined when CloudFormation says it does not exist. */
export async function describeStack(
  cfn: CloudFormationClient,
  stackName: string,
): Promise<LiveStack | undefined> {
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks?.[0];
    return stack ? toLiveStack(stack) : undefined;
  } catch (error) {
    if (isStackMissing(error)) return undefined;
    throw error;
  }
}

/** CloudFormation reports a missing stack as a ValidationError "Stack with id X does not exist". */
export function isStackMissing(error: unknown): boolean {
  return isAwsError(error, 'ValidationError') && /does not exist/.test(error.message);
}

/**
 * Why CloudFormation refused a stack operation because someone else is changing the same stack at
 * the same time, or undefined for any other error. The signals (aws-api.md, CloudFormation):
 * ChangeSetNotFound for a change set we created (executing a change set deletes the stack's
 * others), "Stack:… is in UPDATE_IN_PROGRESS state and can not be updated." from CreateChangeSet or
 * ExecuteChangeSet, "cannot be deleted while in status …_IN_PROGRESS" from DeleteStack, and a
 * change set that became OBSOLETE because the stack moved on.
 */
export function concurrentChange(error: unknown): string | undefined {
  if (isAwsError(error, 'ChangeSetNotFoundException', 'ChangeSetNotFound')) {
    return 'our change set was deleted, as CloudFormation does when another change set of the stack is executed';
  }
  if (isAwsError(error, 'ValidationError')) {
    const busy =
      /is in (\w+_IN_PROGRESS) state and can not be updated/.exec(error.message) ??
      /cannot be deleted while in status (\w+_IN_PROGRESS)/.exec(error.message);
    if (busy) return `CloudFormation says the stack is ${busy[1]}`;
  }
  if (
    isAwsError(error, 'InvalidChangeSetStatusException', 'InvalidChangeSetStatus') &&
    /OBSOLETE/.test(error.message)
  ) {
    return 'our change set became obsolete: the stack changed after it was made';
  }
  return undefined;
}

/** A stack's template by name or id; `abortSignal` cancels it (before it is sent, if it waits). */
export async function getTemplate(
  cfn: CloudFormationClient,
  stackName: string,
  abortSignal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const { TemplateBody } = await cfn.send(
    new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
    abortSignal ? { abortSignal } : {},
  );
  if (!TemplateBody) return undefined;
  try {
    return JSON.parse(TemplateBody) as Record<string, unknown>;
  } catch {
    // Hand-written stacks may be YAML; short-form intrinsics are kept as plain values.
    return parseYaml(TemplateBody, { customTags: [], logLevel: 'silent' }) as Record<
      string,
      unknown
    >;
  }
}

function toTags(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export async function createStack(
  cfn: CloudFormationClient,
  input: {
    stackName: string;
    templateBody: string;
    capabilities: string[];
    tags: Record<string, string>;
  },
): Promise<string> {
  const { StackId } = await cfn.send(
    new CreateStackCommand({
      StackName: input.stackName,
      TemplateBody: input.templateBody,
      Capabilities: input.capabilities as ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[],
      Tags: toTags(input.tags),
      // As eksctl: role stacks are protected against accidental deletion.
      EnableTerminationProtection: true,
    }),
  );
  return StackId ?? input.stackName;
}

export async function setTerminationProtection(
  cfn: CloudFormationClient,
  stackName: string,
  enabled: boolean,
): Promise<void> {
  await cfn.send(
    new UpdateTerminationProtectionCommand({
      StackName: stackName,
      EnableTerminationProtection: enabled,
    }),
  );
}

/** Starts deleting a stack; false when it was already gone. */
export async function deleteStack(cfn: CloudFormationClient, stackId: string): Promise<boolean> {
  try {
    await cfn.send(new DeleteStackCommand({ StackName: stackId }));
    return true;
  } catch (error) {
    if (isStackMissing(error)) return false;
    throw error;
  }
}

export async function createChangeSet(
  cfn: CloudFormationClient,
  input: {
    stackName: string;
    changeSetName: string;
    templateBody: string;
    capabilities: string[];
    tags: Record<string, string>;
    description: string;
  },
): Promise<string> {
  const { Id } = await cfn.send(
    new CreateChangeSetCommand({
      StackName: input.stackName,
      ChangeSetName: input.changeSetName,
      ChangeSetType: 'UPDATE',
      TemplateBody: input.templateBody,
      Capabilities: input.capabilities as ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[],
      Tags: toTags(input.tags),
      Description: input.description,
    }),
  );
  return Id ?? input.changeSetName;
}

export async function describeChangeSet(
  cfn: CloudFormationClient,
  stackName: string,
  changeSetId: string,
): Promise<{ status: string; reason?: string }> {
  const out = await cfn.send(
    new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetId }),
  );
  return { status: out.Status ?? 'UNKNOWN', reason: out.StatusReason };
}

export async function executeChangeSet(
  cfn: CloudFormationClient,
  stackName: string,
  changeSetId: string,
): Promise<void> {
  await cfn.send(new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetId }));
}

export async function deleteChangeSet(
  cfn: CloudFormationClient,
  stackName: string,
  changeSetId: string,
): Promise<void> {
  await cfn.send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetId }));
}
