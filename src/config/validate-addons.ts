// Rules for `addons[]` (reference §1.2): eksctl's Addon.Validate() and its cluster-config addon checks.
import { parse as parseYaml } from 'yaml';
import { arnHint, checkArn, checkTag, hasPolicy, type ArnKind } from './limits.js';
import type { RawAddon } from './read.js';
import { AGENT_ADDON } from './schema.js';
import { checkDocument, validatePia, type PiaContext } from './validate-pia.js';
import { quote, type Pos, type Reader } from './yaml.js';

export function validateAddon(r: Reader, addon: RawAddon, ctx: Omit<PiaContext, 'addon'>): void {
  if (addon.bad.has('')) return;
  const { spec, path } = addon;
  const name = spec.name;
  const pre = (m: string) => `invalid configuration for ${quote(name)} addon: ${m}`;
  const suf = (m: string) => `${m} (addon: ${name})`;
  const k = (key: string): Pos => addon.key[key] ?? addon.at;
  const v = (key: string): Pos => addon.val[key] ?? addon.at;

  if (!name) {
    r.error(
      v('name'),
      `${path}.name`,
      pre('name is required'),
      'set the EKS addon name, e.g. vpc-cni',
    );
    return;
  }
  if (
    spec.configurationValues !== undefined &&
    !validConfigurationValues(spec.configurationValues)
  ) {
    r.error(
      v('configurationValues'),
      `${path}.configurationValues`,
      pre(
        `configurationValues: ${quote(spec.configurationValues)} is not valid, supported format(s) are: JSON and YAML`,
      ),
      'write configurationValues as a JSON or YAML object in a string (e.g. with "|")',
    );
  }

  const irsa = {
    serviceAccountRoleARN: !!spec.serviceAccountRoleARN,
    attachPolicyARNs: spec.attachPolicyARNs.length > 0,
    attachPolicy: spec.attachPolicy !== undefined,
    wellKnownPolicies: Object.values(spec.wellKnownPolicies).some(Boolean),
  };
  const irsaKeys = (Object.keys(irsa) as (keyof typeof irsa)[]).filter((f) => irsa[f]);
  const pias = spec.podIdentityAssociations ?? [];
  if (irsaKeys.length > 0 && pias.length > 0) {
    r.error(
      k(irsaKeys[0]),
      `${path}.${irsaKeys[0]}`,
      pre(
        'cannot set IRSA config (`addon.ServiceAccountRoleARN`, `addon.AttachPolicyARNs`, `addon.AttachPolicy`, `addon.WellKnownPolicies`) and pod identity associations at the same time',
      ),
      'remove the IRSA fields; pod identity associations replace them',
    );
  } else if (irsaKeys.length > 1) {
    r.error(
      k(irsaKeys[1]),
      `${path}.${irsaKeys[1]}`,
      pre(
        'at most one of wellKnownPolicies, serviceAccountRoleARN, attachPolicyARNs and attachPolicy can be specified',
      ),
      `keep only one of: ${irsaKeys.join(', ')}`,
    );
  }
  if (pias.length > 0 && name.toLowerCase() === AGENT_ADDON) {
    r.error(
      k('podIdentityAssociations'),
      `${path}.podIdentityAssociations`,
      pre(`cannot set pod identity associations for ${quote(AGENT_ADDON)} addon`),
      'the agent itself needs no association; remove podIdentityAssociations',
    );
  }
  if (spec.useDefaultPodIdentityAssociations && pias.length > 0) {
    r.error(
      k('useDefaultPodIdentityAssociations'),
      `${path}.useDefaultPodIdentityAssociations`,
      suf(
        'cannot specify both addon.useDefaultPodIdentityAssociations and addon.podIdentityAssociations',
      ),
      'use either the recommended associations or your own list',
    );
  }
  if (spec.useDefaultPodIdentityAssociations && irsaKeys.length > 0) {
    r.error(
      k(irsaKeys[0]),
      `${path}.${irsaKeys[0]}`,
      suf(
        'cannot specify serviceAccountRoleARN, wellKnownPolicies, attachPolicy or attachPolicyARNs when addon.useDefaultPodIdentityAssociations is set',
      ),
      'remove the IRSA fields or useDefaultPodIdentityAssociations',
    );
  }

  arn(
    r,
    spec.serviceAccountRoleARN,
    'role',
    v('serviceAccountRoleARN'),
    `${path}.serviceAccountRoleARN`,
  );
  arn(
    r,
    spec.permissionsBoundary,
    'policy',
    v('permissionsBoundary'),
    `${path}.permissionsBoundary`,
  );
  spec.attachPolicyARNs.forEach((a, i) =>
    arn(
      r,
      a,
      'policy',
      addon.items.attachPolicyARNs?.[i] ?? v('attachPolicyARNs'),
      `${path}.attachPolicyARNs[${i}]`,
    ),
  );
  if (hasPolicy(spec.attachPolicy))
    checkDocument(r, spec.attachPolicy!, v('attachPolicy'), `${path}.attachPolicy`);
  for (const [key, value] of Object.entries(spec.tags)) {
    const bad = checkTag(key, value);
    if (bad) r.error(addon.tagKeys.get(key) ?? addon.at, `${path}.tags`, bad[0], bad[1]);
  }

  for (const pia of addon.pias) {
    validatePia(r, pia, { ...ctx, addon: name, addonPath: path });
  }
}

function arn(r: Reader, value: string | undefined, kind: ArnKind, at: Pos, path: string): void {
  if (value === undefined || value === '') return;
  const bad = checkArn(value, kind);
  if (bad) r.error(at, path, `${path}: ${bad}`, arnHint(kind));
}

/** eksctl accepts JSON, or YAML that strictly unmarshals into an object. */
function validConfigurationValues(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    // not JSON: try YAML
  }
  try {
    const v: unknown = parseYaml(s, { uniqueKeys: true, maxAliasCount: 10 });
    return v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v));
  } catch {
    return false;
  }
}
