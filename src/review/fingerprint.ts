// Fingerprint of a cluster's tasks (DESIGN §6): SHA-256 over the canonical JSON of the tasks,
// salted (repository + PR number), so a reviewed plan can be recognised at apply time. Only the
// task data is hashed, never rendered text.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../cfn/canonical-json.js';
import type { Task } from './model.js';

export function fingerprint(tasks: readonly Task[], salt: string): string {
  return createHash('sha256')
    .update(salt, 'utf8')
    .update('\0', 'utf8')
    .update(canonicalJson(tasks), 'utf8')
    .digest('hex');
}
