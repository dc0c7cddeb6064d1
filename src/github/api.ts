// The GitHub calls the action makes (REST, and GraphQL for a comment's edit history), behind a
// small interface so the flows can be tested with an in-memory fake. The Octokit comes from
// @actions/github (GITHUB_API_URL, proxy settings; GraphQL at `${GITHUB_API_URL}/graphql`).

import { getOctokit } from '@actions/github';
import { DEFAULT_RETRY, worthRetrying, nextWait, retryHint, type RetryPolicy } from './retry.js';
import { GitHubApiError } from './api-error.js';

export { GitHubApiError };

export interface IssueComment {
  id: number;
  /** GraphQL id (REST `node_id`), which the edit history is asked by. */
  nodeId: string;
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
  /** When it was merged (ISO seconds), for merged PRs. */
  mergedAt?: string;
  headSha: string;
}

export interface GitHubApi {
  /** The token's own login when GitHub tells it (a PAT); undefined for installation tokens. */
  authenticatedLogin(): Promise<string | undefined>;
  /** Every comment of the PR, following all pages (100 per page). */
  listComments(pr: number): Promise<IssueComment[]>;
  createComment(pr: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  deleteComment(id: number): Promise<void>;
  /** PRs associated with a commit (`GET /repos/{o}/{r}/commits/{sha}/pulls`). */
  pullsForCommit(sha: string): Promise<PullRequestRef[]>;
  /** Who wrote each version of a comment: every page of its edit history. */
  commentEdits(nodeId: string): Promise<CommentEdits>;
}

/**
 * A comment's edit history as GitHub's GraphQL tells it, newest first. Once edited, the oldest
 * entry is the original version by the author. Logins as GraphQL spells them: a bot without
 * `[bot]` (`github-actions`); null for an editor whose account is gone.
 */
export interface CommentEdits {
  editors: (string | null)[];
  /** `totalCount`: 0 for a comment never edited. */
  count: number;
}

interface GraphqlErrorEntry {
  type?: unknown;
  message?: unknown;
}

function toApiError(error: unknown, what: string): GitHubApiError {
  const e = error as {
    status?: unknown;
    message?: unknown;
    response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
    errors?: GraphqlErrorEntry[];
  };
  if (Array.isArray(e.errors) && e.status === undefined) {
    const type = e.errors.find((x) => typeof x.type === 'string')?.type as string | undefined;
    const detail = e.errors.map((x) => String(x.message)).join('; ');
    return new GitHubApiError(200, `${what}: GraphQL ${type ? `${type} ` : ''}${detail}`, type);
  }
  const status = typeof e.status === 'number' ? e.status : 0;
  const data = e.response?.data as { message?: unknown } | undefined;
  const detail =
    typeof data?.message === 'string'
      ? data.message
      : typeof e.message === 'string'
        ? e.message.split('\n')[0]
        : String(error);
  return new GitHubApiError(
    status,
    `${what}: ${status ? `HTTP ${status} ` : ''}${detail}`,
    undefined,
    retryHint(status, e.response?.headers, detail),
  );
}

interface CallOptions {
  policy: RetryPolicy;
  /** false for creates: a 5xx may come after GitHub did the work (see retry.ts). */
  idempotent?: boolean;
}

/** One GitHub call, retried while it fails transiently; then its last error, saying how often. */
async function call<T>(what: string, fn: () => Promise<T>, options: CallOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let failure: GitHubApiError;
    try {
      return await fn();
    } catch (error) {
      failure = error instanceof GitHubApiError ? error : toApiError(error, what);
    }
    const wait = worthRetrying(failure.hint, options.idempotent ?? true)
      ? nextWait(failure.hint, attempt, options.policy)
      : undefined;
    if (wait === undefined) {
      if (attempt === 1) throw failure;
      throw new GitHubApiError(
        failure.status,
        `${failure.message} (after ${attempt} attempts)`,
        failure.type,
        failure.hint,
      );
    }
    await options.policy.sleep(wait);
  }
}

interface RawComment {
  id: number;
  node_id: string;
  body?: string | null;
  user?: { login?: string } | null;
  updated_at: string;
  html_url?: string;
}

const toComment = (c: RawComment): IssueComment => ({
  id: c.id,
  nodeId: c.node_id,
  body: c.body ?? '',
  author: c.user?.login ?? '',
  updatedAt: c.updated_at,
  url: c.html_url,
});

const EDITS_QUERY = `query($id: ID!, $after: String) {
  node(id: $id) {
    ... on IssueComment {
      userContentEdits(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { editor { login } }
      }
    }
  }
}`;

interface EditsPage {
  node: {
    userContentEdits?: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: ({ editor: { login: string } | null } | null)[];
    };
  } | null;
}

type Graphql = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** Every page of a comment's edit history; a node that is not an issue comment is an error. */
async function readCommentEdits(
  graphql: Graphql,
  nodeId: string,
  what: string,
): Promise<CommentEdits> {
  const refuse = (why: string): GitHubApiError => new GitHubApiError(200, `${what}: ${why}`);
  const editors: (string | null)[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await graphql<EditsPage>(EDITS_QUERY, { id: nodeId, after });
    const edits = page.node?.userContentEdits;
    if (!edits) throw refuse(`${nodeId} is not an issue comment`);
    editors.push(...edits.nodes.map((n) => n?.editor?.login ?? null));
    const next = edits.pageInfo.endCursor;
    if (!edits.pageInfo.hasNextPage) return { editors, count: edits.totalCount };
    // A cursor that does not move would page forever: GitHub's answer is then not to be trusted.
    if (!next || next === after) throw refuse('GitHub returned no cursor for the next page');
    after = next;
  }
}

export function createGitHubApi(
  token: string,
  owner: string,
  repo: string,
  policy: RetryPolicy = DEFAULT_RETRY,
): GitHubApi {
  // Octokit itself does not retry; call() does, for transient failures only. Base: GITHUB_API_URL.
  const octokit = getOctokit(token, { log: { debug() {}, info() {}, warn() {}, error() {} } });
  const retried = { policy };
  return {
    async authenticatedLogin() {
      try {
        return await call(
          "read the token's user",
          async () => (await octokit.rest.users.getAuthenticated()).data.login,
          retried,
        );
      } catch (error) {
        // GITHUB_TOKEN and app tokens may not read /user: that is an answer, not a failure.
        if (error instanceof GitHubApiError && [401, 403, 404].includes(error.status)) {
          if (!error.hint.rateLimited) return undefined;
        }
        throw error;
      }
    },
    listComments: (pr) =>
      call(
        'list the PR comments',
        async () => {
          const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: pr,
            per_page: 100,
          });
          return comments.map((c) => toComment(c as RawComment));
        },
        retried,
      ),
    createComment: (pr, body) =>
      call(
        'create the PR comment',
        async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: pr,
            body,
          });
          return toComment(data as RawComment);
        },
        { policy, idempotent: false },
      ),
    updateComment: (id, body) =>
      call(
        'update the PR comment',
        async () => {
          const { data } = await octokit.rest.issues.updateComment({
            owner,
            repo,
            comment_id: id,
            body,
          });
          return toComment(data as RawComment);
        },
        retried,
      ),
    deleteComment: (id) =>
      call(
        'delete the PR comment',
        async () => {
          await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
        },
        retried,
      ),
    pullsForCommit: (sha) =>
      call(
        `find the pull request of commit ${sha.slice(0, 12)}`,
        async () => {
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
            mergedAt: p.merged_at ?? undefined,
            headSha: p.head.sha,
          }));
        },
        retried,
      ),
    commentEdits: (nodeId) => {
      const what = 'read the edit history of the PR comment';
      return call(what, () => readCommentEdits(octokit.graphql as Graphql, nodeId, what), retried);
    },
  };
}
