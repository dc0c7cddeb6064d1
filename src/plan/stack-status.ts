// How the planner treats a role stack, by its CloudFormation status.

/**
 * `stuck`: UPDATE_ROLLBACK_FAILED. The role still exists and may be in use, so replacing the stack
 * (deleting it first) would cut pods off; CloudFormation wants ContinueUpdateRollback instead.
 */
export type StackCondition = 'usable' | 'failed' | 'stuck' | 'in-progress' | 'gone';

const USABLE = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  // Rolled back to the previous good state: the role works, though its template may differ.
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
]);

const FAILED = new Set([
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'CREATE_FAILED',
  'DELETE_FAILED',
  'UPDATE_FAILED',
  'IMPORT_ROLLBACK_FAILED',
]);

/** Why a stack in this state blocks the plan of its owner (waiting, or a stuck rollback), if it does. */
export function stackBlocker(stack: {
  stackName: string;
  status: string;
  statusReason?: string;
}): { message: string; hint?: string } | undefined {
  const condition = stackCondition(stack.status);
  if (condition === 'in-progress') {
    return {
      message: `stack "${stack.stackName}" is ${stack.status}; wait for it to finish and plan again`,
    };
  }
  if (condition !== 'stuck') return undefined;
  return {
    message: `stack "${stack.stackName}" is ${stack.status}${stack.statusReason ? ` (${stack.statusReason})` : ''}; its role may still be in use, so it is not replaced`,
    hint: `fix the cause, run "aws cloudformation continue-update-rollback --stack-name ${stack.stackName}", then plan again`,
  };
}

export function stackCondition(status: string): StackCondition {
  if (USABLE.has(status)) return 'usable';
  if (FAILED.has(status)) return 'failed';
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'stuck';
  if (status === 'DELETE_COMPLETE') return 'gone';
  // Everything else is an operation under way (…_IN_PROGRESS, REVIEW_IN_PROGRESS).
  return 'in-progress';
}
