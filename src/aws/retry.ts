// One retry helper for the whole product, on top of the SDK's own retries: for errors that outlast
// the SDK's attempts (sustained throttling, a 5xx burst, IAM propagation, an IdP hiccup).

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  isRetryable(error: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Exponential backoff with full jitter (a random delay in [0, min(max, base·2^(attempt-1)))), so
 * many parallel tasks do not retry in lockstep. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error;
      const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      const delay = Math.floor(random() * cap);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
