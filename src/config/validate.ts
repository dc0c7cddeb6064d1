// Cluster-wide rules for one file, and the rules across files.
import { standaloneStackName } from './limits.js';
import type { RawCluster } from './cluster.js';
import { MAX_TAGS, arnHint, checkArn, checkNamespace, checkTag, NAMESPACE_HINT } from './limits.js';
import type { ClusterSpec, Problem } from './model.js';
import type { RawPia } from './read.js';
import { validateAddon } from './validate-addons.js';
import { validatePia, type PiaContext } from './validate-pia.js';
import { quote, type Reader } from './yaml.js';

export function validateCluster(r: Reader, raw: RawCluster): void {
  const { spec, meta } = raw;
  const ctx: PiaContext = {
    cluster: spec.name,
    accountID: spec.accountID,
    metadataTags: spec.tags,
  };

  for (const [key, value] of Object.entries(spec.tags)) {
    const bad = checkTag(key, value);
    if (bad) r.error(meta.tagKeys.get(key) ?? meta.at, 'metadata.tags', bad[0], bad[1]);
  }
  // Every role stack carries metadata.tags plus 5 tags of eksctl's and ours (reference §0).
  const metaTags = Object.keys(spec.tags).length;
  if (metaTags + 5 > MAX_TAGS) {
    r.error(
      meta.key.tags ?? meta.at,
      'metadata.tags',
      `metadata.tags has ${metaTags} tags; every role stack would carry ${metaTags + 5} with the 5 tags eksctl and podid-action add, and CloudFormation allows ${MAX_TAGS}`,
      `keep at most ${MAX_TAGS - 5} tags in metadata.tags`,
    );
  }

  for (const pia of raw.pias) validatePia(r, pia, ctx);

  const addonNames = new Map<string, number>();
  for (const addon of raw.addons) {
    validateAddon(r, addon, ctx);
    const lower = addon.spec.name.toLowerCase();
    if (!lower) continue;
    const first = addonNames.get(lower);
    if (first !== undefined) {
      r.error(
        addon.val.name ?? addon.at,
        `${addon.path}.name`,
        `addon ${quote(addon.spec.name)} is declared twice (first at line ${first})`,
        'declare each addon once',
      );
    } else addonNames.set(lower, (addon.val.name ?? addon.at).line);
  }

  checkDuplicateAssociations(r, [
    ...raw.pias,
    ...raw.addons.flatMap((a) => a.pias.map((p) => ({ ...p, path: `${a.path}.${p.path}` }))),
  ]);
  checkStackNameCollisions(r, raw.spec.name, raw.pias);

  for (const sa of raw.serviceAccounts) {
    const p = sa.path;
    if (!sa.spec.name) {
      r.error(
        sa.at,
        `${p}.metadata.name`,
        `${p}.metadata.name must be set`,
        'set the service account name under metadata.name',
      );
    }
    const badNs = sa.spec.namespace ? checkNamespace(sa.spec.namespace) : undefined;
    if (badNs) r.error(sa.at, `${p}.metadata.namespace`, badNs, NAMESPACE_HINT);
    sa.spec.attachPolicyARNs.forEach((a, i) => {
      const bad = checkArn(a, 'policy');
      const at = sa.items.attachPolicyARNs?.[i] ?? sa.at;
      if (bad)
        r.error(
          at,
          `${p}.attachPolicyARNs[${i}]`,
          `${p}.attachPolicyARNs[${i}]: ${bad}`,
          arnHint('policy'),
        );
    });
    const role = sa.spec.attachRoleARN;
    const bad = role ? checkArn(role, 'role') : undefined;
    if (bad)
      r.error(
        sa.val.attachRoleARN ?? sa.at,
        `${p}.attachRoleARN`,
        `${p}.attachRoleARN: ${bad}`,
        arnHint('role'),
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
    const name = standaloneStackName(cluster, namespace, serviceAccountName);
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
