// What the GitHub stand-in remembers: repositories, pull requests (registered by tests), issue
// comments and tokens. Repositories spring into existence the first time they are named: the
// emulator stands for a world where the workflow's repository exists.

import { createHash } from 'node:crypto';

export interface GithubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** Who `GITHUB_TOKEN` comments as. */
export const ACTIONS_BOT: GithubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** Who GitHub shows as the author of a deleted account's comments. */
export const GHOST: GithubUser = { login: 'ghost', id: 10137, type: 'User' };
/** Author of PRs registered without one. */
export const DEFAULT_PR_AUTHOR: GithubUser = { login: 'octocat', id: 583231, type: 'User' };

export interface RepoRecord {
  owner: string;
  name: string;
  id: number;
  ownerId: number;
  defaultBranch: string;
  private: boolean;
}

export interface PullRecord {
  repoKey: string;
  number: number;
  headSha: string;
  mergeCommitSha: string | null;
  headRef: string;
  baseRef: string;
  fork: boolean;
  /** `owner/name` of the head repository (the fork for fork PRs). */
  headRepo: string;
  merged: boolean;
  state: 'open' | 'closed';
  title: string;
  user: GithubUser;
  createdAt: string;
  /** ISO seconds; null until merged. */
  mergedAt: string | null;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  repoKey: string;
  issueNumber: number;
  body: string;
  user: GithubUser;
  authorAssociation: string;
  createdAt: string;
  updatedAt: string;
  /** Classifier in lower case (`outdated`) once minimized through GraphQL. */
  minimizedReason?: string;
  /** GitHub's edit history (`userContentEdits`), oldest first; empty until the first edit. */
  edits: CommentEdit[];
}

/** One `UserContentEdit`: a version of a comment's body and who wrote it. */
export interface CommentEdit {
  /** Recording order across the emulator; cursors name it, so pages stay put as edits arrive. */
  seq: number;
  /** GraphQL node id (`UCE_…`). */
  id: string;
  editor: GithubUser;
  /** When this version was written (the comment's creation for the first entry). */
  editedAt: string;
  /** When GitHub recorded the entry. */
  createdAt: string;
  /** The body this version has (GitHub's `diff` field carries the version's text). */
  diff: string;
}

/** What a token may do. Unknown tokens are the workflow's `GITHUB_TOKEN` with write access. */
export interface TokenRecord {
  user: GithubUser;
  write: boolean;
}

/** Stable small numbers from names, so ids look real and repeat across runs. */
export function stableId(text: string, base: number): number {
  return base + (createHash('sha256').update(text).digest().readUInt32BE(0) % 90_000_000);
}

/** GitHub's ISO format: seconds, no fraction. */
export const isoSeconds = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export class GithubState {
  readonly repos = new Map<string, RepoRecord>();
  readonly pulls = new Map<string, PullRecord>();
  /** Plain issues (no PR) that comments were seeded on. */
  readonly issues = new Set<string>();
  readonly comments = new Map<number, CommentRecord>();
  /** Issue key → comment ids in creation order, so a page is a slice. */
  readonly commentsByIssue = new Map<string, number[]>();
  readonly byNodeId = new Map<string, number>();
  readonly tokens = new Map<string, TokenRecord>();
  /** Logins of deleted accounts: GraphQL answers `editor: null` for their edits. */
  readonly deletedUsers = new Set<string>();
  private nextCommentId = 2_000_000_001;
  private nextEditSeq = 1;

  reset(): void {
    this.repos.clear();
    this.pulls.clear();
    this.issues.clear();
    this.comments.clear();
    this.commentsByIssue.clear();
    this.byNodeId.clear();
    this.tokens.clear();
    this.deletedUsers.clear();
    this.nextCommentId = 2_000_000_001;
    this.nextEditSeq = 1;
  }

  /** The repository `owner/name` (case-insensitive, as GitHub), created on first mention. */
  repo(fullName: string): RepoRecord {
    const key = fullName.toLowerCase();
    let repo = this.repos.get(key);
    if (!repo) {
      const [owner, name] = fullName.split('/');
      if (!owner || !name) throw new Error(`repository "${fullName}" is not OWNER/NAME`);
      repo = {
        owner,
        name,
        id: stableId(key, 100_000_000),
        ownerId: stableId(owner.toLowerCase(), 10_000_000),
        defaultBranch: 'main',
        private: false,
      };
      this.repos.set(key, repo);
    }
    return repo;
  }

  repoById(id: number): RepoRecord | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  issueKey(repo: RepoRecord, number: number): string {
    return `${repo.owner}/${repo.name}`.toLowerCase() + `#${number}`;
  }

  /** True when issue or PR `number` exists in the repo. */
  hasIssue(repo: RepoRecord, number: number): boolean {
    const key = this.issueKey(repo, number);
    return this.pulls.has(key) || this.issues.has(key);
  }

  pull(repo: RepoRecord, number: number): PullRecord | undefined {
    return this.pulls.get(this.issueKey(repo, number));
  }

  addComment(
    repo: RepoRecord,
    number: number,
    body: string,
    user: GithubUser,
    authorAssociation: string,
    now: number,
  ): CommentRecord {
    const id = this.nextCommentId++;
    const key = this.issueKey(repo, number);
    const comment: CommentRecord = {
      id,
      // Real node ids are opaque base64; this keeps the `IC_kwDO` prefix GitHub uses for comments.
      nodeId: `IC_kwDO${Buffer.from(`${repo.id}:${id}`).toString('base64url')}`,
      repoKey: key.split('#')[0],
      issueNumber: number,
      body,
      user,
      authorAssociation,
      createdAt: isoSeconds(now),
      updatedAt: isoSeconds(now),
      edits: [],
    };
    this.comments.set(id, comment);
    this.byNodeId.set(comment.nodeId, id);
    const list = this.commentsByIssue.get(key) ?? [];
    list.push(id);
    this.commentsByIssue.set(key, list);
    return comment;
  }

  deleteComment(comment: CommentRecord): void {
    this.comments.delete(comment.id);
    this.byNodeId.delete(comment.nodeId);
    const key = `${comment.repoKey}#${comment.issueNumber}`;
    const list = this.commentsByIssue.get(key) ?? [];
    const at = list.indexOf(comment.id);
    if (at >= 0) list.splice(at, 1);
  }

  /**
   * A new body by `editor`. GitHub keeps every version: the first edit also records the original
   * (editor = the author, editedAt = the creation), so an edited comment's history is never shorter
   * than two entries.
   */
  editComment(comment: CommentRecord, body: string, editor: GithubUser, now: number): void {
    const at = isoSeconds(now);
    if (comment.edits.length === 0)
      comment.edits.push(this.edit(comment, comment.user, comment.createdAt, at, comment.body));
    comment.edits.push(this.edit(comment, editor, at, at, body));
    comment.body = body;
    comment.updatedAt = at;
  }

  private edit(
    comment: CommentRecord,
    editor: GithubUser,
    editedAt: string,
    createdAt: string,
    diff: string,
  ): CommentEdit {
    const seq = this.nextEditSeq++;
    const id = `UCE_lADO${Buffer.from(`${comment.id}:${seq}`).toString('base64url')}`;
    return { seq, id, editor, editedAt, createdAt, diff };
  }

  /**
   * Deletes an account as GitHub does: its comments are then authored by `ghost`, while the edits
   * it made stay in the histories with no editor.
   */
  deleteUser(login: string): number {
    this.deletedUsers.add(login.toLowerCase());
    let moved = 0;
    for (const comment of this.comments.values())
      if (comment.user.login.toLowerCase() === login.toLowerCase()) {
        comment.user = GHOST;
        moved++;
      }
    return moved;
  }

  /** The PR a comment sits on (undefined for plain issues). */
  pullOfComment(comment: CommentRecord): PullRecord | undefined {
    return this.pulls.get(`${comment.repoKey}#${comment.issueNumber}`);
  }

  token(value: string): TokenRecord {
    return this.tokens.get(value) ?? { user: ACTIONS_BOT, write: true };
  }
}
