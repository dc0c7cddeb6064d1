// Rules for one file as a whole (metadata tags, duplicates among its entries and add-ons, stack
// name collisions), and across files (one cluster, one file).

import { podIdentityRoleStackName } from '../../names/stack-names.js';
import type { RawCluster } from '../cluster.js';
import { MAX_TAGS, STACK_TAGS_ADDED } from '../limits.js';
import type { ClusterSpec, Problem } from '../model.js';
import type { RawPia } from '../read.js';
import { quote, type Reader } from '../yaml.js';
import { validateAddon } from './addon.js';
import { validateAssociation } from './association.js';
import type { EntryScope } from './entry.js';
import { validateServiceAccount } from './service-accounts.js';
import { checkTagMap } from './tags.js';

export function validateCluster(r: Reader, raw: RawCluster): void {
  const { spec } = raw;
  const scope: EntryScope = {
    cluster: spec.name,
    accountID: spec.accountID,
    metadataTags: spec.tags,
  };
  checkMetadataTags(r, raw);
  for (const pia of raw.pias) validateAssociation(r, pia, scope);
  for (const addon of raw.addons) validateAddon(r, addon, scope);
  checkDuplicateAddons(r, raw);
  checkDuplicateAssociations(r, [
    ...raw.pias,
    ...raw.addons.flatMap((a) => a.pias.map((p) => ({ ...p, path: `${a.path}.${p.path}` }))),
  ]);
  checkStackNameCollisions(r, raw.spec.name, raw.pias);
  for (const sa of raw.serviceAccounts) validateServiceAccount(r, sa);
}

/** Every role stack carries metadata.tags plus the tags eksctl and podid-action add (reference §0). */
function checkMetadataTags(r: Reader, raw: RawCluster): void {
  const { spec, meta } = raw;
  checkTagMap(r, spec.tags, (key) => meta.tagKeys.get(key) ?? meta.at, 'metadata.tags');
  const count = Object.keys(spec.tags).length;
  const added = STACK_TAGS_ADDED.standalone;
  if (count + added <= MAX_TAGS) return;
  r.error(
    meta.key.tags ?? meta.at,
    'metadata.tags',
    `metadata.tags has ${count} tags; every role stack would carry ${count + added} with the ${added} tags eksctl and podid-action add, and CloudFormation allows ${MAX_TAGS}`,
    `keep at most ${MAX_TAGS - added} tags in metadata.tags`,
  );
}

function checkDuplicateAddons(r: Reader, raw: RawCluster): void {
  const first = new Map<string, number>();
  for (const addon of raw.addons) {
    if (addon.bad.has('')) continue;
    const lower = addon.spec.name.toLowerCase();
    if (!lower) continue;
    const line = first.get(lower);
    if (line === undefined) {
      first.set(lower, (addon.val.name ?? addon.at).line);
      continue;
    }
    r.error(
      addon.val.name ?? addon.at,
      `${addon.path}.name`,
      `addon ${quote(addon.spec.name)} is declared twice (first at line ${line})`,
      'declare each addon once',
    );
  }
}

/** One service account maps to one role: a second association for it would fail at apply time. */
function checkDuplicateAssociations(r: Reader, pias: RawPia[]): void {
  const seen = new Map<string, RawPia>();
  for (const pia of pias) {
    const { namespace, serviceAccountName } = pia.spec;
    if (!namespace || !serviceAccountName) continue;
    const id = `${namespace}/${serviceAccountName}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, pia);
      continue;
    }
    r.error(
      pia.at,
      pia.path,
      `duplicate pod identity association for service account ${quote(id)}: already declared at line ${first.at.line} (${first.path})`,
      'a service account can have only one association; remove or merge one of them',
    );
  }
}

/**
 * eksctl names a role stack `<namespace>-<serviceAccountName>`, so `team-a/app` and `team/a-app`
 * would need the same stack: the second entry could never get its own role.
 */
function checkStackNameCollisions(r: Reader, cluster: string, pias: RawPia[]): void {
  const seen = new Map<string, RawPia>();
  for (const pia of pias) {
    const { namespace, serviceAccountName, roleARN } = pia.spec;
    if (!namespace || !serviceAccountName || roleARN || !cluster) continue;
    const name = podIdentityRoleStackName(cluster, namespace, serviceAccountName);
    const first = seen.get(name);
    if (!first) {
      seen.set(name, pia);
      continue;
    }
    const other = `${first.spec.namespace}/${first.spec.serviceAccountName}`;
    r.error(
      pia.at,
      pia.path,
      `the role stack of ${quote(`${namespace}/${serviceAccountName}`)} would be ${quote(name)}, the same as the one of ${quote(other)} at line ${first.at.line} (${first.path})`,
      'eksctl names role stacks <namespace>-<serviceAccountName>; rename one namespace or service account, or give one entry a roleARN',
    );
  }
}

/** Two files must not declare the same cluster: each would try to own its associations. */
export function checkAcrossFiles(clusters: ClusterSpec[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, ClusterSpec>();
  for (const c of clusters) {
    if (!c.name || !c.region) continue;
    const id = `${c.name}\u0000${c.region}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, c);
      continue;
    }
    problems.push({
      severity: 'error',
      file: c.file,
      line: c.location.line,
      column: c.location.column,
      path: 'metadata.name',
      message: `cluster ${quote(c.name)} in region ${quote(c.region)} is declared in both ${first.file} and ${c.file}`,
      hint: 'one file = one cluster: merge the two files or remove one',
    });
  }
  return problems;
}
