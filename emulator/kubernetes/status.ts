// Kubernetes `Status` objects: every error the API server sends (kind Status, status Failure, reason,
// code, details {name, kind}), with the messages apimachinery's errors package builds.

import type { EmulatorResponse } from '../core/types.js';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason: string; message: string; field: string }[];
}

export class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }
}

export function kubeJson(status: number, value: unknown): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, private' },
    body: JSON.stringify(value),
  };
}

export function statusResponse(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): EmulatorResponse {
  return kubeJson(code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

export const errorResponse = (e: KubeError): EmulatorResponse =>
  statusResponse(e.code, e.reason, e.message, e.details);

/** What the API server answers a request it could not authenticate (no details). */
export const unauthorized = (): KubeError => new KubeError(401, 'Unauthorized', 'Unauthorized');

export const notFound = (resource: string, name: string): KubeError =>
  new KubeError(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });

export const alreadyExists = (resource: string, name: string): KubeError =>
  new KubeError(409, 'AlreadyExists', `${resource} "${name}" already exists`, {
    name,
    kind: resource,
  });

export const conflict = (resource: string, name: string): KubeError =>
  new KubeError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: resource },
  );

export const badRequest = (message: string): KubeError => new KubeError(400, 'BadRequest', message);

/** 422: `<Kind> "<name>" is invalid: <field>: <problem>` with the cause. */
export function invalid(kind: string, name: string, field: string, problem: string): KubeError {
  return new KubeError(422, 'Invalid', `${kind} "${name}" is invalid: ${field}: ${problem}`, {
    name,
    kind,
    causes: [
      {
        reason: problem.startsWith('Required') ? 'FieldValueRequired' : 'FieldValueInvalid',
        message: problem,
        field,
      },
    ],
  });
}

export const routeNotFound = (): KubeError =>
  new KubeError(404, 'NotFound', 'the server could not find the requested resource', {});

export function successStatus(details: StatusDetails): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}
