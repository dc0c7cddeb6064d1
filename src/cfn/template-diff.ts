// Semantic comparison of two pod identity role templates: the live one (as CloudFormation returns
// it) and the desired one. Only what changes the role counts; the description, key order, output
// shape and the order of managed policy ARNs (IAM attachments have no order) do not.

import { canonicalJson } from '../lib/canonical-json.js';
import type { CfnTemplate } from './role-template.js';
import { ROLE_LOGICAL_ID } from '../names/template-ids.js';

/** What a reviewer needs to know about one role template. */
export interface RoleTemplateSummary {
  roleName?: string;
  permissionsBoundary?: string;
  /** Display form: `Fn::Sub` strings are shown as their pattern. */
  managedPolicyArns: string[];
  trustPolicy?: unknown;
  /** Inline `AWS::IAM::Policy` resources by logical id → policy document. */
  inlinePolicies: Record<string, unknown>;
  /** Their IAM policy names (`${AWS::StackName}-<name>`), by logical id. */
  inlinePolicyNames: Record<string, string>;
}

export interface Change<T> {
  before?: T;
  after?: T;
}

export interface RoleTemplateDiff {
  managedPolicyArnsAdded: string[];
  managedPolicyArnsRemoved: string[];
  inlinePoliciesAdded: string[];
  inlinePoliciesRemoved: string[];
  inlinePoliciesChanged: string[];
  permissionsBoundary?: Change<string>;
  roleName?: Change<string>;
  trustPolicyChanged: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A template value as a reviewer reads it: plain strings as is, `Fn::Sub` as its pattern. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value['Fn::Sub'] === 'string') return value['Fn::Sub'];
  return canonicalJson(value);
}

export function summarizeRoleTemplate(template: CfnTemplate | undefined): RoleTemplateSummary {
  const resources = isObject(template?.Resources) ? template.Resources : {};
  const entries = Object.entries(resources).filter((e): e is [string, Json] => isObject(e[1]));
  const role =
    entries.find(([id, r]) => id === ROLE_LOGICAL_ID && r.Type === 'AWS::IAM::Role') ??
    entries.find(([, r]) => r.Type === 'AWS::IAM::Role');
  const props = role && isObject(role[1].Properties) ? role[1].Properties : {};
  const inlinePolicies: Record<string, unknown> = {};
  const inlinePolicyNames: Record<string, string> = {};
  for (const [id, resource] of entries) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const properties = isObject(resource.Properties) ? resource.Properties : {};
    inlinePolicies[id] = properties.PolicyDocument;
    inlinePolicyNames[id] = displayValue(properties.PolicyName);
  }
  const arns = Array.isArray(props.ManagedPolicyArns) ? props.ManagedPolicyArns : [];
  return {
    roleName: props.RoleName === undefined ? undefined : displayValue(props.RoleName),
    permissionsBoundary:
      props.PermissionsBoundary === undefined ? undefined : displayValue(props.PermissionsBoundary),
    managedPolicyArns: arns.map(displayValue),
    trustPolicy: props.AssumeRolePolicyDocument,
    inlinePolicies,
    inlinePolicyNames,
  };
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

export function diffRoleTemplates(
  live: CfnTemplate | undefined,
  desired: CfnTemplate,
): RoleTemplateDiff {
  const before = summarizeRoleTemplate(live);
  const after = summarizeRoleTemplate(desired);
  const beforeArns = new Set(before.managedPolicyArns);
  const afterArns = new Set(after.managedPolicyArns);
  const beforeIds = Object.keys(before.inlinePolicies).sort();
  const afterIds = Object.keys(after.inlinePolicies).sort();
  const diff: RoleTemplateDiff = {
    managedPolicyArnsAdded: [...afterArns].filter((a) => !beforeArns.has(a)),
    managedPolicyArnsRemoved: [...beforeArns].filter((a) => !afterArns.has(a)),
    inlinePoliciesAdded: afterIds.filter((id) => !(id in before.inlinePolicies)),
    inlinePoliciesRemoved: beforeIds.filter((id) => !(id in after.inlinePolicies)),
    // `my-policy` and `mypolicy` share a logical id but not an IAM policy name: a rename is a change.
    inlinePoliciesChanged: afterIds.filter(
      (id) =>
        id in before.inlinePolicies &&
        (!same(before.inlinePolicies[id], after.inlinePolicies[id]) ||
          before.inlinePolicyNames[id] !== after.inlinePolicyNames[id]),
    ),
    trustPolicyChanged: !same(before.trustPolicy, after.trustPolicy),
  };
  if (before.permissionsBoundary !== after.permissionsBoundary) {
    diff.permissionsBoundary = {
      before: before.permissionsBoundary,
      after: after.permissionsBoundary,
    };
  }
  if (before.roleName !== after.roleName) {
    diff.roleName = { before: before.roleName, after: after.roleName };
  }
  return diff;
}

export function isEmptyRoleTemplateDiff(diff: RoleTemplateDiff): boolean {
  return (
    diff.managedPolicyArnsAdded.length === 0 &&
    diff.managedPolicyArnsRemoved.length === 0 &&
    diff.inlinePoliciesAdded.length === 0 &&
    diff.inlinePoliciesRemoved.length === 0 &&
    diff.inlinePoliciesChanged.length === 0 &&
    !diff.trustPolicyChanged &&
    diff.permissionsBoundary === undefined &&
    diff.roleName === undefined
  );
}

/**
 * The review fields of a role stack update: for each changed aspect, its value before and after.
 * Inline policies appear with their documents, only those added, removed or changed.
 */
export function roleTemplateReview(
  live: CfnTemplate | undefined,
  desired: CfnTemplate,
  diff: RoleTemplateDiff,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = summarizeRoleTemplate(live);
  const a = summarizeRoleTemplate(desired);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (diff.managedPolicyArnsAdded.length + diff.managedPolicyArnsRemoved.length > 0) {
    before.managedPolicyArns = [...b.managedPolicyArns].sort();
    after.managedPolicyArns = [...a.managedPolicyArns].sort();
  }
  const pick = (s: RoleTemplateSummary, ids: string[]): Record<string, unknown> =>
    Object.fromEntries(
      ids.filter((id) => id in s.inlinePolicies).map((id) => [id, s.inlinePolicies[id]]),
    );
  const touched = [
    ...diff.inlinePoliciesAdded,
    ...diff.inlinePoliciesRemoved,
    ...diff.inlinePoliciesChanged,
  ].sort();
  if (touched.length > 0) {
    before.inlinePolicies = pick(b, touched);
    after.inlinePolicies = pick(a, touched);
  }
  if (diff.permissionsBoundary) {
    before.permissionsBoundary = diff.permissionsBoundary.before ?? null;
    after.permissionsBoundary = diff.permissionsBoundary.after ?? null;
  }
  if (diff.roleName) {
    before.roleName = diff.roleName.before ?? null;
    after.roleName = diff.roleName.after ?? null;
  }
  if (diff.trustPolicyChanged) {
    before.trustPolicy = b.trustPolicy ?? null;
    after.trustPolicy = a.trustPolicy ?? null;
  }
  return { before, after };
}
