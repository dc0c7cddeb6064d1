// A failed GitHub call, apart from the client: the flows recognise it without loading Octokit.

import type { RetryHint } from './retry.js';

/**
 * A failed GitHub call: its HTTP status and GitHub's one-line message, never the raw response.
 * A GraphQL error arrives in an HTTP 200 answer: status 200, and `type` is GraphQL's (`NOT_FOUND`).
 */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
    readonly hint: RetryHint = { status, rateLimited: false },
  ) {
    super(message);
  }
}
