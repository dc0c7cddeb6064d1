// The hidden, versioned header at the top of our PR comment: `<!-- podid-action:v1 {json} -->`.
// It records what was reviewed: per cluster the salted fingerprint (the binding, DESIGN §6) and a
// compact list of task ids with short per-task hashes (only to explain *which* task changed), plus
// the head commit, the PR, the mode and status. The comment is only a pointer: apply recomputes the
// plan and compares; nothing in here is trusted to say *what* to apply.

import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TASK_HASH_LENGTH, taskHash, type HashedTask } from './fingerprint.js';

export const MARKER_PREFIX = '<!-- podid-action:v1 ';
const MARKER_SUFFIX = ' -->';
/** Past this the per-task list is left out (the fingerprint alone still binds the plan). */
export const MAX_TASK_LIST_BYTES = 32_000;

export type CommentStatus =
  | 'planned'
  | 'no-changes'
  | 'plan-failed'
  | 'invalid-config'
  | 'plan-changed'
  | 'applied'
  | 'apply-failed';

/** A task as recorded for review: its id and a short salted hash of its canonical JSON. */
export interface TaskDigest {
  id: string;
  hash: string;
}

export interface ReviewedCluster {
  name: string;
  region: string;
  file: string;
  fingerprint: string;
  /** Undefined when the list was too large to record. */
  tasks?: TaskDigest[];
}

export interface CommentHeader {
  repo: string;
  pr: number;
  headSha: string;
  mode: string;
  status: CommentStatus;
  /** Which config set the comment is for (the sorted `config` globs). */
  key: string;
  /** SHA-256 of the visible body, to notice edits made after we wrote it. */
  bodySha: string;
  clusters: ReviewedCluster[];
}

/** A planned cluster as the binding reads it. */
export interface PlannedCluster {
  cluster: string;
  region: string;
  file: string;
  fingerprint: string;
  tasks: readonly HashedTask[];
}

export function reviewedCluster(cluster: PlannedCluster, salt: string): ReviewedCluster {
  return {
    name: cluster.cluster,
    region: cluster.region,
    file: cluster.file,
    fingerprint: cluster.fingerprint,
    tasks: cluster.tasks.map((t) => ({ id: t.id, hash: taskHash(t, salt) })),
  };
}

export function bodySha(visibleBody: string): string {
  return createHash('sha256').update(visibleBody, 'utf8').digest('hex');
}

/**
 * Task lists travel compactly: the ids (which repeat a lot) deflated, and the hashes as raw bytes,
 * both base64, joined by "." — about 14 bytes per task, so 2,000 tasks fit in ~28 kB.
 */
function packTasks(tasks: TaskDigest[]): string {
  const ids = deflateRawSync(Buffer.from(tasks.map((t) => t.id).join('\n'), 'utf8'));
  const hashes = Buffer.from(tasks.map((t) => t.hash).join(''), 'hex');
  return `${ids.toString('base64')}.${hashes.toString('base64')}`;
}

function unpackTasks(packed: unknown): TaskDigest[] | undefined {
  if (typeof packed !== 'string') return undefined;
  const [ids, hashes] = packed.split('.');
  try {
    const idList = inflateRawSync(Buffer.from(ids ?? '', 'base64')).toString('utf8');
    const hex = Buffer.from(hashes ?? '', 'base64').toString('hex');
    const list = idList === '' ? [] : idList.split('\n');
    if (hex.length !== list.length * TASK_HASH_LENGTH) return undefined;
    return list.map((id, i) => ({
      id,
      hash: hex.slice(i * TASK_HASH_LENGTH, (i + 1) * TASK_HASH_LENGTH),
    }));
  } catch {
    return undefined;
  }
}

/** JSON that cannot end the HTML comment it sits in (`>` and friends as \u escapes). */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function encodeHeader(header: CommentHeader): string {
  let budget = MAX_TASK_LIST_BYTES;
  const clusters = header.clusters.map((c) => {
    const packed = c.tasks ? packTasks(c.tasks) : undefined;
    const keep = packed !== undefined && packed.length <= budget;
    if (keep) budget -= packed.length;
    return {
      name: c.name,
      region: c.region,
      file: c.file,
      fp: c.fingerprint,
      ...(keep ? { tasks: packed } : {}),
    };
  });
  const json = {
    v: 1,
    repo: header.repo,
    pr: header.pr,
    sha: header.headSha,
    mode: header.mode,
    status: header.status,
    key: header.key,
    body: header.bodySha,
    clusters,
  };
  return `${MARKER_PREFIX}${safeJson(json)}${MARKER_SUFFIX}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The header of a comment body, or undefined when the body does not start with our marker. */
export function decodeHeader(body: string): CommentHeader | undefined {
  if (!body.startsWith(MARKER_PREFIX)) return undefined;
  const end = body.indexOf(MARKER_SUFFIX, MARKER_PREFIX.length);
  if (end < 0) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(body.slice(MARKER_PREFIX.length, end));
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || raw.v !== 1 || !Array.isArray(raw.clusters)) {
    return undefined;
  }
  return {
    repo: str(raw.repo),
    pr: typeof raw.pr === 'number' ? raw.pr : 0,
    headSha: str(raw.sha),
    mode: str(raw.mode),
    status: str(raw.status) as CommentStatus,
    key: str(raw.key),
    bodySha: str(raw.body),
    clusters: (raw.clusters as Record<string, unknown>[])
      .filter((c) => c !== null && typeof c === 'object')
      .map((c) => ({
        name: str(c.name),
        region: str(c.region),
        file: str(c.file),
        fingerprint: str(c.fp),
        tasks: unpackTasks(c.tasks),
      })),
  };
}

/** The visible part of a body (after the header line), as hashed into `bodySha`. */
export function visibleBody(body: string): string {
  const end = body.indexOf(MARKER_SUFFIX);
  return end < 0 ? body : body.slice(end + MARKER_SUFFIX.length).replace(/^\n/, '');
}
