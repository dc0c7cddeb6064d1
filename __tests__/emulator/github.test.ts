// The GitHub stand-in through @actions/github's Octokit (REST + GraphQL), as the action uses it.

import { describe, expect, it } from 'vitest';
import { getOctokit } from '@actions/github';
import { withEmulator } from './helpers.js';

const env = withEmulator();
const REPO = { owner: 'acme', repo: 'infra' };
const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);

const octokit = (token = 'ghs_workflowtoken') => getOctokit(token, { baseUrl: env.url });

async function registerPull(number: number, extra: Record<string, unknown> = {}): Promise<void> {
  await env.admin('POST', 'github/pulls', {
    repo: 'acme/infra',
    number,
    head_sha: HEAD,
    merge_commit_sha: MERGE,
    fork: false,
    ...extra,
  });
}

/** The error Octokit throws (a RequestError with status and response data). */
async function requestError(promise: Promise<unknown>): Promise<{
  status: number;
  message: string;
  response: { data: Record<string, unknown> };
}> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the request to fail');
}

describe('GitHub REST', () => {
  it('answers the repository with default_branch and ids', async () => {
    await env.admin('POST', 'github/repos', { repo: 'acme/infra', default_branch: 'trunk' });
    const { data } = await octokit().rest.repos.get(REPO);
    expect(data.full_name).toBe('acme/infra');
    expect(data.default_branch).toBe('trunk');
    expect(data.id).toBeGreaterThan(0);
    expect(data.owner.id).toBeGreaterThan(0);
  });

  it('answers a registered PR, and 404 Not Found for others', async () => {
    await registerPull(7, { merged: true, base_ref: 'main' });
    const { data } = await octokit().rest.pulls.get({ ...REPO, pull_number: 7 });
    expect(data.head.sha).toBe(HEAD);
    expect(data.merge_commit_sha).toBe(MERGE);
    expect(data.merged).toBe(true);
    expect(data.state).toBe('closed');
    expect(data.base.ref).toBe('main');
    expect(data.head.repo?.fork).toBe(false);
    const error = await requestError(octokit().rest.pulls.get({ ...REPO, pull_number: 8 }));
    expect(error.status).toBe(404);
    expect(error.response.data.message).toBe('Not Found');
    expect(error.response.data.documentation_url).toMatch(/^https:\/\/docs\.github\.com\/rest/);
  });

  it('finds the PRs of a commit by head or merge commit sha', async () => {
    await registerPull(7);
    await registerPull(9, { head_sha: 'c'.repeat(40), merge_commit_sha: null });
    const byMerge = await octokit().rest.repos.listPullRequestsAssociatedWithCommit({
      ...REPO,
      commit_sha: MERGE,
    });
    expect(byMerge.data.map((p) => p.number)).toEqual([7]);
    const byHead = await octokit().rest.repos.listPullRequestsAssociatedWithCommit({
      ...REPO,
      commit_sha: 'c'.repeat(40),
    });
    expect(byHead.data.map((p) => p.number)).toEqual([9]);
    const none = await octokit().rest.repos.listPullRequestsAssociatedWithCommit({
      ...REPO,
      commit_sha: 'd'.repeat(40),
    });
    expect(none.data).toEqual([]);
  });

  it('creates, reads, updates and deletes a comment as github-actions[bot]', async () => {
    await registerPull(7);
    const gh = octokit();
    const created = await gh.rest.issues.createComment({
      ...REPO,
      issue_number: 7,
      body: 'plan v1',
    });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot',
    });
    expect(created.data.node_id).toMatch(/^IC_/);
    expect(created.data.html_url).toBe(
      `https://github.com/acme/infra/pull/7#issuecomment-${created.data.id}`,
    );
    expect(created.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const id = created.data.id;
    const updated = await gh.rest.issues.updateComment({
      ...REPO,
      comment_id: id,
      body: 'plan v2',
    });
    expect(updated.data.body).toBe('plan v2');
    const got = await gh.rest.issues.getComment({ ...REPO, comment_id: id });
    expect(got.data.body).toBe('plan v2');
    const deleted = await gh.rest.issues.deleteComment({ ...REPO, comment_id: id });
    expect(deleted.status).toBe(204);
    const gone = await requestError(gh.rest.issues.getComment({ ...REPO, comment_id: id }));
    expect(gone.status).toBe(404);
  });

  it('pages 250 comments with Link headers that octokit.paginate follows', async () => {
    await registerPull(7);
    await env.admin('POST', 'github/comments', {
      repo: 'acme/infra',
      number: 7,
      body: 'other comment {i}',
      user: 'alice',
      count: 249,
    });
    const gh = octokit();
    await gh.rest.issues.createComment({ ...REPO, issue_number: 7, body: 'ours' });
    const first = await gh.rest.issues.listComments({ ...REPO, issue_number: 7 });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/issues\/7\/comments\?per_page=30&page=2>; rel="next"/,
    );
    expect(first.headers.link).toMatch(/page=9>; rel="last"/);
    const middle = await gh.rest.issues.listComments({
      ...REPO,
      issue_number: 7,
      per_page: 100,
      page: 2,
    });
    expect(middle.headers.link).toMatch(
      /page=1>; rel="prev".*page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first"/,
    );
    const all = await gh.paginate(gh.rest.issues.listComments, {
      ...REPO,
      issue_number: 7,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(all[0].body).toBe('other comment 1');
    expect(all[0].user?.login).toBe('alice');
    expect(all[249]).toMatchObject({ body: 'ours', user: { login: 'github-actions[bot]' } });
    const capped = await gh.rest.issues.listComments({ ...REPO, issue_number: 7, per_page: 500 });
    expect(capped.data).toHaveLength(100);
  });

  it('refuses writes on a fork PR with 403 Resource not accessible by integration', async () => {
    await registerPull(11, { fork: true });
    const { data } = await octokit().rest.pulls.get({ ...REPO, pull_number: 11 });
    expect(data.head.repo?.fork).toBe(true);
    expect(data.head.repo?.id).not.toBe(data.base.repo.id);
    const error = await requestError(
      octokit().rest.issues.createComment({ ...REPO, issue_number: 11, body: 'plan' }),
    );
    expect(error.status).toBe(403);
    expect(error.response.data.message).toBe('Resource not accessible by integration');
    // Reads still work for the fork's read-only token.
    const list = await octokit().rest.issues.listComments({ ...REPO, issue_number: 11 });
    expect(list.data).toEqual([]);
  });

  it('refuses writes with a read-only token, and 401 without one', async () => {
    await registerPull(7);
    await env.admin('POST', 'github/tokens', { token: 'readonly', write: false });
    const error = await requestError(
      octokit('readonly').rest.issues.createComment({ ...REPO, issue_number: 7, body: 'x' }),
    );
    expect(error.status).toBe(403);
    const response = await fetch(`${env.url}/repos/acme/infra/issues/7/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'x' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' });
    const bad = await fetch(`${env.url}/repos/acme/infra`, {
      headers: { authorization: 'nonsense' },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('answers 422 Validation Failed for a body over 65,536 characters', async () => {
    await registerPull(7);
    const gh = octokit();
    const ok = await gh.rest.issues.createComment({
      ...REPO,
      issue_number: 7,
      body: 'x'.repeat(65_536),
    });
    expect(ok.status).toBe(201);
    const error = await requestError(
      gh.rest.issues.createComment({ ...REPO, issue_number: 7, body: 'x'.repeat(65_537) }),
    );
    expect(error.status).toBe(422);
    expect(error.response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    });
    const update = await requestError(
      gh.rest.issues.updateComment({ ...REPO, comment_id: ok.data.id, body: '€'.repeat(65_537) }),
    );
    expect(update.status).toBe(422);
  });

  it('logs GitHub calls with octokit operation names', async () => {
    await registerPull(7);
    await octokit().rest.issues.createComment({ ...REPO, issue_number: 7, body: 'x' });
    const calls = await env.admin<
      { service: string; operation: string; mutating: boolean; status: number }[]
    >('GET', 'calls');
    expect(calls).toContainEqual(
      expect.objectContaining({
        service: 'github',
        operation: 'issues.createComment',
        mutating: true,
        status: 201,
      }),
    );
  });
});

describe('GitHub GraphQL', () => {
  it('minimizes a comment by node id (variables or inline literals)', async () => {
    await registerPull(7);
    const gh = octokit();
    const { data } = await gh.rest.issues.createComment({
      ...REPO,
      issue_number: 7,
      body: 'old plan',
    });
    const result = await gh.graphql<{
      minimizeComment: { minimizedComment: { isMinimized: boolean; minimizedReason: string } };
    }>(
      `mutation($id: ID!, $classifier: ReportedContentClassifiers!) {
        minimizeComment(input: { subjectId: $id, classifier: $classifier }) {
          minimizedComment { isMinimized minimizedReason }
        }
      }`,
      { id: data.node_id, classifier: 'OUTDATED' },
    );
    expect(result.minimizeComment.minimizedComment).toEqual({
      isMinimized: true,
      minimizedReason: 'outdated',
    });
    const state = await env.admin<{
      github: { comments: { id: number; minimizedReason?: string }[] };
    }>('GET', 'state');
    expect(state.github.comments.find((c) => c.id === data.id)?.minimizedReason).toBe('outdated');

    const inline = await gh.graphql<{
      minimizeComment: { minimizedComment: { isMinimized: boolean } };
    }>(
      `mutation { minimizeComment(input: {subjectId: "${data.node_id}", classifier: RESOLVED}) { minimizedComment { isMinimized } } }`,
    );
    expect(inline.minimizeComment.minimizedComment.isMinimized).toBe(true);
  });

  it('answers GraphQL errors for unknown node ids, bad classifiers and fork PRs', async () => {
    await registerPull(11, { fork: true });
    await env.admin('POST', 'github/comments', {
      repo: 'acme/infra',
      number: 11,
      body: 'x',
      user: 'github-actions[bot]',
    });
    const state = await env.admin<{ github: { comments: { nodeId: string }[] } }>('GET', 'state');
    const gh = octokit();
    const mutation = `mutation($id: ID!, $c: ReportedContentClassifiers!) { minimizeComment(input: {subjectId: $id, classifier: $c}) { minimizedComment { isMinimized } } }`;
    await expect(gh.graphql(mutation, { id: 'IC_nope', c: 'OUTDATED' })).rejects.toThrow(
      "Could not resolve to a node with the global id of 'IC_nope'",
    );
    await expect(
      gh.graphql(mutation, { id: state.github.comments[0].nodeId, c: 'BORING' }),
    ).rejects.toThrow(/invalid value \(BORING\)/);
    await expect(
      gh.graphql(mutation, { id: state.github.comments[0].nodeId, c: 'OUTDATED' }),
    ).rejects.toThrow('Resource not accessible by integration');
  });
});
