// Contracts between the emulator's HTTP core and its service modules.
// The emulator never imports from src/ (and src/ never imports from here): it is an independent
// implementation of AWS's behaviour.

import type { IncomingHttpHeaders } from 'node:http';

export type ServiceName =
  'eks' | 'iam' | 'cloudformation' | 'sts' | 'github' | 'oidc' | 'kubernetes';

export interface EmulatorRequest {
  method: string;
  /** Path without the query string, percent-decoding NOT applied. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Access key id read from the SigV4 Authorization header (signatures are not checked). */
  accessKeyId?: string;
  /** Region from the SigV4 credential scope, when present. */
  region?: string;
  requestId: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface Operation {
  /** AWS operation name, e.g. `CreatePodIdentityAssociation`, `DescribeStacks`. */
  name: string;
  mutating: boolean;
}

/** A service answers in its own protocol (restJson1 or awsQuery); the core only routes and logs. */
export interface ServiceModule {
  service: ServiceName;
  /** Identify the operation before handling (for the call log and fault injection). Unknown → undefined. */
  operationOf(req: EmulatorRequest): Operation | undefined;
  handle(req: EmulatorRequest, op: Operation): Promise<EmulatorResponse> | EmulatorResponse;
  /** An error in this service's wire format (used for injected faults and unknown operations). */
  errorResponse(
    req: EmulatorRequest,
    status: number,
    code: string,
    message: string,
  ): EmulatorResponse;
  /**
   * The resource ARN an IAM policy is evaluated against for this call (`*` for account-wide
   * operations; undefined for a call that needs no permission, as GetCallerIdentity). Services
   * without it are not subject to IAM enforcement (GitHub).
   */
  resourceArn?(req: EmulatorRequest, op: Operation): string | undefined;
  /**
   * The account an unsigned call acts in (AssumeRoleWithWebIdentity: its role's), for the call
   * log; a signed call acts in the account of its key (emulator/accounts.ts).
   */
  accountOf?(req: EmulatorRequest, op: Operation): string | undefined;
  /**
   * The roles the call hands to the service: a session must also be allowed `iam:PassRole` on each
   * (core/authorize.ts). Services without it pass no roles.
   */
  passedRoles?(req: EmulatorRequest, op: Operation): PassedRole[];
  reset(): void;
  /** JSON-serialisable dump for GET /_emulator/state. */
  dump(): unknown;
  /** Loads this service's part of a seed document (see emulator/README or the README's emulator section). */
  seed(data: unknown): void;
}

/** A role ARN a call passes to a service, and the `iam:PassedToService` value when modelled. */
export interface PassedRole {
  roleArn: string;
  /** The service principal that receives the role; absent = the condition key is not modelled. */
  passedToService?: string;
}

/**
 * Simulated time. Durations that AWS takes (stack creation, add-on activation, IAM propagation)
 * are expressed in simulated milliseconds and divided by `timeScale` to get real milliseconds.
 */
export interface Clock {
  /** Real wall-clock milliseconds (Date.now()). */
  now(): number;
  /** Real milliseconds that a simulated duration takes. */
  real(simulatedMs: number): number;
}

/** What EKS needs to know about IAM roles (existence, trust, propagation), implemented by the IAM module. */
export interface IamRoleReader {
  /** The role by ARN (case-sensitive path/name as AWS), or undefined. */
  getRoleByArn(
    arn: string,
  ):
    | { arn: string; roleName: string; assumeRolePolicyDocument: string; createdAt: number }
    | undefined;
}

/** One account's settings, read by its modules (emulator/accounts.ts: one World per account). */
export interface World {
  accountId: string;
  defaultRegion: string;
  clock: Clock;
  /** Durations in simulated ms (0 = immediate) for async lifecycles; set by the latency profile. */
  durations: {
    stackCreate: number;
    stackUpdate: number;
    stackDelete: number;
    addonCreate: number;
    addonUpdate: number;
    addonDelete: number;
    clusterCreate: number;
    /** DELETING → gone for clusters; optional so older World literals stay valid (default 0). */
    clusterDelete?: number;
    /** Window after CreateRole during which EKS says the role does not exist. */
    iamPropagation: number;
  };
  /** Set once the IAM module is created, read by EKS. */
  iam?: IamRoleReader;
  /**
   * Set by the server (core/authorize.ts): the AccessDenied message when the session behind
   * `accessKeyId` may not do `action` on `resource`; undefined when allowed or not a session.
   * CloudFormation asks it for the IAM calls a stack makes with its caller's permissions.
   */
  checkPermission?: (
    accessKeyId: string | undefined,
    action: string,
    resource: string,
  ) => string | undefined;
  /** Stacks that must fail (set through POST /_emulator/faults): stack name → status reason. */
  failingStacks: Map<string, string>;
  /** Add-ons that must fail (POST /_emulator/faults): `addon` or `cluster/addon` → the failure. */
  failingAddons: Map<string, AddonFailure>;
  /**
   * Set by the server: the IAM principal behind an access key (the role ARN, with its path, for a
   * session the emulator's STS issued; else the static IAM user). EKS makes it the cluster creator.
   */
  principalOf?: (accessKeyId: string | undefined) => string;
  /**
   * Set by the server once its HTTPS port listens: where clusters' Kubernetes APIs are served
   * (`<url>/_k8s/<cluster>`) and the certificate (PEM) clients verify them with.
   */
  kubernetesApi?: { url: string; certificate: string };
}

/** The end state an add-on takes instead of ACTIVE, and the health issue it reports. */
export interface AddonFailure {
  status: 'CREATE_FAILED' | 'UPDATE_FAILED' | 'DEGRADED';
  /** An EKS `AddonIssueCode`, e.g. ConfigurationConflict. */
  code: string;
  message: string;
  resourceIds: string[];
  /** Failures left; every matching create/update fails while absent. */
  times?: number;
}
