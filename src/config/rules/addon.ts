// Rules for one `addons[]` entry (reference §1.2): eksctl's Addon.Validate() and its cluster-config
// add-on checks, then the rules of each of its pod identity associations.

import { parse as parseYaml } from 'yaml';
import { AGENT_ADDON } from '../../names/addons.js';
import { ADDON_NAME_HINT, checkAddonName, hasPolicy } from '../limits.js';
import type { RawAddon } from '../read.js';
import { quote, type Pos, type Reader } from '../yaml.js';
import { checkArnField } from './arn-field.js';
import { validateAssociation } from './association.js';
import type { EntryScope } from './entry.js';
import { checkDocument } from './policies.js';
import { checkTagMap } from './tags.js';

interface AddonCheck {
  r: Reader;
  addon: RawAddon;
  name: string;
  path: string;
  keyAt(key: string): Pos;
  valAt(key: string): Pos;
  /** eksctl's Addon.Validate() prefix. */
  prefixed(message: string): string;
  /** eksctl's cluster-config suffix. */
  suffixed(message: string): string;
  /** The IRSA fields the add-on sets, in eksctl's order. */
  irsa: string[];
}

type AddonRule = (c: AddonCheck) => void;

function irsaFields(addon: RawAddon): string[] {
  const { spec } = addon;
  const set = {
    serviceAccountRoleARN: !!spec.serviceAccountRoleARN,
    attachPolicyARNs: spec.attachPolicyARNs.length > 0,
    attachPolicy: spec.attachPolicy !== undefined,
    wellKnownPolicies: Object.values(spec.wellKnownPolicies).some(Boolean),
  };
  return Object.entries(set)
    .filter(([, on]) => on)
    .map(([field]) => field);
}

const MAX_ALIASES = 10;

/**
 * eksctl accepts JSON, or YAML that strictly unmarshals into an object: undefined when valid, else
 * what is wrong and how to fix it. YAML aliases are capped (an alias bomb would expand without end).
 */
function configurationValuesProblem(s: string): { message: string; hint: string } | undefined {
  try {
    JSON.parse(s);
    return undefined;
  } catch {
    // not JSON: try YAML
  }
  const invalid = {
    message: `configurationValues: ${quote(s)} is not valid, supported format(s) are: JSON and YAML`,
    hint: 'write configurationValues as a JSON or YAML object in a string (e.g. with "|")',
  };
  try {
    // 'error': errors still throw; a warning would print the file's text to stderr, around the sink.
    const v: unknown = parseYaml(s, {
      uniqueKeys: true,
      maxAliasCount: MAX_ALIASES,
      logLevel: 'error',
    });
    return v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v))
      ? undefined
      : invalid;
  } catch (error) {
    if (
      error instanceof Error &&
      /alias/i.test(error.message) &&
      /count|resource/i.test(error.message)
    ) {
      return {
        message: `configurationValues uses YAML aliases that expand more than ${MAX_ALIASES} times`,
        hint: 'write the values out in full (or as JSON) instead of repeating them through anchors and aliases',
      };
    }
    return invalid;
  }
}

const configurationValuesRule: AddonRule = (c) => {
  const values = c.addon.spec.configurationValues;
  const problem = values === undefined ? undefined : configurationValuesProblem(values);
  if (!problem) return;
  c.r.error(
    c.valAt('configurationValues'),
    `${c.path}.configurationValues`,
    c.prefixed(problem.message),
    problem.hint,
  );
};

/** eksctl's validateKubernetesNamespaceName: a DNS-1123 label that starts with a letter. */
const namespaceConfigRule: AddonRule = (c) => {
  const ns = c.addon.spec.namespaceConfig?.namespace;
  if (!ns) return;
  const message =
    ns.length > 63
      ? `namespace name ${quote(ns)} is too long (max 63 characters)`
      : /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(ns)
        ? undefined
        : `namespace ${quote(ns)} is not a valid Kubernetes namespace name (must be a valid DNS-1123 label)`;
  if (!message) return;
  c.r.error(
    c.valAt('namespaceConfig'),
    `${c.path}.namespaceConfig.namespace`,
    c.prefixed(message),
    'use at most 63 lower-case letters, digits and "-", starting with a letter and ending with a letter or digit',
  );
};

const irsaExclusiveRule: AddonRule = (c) => {
  const { irsa, path } = c;
  const entries = c.addon.spec.podIdentityAssociations ?? [];
  if (irsa.length > 0 && entries.length > 0) {
    c.r.error(
      c.keyAt(irsa[0]),
      `${path}.${irsa[0]}`,
      c.prefixed(
        'cannot set IRSA config (`addon.ServiceAccountRoleARN`, `addon.AttachPolicyARNs`, `addon.AttachPolicy`, `addon.WellKnownPolicies`) and pod identity associations at the same time',
      ),
      'remove the IRSA fields; pod identity associations replace them',
    );
  } else if (irsa.length > 1) {
    c.r.error(
      c.keyAt(irsa[1]),
      `${path}.${irsa[1]}`,
      c.prefixed(
        'at most one of wellKnownPolicies, serviceAccountRoleARN, attachPolicyARNs and attachPolicy can be specified',
      ),
      `keep only one of: ${irsa.join(', ')}`,
    );
  }
};

const agentHasNoAssociationsRule: AddonRule = (c) => {
  const entries = c.addon.spec.podIdentityAssociations ?? [];
  if (entries.length === 0 || c.name.toLowerCase() !== AGENT_ADDON) return;
  c.r.error(
    c.keyAt('podIdentityAssociations'),
    `${c.path}.podIdentityAssociations`,
    c.prefixed(`cannot set pod identity associations for ${quote(AGENT_ADDON)} addon`),
    'the agent itself needs no association; remove podIdentityAssociations',
  );
};

const useDefaultExclusiveRule: AddonRule = (c) => {
  const { spec } = c.addon;
  if (!spec.useDefaultPodIdentityAssociations) return;
  if ((spec.podIdentityAssociations ?? []).length > 0) {
    c.r.error(
      c.keyAt('useDefaultPodIdentityAssociations'),
      `${c.path}.useDefaultPodIdentityAssociations`,
      c.suffixed(
        'cannot specify both addon.useDefaultPodIdentityAssociations and addon.podIdentityAssociations',
      ),
      'use either the recommended associations or your own list',
    );
  }
  if (c.irsa.length > 0) {
    c.r.error(
      c.keyAt(c.irsa[0]),
      `${c.path}.${c.irsa[0]}`,
      c.suffixed(
        'cannot specify serviceAccountRoleARN, wellKnownPolicies, attachPolicy or attachPolicyARNs when addon.useDefaultPodIdentityAssociations is set',
      ),
      'remove the IRSA fields or useDefaultPodIdentityAssociations',
    );
  }
};

const irsaShapesRule: AddonRule = (c) => {
  const { spec, items } = c.addon;
  const { r, path } = c;
  const arnOf = (value: string | undefined) => value || undefined;
  checkArnField(
    r,
    arnOf(spec.serviceAccountRoleARN),
    'role',
    c.valAt('serviceAccountRoleARN'),
    `${path}.serviceAccountRoleARN`,
  );
  checkArnField(
    r,
    arnOf(spec.permissionsBoundary),
    'policy',
    c.valAt('permissionsBoundary'),
    `${path}.permissionsBoundary`,
  );
  spec.attachPolicyARNs.forEach((arn, i) =>
    checkArnField(
      r,
      arnOf(arn),
      'policy',
      items.attachPolicyARNs?.[i] ?? c.valAt('attachPolicyARNs'),
      `${path}.attachPolicyARNs[${i}]`,
    ),
  );
  if (hasPolicy(spec.attachPolicy))
    checkDocument(r, spec.attachPolicy!, c.valAt('attachPolicy'), `${path}.attachPolicy`);
};

const addonTagsRule: AddonRule = (c) =>
  checkTagMap(
    c.r,
    c.addon.spec.tags,
    (key) => c.addon.tagKeys.get(key) ?? c.addon.at,
    `${c.path}.tags`,
  );

const ADDON_RULES: readonly AddonRule[] = [
  configurationValuesRule,
  namespaceConfigRule,
  irsaExclusiveRule,
  agentHasNoAssociationsRule,
  useDefaultExclusiveRule,
  irsaShapesRule,
  addonTagsRule,
];

export function validateAddon(
  r: Reader,
  addon: RawAddon,
  cluster: Omit<EntryScope, 'addon' | 'addonPath'>,
): void {
  if (addon.bad.has('')) return;
  const { spec, path } = addon;
  const name = spec.name;
  const prefixed = (m: string) => `invalid configuration for ${quote(name)} addon: ${m}`;
  if (!name) {
    r.error(
      addon.val.name ?? addon.at,
      `${path}.name`,
      prefixed('name is required'),
      'set the EKS addon name, e.g. vpc-cni',
    );
    return;
  }
  // A name of any other shape may carry line breaks into every text that names the add-on.
  const badName = checkAddonName(name);
  if (badName) {
    r.error(addon.val.name ?? addon.at, `${path}.name`, badName, ADDON_NAME_HINT);
    return;
  }
  const check: AddonCheck = {
    r,
    addon,
    name,
    path,
    keyAt: (key) => addon.key[key] ?? addon.at,
    valAt: (key) => addon.val[key] ?? addon.at,
    prefixed,
    suffixed: (m) => `${m} (addon: ${name})`,
    irsa: irsaFields(addon),
  };
  for (const rule of ADDON_RULES) rule(check);
  for (const pia of addon.pias)
    validateAssociation(r, pia, { ...cluster, addon: name, addonPath: path });
}
