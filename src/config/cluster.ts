// The document root: apiVersion/kind, metadata, iam, addons, addonsConfig, autoModeConfig.
import { isMap, type Node } from 'yaml';
import type { ClusterSpec } from './model.js';
import {
  readAddon,
  readPia,
  readServiceAccount,
  readTags,
  location,
  newLocated,
  walk,
  type Located,
  type RawAddon,
  type RawPia,
  type RawServiceAccount,
} from './read.js';
import {
  ADDONS_CONFIG_KEYS,
  API_GROUP,
  API_VERSION,
  AUTO_MODE_KEYS,
  IAM_KEYS,
  KIND,
  METADATA_KEYS,
  TOP_LEVEL_KEYS,
} from './schema.js';
import { checkClusterName, checkRegion } from './limits.js';
import { quote, type Pos, type Reader } from './yaml.js';

export interface RawCluster {
  spec: ClusterSpec;
  meta: Located;
  /** Positions of the top-level keys, and of the keys of iam, addonsConfig and autoModeConfig. */
  top: Located;
  iam: Located;
  addonsConfig: Located;
  autoModeConfig: Located;
  pias: RawPia[];
  addons: RawAddon[];
  serviceAccounts: RawServiceAccount[];
  /** Name and region are both present and well-formed: cross-file checks may use them. */
  identified: boolean;
}

function emptyCluster(r: Reader, root: Node): RawCluster {
  const spec: ClusterSpec = {
    file: r.file,
    name: '',
    region: '',
    tags: {},
    annotations: {},
    withOIDC: false,
    autoModeEnabled: false,
    podIdentityAssociations: [],
    serviceAccounts: [],
    addons: [],
    addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
    notManaged: [],
    location: location(r, root),
  };
  return {
    spec,
    meta: newLocated(r, root, 'metadata'),
    top: newLocated(r, root, ''),
    iam: newLocated(r, root, 'iam'),
    addonsConfig: newLocated(r, root, 'addonsConfig'),
    autoModeConfig: newLocated(r, root, 'autoModeConfig'),
    pias: [],
    addons: [],
    serviceAccounts: [],
    identified: false,
  };
}

function readAddonsConfig(r: Reader, v: Node | null, path: string, raw: RawCluster): void {
  const config = raw.spec.addonsConfig;
  walk(
    r,
    v,
    path,
    ADDONS_CONFIG_KEYS,
    {
      autoApplyPodIdentityAssociations: (bv, bp) =>
        (config.autoApplyPodIdentityAssociations = r.bool(bv, bp) ?? false),
      disableDefaultAddons: (bv, bp) => (config.disableDefaultAddons = r.bool(bv, bp) ?? false),
    },
    raw.addonsConfig,
  );
}

function readAutoModeConfig(r: Reader, v: Node | null, path: string, raw: RawCluster): void {
  walk(
    r,
    v,
    path,
    AUTO_MODE_KEYS,
    {
      enabled: (bv, bp) => (raw.spec.autoModeEnabled = r.bool(bv, bp) ?? false),
      nodePools: (lv, lp) => void r.strList(lv, lp),
      nodeRoleARN: (sv, sp) => void r.str(sv, sp),
    },
    raw.autoModeConfig,
  );
}

/** apiVersion, kind and metadata must be there (and be eksctl's). */
function checkHead(
  r: Reader,
  raw: RawCluster,
  start: Pos,
  head: { apiVersion?: string; kind?: string; sawMetadata: boolean },
): void {
  const { top } = raw;
  if (head.apiVersion !== API_VERSION) {
    const msg =
      head.apiVersion === undefined
        ? 'apiVersion must be set'
        : `unsupported apiVersion ${quote(head.apiVersion)}`;
    r.error(top.val.apiVersion ?? start, 'apiVersion', msg, `set apiVersion: ${API_VERSION}`);
  }
  if (head.kind !== KIND) {
    const msg =
      head.kind === undefined ? 'kind must be set' : `unsupported kind ${quote(head.kind)}`;
    r.error(
      top.val.kind ?? start,
      'kind',
      msg,
      `set kind: ${KIND}; only ClusterConfig files are read`,
    );
  }
  if (!head.sawMetadata) {
    r.error(
      start,
      'metadata',
      'metadata must be set',
      'add metadata with the cluster name and region',
    );
  }
}

/**
 * Whether a document is meant for eksctl: a mapping with `kind: ClusterConfig` or an eksctl.io
 * apiVersion. Only such a document is read field by field (and quoted in problems); anything else a
 * glob matched is refused in one problem that quotes none of it.
 */
export function isClusterConfigDocument(root: Node | null): boolean {
  if (!isMap(root)) return false;
  const apiVersion = root.get('apiVersion');
  return (
    root.get('kind') === KIND ||
    (typeof apiVersion === 'string' && apiVersion.startsWith(API_GROUP))
  );
}

export function readCluster(r: Reader, root: Node): RawCluster | undefined {
  const raw = emptyCluster(r, root);
  const head: { apiVersion?: string; kind?: string; sawMetadata: boolean } = {
    sawMetadata: false,
  };
  const isDoc = walk(
    r,
    root,
    '',
    TOP_LEVEL_KEYS,
    {
      apiVersion: (v, p) => (head.apiVersion = r.str(v, p)),
      kind: (v, p) => (head.kind = r.str(v, p)),
      metadata: (v, p) => {
        head.sawMetadata = v !== null;
        readMetadata(r, v, p, raw);
      },
      iam: (v, p) => readIam(r, v, p, raw),
      addons: (v, p, e) => {
        (r.seq(v, p) ?? []).forEach((item, i) => {
          const a = readAddon(r, item, `addons[${i}]`, r.pos(v ?? e.keyNode));
          raw.addons.push(a);
          raw.spec.addons.push(a.spec);
        });
      },
      addonsConfig: (v, p) => readAddonsConfig(r, v, p, raw),
      autoModeConfig: (v, p) => readAutoModeConfig(r, v, p, raw),
    },
    raw.top,
  );
  if (!isDoc) return undefined;
  checkHead(r, raw, r.pos(root), head);
  return raw;
}

function readMetadata(r: Reader, v: Node | null, path: string, raw: RawCluster): void {
  const { spec, meta } = raw;
  meta.at = r.pos(v);
  let name: string | undefined;
  let region: string | undefined;
  walk(
    r,
    v,
    path,
    METADATA_KEYS,
    {
      name: (sv, sp) => (name = r.str(sv, sp)),
      region: (sv, sp) => (region = r.str(sv, sp)),
      version: (sv, sp) => {
        const s = r.str(sv, sp);
        if (s === undefined) return;
        if (s !== '' && !/^\d+\.\d+$/.test(s)) {
          r.error(
            r.pos(sv),
            sp,
            `metadata.version ${quote(s)} is not a Kubernetes version`,
            'use a quoted minor version, e.g. version: "1.31"',
          );
        }
        spec.version = s;
      },
      accountID: (sv, sp) => {
        const s = r.str(sv, sp);
        if (s === undefined) return;
        if (!/^\d{12}$/.test(s)) {
          r.error(
            r.pos(sv),
            sp,
            `metadata.accountID ${quote(s)} is not a 12-digit AWS account ID`,
            'write the account ID as a quoted 12-digit string',
          );
        } else spec.accountID = s;
      },
      tags: (mv, mp) => (spec.tags = readTags(r, mv, mp, meta)),
      annotations: (mv, mp) => (spec.annotations = r.strMap(mv, mp).entries),
    },
    meta,
  );
  // Plan-time problems about the cluster are best pointed at its name.
  const at = meta.val.name ?? meta.at;
  spec.location = { file: r.file, line: at.line, column: at.column };
  const nameOk = requiredIdentity(r, raw, 'name', name, checkClusterName, {
    missing: 'set metadata.name to the EKS cluster name',
    bad: '1–100 letters, digits, "-" and "_", starting with a letter or digit',
  });
  const regionOk = requiredIdentity(r, raw, 'region', region, checkRegion, {
    missing: 'set metadata.region, e.g. us-west-2',
    bad: 'use a region code such as us-east-1 or eu-west-1',
  });
  raw.identified = nameOk && regionOk;
}

/** `metadata.name` or `metadata.region`: must be set and well-formed; true when it is. */
function requiredIdentity(
  r: Reader,
  raw: RawCluster,
  key: 'name' | 'region',
  value: string | undefined,
  check: (value: string) => string | undefined,
  hints: { missing: string; bad: string },
): boolean {
  const path = `metadata.${key}`;
  const at = raw.meta.val[key] ?? raw.meta.at;
  if (!value) {
    r.error(at, path, `${path} must be set`, hints.missing);
    return false;
  }
  raw.spec[key] = value;
  const bad = check(value);
  if (bad) r.error(at, path, bad, hints.bad);
  return bad === undefined;
}

function readIam(r: Reader, v: Node | null, path: string, raw: RawCluster): void {
  const { spec } = raw;
  walk(
    r,
    v,
    path,
    IAM_KEYS,
    {
      withOIDC: (bv, bp) => (spec.withOIDC = r.bool(bv, bp) ?? false),
      podIdentityAssociations: (lv, lp, e) => {
        (r.seq(lv, lp) ?? []).forEach((item, i) => {
          const pia = readPia(r, item, `${lp}[${i}]`, r.pos(lv ?? e.keyNode));
          raw.pias.push(pia);
          spec.podIdentityAssociations.push(pia.spec);
        });
      },
      serviceAccounts: (lv, lp, e) => {
        (r.seq(lv, lp) ?? []).forEach((item, i) => {
          const sa = readServiceAccount(r, item, `${lp}[${i}]`, r.pos(lv ?? e.keyNode));
          raw.serviceAccounts.push(sa);
          spec.serviceAccounts.push(sa.spec);
        });
      },
      serviceRoleARN: (sv, sp) => void r.str(sv, sp),
      serviceRolePermissionsBoundary: (sv, sp) => void r.str(sv, sp),
      fargatePodExecutionRoleARN: (sv, sp) => void r.str(sv, sp),
      fargatePodExecutionRolePermissionsBoundary: (sv, sp) => void r.str(sv, sp),
      vpcResourceControllerPolicy: (bv, bp) => void r.bool(bv, bp),
    },
    raw.iam,
  );
}
