// The roles an EKS call hands to AWS, for the `iam:PassRole` check of assumed-role sessions
// (core/authorize.ts): an association's roleArn and an add-on's pod identity roles go to
// pods.eks.amazonaws.com; an add-on's IRSA serviceAccountRoleArn is passed too, but the service EKS
// names for it is not documented, so `iam:PassedToService` stays unmodelled for it.

import type { EmulatorRequest, Operation, PassedRole } from '../core/types.js';
import { isRoleArn, POD_IDENTITY_PRINCIPAL } from './roles.js';

type Body = Record<string, unknown>;

/** The JSON body, or undefined when it is not an object (the handler answers that). */
function bodyOf(req: EmulatorRequest): Body | undefined {
  try {
    const value: unknown = JSON.parse(req.body || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Body)
      : undefined;
  } catch {
    return undefined;
  }
}

function addonRoles(body: Body): PassedRole[] {
  const roles: PassedRole[] = [];
  if (typeof body.serviceAccountRoleArn === 'string') {
    roles.push({ roleArn: body.serviceAccountRoleArn });
  }
  const associations = Array.isArray(body.podIdentityAssociations)
    ? body.podIdentityAssociations
    : [];
  for (const item of associations as unknown[]) {
    const roleArn = (item as { roleArn?: unknown } | null)?.roleArn;
    if (typeof roleArn === 'string') {
      roles.push({ roleArn, passedToService: POD_IDENTITY_PRINCIPAL });
    }
  }
  return roles;
}

function rolesOf(op: Operation, body: Body): PassedRole[] {
  switch (op.name) {
    case 'CreatePodIdentityAssociation':
    case 'UpdatePodIdentityAssociation':
      return typeof body.roleArn === 'string'
        ? [{ roleArn: body.roleArn, passedToService: POD_IDENTITY_PRINCIPAL }]
        : [];
    case 'CreateAddon':
    case 'UpdateAddon':
      return addonRoles(body);
    default:
      return [];
  }
}

/**
 * Each well-formed role ARN the call passes, once. Malformed ARNs (and an empty
 * serviceAccountRoleArn, which clears the IRSA role) pass nothing: the handler refuses or clears them.
 */
export function eksPassedRoles(req: EmulatorRequest, op: Operation): PassedRole[] {
  const body = bodyOf(req);
  if (!body) return [];
  const seen = new Set<string>();
  return rolesOf(op, body).filter((role) => {
    const key = `${role.roleArn} ${role.passedToService ?? ''}`;
    if (!isRoleArn(role.roleArn) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
