// The hidden, versioned header at the top of our PR comment: `<!-- podid-action:v2 {json} -->`.
// It records what was reviewed: one fingerprint over the whole plan, per cluster a 128-bit binding
// of its salted fingerprint packed in 21 bytes (fingerprint.ts says why that is enough), and per
// cluster the task ids with short per-task hashes (only to explain *which* task changed), plus the
// head commit, the PR, the mode and status. It stays within a byte budget however many clusters
// there are: about 1,250 clusters with changes have their record; records that do not fit are left
// out (counted), and the whole-plan fingerprint still binds them. The comment is only a pointer:
// apply recomputes the plan and compares; nothing in here says *what* to apply.
//
// A header of another version (v1, written by the first release, spelled out each record) is
// recognised as ours, so a plan run updates that comment in place, but none of its records is read:
// apply asks for a new plan rather than guess what an old record meant.

import { createHash } from 'node:crypto';
import {
  BINDING_BYTES,
  TAG_BYTES,
  clusterBinding,
  clusterTag,
  taskHash,
  type HashedTask,
} from './fingerprint.js';
import {
  base64Length,
  packRecords,
  packTaskList,
  unpackRecords,
  unpackTaskList,
  type ReviewedTasks,
} from './packed.js';

export type { ReviewedTasks, TaskDigest } from './packed.js';

/** The header version this release writes, and the only one whose records it reads. */
export const HEADER_VERSION = 2;
const MARKER = /^<!-- podid-action:v(\d{1,6}) /;
const markerPrefix = (version: number): string => `<!-- podid-action:v${version} `;
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

/** A reviewed cluster as the header records it: found by its tag, bound by its binding. */
export interface ReviewedCluster {
  /** clusterTag(region, name). */
  tag: string;
  /** clusterBinding(region, name, fingerprint); undefined: reviewed with nothing to do. */
  binding?: string;
}

export interface CommentHeader {
  /** HEADER_VERSION, or the version of another release's header (whose `reviewed` is empty). */
  version: number;
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
  /** Task lists of clusters with changes, while they fit (best effort). */
  tasks: ReviewedTasks[];
  /** How many clusters with changes have no record here. */
  omitted: number;
}

/** A comment that records no review. */
export const noReview = (): ReviewedPlan => ({
  fingerprint: '',
  clusters: [],
  tasks: [],
  omitted: 0,
});

/** A planned cluster as the binding reads it. */
export interface PlannedCluster {
  cluster: string;
  region: string;
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

export function reviewedCluster(cluster: PlannedCluster): ReviewedCluster {
  const tag = clusterTag(cluster.region, cluster.cluster);
  if (cluster.tasks.length === 0) return { tag };
  return { tag, binding: clusterBinding(cluster.region, cluster.cluster, cluster.fingerprint) };
}

export function reviewedTasks(cluster: PlannedCluster, salt: string): ReviewedTasks {
  return {
    region: cluster.region,
    name: cluster.cluster,
    tasks: cluster.tasks.map((t) => ({ id: t.id, hash: taskHash(t, salt) })),
  };
}

/** What a plan-mode comment records of the plan it shows. */
export function reviewedPlan(clusters: readonly PlannedCluster[], salt: string): ReviewedPlan {
  return {
    fingerprint: planFingerprint(clusters),
    clusters: clusters.map(reviewedCluster),
    tasks: clusters.filter((c) => c.tasks.length > 0).map((c) => reviewedTasks(c, salt)),
    omitted: 0,
  };
}

export function bodySha(visibleBody: string): string {
  return createHash('sha256').update(visibleBody, 'utf8').digest('hex');
}

/** JSON that cannot end the HTML comment it sits in (`>` and friends as \u escapes). */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Bytes of one record of a cluster with changes: tag and binding. */
const CHANGED_BYTES = TAG_BYTES + BINDING_BYTES;

/**
 * The header, within HEADER_BUDGET_BYTES: the records of clusters with changes (`changed`, 21
 * bytes each: tag and binding) while they fit, then the tags of clusters reviewed with nothing to
 * do (`unchanged`), then task lists while they fit. What does not fit is left out, never cut.
 */
export function encodeHeader(header: Omit<CommentHeader, 'version'>): string {
  const { reviewed } = header;
  const prefix = markerPrefix(HEADER_VERSION);
  const base = {
    v: HEADER_VERSION,
    repo: header.repo,
    pr: header.pr,
    sha: header.headSha,
    mode: header.mode,
    status: header.status,
    key: header.key,
    body: header.bodySha,
    plan: reviewed.fingerprint,
  };
  const empty = { ...base, omitted: 999_999, changed: '', unchanged: '', tasks: [] };
  // Room for the fixed part, the omitted count and the marker.
  let budget =
    HEADER_BUDGET_BYTES -
    Buffer.byteLength(safeJson(empty), 'utf8') -
    prefix.length -
    MARKER_SUFFIX.length;
  const changed = reviewed.clusters.filter((c) => c.binding !== undefined);
  // 21 bytes are 28 base64 characters exactly, so each record costs the same.
  const kept = changed.slice(0, Math.max(0, Math.floor(budget / base64Length(CHANGED_BYTES))));
  budget -= base64Length(kept.length * CHANGED_BYTES);
  const unchanged = reviewed.clusters.filter((c) => c.binding === undefined);
  let quiet = Math.max(0, Math.min(unchanged.length, Math.floor(((budget / 4) * 3) / TAG_BYTES)));
  while (quiet > 0 && base64Length(quiet * TAG_BYTES) > budget) quiet--;
  budget -= base64Length(quiet * TAG_BYTES);
  const keptTags = new Set(kept.map((c) => c.tag));
  const tasks: string[] = [];
  for (const list of reviewed.tasks) {
    if (!keptTags.has(clusterTag(list.region, list.name))) continue;
    const packed = packTaskList(list);
    // `"…",` around the packed text.
    const cost = Buffer.byteLength(packed, 'utf8') + 3;
    if (cost > budget) continue;
    budget -= cost;
    tasks.push(packed);
  }
  const json = {
    ...base,
    omitted: reviewed.omitted + changed.length - kept.length,
    changed: packRecords(kept.map((c) => `${c.tag}${c.binding}`)),
    unchanged: packRecords(unchanged.slice(0, quiet).map((c) => c.tag)),
    tasks,
  };
  return `${prefix}${safeJson(json)}${MARKER_SUFFIX}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What a header of this version records as reviewed; a malformed part records nothing. */
function decodeReviewed(raw: Record<string, unknown>): ReviewedPlan {
  const tagHex = TAG_BYTES * 2;
  const changed = (unpackRecords(raw.changed, CHANGED_BYTES) ?? []).map((r) => ({
    tag: r.slice(0, tagHex),
    binding: r.slice(tagHex),
  }));
  const unchanged = (unpackRecords(raw.unchanged, TAG_BYTES) ?? []).map((tag) => ({ tag }));
  const lists = Array.isArray(raw.tasks) ? raw.tasks : [];
  return {
    fingerprint: str(raw.plan),
    omitted: typeof raw.omitted === 'number' && raw.omitted >= 0 ? raw.omitted : 0,
    clusters: [...changed, ...unchanged],
    tasks: lists.map(unpackTaskList).filter((t) => t !== undefined),
  };
}

/**
 * The header of a comment body, or undefined when the body does not start with our marker. A
 * header of another version is returned with its version and nothing reviewed.
 */
export function decodeHeader(body: string): CommentHeader | undefined {
  const marker = MARKER.exec(body);
  if (!marker) return undefined;
  const end = body.indexOf(MARKER_SUFFIX, marker[0].length);
  if (end < 0) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(body.slice(marker[0].length, end));
  } catch {
    return undefined;
  }
  const version = Number(marker[1]);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const fields = raw as Record<string, unknown>;
  if (fields.v !== version) return undefined;
  return {
    version,
    repo: str(fields.repo),
    pr: typeof fields.pr === 'number' ? fields.pr : 0,
    headSha: str(fields.sha),
    mode: str(fields.mode),
    status: str(fields.status) as CommentStatus,
    key: str(fields.key),
    bodySha: str(fields.body),
    reviewed: version === HEADER_VERSION ? decodeReviewed(fields) : noReview(),
  };
}

/** The visible part of a body (after the header line), as hashed into `bodySha`. */
export function visibleBody(body: string): string {
  const end = body.indexOf(MARKER_SUFFIX);
  return end < 0 ? body : body.slice(end + MARKER_SUFFIX.length).replace(/^\n/, '');
}
