// The GitHub stand-in's comment edit history: every PATCH records its editor, GraphQL
// `node(id:) { ... on IssueComment { userContentEdits } }` tells them as GitHub does.

import { describe, expect, it } from 'vitest';
import { getOctokit } from '@actions/github';
import { withEmulator } from './helpers.js';

const env = withEmulator();
const REPO = { owner: 'acme', repo: 'infra' };

const octokit = (token = 'ghs_workflowtoken') => getOctokit(token, { baseUrl: env.url });

/** The query the action sends (variables `$id`, `$after`). */
const EDITS = `query($id: ID!, $after: String) {
  node(id: $id) {
    ... on IssueComment {
      author { login }
      userContentEdits(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { editedAt editor { login } }
      }
    }
  }
}`;

interface EditsAnswer {
  node: {
    author: { login: string } | null;
    userContentEdits: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { editedAt: string; editor: { login: string } | null }[];
    };
  } | null;
}

const edits = (id: string, after?: string, token?: string) =>
  octokit(token).graphql<EditsAnswer>(EDITS, { id, after });

/** POST /graphql as a raw request, to see GitHub's envelope (status, data and errors together). */
async function rawGraphql(
  query: string,
  variables: Record<string, unknown>,
  token: string | null = 'ghs_workflowtoken',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function pull(number: number, extra: Record<string, unknown> = {}): Promise<void> {
  await env.admin('POST', 'github/pulls', {
    repo: 'acme/infra',
    number,
    head_sha: 'a'.repeat(40),
    ...extra,
  });
}

async function token(value: string, user?: string, write = true): Promise<void> {
  await env.admin('POST', 'github/tokens', { token: value, user, write });
}

/** A comment by the workflow token (github-actions[bot]) on PR 7. */
async function botComment(body = 'plan v1'): Promise<{ id: number; nodeId: string }> {
  const { data } = await octokit().rest.issues.createComment({ ...REPO, issue_number: 7, body });
  return { id: data.id, nodeId: data.node_id };
}

const edit = (id: number, body: string, as?: string) =>
  octokit(as).rest.issues.updateComment({ ...REPO, comment_id: id, body });

async function requestError(promise: Promise<unknown>): Promise<{ status: number }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the request to fail');
}

describe('GitHub comment edit history', () => {
  it('has no history until the first edit', async () => {
    await pull(7);
    const { nodeId } = await botComment();
    const { node } = await edits(nodeId);
    expect(node?.userContentEdits).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [],
    });
  });

  it('records edits by the bot and by another user with write access, newest first, after the original', async () => {
    await pull(7);
    await token('mallory-pat', 'mallory');
    const { id, nodeId } = await botComment();
    await edit(id, 'plan v2');
    const forged = await edit(id, 'forged plan', 'mallory-pat');
    // REST shows only the latest body and its author; the editor is nowhere in it.
    expect(forged.data.user?.login).toBe('github-actions[bot]');
    expect(forged.data.body).toBe('forged plan');

    const { node } = await edits(nodeId);
    // GraphQL names the bot by its app slug, without REST's `[bot]`.
    expect(node?.author?.login).toBe('github-actions');
    const history = node!.userContentEdits;
    expect(history.totalCount).toBe(3);
    expect(history.nodes.map((n) => n.editor?.login)).toEqual([
      'mallory',
      'github-actions',
      'github-actions', // the original version, by its author
    ]);
    const times = history.nodes.map((n) => n.editedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(times.every((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(t))).toBe(true);
  });

  it('answers the rest of UserContentEdit and the comment fields GitHub derives from it', async () => {
    await pull(7);
    await token('mallory-pat', 'mallory');
    const { id, nodeId } = await botComment('original');
    await edit(id, 'forged', 'mallory-pat');
    const { body } = await rawGraphql(
      `query Q($id: ID!) { node(id: $id) { __typename id ... on IssueComment {
        includesCreatedEdit lastEditedAt editor { __typename login }
        author { __typename ... on Bot { login } }
        last: userContentEdits(last: 1) { edges { cursor node { id diff deletedAt editor { login } } } }
      } } }`,
      { id: nodeId },
    );
    expect(body.errors).toBeUndefined();
    const node = (body.data as { node: Record<string, unknown> }).node;
    expect(node).toMatchObject({
      __typename: 'IssueComment',
      id: nodeId,
      includesCreatedEdit: true,
      editor: { __typename: 'User', login: 'mallory' },
      author: { __typename: 'Bot', login: 'github-actions' },
    });
    expect(node.lastEditedAt).toEqual(expect.any(String));
    const [oldest] = (node.last as { edges: { cursor: string; node: Record<string, unknown> }[] })
      .edges;
    expect(oldest.node).toMatchObject({
      diff: 'original',
      deletedAt: null,
      editor: { login: 'github-actions' },
    });
    expect(oldest.node.id).toMatch(/^UCE_/);
  });

  it('records nothing for refused edits: read-only tokens and fork PRs get 403', async () => {
    await pull(7);
    await pull(11, { fork: true });
    await token('readonly', 'reader', false);
    const { id, nodeId } = await botComment();
    expect((await requestError(edit(id, 'x', 'readonly'))).status).toBe(403);
    await env.admin('POST', 'github/comments', {
      repo: 'acme/infra',
      number: 11,
      body: 'plan',
      user: 'github-actions[bot]',
    });
    const state = await env.admin<{ github: { comments: { id: number; issueNumber: number }[] } }>(
      'GET',
      'state',
    );
    const onFork = state.github.comments.find((c) => c.issueNumber === 11)!;
    expect((await requestError(edit(onFork.id, 'x'))).status).toBe(403);
    expect((await edits(nodeId)).node?.userContentEdits.totalCount).toBe(0);
  });

  it('pages beyond 100 edits with opaque cursors', async () => {
    await pull(7);
    const { id, nodeId } = await botComment('v0');
    for (let i = 1; i <= 120; i++) await edit(id, `v${i}`);
    const first = (await edits(nodeId)).node!.userContentEdits;
    expect(first.totalCount).toBe(121);
    expect(first.nodes).toHaveLength(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toEqual(expect.any(String));
    expect(first.pageInfo.endCursor).not.toMatch(/^\d+$/);
    const second = (await edits(nodeId, first.pageInfo.endCursor!)).node!.userContentEdits;
    expect(second.nodes).toHaveLength(21);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const times = [...first.nodes, ...second.nodes].map((n) => n.editedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const error = await rawGraphql(EDITS.replace('first: 100', 'first: 101'), { id: nodeId });
    expect(error.status).toBe(200);
    expect(error.body).toEqual({
      errors: [
        expect.objectContaining({
          type: 'EXCESSIVE_PAGINATION',
          message:
            'Requesting 101 records on the `userContentEdits` connection exceeds the `first` limit of 100 records.',
        }),
      ],
    });
    const unbounded = await rawGraphql(EDITS.replace('first: 100, ', ''), { id: nodeId });
    expect(unbounded.body.errors).toEqual([
      expect.objectContaining({ type: 'MISSING_PAGINATION_BOUNDARIES' }),
    ]);
    const badCursor = await rawGraphql(EDITS, { id: nodeId, after: 'nope' });
    expect(badCursor.body).toMatchObject({
      data: { node: { userContentEdits: null } },
      errors: [
        {
          type: 'INVALID_CURSOR_ARGUMENTS',
          path: ['node', 'userContentEdits'],
          message: '`nope` does not appear to be a valid cursor.',
        },
      ],
    });
  });

  it('answers node: null with NOT_FOUND for an unknown id, and 401 without a token', async () => {
    const { status, body } = await rawGraphql(EDITS, { id: 'IC_kwDOnothing' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { node: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['node'],
          locations: [{ line: 2, column: 3 }],
          message: "Could not resolve to a node with the global id of 'IC_kwDOnothing'",
        },
      ],
    });
    await expect(edits('IC_kwDOnothing')).rejects.toThrow(
      "Could not resolve to a node with the global id of 'IC_kwDOnothing'",
    );
    const anonymous = await rawGraphql(EDITS, { id: 'IC_kwDOnothing' }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      message: 'This endpoint requires you to be authenticated.',
    });
  });

  it('refuses fields outside the schema and unparsable queries before running them', async () => {
    const { body } = await rawGraphql(
      'query($id: ID!) { node(id: $id) { ... on IssueComment { secretEditor { login } } author } }',
      { id: 'x' },
    );
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'secretEditor' doesn't exist on type 'IssueComment'",
        extensions: { code: 'undefinedField', typeName: 'IssueComment', fieldName: 'secretEditor' },
      }),
      expect.objectContaining({ message: "Field 'author' doesn't exist on type 'Node'" }),
    ]);
    const unparsable = await rawGraphql('query { node(id: "x") { id }', {});
    expect(unparsable.body).toEqual({
      errors: [{ message: 'Unexpected end of document' }],
    });
  });

  it("keeps a deleted account's edits with editor: null, and shows its comments by ghost", async () => {
    await pull(7);
    await token('mallory-pat', 'mallory');
    const { id, nodeId } = await botComment();
    await edit(id, 'forged', 'mallory-pat');
    const { data } = await octokit('mallory-pat').rest.issues.createComment({
      ...REPO,
      issue_number: 7,
      body: 'mine',
    });
    await env.admin('DELETE', 'github/users?login=mallory');
    const history = (await edits(nodeId)).node!.userContentEdits;
    expect(history.nodes.map((n) => n.editor?.login ?? null)).toEqual([null, 'github-actions']);
    const mine = await octokit().rest.issues.getComment({ ...REPO, comment_id: data.id });
    expect(mine.data.user?.login).toBe('ghost');
  });
});

describe('GitHub comment edit history: call log and faults', () => {
  it('logs the query as graphql.userContentEdits, and fault rules answer it', async () => {
    await pull(7);
    const { nodeId } = await botComment();
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'github',
          operation: 'graphql.userContentEdits',
          error: { status: 502, code: 'BadGateway', message: 'Server Error' },
          times: 1,
        },
      ],
    });
    expect((await requestError(edits(nodeId))).status).toBe(502);
    expect((await edits(nodeId)).node?.userContentEdits.totalCount).toBe(0);
    const calls = await env.admin<
      { operation: string; mutating: boolean; status: number; injected?: boolean }[]
    >('GET', 'calls');
    const logged = calls.filter((c) => c.operation === 'graphql.userContentEdits');
    expect(logged).toEqual([
      expect.objectContaining({ mutating: false, status: 502, injected: true }),
      expect.objectContaining({ mutating: false, status: 200 }),
    ]);
  });

  it('records no edit when a fault answers the PATCH', async () => {
    await pull(7);
    const { id, nodeId } = await botComment();
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'github',
          operation: 'issues.updateComment',
          error: { status: 502, code: 'BadGateway' },
        },
      ],
    });
    expect((await requestError(edit(id, 'plan v2'))).status).toBe(502);
    expect((await edits(nodeId)).node?.userContentEdits.totalCount).toBe(0);
  });
});
