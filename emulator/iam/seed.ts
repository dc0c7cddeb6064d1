// The IAM part of a seed document: `policies`, `roles`, `oidcProviders`, `iamQuotas`
// (see docs/emulator.md). Seeds go through the same validation as API calls.

import type { IamQuotas, IamStore } from './store.js';
import type { Tag } from './validate.js';

interface SeedRole {
  roleName: string;
  path?: string;
  assumeRolePolicyDocument: unknown;
  description?: string;
  maxSessionDuration?: number;
  permissionsBoundary?: string;
  tags?: Record<string, string> | Tag[];
  managedPolicyArns?: string[];
  inlinePolicies?: Record<string, unknown>;
}

interface SeedPolicy {
  policyName: string;
  path?: string;
  description?: string;
  document: unknown;
  tags?: Record<string, string> | Tag[];
}

interface SeedProvider {
  url: string;
  clientIds?: string[];
  thumbprints?: string[];
  tags?: Record<string, string> | Tag[];
}

interface IamSeed {
  roles?: SeedRole[];
  policies?: SeedPolicy[];
  oidcProviders?: SeedProvider[];
  iamQuotas?: Partial<IamQuotas>;
}

/** Documents may be written as YAML/JSON objects or as JSON text. */
const text = (doc: unknown): string => (typeof doc === 'string' ? doc : JSON.stringify(doc));

const tagList = (tags: SeedRole['tags']): Tag[] =>
  Array.isArray(tags)
    ? tags
    : Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) }));

export function seedIam(store: IamStore, data: unknown): void {
  const seed = (data ?? {}) as IamSeed;
  if (seed.iamQuotas) store.quotas = { ...store.quotas, ...seed.iamQuotas };
  for (const p of seed.policies ?? []) {
    store.createPolicy({
      policyName: p.policyName,
      path: p.path,
      description: p.description,
      document: text(p.document),
      tags: tagList(p.tags),
    });
  }
  for (const r of seed.roles ?? []) {
    const role = store.createRole({
      roleName: r.roleName,
      path: r.path,
      assumeRolePolicyDocument: text(r.assumeRolePolicyDocument),
      description: r.description,
      maxSessionDuration: r.maxSessionDuration,
      permissionsBoundary: r.permissionsBoundary,
      tags: tagList(r.tags),
    });
    // A seeded role stands for one that already existed: made a day ago, long since propagated.
    role.createDate -= 24 * 60 * 60 * 1000;
    for (const arn of r.managedPolicyArns ?? []) store.attachRolePolicy(r.roleName, arn);
    for (const [name, doc] of Object.entries(r.inlinePolicies ?? {}))
      store.putRolePolicy(r.roleName, name, text(doc));
  }
  for (const o of seed.oidcProviders ?? []) {
    const url = o.url.startsWith('https://') ? o.url : `https://${o.url}`;
    store.createOidcProvider(
      url,
      o.clientIds ?? ['sts.amazonaws.com'],
      o.thumbprints ?? [],
      tagList(o.tags),
    );
  }
}

export function dumpIam(store: IamStore): unknown {
  return {
    roles: [...store.roles.values()].map((r) => ({
      roleName: r.roleName,
      path: r.path,
      roleId: r.roleId,
      arn: r.arn,
      createDate: new Date(r.createDate).toISOString(),
      assumeRolePolicyDocument: r.assumeRolePolicyDocument,
      description: r.description,
      maxSessionDuration: r.maxSessionDuration,
      permissionsBoundary: r.permissionsBoundary,
      tags: r.tags,
      managedPolicyArns: r.attachedPolicies,
      inlinePolicies: Object.fromEntries(r.inlinePolicies),
    })),
    policies: [...store.policies.values()].map((p) => ({
      ...p,
      createDate: new Date(p.createDate).toISOString(),
      updateDate: new Date(p.updateDate).toISOString(),
    })),
    oidcProviders: [...store.oidcProviders.values()].map((o) => ({
      ...o,
      createDate: new Date(o.createDate).toISOString(),
    })),
  };
}
