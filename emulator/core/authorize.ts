// IAM enforcement for calls signed with credentials the emulator's STS issued: the session must be
// current (and its session token the one issued), and the role's policies must allow
// `<service>:<Operation>` on the call's resource, then `iam:PassRole` on every role the call hands to
// the service (module.passedRoles). It also gives the world `checkPermission`, which
// CloudFormation uses for the IAM calls it makes with a stack caller's permissions. Any other access key is the unrestricted
// "admin" of its account, as before. One authorizer per account (emulator/accounts.ts): a session's
// calls reach its role's account. See docs/emulator.md, "Enforcement".

import type { IamStore } from '../iam/store.js';
import { authorize, type IdentityPolicies } from '../iam/evaluate.js';
import type { StsSession } from '../sts/session.js';
import type {
  EmulatorRequest,
  EmulatorResponse,
  Operation,
  PassedRole,
  ServiceModule,
  World,
} from './types.js';

/** IAM action prefixes of the AWS services; other services (GitHub) are not IAM-governed. */
const ACTION_PREFIX: Partial<Record<ServiceModule['service'], string>> = {
  eks: 'eks',
  iam: 'iam',
  cloudformation: 'cloudformation',
  sts: 'sts',
};

export interface AuthorizationOutcome {
  /** The refusal to send instead of handling the call. */
  response?: EmulatorResponse;
  denied?: boolean;
  /** The assumed-role ARN the call was made as. */
  principal?: string;
}

const isQuery = (module: ServiceModule): boolean => module.service !== 'eks';

export function createAuthorizer(
  world: World,
  sessions: Map<string, StsSession>,
  iam: IamStore,
): (module: ServiceModule, req: EmulatorRequest, op: Operation) => AuthorizationOutcome {
  const policiesOf = (session: StsSession): IdentityPolicies => {
    const role = iam.roleByArn(session.roleArn);
    // A role deleted after the session began keeps the credentials valid but grants nothing.
    if (!role) return { identity: [], session: session.sessionPolicies };
    const attached = role.attachedPolicies.flatMap((arn) => {
      try {
        return [iam.policyDocument(arn)];
      } catch {
        return [];
      }
    });
    let boundary: string | undefined;
    if (role.permissionsBoundary) {
      try {
        boundary = iam.policyDocument(role.permissionsBoundary);
      } catch {
        boundary = '{}';
      }
    }
    return {
      identity: [...role.inlinePolicies.values(), ...attached],
      boundary,
      session: session.sessionPolicies,
    };
  };

  const contextFor = (
    session: StsSession,
    region: string,
    extra: [string, string[]][],
  ): Map<string, string[]> =>
    new Map<string, string[]>([
      ['aws:requestedregion', [region]],
      ['aws:principalarn', [session.roleArn]],
      ['aws:principalaccount', [world.accountId]],
      ['aws:principaltype', ['AssumedRole']],
      ['aws:userid', [`${session.roleId}:${session.sessionName}`]],
      ...extra,
    ]);

  /**
   * The AccessDenied message for `action` on `resource`, or undefined when allowed. `extra` adds
   * request-specific condition keys (lower case); keys left out stay unknown to the evaluator.
   */
  const denial = (
    session: StsSession,
    action: string,
    resource: string,
    region: string,
    extra: [string, string[]][] = [],
  ): string | undefined => {
    const values = contextFor(session, region, extra);
    const verdict = authorize(policiesOf(session), {
      action,
      resource,
      context: { values, known: (key) => values.has(key) },
    });
    if (verdict.allowed) return undefined;
    const why = verdict.reason.startsWith('because')
      ? `${verdict.reason} ${action} action`
      : verdict.reason;
    return `User: ${session.assumedRoleArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
  };

  /**
   * The first refused `iam:PassRole` among the roles a call passes. `iam:PassedToService` is in the
   * context only when the service names the principal it hands the role to.
   */
  const passRoleDenial = (
    session: StsSession,
    passed: PassedRole[],
    region: string,
  ): string | undefined => {
    for (const { roleArn, passedToService } of passed) {
      const extra: [string, string[]][] =
        passedToService === undefined ? [] : [['iam:passedtoservice', [passedToService]]];
      const message = denial(session, 'iam:PassRole', roleArn, region, extra);
      if (message !== undefined) return message;
    }
    return undefined;
  };

  // CloudFormation's IAM calls on behalf of a stack's caller (IAM is global: us-east-1).
  world.checkPermission = (accessKeyId, action, resource) => {
    const session = accessKeyId ? sessions.get(accessKeyId) : undefined;
    return session ? denial(session, action, resource, 'us-east-1') : undefined;
  };

  return (module, req, op) => {
    const prefix = ACTION_PREFIX[module.service];
    const session = req.accessKeyId ? sessions.get(req.accessKeyId) : undefined;
    if (!prefix || !session) return {};
    const principal = session.assumedRoleArn;
    const refuse = (status: number, code: string, message: string): AuthorizationOutcome => ({
      response: module.errorResponse(req, status, code, message),
      denied: true,
      principal,
    });
    const token = req.headers['x-amz-security-token'];
    if (token !== undefined && token !== session.sessionToken) {
      return isQuery(module)
        ? refuse(
            403,
            'InvalidClientTokenId',
            'The security token included in the request is invalid.',
          )
        : refuse(
            403,
            'UnrecognizedClientException',
            'The security token included in the request is invalid.',
          );
    }
    if (world.clock.now() >= session.expiresAt) {
      return isQuery(module)
        ? refuse(403, 'ExpiredToken', 'The security token included in the request is expired')
        : refuse(
            403,
            'ExpiredTokenException',
            'The security token included in the request is expired',
          );
    }
    // GetCallerIdentity needs no permission; services without resourceArn are not enforced.
    const resource = module.resourceArn?.(req, op);
    if (resource === undefined) return { principal };
    const action = `${prefix}:${op.name}`;
    const region = req.region ?? world.defaultRegion;
    const message =
      denial(session, action, resource, region) ??
      passRoleDenial(session, module.passedRoles?.(req, op) ?? [], region);
    if (message === undefined) return { principal };
    return isQuery(module)
      ? refuse(403, 'AccessDenied', message)
      : refuse(403, 'AccessDeniedException', message);
  };
}
