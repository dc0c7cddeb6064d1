// The hidden, versioned header at the top of our PR comment: `<!-- podid-action:v1 {json} -->`.
// It records what was reviewed: one fingerprint over the whole plan, per cluster the salted
// fingerprint (the binding, DESIGN §6) and a compact list of task ids with short per-task hashes
// (only to explain *which* task changed), plus the head commit, the PR, the mode and status. It
// stays within a byte budget however many clusters there are: per-cluster records that do not fit
// are left out (counted), and the whole-plan fingerprint still binds them. The comment is only a
// pointer: apply recomputes the plan and compares; nothing in here says *what* to apply.

import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TASK_HASH_LENGTH, taskHash, type HashedTask } from './fingerprint.js';

export const MARKER_PREFIX = '<!-- podid-action:v1 ';
const MARKER_SUFFIX = ' -->';
/** The whole header's budget; the visible comment gets the rest of GitHub's limit. */
export const HEADER_BUDGET_BYTES = 36_000;

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
  /** What was reviewed; `clusters` may leave some out (see ReviewedPlan). */
  reviewed: ReviewedPlan;
}

/** The reviewed plan as the header records it. */
export interface ReviewedPlan {
  /** planFingerprint() of the reviewed plan ('' when the comment records none). */
  fingerprint: string;
  /** Per-cluster records, clusters with changes first; some may be left out for room. */
  clusters: ReviewedCluster[];
  /** How many clusters with changes have no record here. */
  omitted: number;
}

/** A planned cluster as the binding reads it. */
export interface PlannedCluster {
  cluster: string;
  region: string;
  file: string;
  fingerprint: string;
  tasks: readonly HashedTask[];
}

/**
 * One SHA-256 over every cluster with changes (region, name, fingerprint; sorted): equal only when
 * the same clusters have changes and each has its reviewed fingerprint.
 */
export function planFingerprint(clusters: readonly PlannedCluster[]): string {
  const parts = clusters
    .filter((c) => c.tasks.length > 0)
    .map((c) => `${c.region}\0${c.cluster}\0${c.fingerprint}`)
    .sort();
  return createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex');
}

/** What a plan-mode comment records of the plan it shows. */
export function reviewedPlan(clusters: readonly PlannedCluster[], salt: string): ReviewedPlan {
  return {
    fingerprint: planFingerprint(clusters),
    clusters: clusters.map((c) => reviewedCluster(c, salt)),
    omitted: 0,
  };
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

const hasChanges = (c: ReviewedCluster): boolean => c.tasks === undefined || c.tasks.length > 0;

/**
 * The header, within HEADER_BUDGET_BYTES: cluster records (those with changes first) while they
 * fit, then task lists while they fit. What does not fit is left out, never cut.
 */
export function encodeHeader(header: CommentHeader): string {
  const { reviewed } = header;
  const base = {
    v: 1,
    repo: header.repo,
    pr: header.pr,
    sha: header.headSha,
    mode: header.mode,
    status: header.status,
    key: header.key,
    body: header.bodySha,
    plan: reviewed.fingerprint,
  };
  const ordered = [
    ...reviewed.clusters.filter(hasChanges),
    ...reviewed.clusters.filter((c) => !hasChanges(c)),
  ];
  // Room for the fixed part, the omitted count and the marker.
  let budget =
    HEADER_BUDGET_BYTES -
    Buffer.byteLength(safeJson({ ...base, omitted: 999_999, clusters: [] }), 'utf8') -
    MARKER_PREFIX.length -
    MARKER_SUFFIX.length;
  const kept: { cluster: ReviewedCluster; record: Record<string, unknown> }[] = [];
  let omitted = reviewed.omitted;
  for (const c of ordered) {
    const record = { name: c.name, region: c.region, file: c.file, fp: c.fingerprint };
    const cost = Buffer.byteLength(safeJson(record), 'utf8') + 1;
    if (cost > budget) {
      if (hasChanges(c)) omitted++;
      continue;
    }
    budget -= cost;
    kept.push({ cluster: c, record });
  }
  for (const { cluster, record } of kept) {
    const packed = cluster.tasks ? packTasks(cluster.tasks) : undefined;
    // `,"tasks":"…"` around the packed text.
    const cost = packed === undefined ? 0 : Buffer.byteLength(packed, 'utf8') + 11;
    if (packed !== undefined && cost <= budget) {
      budget -= cost;
      record.tasks = packed;
    }
  }
  const records = kept.map((k) => k.record);
  return `${MARKER_PREFIX}${safeJson({ ...base, omitted, clusters: records })}${MARKER_SUFFIX}`;
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
    reviewed: {
      fingerprint: str(raw.plan),
      omitted: typeof raw.omitted === 'number' && raw.omitted >= 0 ? raw.omitted : 0,
      clusters: (raw.clusters as Record<string, unknown>[])
        .filter((c) => c !== null && typeof c === 'object')
        .map((c) => ({
          name: str(c.name),
          region: str(c.region),
          file: str(c.file),
          fingerprint: str(c.fp),
          tasks: unpackTasks(c.tasks),
        })),
    },
  };
}

/** The visible part of a body (after the header line), as hashed into `bodySha`. */
export function visibleBody(body: string): string {
  const end = body.indexOf(MARKER_SUFFIX);
  return end < 0 ? body : body.slice(end + MARKER_SUFFIX.length).replace(/^\n/, '');
}
