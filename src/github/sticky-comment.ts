// The one sticky comment per PR (and config set): found by our hidden marker AND our author, among
// every page of the PR's comments; updated in place, created once. A comment by anyone else that
// quotes or copies the marker is ignored. Writing a comment never fails a plan: any refusal
// (fork token, missing permission, 422) is returned as a reason for the caller's one warning.

import type { GitHubApi, IssueComment } from './api.js';
import { GitHubApiError } from './api-error.js';
import { decodeHeader, type CommentHeader } from '../review/marker.js';

/** The author of comments made with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface OurComment {
  comment: IssueComment;
  header: CommentHeader;
}

export interface CommentScope {
  /** Logins whose comments count as ours. */
  authors: readonly string[];
  repo: string;
  pr: number;
}

/** Our comments on this PR, oldest first: marker at the very start, our author, this repo and PR. */
export function ourComments(comments: readonly IssueComment[], scope: CommentScope): OurComment[] {
  const out: OurComment[] = [];
  for (const comment of comments) {
    if (!scope.authors.includes(comment.author)) continue;
    const header = decodeHeader(comment.body);
    if (!header || header.repo !== scope.repo || header.pr !== scope.pr) continue;
    out.push({ comment, header });
  }
  return out;
}

/** The sticky comment of one config set: the first of ours with that key. */
export function selectStickyComment(
  comments: readonly IssueComment[],
  scope: CommentScope & { key: string },
): OurComment | undefined {
  return ourComments(comments, scope).find((c) => c.header.key === scope.key);
}

/**
 * An editor in a comment's edit history is us when it is one of `authors`. GraphQL spells a bot
 * without the `[bot]` that REST adds (`github-actions`), so the suffix is not compared; null is an
 * account that is gone, never us.
 */
export function isOurEditor(editor: string | null, authors: readonly string[]): boolean {
  if (editor === null) return false;
  const bare = (login: string): string => login.replace(/\[bot\]$/, '').toLowerCase();
  return authors.some((a) => bare(a) === bare(editor));
}

/** Who else ever edited the comment (null: an account that is gone). Fails on a partial history. */
export async function foreignEditors(
  api: GitHubApi,
  comment: OurComment,
  authors: readonly string[],
): Promise<string[]> {
  const { editors, count } = await api.commentEdits(comment.comment.nodeId);
  if (editors.length !== count) {
    throw new Error(
      `GitHub listed ${editors.length} of the ${count} edits of comment ${comment.comment.id}`,
    );
  }
  const found = new Set<string>();
  for (const editor of editors) {
    if (!isOurEditor(editor, authors)) found.add(editor ?? 'a deleted account');
  }
  return [...found];
}

export function commentAuthors(login: string | undefined): string[] {
  return login && login !== ACTIONS_BOT ? [login, ACTIONS_BOT] : [ACTIONS_BOT];
}

export type UpsertResult =
  { ok: true; commentId: number; created: boolean } | { ok: false; reason: string };

/** A short, actionable explanation of why GitHub refused a comment write. */
export function explainCommentFailure(error: unknown): string {
  if (error instanceof GitHubApiError) {
    if (error.status === 403) {
      return `${error.message}. The token cannot write PR comments: grant \`permissions: pull-requests: write\` to the job (fork PRs never get it)`;
    }
    if (error.status === 422) return `${error.message}. GitHub refused the comment body`;
    if (error.status === 404) {
      return `${error.message}. The PR was not found with this token (check \`github-token\` and \`pull-requests: write\`)`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Updates `existing` or creates the comment; never throws. */
export async function upsertComment(
  api: GitHubApi,
  pr: number,
  body: string,
  existing: OurComment | undefined,
): Promise<UpsertResult> {
  try {
    if (existing) {
      const updated = await api.updateComment(existing.comment.id, body);
      return { ok: true, commentId: updated.id, created: false };
    }
    const created = await api.createComment(pr, body);
    return { ok: true, commentId: created.id, created: true };
  } catch (error) {
    return { ok: false, reason: explainCommentFailure(error) };
  }
}
