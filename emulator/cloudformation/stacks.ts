// The stack model and its store: live stacks by name, every stack (deleted ones included) by id.

import { randomUUID } from 'node:crypto';
import { QueryError } from '../query/errors.js';
import type { Tag } from '../iam/validate.js';
import type { Props, Provisioned } from './resources.js';
import type { TemplateDoc } from './template.js';

export interface StackDefinition {
  templateBody: string;
  template: TemplateDoc;
  parameters: Record<string, string>;
  tags: Tag[];
  capabilities: string[];
}

export interface StackResource extends Provisioned {
  logicalId: string;
  type: string;
  props: Props;
  status: string;
  statusReason?: string;
  updatedAt: number;
}

// Type aliases (not interfaces) so they fit XmlValue's index signature.
export type StackEvent = {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Timestamp: Date;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
  ClientRequestToken?: string;
};

export type Output = {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
};

export interface Change {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement?: 'True' | 'False' | 'Conditional';
  Scope: string[];
}

export interface ChangeSet {
  id: string;
  name: string;
  stackId: string;
  type: 'CREATE' | 'UPDATE';
  description?: string;
  def: StackDefinition;
  createdAt: number;
  /** When CREATE_PENDING turns into CREATE_COMPLETE / FAILED. */
  readyAt: number;
  changes: Change[];
  noChanges: boolean;
  execution?: 'EXECUTE_IN_PROGRESS' | 'EXECUTE_COMPLETE' | 'EXECUTE_FAILED' | 'OBSOLETE';
}

export interface Step {
  at: number;
  run(): void;
}

export interface Stack {
  stackId: string;
  stackName: string;
  region: string;
  /** Undefined while a CREATE change set holds the stack in REVIEW_IN_PROGRESS. */
  def?: StackDefinition;
  status: string;
  statusReason?: string;
  creationTime: number;
  lastUpdatedTime?: number;
  deletionTime?: number;
  disableRollback: boolean;
  onFailure: 'ROLLBACK' | 'DO_NOTHING' | 'DELETE';
  terminationProtection: boolean;
  roleArn?: string;
  /** Access key of the last CreateStack/UpdateStack/DeleteStack/ExecuteChangeSet caller: without a
   * service role (`roleArn`), CloudFormation makes the IAM calls with that caller's permissions. */
  callerAccessKeyId?: string;
  timeoutInMinutes?: number;
  notificationArns: string[];
  outputs: Output[];
  resources: Map<string, StackResource>;
  /** Oldest first; DescribeStackEvents answers newest first. */
  events: StackEvent[];
  pending: Step[];
  changeSets: ChangeSet[];
  /** The change set being executed, marked EXECUTE_COMPLETE/FAILED when the operation ends. */
  executing?: ChangeSet;
}

export function newStack(
  stackName: string,
  region: string,
  accountId: string,
  now: number,
  options: Partial<Stack> = {},
): Stack {
  return {
    stackId: `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${randomUUID()}`,
    stackName,
    region,
    status: 'CREATE_IN_PROGRESS',
    creationTime: now,
    disableRollback: false,
    onFailure: 'ROLLBACK',
    terminationProtection: false,
    notificationArns: [],
    outputs: [],
    resources: new Map(),
    events: [],
    pending: [],
    changeSets: [],
    ...options,
  };
}

export class StackStore {
  /** Stacks that have not been deleted, by name. */
  readonly live = new Map<string, Stack>();
  /** Every stack ever created, by id, in creation order (ListStacks, lookup of deleted stacks). */
  readonly all = new Map<string, Stack>();

  clear(): void {
    this.live.clear();
    this.all.clear();
  }

  add(stack: Stack): void {
    this.live.set(stack.stackName, stack);
    this.all.set(stack.stackId, stack);
  }

  markDeleted(stack: Stack): void {
    if (this.live.get(stack.stackName) === stack) this.live.delete(stack.stackName);
  }

  /** By name (live stacks only) or by stack id (deleted ones too), as DescribeStacks looks up. */
  find(nameOrId: string): Stack | undefined {
    if (nameOrId.startsWith('arn:')) return this.all.get(nameOrId);
    return this.live.get(nameOrId);
  }

  /** Like find, but "Stack with id X does not exist" when missing. */
  get(nameOrId: string): Stack {
    const stack = this.find(nameOrId);
    if (!stack) throw stackNotFound(nameOrId);
    return stack;
  }
}

export function stackNotFound(nameOrId: string): QueryError {
  return new QueryError(400, 'ValidationError', `Stack with id ${nameOrId} does not exist`);
}
