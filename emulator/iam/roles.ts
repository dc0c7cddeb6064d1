// Role, inline policy, attachment and boundary operations (awsQuery handlers).

import type { QueryOperation } from '../query/service.js';
import type { QueryParams } from '../query/parse.js';
import type { XmlValue } from '../query/xml.js';
import { page } from './paging.js';
import type { IamStore, Role } from './store.js';
import { urlEncodeDocument, type Tag } from './validate.js';

type View = 'full' | 'create' | 'list';

/** The `Role` shape: ListRoles leaves out Tags, PermissionsBoundary and RoleLastUsed; empty ones are left out. */
export function roleXml(role: Role, view: View): Record<string, XmlValue> {
  const out: Record<string, XmlValue> = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: urlEncodeDocument(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
  };
  if (view === 'list') return out;
  if (role.permissionsBoundary)
    out.PermissionsBoundary = {
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: role.permissionsBoundary,
    };
  if (role.tags.length > 0) out.Tags = role.tags.map((t) => ({ Key: t.Key, Value: t.Value }));
  if (view === 'full') out.RoleLastUsed = {};
  return out;
}

export function tagsParam(params: QueryParams, name = 'Tags'): Tag[] | undefined {
  return params.structList(name)?.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

export function roleOperations(store: IamStore): Record<string, QueryOperation> {
  const read = (handler: QueryOperation['handler']): QueryOperation => ({
    mutating: false,
    handler,
  });
  const write = (handler: QueryOperation['handler']): QueryOperation => ({
    mutating: true,
    handler,
  });
  return {
    CreateRole: write((p) => {
      const role = store.createRole({
        roleName: p.required('RoleName'),
        assumeRolePolicyDocument: p.required('AssumeRolePolicyDocument'),
        path: p.str('Path'),
        description: p.str('Description'),
        maxSessionDuration: p.int('MaxSessionDuration'),
        permissionsBoundary: p.str('PermissionsBoundary'),
        tags: tagsParam(p),
      });
      return { Role: roleXml(role, 'create') };
    }),
    GetRole: read((p) => ({ Role: roleXml(store.role(p.required('RoleName')), 'full') })),
    DeleteRole: write((p) => store.deleteRole(p.required('RoleName'))),
    ListRoles: read((p) => {
      const prefix = p.str('PathPrefix') ?? '/';
      const roles = [...store.roles.values()]
        .filter((r) => r.path.startsWith(prefix))
        .sort((a, b) => a.roleName.localeCompare(b.roleName));
      const result = page(roles, p);
      return {
        Roles: result.items.map((r) => roleXml(r, 'list')),
        IsTruncated: result.IsTruncated,
        Marker: result.Marker,
      };
    }),
    UpdateRole: write((p) => {
      store.updateRole(p.required('RoleName'), p.str('Description'), p.int('MaxSessionDuration'));
      return {};
    }),
    UpdateRoleDescription: write((p) => {
      const name = p.required('RoleName');
      store.updateRole(name, p.required('Description'));
      return { Role: roleXml(store.role(name), 'full') };
    }),
    UpdateAssumeRolePolicy: write((p) =>
      store.updateAssumeRolePolicy(p.required('RoleName'), p.required('PolicyDocument')),
    ),
    TagRole: write((p) => store.tagRole(p.required('RoleName'), tagsParam(p) ?? [])),
    UntagRole: write((p) => store.untagRole(p.required('RoleName'), p.list('TagKeys') ?? [])),
    ListRoleTags: read((p) => {
      const result = page(store.role(p.required('RoleName')).tags, p);
      return {
        Tags: result.items.map((t) => ({ Key: t.Key, Value: t.Value })),
        IsTruncated: result.IsTruncated,
        Marker: result.Marker,
      };
    }),
    PutRolePermissionsBoundary: write((p) =>
      store.putRolePermissionsBoundary(p.required('RoleName'), p.required('PermissionsBoundary')),
    ),
    DeleteRolePermissionsBoundary: write((p) =>
      store.deleteRolePermissionsBoundary(p.required('RoleName')),
    ),
    AttachRolePolicy: write((p) =>
      store.attachRolePolicy(p.required('RoleName'), p.required('PolicyArn')),
    ),
    DetachRolePolicy: write((p) =>
      store.detachRolePolicy(p.required('RoleName'), p.required('PolicyArn')),
    ),
    ListAttachedRolePolicies: read((p) => {
      const prefix = p.str('PathPrefix') ?? '/';
      const attached = store
        .role(p.required('RoleName'))
        .attachedPolicies.map((arn) => {
          const m = arn.match(/:policy(\/.*\/|\/)([^/]+)$/);
          return { PolicyName: m?.[2] ?? arn, PolicyArn: arn, path: m?.[1] ?? '/' };
        })
        .filter((a) => a.path.startsWith(prefix));
      const result = page(attached, p);
      return {
        AttachedPolicies: result.items.map((a) => ({
          PolicyName: a.PolicyName,
          PolicyArn: a.PolicyArn,
        })),
        IsTruncated: result.IsTruncated,
        Marker: result.Marker,
      };
    }),
    PutRolePolicy: write((p) =>
      store.putRolePolicy(
        p.required('RoleName'),
        p.required('PolicyName'),
        p.required('PolicyDocument'),
      ),
    ),
    GetRolePolicy: read((p) => {
      const role = store.role(p.required('RoleName'));
      const name = p.required('PolicyName');
      return {
        RoleName: role.roleName,
        PolicyName: name,
        PolicyDocument: urlEncodeDocument(store.getRolePolicy(role.roleName, name)),
      };
    }),
    DeleteRolePolicy: write((p) =>
      store.deleteRolePolicy(p.required('RoleName'), p.required('PolicyName')),
    ),
    ListRolePolicies: read((p) => {
      const names = [...store.role(p.required('RoleName')).inlinePolicies.keys()].sort();
      const result = page(names, p);
      return { PolicyNames: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker };
    }),
  };
}
