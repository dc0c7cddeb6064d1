// Resource handlers: how AWS::IAM::Role, AWS::IAM::Policy and AWS::IAM::ManagedPolicy are created,
// updated and deleted in the emulator's IAM store. Errors are the IAM store's QueryErrors; the
// lifecycle turns them into CREATE_FAILED / UPDATE_FAILED reasons.

import { QueryError } from '../query/errors.js';
import type { IamStore } from '../iam/store.js';
import type { Tag } from '../iam/validate.js';
import { physicalName, shortPhysicalId } from './names.js';

export type Props = Record<string, unknown>;

export interface Provisioned {
  physicalId: string;
  attrs: Record<string, string>;
}

export interface ProvisionContext {
  store: IamStore;
  stackName: string;
  stackTags: Tag[];
}

export interface ResourceHandler {
  /** Ref value from the physical id and attributes. */
  ref(p: Provisioned): string;
  create(logicalId: string, props: Props, ctx: ProvisionContext): Provisioned;
  /** Properties whose change replaces the resource (create new, delete old in cleanup). */
  replaces(oldProps: Props, newProps: Props): boolean;
  update(
    current: Provisioned,
    oldProps: Props,
    newProps: Props,
    ctx: ProvisionContext,
  ): Provisioned;
  delete(current: Provisioned, props: Props, ctx: ProvisionContext): void;
}

const docText = (doc: unknown): string => (typeof doc === 'string' ? doc : JSON.stringify(doc));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function required(logicalId: string, props: Props, keys: string[]): void {
  for (const key of keys) {
    if (props[key] === undefined)
      throw new QueryError(
        400,
        'ValidationError',
        `Properties validation failed for resource ${logicalId} with message: #: required key [${key}] not found`,
      );
  }
}

/** Stack tags first, resource tags win (CloudFormation propagates stack tags to IAM roles). */
function effectiveTags(props: Props, ctx: ProvisionContext): Tag[] {
  const merged = new Map<string, Tag>();
  for (const t of ctx.stackTags) merged.set(t.Key, t);
  for (const t of (props.Tags as Tag[] | undefined) ?? [])
    merged.set(String(t.Key), { Key: String(t.Key), Value: String(t.Value) });
  return [...merged.values()];
}

type InlinePolicy = { PolicyName: string; PolicyDocument: unknown };
const inlinePolicies = (props: Props): InlinePolicy[] => (props.Policies as InlinePolicy[]) ?? [];

/** Removes a role with everything attached to it (rollback of a half-made role, stack delete). */
function purgeRole(store: IamStore, name: string): void {
  const role = store.roles.get(name.toLowerCase());
  if (!role) return;
  // Through the store's methods, so a permission-checked store sees Detach/DeleteRolePolicy.
  for (const arn of [...role.attachedPolicies]) store.detachRolePolicy(name, arn);
  for (const policyName of [...role.inlinePolicies.keys()])
    store.deleteRolePolicy(name, policyName);
  store.deleteRole(name);
}

const role: ResourceHandler = {
  ref: (p) => p.physicalId,
  create(logicalId, props, ctx) {
    required(logicalId, props, ['AssumeRolePolicyDocument']);
    const name =
      props.RoleName !== undefined
        ? String(props.RoleName)
        : physicalName(ctx.stackName, logicalId);
    if (props.RoleName !== undefined && ctx.store.roles.has(name.toLowerCase()))
      throw new QueryError(
        409,
        'EntityAlreadyExists',
        `Resource of type 'AWS::IAM::Role' with identifier '${name}' already exists.`,
      );
    const created = ctx.store.createRole({
      roleName: name,
      assumeRolePolicyDocument: docText(props.AssumeRolePolicyDocument),
      path: props.Path as string | undefined,
      description: props.Description as string | undefined,
      maxSessionDuration:
        props.MaxSessionDuration === undefined ? undefined : Number(props.MaxSessionDuration),
      permissionsBoundary: props.PermissionsBoundary as string | undefined,
      tags: effectiveTags(props, ctx),
    });
    try {
      for (const arn of strings(props.ManagedPolicyArns)) ctx.store.attachRolePolicy(name, arn);
      for (const p of inlinePolicies(props))
        ctx.store.putRolePolicy(name, p.PolicyName, docText(p.PolicyDocument));
    } catch (error) {
      try {
        purgeRole(ctx.store, name);
      } catch {
        // Best effort (the caller may not be allowed to clean up): the first error is the reason.
      }
      throw error;
    }
    return { physicalId: name, attrs: { Arn: created.arn, RoleId: created.roleId } };
  },
  replaces: (a, b) => a.RoleName !== b.RoleName || (a.Path ?? '/') !== (b.Path ?? '/'),
  update(current, oldProps, props, ctx) {
    const name = current.physicalId;
    const { store } = ctx;
    if (!same(oldProps.AssumeRolePolicyDocument, props.AssumeRolePolicyDocument))
      store.updateAssumeRolePolicy(name, docText(props.AssumeRolePolicyDocument));
    store.updateRole(name, undefined, Number(props.MaxSessionDuration ?? 3600));
    if (props.Description !== oldProps.Description) {
      if (props.Description !== undefined) store.updateRole(name, String(props.Description));
      else store.role(name).description = undefined;
    }
    if (props.PermissionsBoundary !== oldProps.PermissionsBoundary) {
      if (props.PermissionsBoundary === undefined) store.deleteRolePermissionsBoundary(name);
      else store.putRolePermissionsBoundary(name, String(props.PermissionsBoundary));
    }
    const oldArns = strings(oldProps.ManagedPolicyArns);
    const newArns = strings(props.ManagedPolicyArns);
    for (const arn of oldArns.filter((a) => !newArns.includes(a))) {
      if (store.role(name).attachedPolicies.includes(arn)) store.detachRolePolicy(name, arn);
    }
    for (const arn of newArns.filter((a) => !oldArns.includes(a)))
      store.attachRolePolicy(name, arn);
    const newInline = inlinePolicies(props);
    for (const p of inlinePolicies(oldProps)) {
      if (!newInline.some((n) => n.PolicyName === p.PolicyName))
        store.role(name).inlinePolicies.delete(p.PolicyName);
    }
    for (const p of newInline) store.putRolePolicy(name, p.PolicyName, docText(p.PolicyDocument));
    const tags = effectiveTags(props, ctx);
    const keep = new Set(tags.map((t) => t.Key));
    store.untagRole(
      name,
      store
        .role(name)
        .tags.map((t) => t.Key)
        .filter((k) => !keep.has(k)),
    );
    if (tags.length > 0) store.tagRole(name, tags);
    return current;
  },
  delete: (current, _props, ctx) => purgeRole(ctx.store, current.physicalId),
};

/** Inline policy on roles: PolicyName + PolicyDocument put on each role of `Roles`. */
const policy: ResourceHandler = {
  ref: (p) => p.physicalId,
  create(logicalId, props, ctx) {
    required(logicalId, props, ['PolicyName', 'PolicyDocument']);
    const roles = strings(props.Roles);
    if (
      roles.length === 0 &&
      strings(props.Users).length === 0 &&
      strings(props.Groups).length === 0
    )
      throw new QueryError(
        400,
        'ValidationError',
        'At least one of [Groups,Roles,Users] must be non-empty.',
      );
    const done: string[] = [];
    try {
      for (const r of roles) {
        ctx.store.putRolePolicy(r, String(props.PolicyName), docText(props.PolicyDocument));
        done.push(r);
      }
    } catch (error) {
      for (const r of done) ctx.store.role(r).inlinePolicies.delete(String(props.PolicyName));
      throw error;
    }
    return { physicalId: shortPhysicalId(ctx.stackName, logicalId), attrs: {} };
  },
  replaces: () => false,
  update(current, oldProps, props, ctx) {
    const newRoles = strings(props.Roles);
    for (const r of strings(oldProps.Roles)) {
      if (props.PolicyName !== oldProps.PolicyName || !newRoles.includes(r))
        ctx.store.roles.get(r.toLowerCase())?.inlinePolicies.delete(String(oldProps.PolicyName));
    }
    for (const r of newRoles)
      ctx.store.putRolePolicy(r, String(props.PolicyName), docText(props.PolicyDocument));
    return current;
  },
  delete(_current, props, ctx) {
    for (const r of strings(props.Roles))
      ctx.store.roles.get(r.toLowerCase())?.inlinePolicies.delete(String(props.PolicyName));
  },
};

/** Customer managed policy attached to `Roles`; Ref is the ARN. */
const managedPolicy: ResourceHandler = {
  ref: (p) => p.physicalId,
  create(logicalId, props, ctx) {
    required(logicalId, props, ['PolicyDocument']);
    const name =
      props.ManagedPolicyName !== undefined
        ? String(props.ManagedPolicyName)
        : physicalName(ctx.stackName, logicalId, 128);
    const created = ctx.store.createPolicy({
      policyName: name,
      document: docText(props.PolicyDocument),
      path: props.Path as string | undefined,
      description: props.Description as string | undefined,
    });
    try {
      for (const r of strings(props.Roles)) ctx.store.attachRolePolicy(r, created.arn);
    } catch (error) {
      for (const r of ctx.store.roles.values())
        r.attachedPolicies = r.attachedPolicies.filter((a) => a !== created.arn);
      ctx.store.deletePolicy(created.arn);
      throw error;
    }
    return {
      physicalId: created.arn,
      attrs: { PolicyArn: created.arn, PolicyId: created.policyId, PolicyName: name },
    };
  },
  replaces: (a, b) =>
    a.ManagedPolicyName !== b.ManagedPolicyName || (a.Path ?? '/') !== (b.Path ?? '/'),
  update(current, oldProps, props, ctx) {
    const arn = current.physicalId;
    if (!same(oldProps.PolicyDocument, props.PolicyDocument))
      ctx.store.updatePolicyDocument(arn, docText(props.PolicyDocument));
    const newRoles = strings(props.Roles);
    for (const r of strings(oldProps.Roles).filter((x) => !newRoles.includes(x))) {
      const live = ctx.store.roles.get(r.toLowerCase());
      if (live) live.attachedPolicies = live.attachedPolicies.filter((a) => a !== arn);
    }
    for (const r of newRoles) ctx.store.attachRolePolicy(r, arn);
    return current;
  },
  delete(current, _props, ctx) {
    for (const r of ctx.store.roles.values())
      r.attachedPolicies = r.attachedPolicies.filter((a) => a !== current.physicalId);
    if (ctx.store.policies.has(current.physicalId)) ctx.store.deletePolicy(current.physicalId);
  },
};

/** A resource with no effect (templates sometimes carry one as a placeholder). */
const waitConditionHandle: ResourceHandler = {
  ref: (p) => p.physicalId,
  create: (logicalId, _props, ctx) => ({
    physicalId: `https://cloudformation-waitcondition.s3.amazonaws.com/${ctx.stackName}-${logicalId}`,
    attrs: {},
  }),
  replaces: () => false,
  update: (current) => current,
  delete: () => {},
};

export const HANDLERS: Record<string, ResourceHandler> = {
  'AWS::IAM::Role': role,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::CloudFormation::WaitConditionHandle': waitConditionHandle,
};
