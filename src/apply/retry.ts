// Executor-level retries, on top of the SDK's own: for errors that outlast the SDK's attempts
// (sustained throttling, a 5xx burst) and for IAM's propagation delay.

import { isAwsError, isTransient } from '../aws/errors.js';

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  isRetryable(error: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error;
      // Full jitter keeps many parallel tasks from retrying in lockstep.
      const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      await sleep(Math.random() * cap);
    }
  }
}

/** EKS answers this for a role created moments ago, until IAM has propagated it. */
export function isRolePropagationError(error: unknown): boolean {
  return (
    isAwsError(error, 'InvalidParameterException') &&
    /Role provided in the request does not exist/i.test(error.message)
  );
}

export const transientRetry: Omit<RetryOptions, 'sleep'> = {
  attempts: 6,
  baseMs: 500,
  maxMs: 8000,
  isRetryable: isTransient,
};

/** IAM propagation usually takes seconds; allow about a minute in all. */
export const propagationRetry: Omit<RetryOptions, 'sleep'> = {
  attempts: 12,
  baseMs: 1000,
  maxMs: 8000,
  isRetryable: (e) => isRolePropagationError(e) || isTransient(e),
};
