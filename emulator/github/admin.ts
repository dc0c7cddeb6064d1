// Admin routes and seed for the GitHub stand-in: register PRs (DESIGN §9), configure repositories
// and tokens, seed comments by other users in bulk, and delete accounts.

import type { AdminRoute } from '../core/admin.js';
import { json } from '../core/admin.js';
import type { EmulatorRequest } from '../core/types.js';
import {
  ACTIONS_BOT,
  DEFAULT_PR_AUTHOR,
  isoSeconds,
  stableId,
  type GithubState,
  type GithubUser,
  type PullRecord,
} from './state.js';

export interface PullInput {
  repo: string;
  number: number;
  head_sha: string;
  merge_commit_sha?: string | null;
  fork?: boolean;
  merged?: boolean;
  /** When it was merged (ISO); default: when it is first registered as merged. */
  merged_at?: string;
  base_ref?: string;
  head_ref?: string;
  /** `owner/name` of the head repository; default `<fork-owner>/<name>` for forks. */
  head_repo?: string;
  state?: 'open' | 'closed';
  title?: string;
  user?: string | Partial<GithubUser>;
}

export interface CommentInput {
  repo: string;
  number: number;
  /** `{i}` is replaced by the comment's index (1-based) when `count` > 1. */
  body: string;
  /** Login or user object; default `octocat` (a User). `github-actions[bot]` makes bot comments. */
  user?: string | Partial<GithubUser>;
  author_association?: string;
  count?: number;
}

export interface RepoInput {
  repo: string;
  id?: number;
  owner_id?: number;
  default_branch?: string;
  private?: boolean;
}

export interface TokenInput {
  token: string;
  /** false = read-only (writes answer 403 "Resource not accessible by integration"). */
  write?: boolean;
  /** Omit for the workflow token (github-actions[bot]); a login makes a user token (PAT). */
  user?: string | Partial<GithubUser>;
}

export interface GithubSeed {
  repos?: RepoInput[];
  pulls?: PullInput[];
  comments?: CommentInput[];
  tokens?: TokenInput[];
}

function user(value: string | Partial<GithubUser> | undefined, fallback: GithubUser): GithubUser {
  if (value === undefined) return fallback;
  const login = typeof value === 'string' ? value : (value.login ?? fallback.login);
  if (login === ACTIONS_BOT.login) return ACTIONS_BOT;
  const given = typeof value === 'string' ? {} : value;
  return {
    login,
    id: given.id ?? stableId(login.toLowerCase(), 1_000_000),
    type: given.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
  };
}

function need<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === null || value === '')
    throw new Error(`"${name}" is required`);
  return value;
}

export function registerPull(state: GithubState, input: PullInput, now: number): PullRecord {
  const repo = state.repo(need(input.repo, 'repo'));
  const number = Number(need(input.number, 'number'));
  if (!Number.isInteger(number) || number < 1)
    throw new Error('"number" must be a positive integer');
  const merged = input.merged ?? false;
  // Registering again (e.g. as merged) keeps when the PR was opened, and when it was merged.
  const before = state.pull(repo, number);
  const mergedAt = merged
    ? (input.merged_at ?? (before?.merged ? before.mergedAt : null) ?? isoSeconds(now))
    : null;
  const pull: PullRecord = {
    repoKey: `${repo.owner}/${repo.name}`.toLowerCase(),
    number,
    headSha: need(input.head_sha, 'head_sha'),
    mergeCommitSha: input.merge_commit_sha ?? null,
    headRef: input.head_ref ?? `feature-${number}`,
    baseRef: input.base_ref ?? repo.defaultBranch,
    fork: input.fork ?? false,
    headRepo:
      input.head_repo ?? (input.fork ? `fork-owner/${repo.name}` : `${repo.owner}/${repo.name}`),
    merged,
    state: input.state ?? (merged ? 'closed' : 'open'),
    title: input.title ?? `Pull request #${number}`,
    user: user(input.user, DEFAULT_PR_AUTHOR),
    createdAt: before?.createdAt ?? isoSeconds(now),
    mergedAt,
  };
  state.pulls.set(state.issueKey(repo, number), pull);
  return pull;
}

export function seedComments(
  state: GithubState,
  input: CommentInput,
  now: number,
): { id: number; node_id: string }[] {
  const repo = state.repo(need(input.repo, 'repo'));
  const number = Number(need(input.number, 'number'));
  if (typeof input.body !== 'string') throw new Error('"body" is required');
  // Comments can be seeded on plain issues too; the issue comes into existence here.
  if (!state.hasIssue(repo, number)) state.issues.add(state.issueKey(repo, number));
  const author = user(input.user, DEFAULT_PR_AUTHOR);
  const association = input.author_association ?? (author.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR');
  const count = input.count ?? 1;
  const created: { id: number; node_id: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const body = input.body.replaceAll('{i}', String(i));
    const c = state.addComment(repo, number, body, author, association, now);
    created.push({ id: c.id, node_id: c.nodeId });
  }
  return created;
}

export function configureRepo(state: GithubState, input: RepoInput): void {
  const repo = state.repo(need(input.repo, 'repo'));
  if (input.id !== undefined) repo.id = input.id;
  if (input.owner_id !== undefined) repo.ownerId = input.owner_id;
  if (input.default_branch !== undefined) repo.defaultBranch = input.default_branch;
  if (input.private !== undefined) repo.private = input.private;
}

export function registerToken(state: GithubState, input: TokenInput): void {
  state.tokens.set(need(input.token, 'token'), {
    user: user(input.user, ACTIONS_BOT),
    write: input.write ?? true,
  });
}

export function seedGithub(state: GithubState, doc: unknown, now: number): void {
  const seed = ((doc ?? {}) as { github?: GithubSeed }).github;
  if (!seed) return;
  for (const r of seed.repos ?? []) configureRepo(state, r);
  for (const p of seed.pulls ?? []) registerPull(state, p, now);
  for (const c of seed.comments ?? []) seedComments(state, c, now);
  for (const t of seed.tokens ?? []) registerToken(state, t);
}

const body = <T>(req: EmulatorRequest): T => (req.body ? JSON.parse(req.body) : {}) as T;

export function githubAdminRoutes(state: GithubState, now: () => number): AdminRoute[] {
  return [
    {
      method: 'POST',
      path: '/_emulator/github/pulls',
      handle: (req) => {
        const pull = registerPull(state, body<PullInput>(req), now());
        return json(200, { repo: pull.repoKey, number: pull.number, fork: pull.fork });
      },
    },
    {
      method: 'POST',
      path: '/_emulator/github/comments',
      handle: (req) => json(200, { comments: seedComments(state, body<CommentInput>(req), now()) }),
    },
    {
      method: 'GET',
      path: '/_emulator/github/comments',
      handle: (req) => {
        const repo = state.repo(need(req.query.get('repo') ?? undefined, 'repo'));
        const ids =
          state.commentsByIssue.get(state.issueKey(repo, Number(req.query.get('number')))) ?? [];
        return json(
          200,
          ids.map((id) => state.comments.get(id)),
        );
      },
    },
    {
      method: 'POST',
      path: '/_emulator/github/repos',
      handle: (req) => {
        configureRepo(state, body<RepoInput>(req));
        return json(200, { configured: true });
      },
    },
    {
      method: 'DELETE',
      path: '/_emulator/github/users',
      handle: (req) => {
        const login = need(req.query.get('login') ?? undefined, 'login');
        return json(200, { deleted: login, comments: state.deleteUser(login) });
      },
    },
    {
      method: 'POST',
      path: '/_emulator/github/tokens',
      handle: (req) => {
        registerToken(state, body<TokenInput>(req));
        return json(200, { registered: true });
      },
    },
  ];
}
