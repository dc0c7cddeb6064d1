// Sticky comment selection (marker + author + PR + key) and the never-failing upsert.
import { describe, expect, it } from 'vitest';
import { GitHubApiError, type GitHubApi, type IssueComment } from '../../src/github/api.js';
import {
  ACTIONS_BOT,
  commentAuthors,
  selectStickyComment,
  upsertComment,
} from '../../src/github/sticky-comment.js';
import { buildCommentBody } from '../../src/render/comment.js';
import { SALT, mixedPlan } from '../plan/sample-plans.js';

const body = (pr = 7, key = 'k') =>
  buildCommentBody({
    status: 'planned',
    repo: 'org/infra',
    pr,
    headSha: 'sha',
    mode: 'plan',
    key,
    salt: SALT,
    runUrl: 'https://x',
    plan: mixedPlan(),
  });

let nextId = 1;
const comment = (author: string, text: string): IssueComment => ({
  id: nextId,
  nodeId: `IC_${nextId++}`,
  body: text,
  author,
  updatedAt: '2026-01-01T00:00:00Z',
});
const scope = { authors: [ACTIONS_BOT], repo: 'org/infra', pr: 7, key: 'k' };

describe('selectStickyComment', () => {
  it('finds ours past 100 other comments', () => {
    const noise = Array.from({ length: 150 }, (_, i) => comment('someone', `comment ${i}`));
    const ours = comment(ACTIONS_BOT, body());
    expect(selectStickyComment([...noise, ours], scope)?.comment.id).toBe(ours.id);
  });

  it("ignores someone else's comment that copies or quotes the marker", () => {
    const copied = comment('mallory', body());
    const quoted = comment(ACTIONS_BOT, `> ${body()}`);
    expect(selectStickyComment([copied, quoted], scope)).toBeUndefined();
  });

  it('ignores our comments for another PR or another config set, and picks the first match', () => {
    const other = comment(ACTIONS_BOT, body(8));
    const otherKey = comment(ACTIONS_BOT, body(7, 'clusters/eu/*.yaml'));
    const first = comment(ACTIONS_BOT, body());
    const dup = comment(ACTIONS_BOT, body());
    expect(selectStickyComment([other, otherKey, first, dup], scope)?.comment.id).toBe(first.id);
  });

  it('accepts the token login as author when GitHub tells it', () => {
    expect(commentAuthors('podid-bot')).toEqual(['podid-bot', ACTIONS_BOT]);
    expect(commentAuthors(undefined)).toEqual([ACTIONS_BOT]);
  });
});

function fakeApi(fail?: GitHubApiError): GitHubApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    authenticatedLogin: async () => undefined,
    listComments: async () => [],
    pullsForCommit: async () => [],
    commentEdits: async () => ({ editors: [], count: 0 }),
    deleteComment: async (id) => {
      calls.push(`delete ${id}`);
    },
    createComment: async (pr, text) => {
      calls.push(`create ${pr}`);
      if (fail) throw fail;
      return comment(ACTIONS_BOT, text);
    },
    updateComment: async (id, text) => {
      calls.push(`update ${id}`);
      if (fail) throw fail;
      return { ...comment(ACTIONS_BOT, text), id };
    },
  };
}

describe('upsertComment', () => {
  it('creates once, then updates in place', async () => {
    const api = fakeApi();
    const created = await upsertComment(api, 7, body(), undefined);
    expect(created).toMatchObject({ ok: true, created: true });
    const existing = { comment: comment(ACTIONS_BOT, body()), header: { key: 'k' } as never };
    const updated = await upsertComment(api, 7, body(), existing);
    expect(updated).toMatchObject({ ok: true, created: false, commentId: existing.comment.id });
    expect(api.calls).toEqual(['create 7', `update ${existing.comment.id}`]);
  });

  it.each([
    [403, 'pull-requests: write'],
    [422, 'refused the comment body'],
    [404, 'check `github-token`'],
  ])('turns HTTP %i into a reason, never a throw', async (status, hint) => {
    const result = await upsertComment(
      fakeApi(new GitHubApiError(status, `create the PR comment: HTTP ${status} nope`)),
      7,
      body(),
      undefined,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(hint);
  });
});
