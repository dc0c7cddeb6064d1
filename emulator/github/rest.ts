// The REST subset the action uses: repository, pull request, PRs of a commit, issue comments.
// Routes match api.github.com paths, and `/repositories/{id}/…` (the form GitHub's Link headers use).

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { DOCS, GithubError, apiBase, bearerToken, ghJson, paginate, readJsonBody } from './http.js';
import { commentJson, pullJson, repoJson, userJson } from './shapes.js';
import type { CommentRecord, GithubState, RepoRecord, TokenRecord } from './state.js';

/** GitHub's limit on comment bodies, in characters. */
export const MAX_COMMENT_CHARS = 65_536;

const D = {
  repo: `${DOCS}/repos/repos#get-a-repository`,
  pull: `${DOCS}/pulls/pulls#get-a-pull-request`,
  commitPulls: `${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`,
  list: `${DOCS}/issues/comments#list-issue-comments`,
  create: `${DOCS}/issues/comments#create-an-issue-comment`,
  get: `${DOCS}/issues/comments#get-an-issue-comment`,
  update: `${DOCS}/issues/comments#update-an-issue-comment`,
  delete: `${DOCS}/issues/comments#delete-an-issue-comment`,
  user: `${DOCS}/users/users#get-the-authenticated-user`,
};

export interface RestContext {
  state: GithubState;
  now(): number;
}

type Handler = (ctx: RestContext, req: EmulatorRequest, args: string[]) => EmulatorResponse;

interface Route {
  method: string;
  pattern: RegExp;
  /** Octokit's method name, used as the operation name in the call log. */
  name: string;
  mutating: boolean;
  handler: Handler;
}

const REPO = '/repos/([^/]+)/([^/]+)';
const ROUTES: Route[] = [
  r('GET', `^${REPO}$`, 'repos.get', false, getRepo),
  r('GET', `^${REPO}/pulls/(\\d+)$`, 'pulls.get', false, getPull),
  r(
    'GET',
    `^${REPO}/commits/([^/]+)/pulls$`,
    'repos.listPullRequestsAssociatedWithCommit',
    false,
    commitPulls,
  ),
  r('GET', `^${REPO}/issues/(\\d+)/comments$`, 'issues.listComments', false, listComments),
  r('POST', `^${REPO}/issues/(\\d+)/comments$`, 'issues.createComment', true, createComment),
  r('GET', `^${REPO}/issues/comments/(\\d+)$`, 'issues.getComment', false, getComment),
  r('PATCH', `^${REPO}/issues/comments/(\\d+)$`, 'issues.updateComment', true, updateComment),
  r('DELETE', `^${REPO}/issues/comments/(\\d+)$`, 'issues.deleteComment', true, deleteComment),
  r('GET', '^/user$', 'users.getAuthenticated', false, getUser),
];

function r(
  method: string,
  pattern: string,
  name: string,
  mutating: boolean,
  handler: Handler,
): Route {
  return { method, pattern: new RegExp(pattern), name, mutating, handler };
}

/** `/repositories/{id}/rest` → `/repos/{owner}/{name}/rest` when the id is known. */
function canonicalPath(state: GithubState, path: string): string {
  const match = path.match(/^\/repositories\/(\d+)(\/.*)?$/);
  if (!match) return path;
  const repo = state.repoById(Number(match[1]));
  return repo ? `/repos/${repo.owner}/${repo.name}${match[2] ?? ''}` : path;
}

export function matchRest(
  state: GithubState,
  req: EmulatorRequest,
): { route: Route; args: string[] } | undefined {
  const path = canonicalPath(state, req.path.replace(/\/+$/, ''));
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const m = path.match(route.pattern);
    if (m) return { route, args: m.slice(1).map((a) => decodeURIComponent(a)) };
  }
  return undefined;
}

export function handleRest(ctx: RestContext, req: EmulatorRequest): EmulatorResponse {
  const found = matchRest(ctx.state, req);
  if (!found) throw new GithubError(404, 'Not Found', DOCS);
  return found.route.handler(ctx, req, found.args);
}

/** The caller's token; writes (and /user) need one. */
function caller(ctx: RestContext, req: EmulatorRequest, docs: string): TokenRecord {
  const token = bearerToken(req);
  if (token === undefined) throw new GithubError(401, 'Requires authentication', docs);
  return ctx.state.token(token);
}

function canWrite(
  ctx: RestContext,
  req: EmulatorRequest,
  docs: string,
  pullFork: boolean,
): TokenRecord {
  const token = caller(ctx, req, docs);
  // A fork PR's workflow gets a read-only GITHUB_TOKEN; so does a job without pull-requests: write.
  if (!token.write || pullFork)
    throw new GithubError(403, 'Resource not accessible by integration', docs);
  return token;
}

function getRepo(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name]: string[],
): EmulatorResponse {
  bearerToken(req);
  return ghJson(req, 200, repoJson(ctx.state.repo(`${owner}/${name}`), apiBase(req)));
}

function getPull(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, n]: string[],
): EmulatorResponse {
  bearerToken(req);
  const repo = ctx.state.repo(`${owner}/${name}`);
  const pull = ctx.state.pull(repo, Number(n));
  if (!pull) throw new GithubError(404, 'Not Found', D.pull);
  return ghJson(req, 200, pullJson(pull, repo, apiBase(req)));
}

function commitPulls(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, sha]: string[],
): EmulatorResponse {
  bearerToken(req);
  const repo = ctx.state.repo(`${owner}/${name}`);
  const prefix = `${owner}/${name}`.toLowerCase() + '#';
  const sought = sha.toLowerCase();
  const matches = [...ctx.state.pulls.entries()]
    .filter(
      ([key, p]) =>
        key.startsWith(prefix) &&
        (p.headSha.toLowerCase() === sought || p.mergeCommitSha?.toLowerCase() === sought),
    )
    .map(([, p]) => p)
    .sort((a, b) => b.number - a.number);
  const page = paginate(req, matches, `/repositories/${repo.id}/commits/${sha}/pulls`);
  const api = apiBase(req);
  const body = page.items.map((p) => {
    const { merged: _m, mergeable: _g, merged_by: _b, ...listed } = pullJson(p, repo, api);
    return listed;
  });
  return ghJson(req, 200, body, page.link ? { link: page.link } : {});
}

function issueOrNotFound(ctx: RestContext, repo: RepoRecord, n: number, docs: string): void {
  if (!ctx.state.hasIssue(repo, n)) throw new GithubError(404, 'Not Found', docs);
}

function listComments(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, n]: string[],
): EmulatorResponse {
  bearerToken(req);
  const repo = ctx.state.repo(`${owner}/${name}`);
  const number = Number(n);
  issueOrNotFound(ctx, repo, number, D.list);
  const ids = ctx.state.commentsByIssue.get(ctx.state.issueKey(repo, number)) ?? [];
  const page = paginate(req, ids, `/repositories/${repo.id}/issues/${number}/comments`);
  const isPull = ctx.state.pull(repo, number) !== undefined;
  const api = apiBase(req);
  const body = page.items.map((id) => commentJson(ctx.state.comments.get(id)!, repo, isPull, api));
  return ghJson(req, 200, body, page.link ? { link: page.link } : {});
}

/** GitHub's checks on a comment body, in its words. */
function validBody(req: EmulatorRequest, docs: string): string {
  const input = readJsonBody(req, docs);
  if (!('body' in input))
    throw new GithubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs);
  const body = input.body;
  if (typeof body !== 'string')
    throw new GithubError(
      422,
      `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`,
      docs,
    );
  const invalid = (code: string, message?: string): GithubError =>
    new GithubError(422, 'Validation Failed', docs, {
      errors: [{ resource: 'IssueComment', code, field: 'body', ...(message ? { message } : {}) }],
    });
  if (body.trim() === '') throw invalid('missing_field');
  // GitHub counts characters (code points), not UTF-16 units or bytes.
  if ([...body].length > MAX_COMMENT_CHARS)
    throw invalid('custom', `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`);
  return body;
}

function createComment(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, n]: string[],
): EmulatorResponse {
  const repo = ctx.state.repo(`${owner}/${name}`);
  const number = Number(n);
  caller(ctx, req, D.create);
  issueOrNotFound(ctx, repo, number, D.create);
  const pull = ctx.state.pull(repo, number);
  const token = canWrite(ctx, req, D.create, pull?.fork ?? false);
  const body = validBody(req, D.create);
  const association = token.user.type === 'Bot' ? 'NONE' : 'MEMBER';
  const comment = ctx.state.addComment(repo, number, body, token.user, association, ctx.now());
  const json = commentJson(comment, repo, pull !== undefined, apiBase(req));
  return ghJson(req, 201, json, { location: String(json.url) });
}

function findComment(
  ctx: RestContext,
  owner: string,
  name: string,
  id: string,
  docs: string,
): { comment: CommentRecord; repo: RepoRecord } {
  const repo = ctx.state.repo(`${owner}/${name}`);
  const comment = ctx.state.comments.get(Number(id));
  if (!comment || comment.repoKey !== `${repo.owner}/${repo.name}`.toLowerCase())
    throw new GithubError(404, 'Not Found', docs);
  return { comment, repo };
}

function getComment(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, id]: string[],
): EmulatorResponse {
  bearerToken(req);
  const { comment, repo } = findComment(ctx, owner, name, id, D.get);
  const isPull = ctx.state.pullOfComment(comment) !== undefined;
  return ghJson(req, 200, commentJson(comment, repo, isPull, apiBase(req)));
}

function updateComment(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, id]: string[],
): EmulatorResponse {
  caller(ctx, req, D.update);
  const { comment, repo } = findComment(ctx, owner, name, id, D.update);
  const pull = ctx.state.pullOfComment(comment);
  // Anyone whose token may write to the repository may edit any comment, not only its author;
  // GitHub records who did (GraphQL `userContentEdits`).
  const token = canWrite(ctx, req, D.update, pull?.fork ?? false);
  ctx.state.editComment(comment, validBody(req, D.update), token.user, ctx.now());
  return ghJson(req, 200, commentJson(comment, repo, pull !== undefined, apiBase(req)));
}

function deleteComment(
  ctx: RestContext,
  req: EmulatorRequest,
  [owner, name, id]: string[],
): EmulatorResponse {
  caller(ctx, req, D.delete);
  const { comment } = findComment(ctx, owner, name, id, D.delete);
  canWrite(ctx, req, D.delete, ctx.state.pullOfComment(comment)?.fork ?? false);
  ctx.state.deleteComment(comment);
  return ghJson(req, 204, undefined);
}

function getUser(ctx: RestContext, req: EmulatorRequest): EmulatorResponse {
  const token = caller(ctx, req, D.user);
  // An installation token (GITHUB_TOKEN) is not a user: GitHub refuses /user for it.
  if (token.user.type === 'Bot')
    throw new GithubError(403, 'Resource not accessible by integration', D.user);
  return ghJson(req, 200, userJson(token.user, apiBase(req)));
}

export function restOperation(
  state: GithubState,
  req: EmulatorRequest,
): { name: string; mutating: boolean } | undefined {
  const found = matchRest(state, req);
  return found ? { name: found.route.name, mutating: found.route.mutating } : undefined;
}
