// AST → normalised specs (defaults applied) plus the positions later checks point at.
// Only shape and type problems are found here; the rules live in validate-*.ts.
import { isMap, type Node } from 'yaml';
import {
  noWellKnownPolicies,
  type AddonSpec,
  type PodIdentityAssociationSpec,
  type ServiceAccountSpec,
  type SourceLocation,
  type WellKnownPolicies,
} from './model.js';
import { WELL_KNOWN_POLICY_NAMES } from '../names/well-known-policies.js';
import { NAMESPACE_CONFIG_KEYS, OBJECT_META_KEYS, closest } from './schema.js';
import { quote, type Entry, type Pos, type Reader } from './yaml.js';

/** Positions of a section's keys and values, by key; present only for non-null values. */
export interface Located {
  path: string;
  at: Pos;
  key: Record<string, Pos>;
  val: Record<string, Pos>;
  /** Keys whose value had a type problem: later rules treat them as neither set nor missing. */
  bad: Set<string>;
  /** Per-item positions of string lists and tag maps, by key. */
  items: Record<string, Pos[]>;
  tagKeys: Map<string, Pos>;
}

export interface RawPia extends Located {
  spec: PodIdentityAssociationSpec;
}

export interface RawAddon extends Located {
  spec: AddonSpec;
  pias: RawPia[];
}

export type Handlers = Record<string, (value: Node | null, path: string, e: Entry) => void>;

/** Walks a strict section: unknown keys are errors, known keys go to their handler. */
export function walk(
  r: Reader,
  node: Node | null,
  path: string,
  allowed: readonly string[],
  handlers: Handlers,
  loc?: Located,
): boolean {
  const entries = r.map(node, path || 'the document');
  if (!entries) return false;
  for (const e of entries) {
    const p = path ? `${path}.${e.key}` : e.key;
    if (!allowed.includes(e.key)) {
      unknownKey(r, e, path, allowed);
      continue;
    }
    if (loc && e.value !== null) {
      loc.key[e.key] = r.pos(e.keyNode);
      loc.val[e.key] = r.pos(e.value);
    }
    const before = r.problems.length;
    handlers[e.key]?.(e.value, p, e);
    if (loc && r.problems.length > before) loc.bad.add(e.key);
  }
  return true;
}

export function unknownKey(r: Reader, e: Entry, path: string, allowed: readonly string[]): void {
  const near = closest(e.key, allowed);
  const where = path ? ` in ${path}` : ' at the top level';
  const hint = near
    ? `did you mean "${near}"?`
    : `allowed keys here: ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''}`;
  r.error(
    r.pos(e.keyNode),
    path ? `${path}.${e.key}` : e.key,
    `unknown field ${quote(e.key)}${where}`,
    hint,
  );
}

export function location(r: Reader, node: Node | null, fallback?: Pos): SourceLocation {
  const p = r.pos(node, fallback);
  return { file: r.file, line: p.line, column: p.column };
}

export function newLocated(r: Reader, node: Node | null, path: string, fallback?: Pos): Located {
  return {
    path,
    at: r.pos(node, fallback),
    key: {},
    val: {},
    bad: new Set(),
    items: {},
    tagKeys: new Map(),
  };
}

export function readWellKnown(r: Reader, node: Node | null, path: string): WellKnownPolicies {
  const w = noWellKnownPolicies();
  const handlers: Handlers = {};
  for (const k of WELL_KNOWN_POLICY_NAMES) handlers[k] = optionalBool(r, (b) => (w[k] = b));
  walk(r, node, path, WELL_KNOWN_POLICY_NAMES, handlers);
  return w;
}

function readStrings(r: Reader, v: Node | null, p: string, key: string, loc: Located): string[] {
  const list = r.strList(v, p);
  loc.items[key] = list.map((i) => r.pos(i.node));
  return list.map((i) => i.value);
}

export function readTags(
  r: Reader,
  v: Node | null,
  p: string,
  loc: Located,
): Record<string, string> {
  const { entries, keys } = r.strMap(v, p);
  for (const [k, n] of keys) loc.tagKeys.set(k, r.pos(n));
  return entries;
}

/** A policy document: must be a mapping; its content is checked in validate-pia.ts. */
export function readDocument(
  r: Reader,
  v: Node | null,
  p: string,
): Record<string, unknown> | undefined {
  if (v === null) return undefined;
  if (!isMap(v)) {
    r.error(
      r.pos(v),
      p,
      `${p}: expected an IAM policy document (a mapping with Version and Statement), got ${r.describe(v)}`,
      'write the policy as YAML with Version: "2012-10-17" and a Statement list',
    );
    return undefined;
  }
  return r.plain(v) as Record<string, unknown>;
}

/** A field handler that stores a string value (type errors are reported by the reader). */
function stringField(r: Reader) {
  return (set: (s: string) => void) => (v: Node | null, p: string) => {
    const s = r.str(v, p);
    if (s !== undefined) set(s);
  };
}

/** A list item that must be a mapping: an empty item or a scalar was reported; mark it unusable. */
function endItem(
  r: Reader,
  ok: boolean,
  node: Node | null,
  path: string,
  fallback: Pos,
  loc: Located,
) {
  if (ok) return;
  loc.bad.add('');
  if (node === null) {
    r.error(fallback, path, `${path}: expected a mapping, got null`, 'remove the empty list item');
  }
}

/**
 * Walks an entry whose allowed keys are exactly its handlers' keys, in eksctl's schema order (the
 * order "did you mean" and the allowed-keys hint use): a new field is one handler here.
 */
function walkFields(r: Reader, node: Node | null, path: string, handlers: Handlers, loc: Located) {
  return walk(r, node, path, Object.keys(handlers), handlers, loc);
}

function optionalBool(r: Reader, set: (b: boolean) => void) {
  return (v: Node | null, p: string) => {
    const b = r.bool(v, p);
    if (b !== undefined) set(b);
  };
}

/** An `iam.podIdentityAssociations[i]` or `addons[j].podIdentityAssociations[i]` entry (reference §1.1). */
export function readPia(r: Reader, node: Node | null, path: string, fallback: Pos): RawPia {
  const loc = newLocated(r, node, path, fallback);
  const spec: PodIdentityAssociationSpec = {
    namespace: '',
    serviceAccountName: '',
    createServiceAccount: false,
    permissionPolicyARNs: [],
    wellKnownPolicies: noWellKnownPolicies(),
    tags: {},
    location: location(r, node, fallback),
  };
  const str = stringField(r);
  const ok = walkFields(
    r,
    node,
    path,
    {
      namespace: str((s) => (spec.namespace = s)),
      serviceAccountName: str((s) => (spec.serviceAccountName = s)),
      roleARN: str((s) => (spec.roleARN = s)),
      createServiceAccount: (v, p) => (spec.createServiceAccount = r.bool(v, p) ?? false),
      roleName: str((s) => (spec.roleName = s)),
      permissionsBoundaryARN: str((s) => (spec.permissionsBoundaryARN = s)),
      permissionPolicyARNs: (v, p) =>
        (spec.permissionPolicyARNs = readStrings(r, v, p, 'permissionPolicyARNs', loc)),
      permissionPolicyName: str((s) => (spec.permissionPolicyName = s)),
      permissionPolicy: (v, p) => (spec.permissionPolicy = readDocument(r, v, p)),
      wellKnownPolicies: (v, p) => (spec.wellKnownPolicies = readWellKnown(r, v, p)),
      tags: (v, p) => (spec.tags = readTags(r, v, p, loc)),
      targetRoleARN: str((s) => (spec.targetRoleARN = s)),
      disableSessionTags: optionalBool(r, (b) => (spec.disableSessionTags = b)),
      policy: str((s) => (spec.policy = s)),
    },
    loc,
  );
  endItem(r, ok, node, path, fallback, loc);
  const at = (p: Pos): SourceLocation => ({ file: r.file, line: p.line, column: p.column });
  const values: Record<string, SourceLocation> = {};
  for (const key of ['roleARN', 'permissionsBoundaryARN'])
    if (loc.val[key]) values[key] = at(loc.val[key]);
  (loc.items.permissionPolicyARNs ?? []).forEach(
    (p, i) => (values[`permissionPolicyARNs[${i}]`] = at(p)),
  );
  if (Object.keys(values).length > 0) spec.valueLocations = values;
  return { ...loc, spec };
}

function readResolveConflicts(r: Reader, v: Node | null, p: string): AddonSpec['resolveConflicts'] {
  const s = r.str(v, p);
  if (s === undefined) return undefined;
  const lower = s.toLowerCase();
  if (lower === 'none' || lower === 'overwrite' || lower === 'preserve') return lower;
  r.error(r.pos(v), p, `${p}: invalid value ${quote(s)}`, 'use one of: none, overwrite, preserve');
  return undefined;
}

/** An `addons[j]` entry (reference §1.2 plus the rest of eksctl's Addon type). */
export function readAddon(r: Reader, node: Node | null, path: string, fallback: Pos): RawAddon {
  const loc = newLocated(r, node, path, fallback);
  const spec: AddonSpec = {
    name: '',
    useDefaultPodIdentityAssociations: false,
    attachPolicyARNs: [],
    wellKnownPolicies: noWellKnownPolicies(),
    tags: {},
    location: location(r, node, fallback),
  };
  const pias: RawPia[] = [];
  const str = stringField(r);
  const ok = walkFields(
    r,
    node,
    path,
    {
      name: str((s) => (spec.name = s)),
      version: str((s) => (spec.version = s)),
      serviceAccountRoleARN: str((s) => (spec.serviceAccountRoleARN = s)),
      attachPolicyARNs: (v, p) =>
        (spec.attachPolicyARNs = readStrings(r, v, p, 'attachPolicyARNs', loc)),
      attachPolicy: (v, p) => (spec.attachPolicy = readDocument(r, v, p)),
      permissionsBoundary: str((s) => (spec.permissionsBoundary = s)),
      wellKnownPolicies: (v, p) => (spec.wellKnownPolicies = readWellKnown(r, v, p)),
      tags: (v, p) => (spec.tags = readTags(r, v, p, loc)),
      resolveConflicts: (v, p) => {
        const value = readResolveConflicts(r, v, p);
        if (value) spec.resolveConflicts = value;
      },
      podIdentityAssociations: (v, p, e) => {
        // eksctl distinguishes an omitted list from an explicit one; `podIdentityAssociations:` (null) is omitted.
        const items = r.seq(v, p);
        if (!items) return;
        spec.podIdentityAssociations = [];
        items.forEach((item, i) => {
          const raw = readPia(r, item, `podIdentityAssociations[${i}]`, r.pos(v ?? e.keyNode));
          pias.push(raw);
          spec.podIdentityAssociations!.push(raw.spec);
        });
      },
      useDefaultPodIdentityAssociations: (v, p) =>
        (spec.useDefaultPodIdentityAssociations = r.bool(v, p) ?? false),
      configurationValues: str((s) => (spec.configurationValues = s)),
      namespaceConfig: (v, p) => {
        let ns: string | undefined;
        walk(r, v, p, NAMESPACE_CONFIG_KEYS, { namespace: (nv, np) => (ns = r.str(nv, np)) });
        if (ns !== undefined) spec.namespaceConfig = { namespace: ns };
      },
      publishers: (v, p) => void r.strList(v, p),
      types: (v, p) => void r.strList(v, p),
      owners: (v, p) => void r.strList(v, p),
    },
    loc,
  );
  endItem(r, ok, node, path, fallback, loc);
  return { ...loc, spec, pias };
}

export interface RawServiceAccount extends Located {
  spec: ServiceAccountSpec;
}

/** An `iam.serviceAccounts[i]` entry (reference §1.7: eksctl's ClusterIAMServiceAccount). */
export function readServiceAccount(
  r: Reader,
  node: Node | null,
  path: string,
  fallback: Pos,
): RawServiceAccount {
  const loc = newLocated(r, node, path, fallback);
  const spec: ServiceAccountSpec = {
    name: '',
    namespace: 'default',
    attachPolicyARNs: [],
    location: location(r, node, fallback),
  };
  const str = stringField(r);
  walkFields(
    r,
    node,
    path,
    {
      metadata: (v, p) =>
        walk(r, v, p, OBJECT_META_KEYS, {
          name: str((s) => (spec.name = s)),
          namespace: str((s) => (spec.namespace = s || 'default')),
          generateName: (nv, np) => void r.str(nv, np),
          labels: (nv, np) => void r.strMap(nv, np),
          annotations: (nv, np) => void r.strMap(nv, np),
        }),
      attachPolicyARNs: (v, p) =>
        (spec.attachPolicyARNs = readStrings(r, v, p, 'attachPolicyARNs', loc)),
      wellKnownPolicies: (v, p) => void readWellKnown(r, v, p),
      attachPolicy: (v, p) => void readDocument(r, v, p),
      attachRoleARN: str((s) => (spec.attachRoleARN = s)),
      permissionsBoundary: (v, p) => void r.str(v, p),
      roleName: str((s) => (spec.roleName = s)),
      roleOnly: (v, p) => void r.bool(v, p),
      tags: (v, p) => void readTags(r, v, p, loc),
      subjectPattern: (v, p) => void r.str(v, p),
      // Written by eksctl itself; accepted so a file eksctl round-tripped still loads.
      status: () => {},
    },
    loc,
  );
  return { ...loc, spec };
}
