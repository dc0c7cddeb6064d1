// The root cause of a failed stack among its events: the first resource that failed in the last
// operation, not the stack's echo nor the resources cancelled because of it.
import { describe, expect, it } from 'vitest';
import { eventLine, firstFailedResource, type StackEventInfo } from '../../src/aws/stack-events.js';

const stack = (status: string, reason?: string): StackEventInfo => ({
  logicalId: 'eksctl-prod-podidentityrole-apps-app',
  resourceType: 'AWS::CloudFormation::Stack',
  status,
  ...(reason ? { reason } : {}),
});
const resource = (logicalId: string, type: string, status: string, reason?: string) => ({
  logicalId,
  resourceType: type,
  status,
  ...(reason ? { reason } : {}),
});

const REFUSED =
  'Resource handler returned message: "Policy arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess does not exist or is not attachable. (Service: Iam, Status Code: 404)" (HandlerErrorCode: NotFound)';

describe('firstFailedResource', () => {
  it('finds the resource that failed first, past the echo and the cancelled ones', () => {
    const events = [
      stack('CREATE_IN_PROGRESS', 'User Initiated'),
      resource('Role1', 'AWS::IAM::Role', 'CREATE_IN_PROGRESS'),
      resource('Policy1', 'AWS::IAM::Policy', 'CREATE_FAILED', 'Resource creation cancelled'),
      resource('Role1', 'AWS::IAM::Role', 'CREATE_FAILED', REFUSED),
      stack(
        'ROLLBACK_IN_PROGRESS',
        'The following resource(s) failed to create: [Role1]. Rollback requested by user.',
      ),
      stack('ROLLBACK_COMPLETE'),
    ];
    const failed = firstFailedResource(events);
    expect(failed).toMatchObject({ logicalId: 'Role1', resourceType: 'AWS::IAM::Role' });
    expect(eventLine(failed!)).toBe(`AWS::IAM::Role/Role1: CREATE_FAILED – ${REFUSED}`);
  });

  it('has nothing to say when no resource failed', () => {
    expect(firstFailedResource([stack('DELETE_FAILED', 'Injected')])).toBeUndefined();
  });
});
