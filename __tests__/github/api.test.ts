// The GitHub client against the emulator: a comment's node id, and its edit history read over
// GraphQL (every page, bots without `[bot]`, deleted editors as null, errors as GitHubApiError).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubApi, GitHubApiError } from '../../src/github/api.js';
import { startTestEmulator, type EmulatorHandle } from '../emulator/helpers.js';

let env: EmulatorHandle;
let api: (token?: string) => GitHubApi;
/** The waits between attempts, recorded instead of slept. */
let slept: number[];

beforeAll(async () => {
  env = await startTestEmulator();
  // @actions/github reads GITHUB_API_URL once, when it is first imported, as in the action.
  process.env.GITHUB_API_URL = env.url;
  const { createGitHubApi } = await import('../../src/github/api.js');
  const { DEFAULT_RETRY } = await import('../../src/github/retry.js');
  const policy = {
    ...DEFAULT_RETRY,
    sleep: async (ms: number) => {
      slept.push(ms);
    },
  };
  api = (token = 'ghs_workflowtoken') => createGitHubApi(token, 'acme', 'infra', policy);
});

beforeEach(async () => {
  slept = [];
  await env.reset();
  await env.admin('POST', 'github/pulls', {
    repo: 'acme/infra',
    number: 7,
    head_sha: 'a'.repeat(40),
  });
  await env.admin('POST', 'github/tokens', { token: 'mallory-pat', user: 'mallory' });
});

afterAll(async () => {
  await env?.close();
});

async function apiError(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise;
  } catch (error) {
    return error as GitHubApiError;
  }
  throw new Error('expected the call to fail');
}

describe('commentEdits', () => {
  it('is empty for a comment never edited, and the comment carries its node id', async () => {
    const created = await api().createComment(7, 'plan v1');
    expect(created.nodeId).toMatch(/^IC_/);
    const [listed] = await api().listComments(7);
    expect(listed.nodeId).toBe(created.nodeId);
    expect(await api().commentEdits(created.nodeId)).toEqual({ editors: [], count: 0 });
  });

  it("names every editor, newest first, the bot as GraphQL spells it and the original's author last", async () => {
    const { id, nodeId } = await api().createComment(7, 'plan v1');
    await api().updateComment(id, 'plan v2');
    await api('mallory-pat').updateComment(id, 'forged plan');
    expect(await api().commentEdits(nodeId)).toEqual({
      editors: ['mallory', 'github-actions', 'github-actions'],
      count: 3,
    });
  });

  it('follows every page past 100 edits', async () => {
    const { id, nodeId } = await api().createComment(7, 'v0');
    for (let i = 1; i < 150; i++) await api().updateComment(id, `v${i}`);
    await api('mallory-pat').updateComment(id, 'forged');
    const { editors, count } = await api().commentEdits(nodeId);
    expect(count).toBe(151);
    expect(editors).toHaveLength(151);
    expect(editors[0]).toBe('mallory');
    expect(editors.slice(1).every((e) => e === 'github-actions')).toBe(true);
    const calls = await env.admin<{ operation: string }[]>('GET', 'calls');
    expect(calls.filter((c) => c.operation === 'graphql.userContentEdits')).toHaveLength(2);
  });

  it('answers null for an editor whose account is gone', async () => {
    const { id, nodeId } = await api().createComment(7, 'plan');
    await api('mallory-pat').updateComment(id, 'forged');
    await env.admin('DELETE', 'github/users?login=mallory');
    expect(await api().commentEdits(nodeId)).toEqual({
      editors: [null, 'github-actions'],
      count: 2,
    });
  });

  it('turns a GraphQL error in a 200 answer into a GitHubApiError', async () => {
    const error = await apiError(api().commentEdits('IC_kwDOnothing'));
    expect(error.constructor.name).toBe('GitHubApiError');
    expect(error).toMatchObject({ status: 200, type: 'NOT_FOUND' });
    expect(error.message).toBe(
      "read the edit history of the PR comment: GraphQL NOT_FOUND Could not resolve to a node with the global id of 'IC_kwDOnothing'",
    );
  });

  it('turns an HTTP failure of the query into a GitHubApiError with its status', async () => {
    const { nodeId } = await api().createComment(7, 'plan');
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'github',
          operation: 'graphql.userContentEdits',
          error: { status: 502, code: 'BadGateway', message: 'Server Error' },
        },
      ],
    });
    const error = await apiError(api().commentEdits(nodeId));
    expect(error).toMatchObject({ status: 502 });
    expect(error.message).toBe(
      'read the edit history of the PR comment: HTTP 502 Server Error (after 4 attempts)',
    );
    expect(slept).toEqual([1000, 2000, 4000]);
  });
});

describe('transient GitHub failures', () => {
  const fault = (operation: string, status: number, message: string, times?: number) =>
    env.admin('POST', 'faults', {
      rules: [
        {
          service: 'github',
          operation,
          error: { status, code: 'Fault', message },
          ...(times ? { times } : {}),
        },
      ],
    });

  it('retries a 502 on the pull request look-up and then answers', async () => {
    await fault('repos.listPullRequestsAssociatedWithCommit', 502, 'Server Error', 1);
    await expect(api().pullsForCommit('a'.repeat(40))).resolves.toBeDefined();
    expect(slept).toEqual([1000]);
  });

  it('retries a secondary rate limit (403) on listing comments', async () => {
    await api().createComment(7, 'plan');
    await fault(
      'issues.listComments',
      403,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      2,
    );
    expect(await api().listComments(7)).toHaveLength(1);
    expect(slept).toEqual([1000, 2000]);
  });

  it('does not retry a refusal (404), nor a create that may have gone through (502)', async () => {
    await fault('issues.listComments', 404, 'Not Found');
    expect(await apiError(api().listComments(7))).toMatchObject({ status: 404 });
    await env.admin('DELETE', 'faults');
    await fault('issues.createComment', 502, 'Server Error', 1);
    expect(await apiError(api().createComment(7, 'plan'))).toMatchObject({ status: 502 });
    expect(slept).toEqual([]);
  });

  it('an installation token that may not read /user is no failure; a 5xx there is', async () => {
    expect(await api().authenticatedLogin()).toBeUndefined();
    await fault('users.getAuthenticated', 503, 'Unavailable');
    expect(await apiError(api().authenticatedLogin())).toMatchObject({ status: 503 });
  });
});
