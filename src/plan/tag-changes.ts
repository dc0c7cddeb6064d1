// What it takes to make a resource's live tags the desired ones (associations and add-ons): the tags
// to add or change, the keys to remove (never AWS's `aws:` keys), and whether only our owner tag is
// missing — then it is an adoption, not an update.

import { OWNER_TAG, isAwsTag } from '../names/tags.js';
import type { TaskCommon } from './task-builders.js';
import { takeOverReason } from './take-over.js';

export interface TagChanges {
  params: { tagsToAdd: Record<string, string>; tagKeysToRemove: string[] };
  adopt: boolean;
  common: TaskCommon;
}

export function tagChanges(
  live: Record<string, string>,
  desired: Record<string, string>,
): TagChanges | undefined {
  const tagsToAdd: Record<string, string> = {};
  const before: Record<string, string> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (isAwsTag(key) || live[key] === value) continue;
    tagsToAdd[key] = value;
    if (key in live) before[key] = live[key];
  }
  const tagKeysToRemove = Object.keys(live)
    .filter((key) => !isAwsTag(key) && !(key in desired))
    .sort();
  for (const key of tagKeysToRemove) before[key] = live[key];
  const added = Object.keys(tagsToAdd);
  if (added.length === 0 && tagKeysToRemove.length === 0) return undefined;
  const adopt = added.length === 1 && added[0] === OWNER_TAG && tagKeysToRemove.length === 0;
  const previousOwner = OWNER_TAG in tagsToAdd ? live[OWNER_TAG] : undefined;
  const reason =
    previousOwner !== undefined
      ? takeOverReason(previousOwner)
      : adopt
        ? 'matches the config; tag it as managed by this owner'
        : !(OWNER_TAG in live)
          ? 'adopt it and update tags'
          : 'tags differ';
  return {
    params: { tagsToAdd, tagKeysToRemove },
    adopt,
    common: { reason, before: { tags: before }, after: { tags: tagsToAdd } },
  };
}
