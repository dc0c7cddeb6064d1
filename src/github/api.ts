// The GitHub REST calls the action makes, behind a small interface so the flows can be tested with
// an in-memory fake. The Octokit comes from @actions/github (GITHUB_API_URL, proxy settings).

import { getOctokit } from '@actions/github';

export interface IssueComment {
  id: number;
  body: string;
  /** Login of the author, e.g. `github-actions[bot]`. */
  author: string;
  updatedAt: string;
  url?: string;
}

export interface PullRequestRef {
  number: number;
  state: string;
  merged: boolean;
  mergeCommitSha?: string;
  headSha: string;
}

export interface GitHubApi {
  /** The token's own login when GitHub tells it (a PAT); undefined for installation tokens. */
  authenticatedLogin(): Promise<string | undefined>;
  /** Every comment of the PR, following all pages (100 per page). */
  listComments(pr: number): Promise<IssueComment[]>;
  createComment(pr: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** PRs associated with a commit (`GET /repos/{o}/{r}/commits/{sha}/pulls`). */
  pullsForCommit(sha: string): Promise<PullRequestRef[]>;
}

/** A failed GitHub call: its HTTP status and GitHub's one-line message, never the raw response. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function toApiError(error: unknown, what: string): GitHubApiError {
  const e = error as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  const status = typeof e.status === 'number' ? e.status : 0;
  const data = e.response?.data as { message?: unknown } | undefined;
  const detail =
    typeof data?.message === 'string'
      ? data.message
      : typeof e.message === 'string'
        ? e.message.split('\n')[0]
        : String(error);
  return new GitHubApiError(status, `${what}: ${status ? `HTTP ${status} ` : ''}${detail}`);
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(error, what);
  }
}

interface RawComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
  updated_at: string;
  html_url?: string;
}

const toComment = (c: RawComment): IssueComment => ({
  id: c.id,
  body: c.body ?? '',
  author: c.user?.login ?? '',
  updatedAt: c.updated_at,
  url: c.html_url,
});

export function createGitHubApi(token: string, owner: string, repo: string): GitHubApi {
  // No retries on 4xx; Octokit's defaults are kept otherwise. Base URL: GITHUB_API_URL.
  const octokit = getOctokit(token, { log: { debug() {}, info() {}, warn() {}, error() {} } });
  return {
    async authenticatedLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch {
        return undefined; // GITHUB_TOKEN and app tokens may not read /user
      }
    },
    listComments: (pr) =>
      call('list the PR comments', async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: pr,
          per_page: 100,
        });
        return comments.map((c) => toComment(c as RawComment));
      }),
    createComment: (pr, body) =>
      call('create the PR comment', async () => {
        const { data } = await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: pr,
          body,
        });
        return toComment(data as RawComment);
      }),
    updateComment: (id, body) =>
      call('update the PR comment', async () => {
        const { data } = await octokit.rest.issues.updateComment({
          owner,
          repo,
          comment_id: id,
          body,
        });
        return toComment(data as RawComment);
      }),
    pullsForCommit: (sha) =>
      call(`find the pull request of commit ${sha.slice(0, 12)}`, async () => {
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          owner,
          repo,
          commit_sha: sha,
          per_page: 100,
        });
        return data.map((p) => ({
          number: p.number,
          state: p.state,
          merged: Boolean(p.merged_at),
          mergeCommitSha: p.merge_commit_sha ?? undefined,
          headSha: p.head.sha,
        }));
      }),
  };
}
