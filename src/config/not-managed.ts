// What a config file holds that podid-action does not act on. Users keep their whole eksctl file,
// so these are accepted; the plan lists each one, so that "the cluster matches the configuration"
// is never claimed of a field nothing looked at.

import type { RawCluster } from './cluster.js';
import type { ClusterSpec, NotManaged, Problem } from './model.js';
import type { Located, RawPia } from './read.js';
import { IGNORED_TOP_LEVEL } from './schema.js';
import type { Pos } from './yaml.js';

const CLUSTER_SETTING =
  'an eksctl cluster setting; podid-action manages only pod identity associations, their IAM roles and add-ons';
const IRSA_ROLE =
  'an IRSA role setting: podid-action does not create IRSA roles; give the add-on podIdentityAssociations or useDefaultPodIdentityAssociations instead';

const CREATE_SERVICE_ACCOUNT =
  'an add-on creates its own service accounts, so eksctl ignores this under addons[].podIdentityAssociations, and so does podid-action; it acts on it under iam.podIdentityAssociations';
const ADDON_ENTRY_FIELD =
  'not supported for addon.podIdentityAssociations: the EKS add-on API takes only a service account and a role, so it is ignored';

/** The add-ons' associations, with paths from the top (`addons[0].podIdentityAssociations[1]`). */
const addonPias = (raw: RawCluster): RawPia[] =>
  raw.addons.flatMap((a) => a.pias.map((p) => ({ ...p, path: `${a.path}.${p.path}` })));

/** Keys of a section, with their reason, in the order the file has them. */
const SECTIONS: { of: (raw: RawCluster) => Located[]; keys: Record<string, string> }[] = [
  {
    of: (raw) => [raw.top],
    keys: Object.fromEntries(IGNORED_TOP_LEVEL.map((k) => [k, CLUSTER_SETTING])),
  },
  {
    of: (raw) => [raw.meta],
    keys: {
      version:
        'a cluster creation setting; the plan reads the Kubernetes version of the live cluster',
      annotations: 'eksctl cluster metadata',
    },
  },
  {
    of: (raw) => [raw.iam],
    keys: {
      withOIDC: 'IRSA: podid-action does not create OIDC providers',
      serviceAccounts:
        'IRSA service accounts and their roles are not created or changed by podid-action',
      serviceRoleARN: CLUSTER_SETTING,
      serviceRolePermissionsBoundary: CLUSTER_SETTING,
      fargatePodExecutionRoleARN: CLUSTER_SETTING,
      fargatePodExecutionRolePermissionsBoundary: CLUSTER_SETTING,
      vpcResourceControllerPolicy: CLUSTER_SETTING,
    },
  },
  {
    of: (raw) => [raw.addonsConfig],
    keys: { disableDefaultAddons: 'a cluster creation setting' },
  },
  {
    of: (raw) => [raw.autoModeConfig],
    keys: {
      enabled: 'a cluster setting; the plan reads Auto Mode from the live cluster',
      nodePools: CLUSTER_SETTING,
      nodeRoleARN: CLUSTER_SETTING,
    },
  },
  {
    of: (raw) => raw.addons,
    keys: {
      attachPolicyARNs: IRSA_ROLE,
      attachPolicy: IRSA_ROLE,
      wellKnownPolicies: IRSA_ROLE,
      permissionsBoundary: IRSA_ROLE,
      publishers: 'an eksctl add-on discovery filter',
      types: 'an eksctl add-on discovery filter',
      owners: 'an eksctl add-on discovery filter',
    },
  },
  {
    of: (raw) => raw.addons,
    keys: {
      resolveConflicts:
        'a call option: sent when the add-on is created or updated, never compared with the live add-on (EKS does not keep it), so changing it alone changes nothing',
    },
  },
  {
    of: (raw) => addonPias(raw).filter((p) => p.spec.createServiceAccount),
    keys: { createServiceAccount: CREATE_SERVICE_ACCOUNT },
  },
  {
    of: (raw) => addonPias(raw),
    keys: {
      targetRoleARN: ADDON_ENTRY_FIELD,
      disableSessionTags: ADDON_ENTRY_FIELD,
      policy: ADDON_ENTRY_FIELD,
    },
  },
];

const fieldPath = (loc: Located, key: string): string => (loc.path ? `${loc.path}.${key}` : key);

export function notManagedIn(raw: RawCluster): NotManaged[] {
  const found: (NotManaged & { at: Pos })[] = [];
  for (const section of SECTIONS) {
    for (const loc of section.of(raw)) {
      for (const [key, reason] of Object.entries(section.keys)) {
        const at = loc.key[key];
        if (at)
          found.push({ path: fieldPath(loc, key), line: at.line, column: at.column, reason, at });
      }
    }
  }
  return found
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(({ at: _at, ...item }) => item);
}

/** The same facts as warnings at their file position, for `validate` and the action's annotations. */
export function notManagedWarnings(spec: ClusterSpec): Problem[] {
  return spec.notManaged.map((n) => ({
    severity: 'warning',
    file: spec.file,
    line: n.line,
    column: n.column,
    path: n.path,
    message: `${n.path} is not managed by podid-action: ${n.reason}`,
  }));
}
