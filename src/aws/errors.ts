// Narrowing helpers for SDK errors, so adapters can turn expected errors into values.

export interface AwsErrorLike {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

export function isAwsError(error: unknown, ...names: string[]): error is AwsErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && (names.length === 0 || names.includes(name));
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Throttling and server-side faults that are worth retrying after the SDK has given up. */
export function isTransient(error: unknown): boolean {
  if (!isAwsError(error)) return false;
  if (
    [
      'Throttling',
      'ThrottlingException',
      'TooManyRequestsException',
      'RequestLimitExceeded',
      'ServiceUnavailable',
      'ServiceUnavailableException',
      'InternalFailure',
      'ServerException',
      'ServiceFailureException',
      'RequestTimeout',
      'TimeoutError',
    ].includes(error.name)
  ) {
    return true;
  }
  const status = error.$metadata?.httpStatusCode ?? 0;
  return status === 429 || status >= 500;
}
