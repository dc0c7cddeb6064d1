// The compact forms the comment's header carries its records in (base64, so they sit in JSON and an
// HTML comment as they are): fixed-size binary cluster records, and per-cluster task lists with the
// ids deflated. A malformed value reads as nothing, never as a record.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TASK_HASH_LENGTH } from './fingerprint.js';

/** A task as recorded for review: its id and a short salted hash of its canonical JSON. */
export interface TaskDigest {
  id: string;
  hash: string;
}

/** A reviewed cluster's tasks, by its exact region and name. */
export interface ReviewedTasks {
  region: string;
  name: string;
  tasks: TaskDigest[];
}

const MAX_INFLATED_BYTES = 1 << 20;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 of hex strings of one length laid end to end. */
export function packRecords(records: readonly string[]): string {
  return Buffer.from(records.join(''), 'hex').toString('base64');
}

/** The records of `packRecords`, each `bytes` long (as hex), or undefined when malformed. */
export function unpackRecords(packed: unknown, bytes: number): string[] | undefined {
  if (typeof packed !== 'string' || !BASE64.test(packed)) return undefined;
  const buffer = Buffer.from(packed, 'base64');
  if (buffer.length % bytes !== 0) return undefined;
  const out: string[] = [];
  for (let i = 0; i < buffer.length; i += bytes) {
    out.push(buffer.subarray(i, i + bytes).toString('hex'));
  }
  return out;
}

/** Characters of the base64 of `bytes` bytes. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/**
 * One cluster's task list: region, name and the ids (which repeat a lot) deflated, then the hashes
 * as raw bytes, both base64, joined by "." — about 14 bytes per task. Region, name and ids hold no
 * newline (AWS and Kubernetes names).
 */
export function packTaskList(list: ReviewedTasks): string {
  const text = [list.region, list.name, ...list.tasks.map((t) => t.id)].join('\n');
  const ids = deflateRawSync(Buffer.from(text, 'utf8'));
  const hashes = Buffer.from(list.tasks.map((t) => t.hash).join(''), 'hex');
  return `${ids.toString('base64')}.${hashes.toString('base64')}`;
}

export function unpackTaskList(packed: unknown): ReviewedTasks | undefined {
  if (typeof packed !== 'string') return undefined;
  const [ids, hashes, ...rest] = packed.split('.');
  if (rest.length > 0 || !BASE64.test(ids ?? '') || !BASE64.test(hashes ?? '')) return undefined;
  try {
    // Bounded: one cluster's ids stay far below it; a forged header must not inflate to more.
    const [region, name, ...list] = inflateRawSync(Buffer.from(ids, 'base64'), {
      maxOutputLength: MAX_INFLATED_BYTES,
    })
      .toString('utf8')
      .split('\n');
    const hex = Buffer.from(hashes, 'base64').toString('hex');
    if (!region || !name || hex.length !== list.length * TASK_HASH_LENGTH) return undefined;
    return {
      region,
      name,
      tasks: list.map((id, i) => ({
        id,
        hash: hex.slice(i * TASK_HASH_LENGTH, (i + 1) * TASK_HASH_LENGTH),
      })),
    };
  } catch {
    return undefined;
  }
}
