// The `+` / `~` / `-` lines of one task for the Markdown diff block: the task's description, then
// the reviewed values (role, target role, tags, policy changes) indented under it.

import type { StackOutputRef, Task } from '../plan/model.js';
import { codeValue } from './escape.js';

const SIGN: Record<Task['change'], string> = { create: '+', update: '~', adopt: '~', delete: '-' };

const isRef = (v: unknown): v is StackOutputRef =>
  v !== null && typeof v === 'object' && 'stackName' in v && 'output' in v;

/** Reviewed values as text: stack outputs read as "(known after apply …)". */
export function reviewValue(value: unknown): string {
  if (isRef(value))
    return `(known after apply: output ${value.output} of stack ${codeValue(value.stackName)})`;
  if (value === null || value === undefined) return '(none)';
  return codeValue(value);
}

function mapLines(sign: string, label: string, map: unknown): string[] {
  if (map === null || typeof map !== 'object') return [];
  return Object.keys(map)
    .sort()
    .map(
      (k) =>
        `${sign}     ${label} ${codeValue(k)} = ${reviewValue((map as Record<string, unknown>)[k])}`,
    );
}

function listDiff(label: string, before: unknown, after: unknown): string[] {
  const b = new Set(Array.isArray(before) ? before.map(String) : []);
  const a = new Set(Array.isArray(after) ? after.map(String) : []);
  return [
    ...[...a].filter((x) => !b.has(x)).map((x) => `+     ${label} ${codeValue(x)}`),
    ...[...b].filter((x) => !a.has(x)).map((x) => `-     ${label} ${codeValue(x)}`),
  ];
}

/** Only the entries of a map that change (tags, an add-on's associations): new, different, removed. */
function mapDiff(label: string, before: unknown, after: unknown, showRemoved = false): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    if (!(key in a)) {
      lines.push(
        `-     ${label} ${codeValue(key)}${showRemoved ? ` = ${reviewValue(b[key])}` : ''}`,
      );
    } else if (!(key in b)) lines.push(`+     ${label} ${codeValue(key)} = ${reviewValue(a[key])}`);
    else if (codeValue(a[key]) !== codeValue(b[key])) {
      lines.push(
        `~     ${label} ${codeValue(key)}: ${reviewValue(b[key])} -> ${reviewValue(a[key])}`,
      );
    }
  }
  return lines;
}

function fieldLines(task: Task): string[] {
  const before = task.before ?? {};
  const after = task.after ?? {};
  const lines: string[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    if (key === 'podIdentityAssociations' && typeof (after[key] ?? before[key]) === 'object') {
      // An add-on's associations: service account → role, only the ones that change.
      lines.push(...mapDiff('association', before[key], after[key], true));
    } else if (key === 'tags') {
      if (task.change === 'update' || task.change === 'adopt') {
        // Tag tasks record the old values of the keys they change or remove: old -> new, +, -.
        lines.push(...mapDiff('tag', before.tags, after.tags));
      } else {
        const sign = task.change === 'delete' ? '-' : '+';
        lines.push(...mapLines(sign, 'tag', task.change === 'delete' ? before.tags : after.tags));
      }
    } else if (key === 'managedPolicyArns' && task.change !== 'create') {
      lines.push(...listDiff('managed policy', before[key], after[key]));
    } else if (key === 'managedPolicyArns' || key === 'wellKnownPolicies') {
      const label = key === 'managedPolicyArns' ? 'managed policy' : 'well-known policy';
      const value = after[key];
      if (Array.isArray(value)) lines.push(...value.map((v) => `+     ${label} ${codeValue(v)}`));
    } else if (key === 'inlinePolicies') {
      // The documents themselves: what the role may do is what the reviewer must see.
      const was = (before[key] ?? {}) as Record<string, unknown>;
      const now = (after[key] ?? {}) as Record<string, unknown>;
      for (const id of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
        if (!(id in now)) lines.push(`-     inline policy ${codeValue(id)}`);
        else if (!(id in was))
          lines.push(`+     inline policy ${codeValue(id)} = ${codeValue(now[id])}`);
        else {
          lines.push(`-     inline policy ${codeValue(id)} = ${codeValue(was[id])}`);
          lines.push(`+     inline policy ${codeValue(id)} = ${codeValue(now[id])}`);
        }
      }
    } else if (key in before && key in after) {
      lines.push(`~     ${key}: ${reviewValue(before[key])} -> ${reviewValue(after[key])}`);
    } else if (key in after) {
      lines.push(`${task.change === 'delete' ? '-' : '+'}     ${key}: ${reviewValue(after[key])}`);
    } else {
      lines.push(`-     ${key}: ${reviewValue(before[key])}`);
    }
  }
  return lines;
}

export function taskLines(task: Task): string[] {
  return [
    `${SIGN[task.change]} ${task.description}`,
    `#     reason: ${codeValue(task.reason)}`,
    ...fieldLines(task),
  ];
}
