// `podid migrate -f FILE --write`: a ClusterConfig rewritten into its pod identity form, in place —
// `iam.serviceAccounts` entries become `iam.podIdentityAssociations` naming their existing roles,
// add-ons' IRSA fields become one pod identity association with the add-on's role, and the agent
// is listed when the cluster lacks it. Through the `yaml` Document API, so comments, key order,
// quoting and layout stay; a file already in that form comes back unchanged.

import type { YAMLMap } from 'yaml';
import {
  Pair,
  Scalar,
  YAMLSeq,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type ToStringOptions,
} from 'yaml';
import { AGENT_ADDON } from '../names/addons.js';

/** What live discovery knows, by the config's keys. */
export interface RewriteFacts {
  /** `<ns>/<sa>` → the role the iamserviceaccount runs with (its stack's Role1, or its annotation). */
  serviceAccountRoles: Record<string, string>;
  /** Add-on name → the pod identity association its IRSA role becomes. */
  addons: Record<string, { namespace?: string; serviceAccount: string; roleArn: string }>;
  /** Why an add-on with IRSA is not migrated (it does not support pod identity, …), by name. */
  addonReasons: Record<string, string>;
  /**
   * `<ns>/<sa>` → the add-on whose role the iamserviceaccount holds (eksctl create cluster's
   * kube-system/aws-node for vpc-cni): it moves with the add-on, not as an association of its own.
   */
  addonServiceAccounts: Record<string, string>;
  /** The cluster runs the agent (or Auto Mode): no need to list it. */
  agentInstalled: boolean;
}

export interface RewriteResult {
  /** The new file text; the input itself when nothing changed. */
  text: string;
  /** What moved, one line each, in file order. */
  changes: string[];
  /** What stays on IRSA and why. */
  kept: string[];
}

/** An add-on's IRSA-only fields (reference §1.2); none may sit next to podIdentityAssociations. */
const ADDON_IRSA_KEYS = [
  'serviceAccountRoleARN',
  'attachPolicyARNs',
  'attachPolicy',
  'wellKnownPolicies',
  'permissionsBoundary',
];

const text = (node: unknown): string | undefined =>
  isScalar(node) && node.value !== null && node.value !== undefined
    ? String(node.value)
    : undefined;

/** The writer's options that reproduce the file's own layout (sequence indent, flow padding). */
export function layoutOf(source: string): ToStringOptions {
  const flushSequences = /^( *)[^\s#-][^\n]*:[ \t]*\n(?:\1[ \t]*#[^\n]*\n)*\1- /m.test(source);
  const padded = /[[{] [^\s\]}]/.test(source.replace(/#[^\n]*/g, ''));
  return { indentSeq: !flushSequences, lineWidth: 0, flowCollectionPadding: padded };
}

function association(
  doc: Document,
  namespace: string,
  serviceAccountName: string,
  roleARN: string,
): YAMLMap {
  return doc.createNode({ namespace, serviceAccountName, roleARN }) as YAMLMap;
}

function indexOfKey(map: YAMLMap, key: string): number {
  return map.items.findIndex((p) => text(p.key) === key);
}

function migrateServiceAccounts(
  doc: Document,
  root: YAMLMap,
  facts: RewriteFacts,
  out: RewriteResult,
) {
  const iam = root.get('iam', true);
  if (!isMap(iam)) return;
  const accounts = iam.get('serviceAccounts', true);
  if (!isSeq(accounts)) return;
  const existing = iam.get('podIdentityAssociations', true);
  const present = new Set(
    (isSeq(existing) ? existing.items : [])
      .filter(isMap)
      .map((p) => `${text(p.get('namespace', true))}/${text(p.get('serviceAccountName', true))}`),
  );
  const moved: YAMLMap[] = [];
  accounts.items = accounts.items.filter((item, i) => {
    if (!isMap(item)) return true;
    const meta = item.get('metadata', true);
    const name = isMap(meta) ? text(meta.get('name', true)) : undefined;
    const namespace = (isMap(meta) ? text(meta.get('namespace', true)) : undefined) || 'default';
    if (!name) return true;
    const key = `${namespace}/${name}`;
    const where = `iam.serviceAccounts[${i}] (${key})`;
    if (present.has(key)) {
      out.changes.push(`${where}: removed; iam.podIdentityAssociations already has ${key}`);
      return false;
    }
    const addon = facts.addonServiceAccounts[key];
    if (addon) {
      out.kept.push(
        `${where}: its role is addon ${addon}'s, which moves to pod identity with the add-on; left as it is`,
      );
      return true;
    }
    const role = facts.serviceAccountRoles[key] ?? text(item.get('attachRoleARN', true));
    if (!role) {
      out.kept.push(`${where}: no IAM role found for it on the cluster; left as it is`);
      return true;
    }
    const pia = association(doc, namespace, name, role);
    // A comment above the first entry is the list's own in the Document; it belongs to the entry.
    if (item === accounts.items[0] && accounts.commentBefore && !item.commentBefore) {
      item.commentBefore = accounts.commentBefore;
      accounts.commentBefore = undefined;
    }
    if (item.commentBefore) pia.commentBefore = item.commentBefore;
    if (item.comment) pia.comment = item.comment;
    moved.push(pia);
    present.add(key);
    out.changes.push(`${where} → iam.podIdentityAssociations with roleARN ${role}`);
    return false;
  });
  if (moved.length === 0 && accounts.items.length > 0) return;
  let at = indexOfKey(iam, 'serviceAccounts');
  if (accounts.items.length === 0) {
    const [pair] = iam.items.splice(at, 1);
    // The key's own comment stays with the list the entries went to.
    if (isScalar(pair.key) && pair.key.commentBefore && moved.length > 0) {
      moved[0].commentBefore = [pair.key.commentBefore, moved[0].commentBefore]
        .filter(Boolean)
        .join('\n');
    }
  } else at += 1;
  if (moved.length === 0) return;
  if (isSeq(existing)) existing.items.push(...moved);
  else {
    const seq = new YAMLSeq();
    seq.items.push(...moved);
    iam.items.splice(at, 0, new Pair(new Scalar('podIdentityAssociations'), seq));
  }
}

function migrateAddons(doc: Document, root: YAMLMap, facts: RewriteFacts, out: RewriteResult) {
  const addons = root.get('addons', true);
  if (!isSeq(addons)) return;
  addons.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const name = text(item.get('name', true)) ?? '';
    const irsa = item.items.filter((p) => ADDON_IRSA_KEYS.includes(text(p.key) ?? ''));
    const found = facts.addons[name];
    // An add-on the file lists without IRSA fields may still run on an IRSA role (eksctl create
    // cluster gives vpc-cni one): it migrates too.
    if (irsa.length === 0 && (!found || item.has('podIdentityAssociations'))) return;
    const where = `addons[${i}] (${name})`;
    if (item.has('podIdentityAssociations')) {
      out.kept.push(`${where}: has both IRSA fields and podIdentityAssociations; fix it by hand`);
      return;
    }
    if (!found || !found.namespace) {
      const why =
        facts.addonReasons[name] ??
        'no IRSA role of it that can move to pod identity was found on the cluster';
      out.kept.push(`${where}: ${why}; left on IRSA`);
      return;
    }
    const at = irsa.length > 0 ? item.items.indexOf(irsa[0]) : item.items.length;
    const fields = irsa.map((p) => text(p.key)).join(', ') || 'its live IRSA role';
    item.items = item.items.filter((p) => !irsa.includes(p));
    const seq = new YAMLSeq();
    seq.items.push(association(doc, found.namespace, found.serviceAccount, found.roleArn));
    const pair = new Pair(new Scalar('podIdentityAssociations'), seq);
    if (irsa.length > 0 && isScalar(irsa[0].key) && irsa[0].key.commentBefore) {
      (pair.key as Scalar).commentBefore = irsa[0].key.commentBefore;
    }
    item.items.splice(at, 0, pair);
    out.changes.push(
      `${where}: ${fields} → podIdentityAssociations (${found.namespace}/${found.serviceAccount} with roleARN ${found.roleArn})`,
    );
  });
}

/** The agent first in `addons` (eksctl creates it first), when the cluster lacks it. */
function listAgent(doc: Document, root: YAMLMap, out: RewriteResult) {
  const found = root.get('addons', true);
  const named = (a: unknown) => isMap(a) && text(a.get('name', true)) === AGENT_ADDON;
  if (isSeq(found) && found.items.some(named)) return;
  let addons: YAMLSeq;
  if (isSeq(found)) addons = found;
  else {
    addons = new YAMLSeq();
    const at = indexOfKey(root, 'addons'); // `addons:` with no list yet
    if (at >= 0) root.items[at].value = addons;
    else root.items.push(new Pair(new Scalar('addons'), addons));
  }
  addons.items.unshift(doc.createNode({ name: AGENT_ADDON }));
  out.changes.push(
    `addons: ${AGENT_ADDON} added (pod identity needs it and the cluster does not run it)`,
  );
}

export function rewriteForPodIdentity(source: string, facts: RewriteFacts): RewriteResult {
  const out: RewriteResult = { text: source, changes: [], kept: [] };
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return out;
  const root = doc.contents;
  migrateServiceAccounts(doc, root, facts, out);
  migrateAddons(doc, root, facts, out);
  if (out.changes.length === 0) return out;
  if (!facts.agentInstalled) listAgent(doc, root, out);
  out.text = doc.toString(layoutOf(source));
  return out;
}
