// Which GitHub failures are worth another try, and how long to wait: a network failure, a 5xx, a
// 429 or a rate-limit 403, waiting what GitHub asks (retry-after, the rate-limit reset) or backing
// off. A lookup that decides whether to apply must not mistake one 502 for "there is no review".

/** What a failed call tells about retrying it. */
export interface RetryHint {
  /** HTTP status; 0 for a failure without an answer (network, timeout). */
  status: number;
  /** GitHub refused for rate limiting (429, or 403 with the rate-limit signals). */
  rateLimited: boolean;
  /** How long GitHub asks to wait, when it says. */
  retryAfterMs?: number;
}

export interface RetryPolicy {
  /** Waits before the 2nd, 3rd, … attempt when GitHub does not say how long. */
  delaysMs: readonly number[];
  /** Longer waits than this are not waited for: the call fails instead. */
  maxWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [1_000, 2_000, 4_000],
  maxWaitMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Headers = Record<string, string | number | undefined>;

/** The retry facts of an Octokit error (status, response headers, message). */
export function retryHint(
  status: number,
  headers: Headers | undefined,
  message: string,
): RetryHint {
  const header = (name: string): string | undefined => {
    const value = headers?.[name];
    return value === undefined ? undefined : String(value);
  };
  const exhausted = header('x-ratelimit-remaining') === '0';
  const rateLimited =
    status === 429 || (status === 403 && (exhausted || /rate limit/i.test(message)));
  const retryAfter = Number(header('retry-after'));
  const reset = Number(header('x-ratelimit-reset'));
  const retryAfterMs =
    Number.isFinite(retryAfter) && header('retry-after') !== undefined
      ? retryAfter * 1000
      : exhausted && Number.isFinite(reset) && reset > 0
        ? Math.max(0, reset * 1000 - Date.now())
        : undefined;
  return { status, rateLimited, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/**
 * Whether to try again. `idempotent` is false for a create: a 5xx may come after GitHub did the
 * work, so only refusals that did nothing (rate limits) are retried.
 */
export function worthRetrying(hint: RetryHint, idempotent: boolean): boolean {
  if (hint.rateLimited) return true;
  return idempotent && (hint.status === 0 || hint.status >= 500);
}

/** The wait before attempt `attempt + 1`, or undefined when there is none left or it is too long. */
export function nextWait(
  hint: RetryHint,
  attempt: number,
  policy: RetryPolicy,
): number | undefined {
  if (attempt > policy.delaysMs.length) return undefined;
  const wait = hint.retryAfterMs ?? policy.delaysMs[attempt - 1];
  return wait <= policy.maxWaitMs ? wait : undefined;
}
