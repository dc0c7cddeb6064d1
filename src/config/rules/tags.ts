// Tags: AWS's limits and reserved keys, for each tag and for the totals each resource would carry
// once eksctl and podid-action add their own.

import { MAX_TAGS, STACK_TAGS_ADDED, checkTag } from '../limits.js';
import type { Pos, Reader } from '../yaml.js';
import type { EntryRule } from './entry.js';

/** Each key/value against AWS's tag rules and the keys eksctl and podid-action reserve. */
export function checkTagMap(
  r: Reader,
  tags: Record<string, string>,
  keyAt: (key: string) => Pos,
  path: string,
): void {
  for (const [key, value] of Object.entries(tags)) {
    const bad = checkTag(key, value);
    if (bad) r.error(keyAt(key), path, bad[0], bad[1]);
  }
}

/** A standalone entry's tags go on its association and, for a created role, on its stack. */
export const entryTagsRule: EntryRule = (c) => {
  if (c.scope.addon !== undefined) return;
  const { spec, pia, path } = c;
  checkTagMap(c.r, spec.tags, (key) => pia.tagKeys.get(key) ?? pia.at, `${path}.tags`);
  const own = Object.keys(spec.tags).length;
  if (own + 1 > MAX_TAGS) {
    c.r.error(
      pia.key.tags ?? pia.at,
      `${path}.tags`,
      `${path}.tags has ${own} tags; the association would carry ${own + 1} with podid-action's owner tag, and EKS allows ${MAX_TAGS}`,
      `remove tags to keep at most ${MAX_TAGS - 1}`,
    );
    return;
  }
  if (spec.roleARN) return;
  const merged = new Set([...Object.keys(c.scope.metadataTags), ...Object.keys(spec.tags)]).size;
  const total = merged + STACK_TAGS_ADDED.standalone;
  if (total > MAX_TAGS) {
    c.r.error(
      pia.key.tags ?? pia.at,
      `${path}.tags`,
      `the role stack for ${path} would carry ${total} tags (${merged} from metadata.tags and tags, ${STACK_TAGS_ADDED.standalone} added by eksctl and podid-action); CloudFormation allows ${MAX_TAGS}`,
      'remove tags here or in metadata.tags',
    );
  }
};
