// Why a stack failed, from its events (DescribeStackEvents), as eksctl troubleshoots a failed stack:
// the stack's own reason is only an echo ("The following resource(s) failed to create: [Role1].
// Rollback requested by user."); the failing resource's event says what IAM refused.

import {
  paginateDescribeStackEvents,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';

export interface StackEventInfo {
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
}

const STACK_TYPE = 'AWS::CloudFormation::Stack';
/** The stack statuses an operation starts with (rollbacks belong to the operation they undo). */
const OPERATION_START = new Set([
  'CREATE_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
]);
/** A role stack's last operation fits in one page; a few more cover a long history of updates. */
const MAX_PAGES = 5;

/** The events of the stack's last operation (create, update or delete), oldest first. */
export async function lastOperationEvents(
  cfn: CloudFormationClient,
  stackId: string,
): Promise<StackEventInfo[]> {
  const newestFirst: StackEventInfo[] = [];
  let pages = 0;
  for await (const page of paginateDescribeStackEvents({ client: cfn }, { StackName: stackId })) {
    for (const e of page.StackEvents ?? []) {
      const event: StackEventInfo = {
        logicalId: e.LogicalResourceId ?? '',
        resourceType: e.ResourceType ?? '',
        status: e.ResourceStatus ?? '',
        ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
      };
      newestFirst.push(event);
      if (event.resourceType === STACK_TYPE && OPERATION_START.has(event.status)) {
        return newestFirst.reverse();
      }
    }
    if (++pages >= MAX_PAGES) break;
  }
  return newestFirst.reverse();
}

/**
 * The root cause: the first resource of the operation that failed. Resources CloudFormation gave
 * up on because another one failed say only "Resource creation cancelled".
 */
export function firstFailedResource(events: readonly StackEventInfo[]): StackEventInfo | undefined {
  const failed = events.filter(
    (e) => e.resourceType !== STACK_TYPE && e.status.endsWith('_FAILED'),
  );
  return failed.find((e) => !/cancelled/i.test(e.reason ?? '')) ?? failed[0];
}

/** eksctl's line for a stack event: `AWS::IAM::Role/Role1: CREATE_FAILED – <reason>`. */
export function eventLine(e: StackEventInfo): string {
  return `${e.resourceType}/${e.logicalId}: ${e.status}${e.reason ? ` – ${e.reason}` : ''}`;
}
