// All rules about one pod identity association, standalone (`iam.podIdentityAssociations[i]`) or
// an add-on's (`addons[j].podIdentityAssociations[i]`), in the order eksctl checks them: eksctl's
// rules keep eksctl's text (reference §1.1–§1.2); the rest are our own checks for what AWS would
// reject half-way through an apply. A new field is one rule here.

import type { RawPia } from '../read.js';
import type { Reader } from '../yaml.js';
import { addonEntryFieldsRule } from './addon-entry.js';
import { roleAccountRule, targetRoleArnShapeRule } from './cross-account.js';
import { entryCheck, type EntryRule, type EntryScope } from './entry.js';
import { generatedRoleRule } from './generated-role.js';
import { namespaceRule, serviceAccountNameRule } from './identity.js';
import {
  inlinePolicyNameCollisionRule,
  permissionPolicyDocumentRule,
  permissionPolicyNameRule,
  policyArnShapesRule,
  sessionPolicyJsonRule,
  sessionPolicyNeedsNoSessionTagsRule,
} from './policies.js';
import {
  roleArnExclusiveRule,
  roleArnShapeRule,
  roleNameRule,
  roleSourceRequiredRule,
} from './role-source.js';
import { entryTagsRule } from './tags.js';

const ENTRY_RULES: readonly EntryRule[] = [
  namespaceRule,
  serviceAccountNameRule,
  roleSourceRequiredRule,
  roleArnExclusiveRule,
  addonEntryFieldsRule,
  permissionPolicyNameRule,
  inlinePolicyNameCollisionRule,
  sessionPolicyNeedsNoSessionTagsRule,
  sessionPolicyJsonRule,
  roleArnShapeRule,
  targetRoleArnShapeRule,
  policyArnShapesRule,
  roleAccountRule,
  roleNameRule,
  permissionPolicyDocumentRule,
  entryTagsRule,
  generatedRoleRule,
];

export function validateAssociation(r: Reader, pia: RawPia, scope: EntryScope): void {
  // A list item that is not a mapping was reported when read; nothing more to say about it.
  if (pia.bad.has('')) return;
  const check = entryCheck(r, pia, scope);
  for (const rule of ENTRY_RULES) rule(check);
}
