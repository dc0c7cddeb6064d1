// eksctl's names inside a pod identity role template (reference §1.6): the role's logical id and
// output, and the logical id of the inline permission policy.

/** The `AWS::IAM::Role` resource and the output the association reads its ARN from. */
export const ROLE_LOGICAL_ID = 'Role1';
export const ROLE_OUTPUT = 'Role1';
export const DEFAULT_PERMISSION_POLICY_NAME = 'Policy1';

/** The inline permission policy's logical id: the name without non-alphanumerics (eksctl's sanitizeResourceName). */
export function permissionPolicyLogicalId(name: string | undefined): string {
  const sanitized = (name ?? '').replace(/[^A-Za-z0-9]/g, '');
  return sanitized === '' ? DEFAULT_PERMISSION_POLICY_NAME : sanitized;
}
