// JSON shapes as api.github.com answers them (the fields clients read, plus enough of the rest that
// a response looks real). `api` is the base URL of the request (http://127.0.0.1:PORT), so the
// `url` fields point back at the emulator; `html_url`s point at github.com as they would for real.

import type { CommentRecord, GithubUser, PullRecord, RepoRecord } from './state.js';

const WEB = 'https://github.com';

/** The user's GraphQL id, which REST calls `node_id`. */
export const userNodeId = (user: GithubUser): string =>
  Buffer.from(`04:${user.type}${user.id}`).toString('base64');

export function userJson(user: GithubUser, api: string): Record<string, unknown> {
  const bot = user.type === 'Bot';
  return {
    login: user.login,
    id: user.id,
    node_id: userNodeId(user),
    avatar_url: bot
      ? 'https://avatars.githubusercontent.com/in/15368?v=4'
      : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${api}/users/${encodeURIComponent(user.login)}`,
    html_url: bot ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${WEB}/${user.login}`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoJson(repo: RepoRecord, api: string, fork = false): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: `R_kgDO${Buffer.from(String(repo.id)).toString('base64url')}`,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: userJson({ login: repo.owner, id: repo.ownerId, type: 'Organization' }, api),
    html_url: `${WEB}/${fullName}`,
    fork,
    url: `${api}/repos/${fullName}`,
    default_branch: repo.defaultBranch,
    visibility: repo.private ? 'private' : 'public',
    archived: false,
    disabled: false,
  };
}

/** The app GITHUB_TOKEN comments are performed through. */
const ACTIONS_APP = {
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  name: 'GitHub Actions',
  external_url: 'https://help.github.com/en/actions',
  html_url: 'https://github.com/apps/github-actions',
};

export function commentJson(
  comment: CommentRecord,
  repo: RepoRecord,
  isPull: boolean,
  api: string,
): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const kind = isPull ? 'pull' : 'issues';
  return {
    url: `${api}/repos/${fullName}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${fullName}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: comment.nodeId,
    user: userJson(comment.user, api),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: {
      url: `${api}/repos/${fullName}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: comment.user.type === 'Bot' ? ACTIONS_APP : null,
  };
}

export function pullJson(pull: PullRecord, repo: RepoRecord, api: string): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const [headOwner, headName] = pull.headRepo.split('/');
  const headRepo: RepoRecord = pull.fork
    ? {
        ...repo,
        owner: headOwner,
        name: headName ?? repo.name,
        id: repo.id + 1_000_003,
        ownerId: repo.ownerId + 1_000_003,
      }
    : repo;
  const mergedAt = pull.merged ? pull.mergedAt : null;
  return {
    url: `${api}/repos/${fullName}/pulls/${pull.number}`,
    id: repo.id * 10 + pull.number,
    node_id: `PR_kwDO${Buffer.from(`${repo.id}:${pull.number}`).toString('base64url')}`,
    html_url: `${WEB}/${fullName}/pull/${pull.number}`,
    issue_url: `${api}/repos/${fullName}/issues/${pull.number}`,
    comments_url: `${api}/repos/${fullName}/issues/${pull.number}/comments`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(pull.user, api),
    body: null,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    closed_at: pull.state === 'closed' ? pull.createdAt : null,
    merged_at: mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    draft: false,
    head: {
      label: `${headRepo.owner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: userJson({ login: headRepo.owner, id: headRepo.ownerId, type: 'User' }, api),
      repo: repoJson(headRepo, api, pull.fork),
    },
    base: {
      label: `${repo.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: '0'.repeat(40),
      user: userJson({ login: repo.owner, id: repo.ownerId, type: 'Organization' }, api),
      repo: repoJson(repo, api),
    },
    author_association: 'CONTRIBUTOR',
    merged: pull.merged,
    mergeable: pull.merged ? null : true,
    merged_by: pull.merged ? userJson(pull.user, api) : null,
  };
}
