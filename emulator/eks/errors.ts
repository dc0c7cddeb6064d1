// EKS (restJson1) errors: status + `x-amzn-ErrorType` header + JSON body with `message` and the
// modeled context members (clusterName, addonName, ...), as aws-api.md §1.2 and moto do.

import type { EmulatorResponse } from '../core/types.js';

/** Members the EKS error shapes carry besides `message`. */
export interface ErrorContext {
  clusterName?: string;
  addonName?: string;
}

export class EksError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context: ErrorContext = {},
  ) {
    super(message);
  }
}

export function eksErrorResponse(
  status: number,
  code: string,
  message: string,
  context: ErrorContext = {},
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': code },
    body: JSON.stringify({ ...context, message }),
  };
}

export function ok(value: unknown): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}

export const invalidParameter = (message: string, context?: ErrorContext): EksError =>
  new EksError(400, 'InvalidParameterException', message, context);

export const invalidRequest = (message: string, context?: ErrorContext): EksError =>
  new EksError(400, 'InvalidRequestException', message, context);

export const notFound = (message: string, context?: ErrorContext): EksError =>
  new EksError(404, 'ResourceNotFoundException', message, context);

export const inUse = (message: string, context?: ErrorContext): EksError =>
  new EksError(409, 'ResourceInUseException', message, context);

export const clusterNotFound = (name: string): EksError =>
  notFound(`No cluster found for name: ${name}.`, { clusterName: name });
