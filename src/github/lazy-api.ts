// The GitHub client loaded when it is first called: a run that stops before talking to GitHub (a
// refused input, an invalid config) never loads Octokit.

import type { GitHubApi } from './api.js';

export function lazyGitHubApi(token: string, owner: string, repo: string): GitHubApi {
  let api: Promise<GitHubApi> | undefined;
  const load = (): Promise<GitHubApi> =>
    (api ??= import('./api.js').then((m) => m.createGitHubApi(token, owner, repo)));
  return {
    authenticatedLogin: async () => (await load()).authenticatedLogin(),
    listComments: async (pr) => (await load()).listComments(pr),
    createComment: async (pr, body) => (await load()).createComment(pr, body),
    updateComment: async (id, body) => (await load()).updateComment(id, body),
    deleteComment: async (id) => (await load()).deleteComment(id),
    pullsForCommit: async (sha) => (await load()).pullsForCommit(sha),
    commentEdits: async (nodeId) => (await load()).commentEdits(nodeId),
  };
}
