// The executor's retry policies: transient AWS errors, and IAM's propagation delay.

import { isAwsError, isTransient } from '../aws/errors.js';
import { ProgressClock, progressEveryMs } from '../aws/progress.js';
import type { RetryOptions } from '../aws/retry.js';

export { withRetry } from '../aws/retry.js';

/**
 * EKS answers these for a role created moments ago, or whose trust policy was just migrated, until
 * IAM has propagated the change (the plan has already checked both).
 */
export function isRolePropagationError(error: unknown): boolean {
  return (
    isAwsError(error, 'InvalidParameterException') &&
    /Role provided in the request does not exist|Trust policy of the role provided is invalid/i.test(
      error.message,
    )
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

/**
 * The propagation retry of one call, with a progress line about every interval while EKS does not
 * see the role yet (IAM propagation takes seconds, sometimes a minute).
 */
export function propagationRetryFor(
  ctx: { log(line: string): void; sleep?: (ms: number) => Promise<void> },
  role: string,
): RetryOptions {
  const clock = new ProgressClock(progressEveryMs());
  return {
    ...propagationRetry,
    sleep: ctx.sleep,
    onRetry: (error) => {
      if (isRolePropagationError(error) && clock.due()) {
        ctx.log(
          `waiting for IAM role ${role} to propagate to EKS (status: not visible to EKS yet, ${clock.elapsed()} so far)`,
        );
      }
    },
  };
}
