// A catalog of real EKS add-ons: versions per Kubernetes version (1.29–1.34), the default version,
// whether they need IAM, and their pod identity configuration (aws-api.md §3). Version strings follow
// AWS's `vX.Y.Z-eksbuild.N` style; the newest compatible version is the default, as on AWS.

export const KUBERNETES_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34'];
export const DEFAULT_KUBERNETES_VERSION = '1.33';

export interface PodIdentityConfig {
  serviceAccount: string;
  recommendedManagedPolicies: string[];
}

export interface AddonVersionEntry {
  addonVersion: string;
  /** Kubernetes versions this version runs on. */
  clusterVersions: string[];
  /** Pod identity support started at some version (aws-api.md §3); older versions have none. */
  podIdentity: boolean;
}

export interface CatalogAddon {
  addonName: string;
  type: string;
  publisher: string;
  owner: string;
  defaultNamespace: string;
  requiresIamPermissions: boolean;
  podIdentityConfiguration: PodIdentityConfig[];
  /** Newest first. */
  versions: AddonVersionEntry[];
  /** Top-level keys accepted in configurationValues. */
  configKeys: string[];
}

const ALL = KUBERNETES_VERSIONS;
const from = (first: string, last = '1.34'): string[] =>
  ALL.slice(ALL.indexOf(first), ALL.indexOf(last) + 1);
const policy = (name: string): string => `arn:aws:iam::aws:policy/${name}`;
const v = (
  addonVersion: string,
  clusterVersions: string[],
  podIdentity = true,
): AddonVersionEntry => ({
  addonVersion,
  clusterVersions,
  podIdentity,
});

function addon(
  addonName: string,
  type: string,
  defaultNamespace: string,
  podIdentityConfiguration: PodIdentityConfig[],
  versions: AddonVersionEntry[],
  configKeys: string[] = ['resources', 'tolerations', 'nodeSelector', 'affinity'],
  requiresIamPermissions = podIdentityConfiguration.length > 0,
): CatalogAddon {
  return {
    addonName,
    type,
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace,
    requiresIamPermissions,
    podIdentityConfiguration,
    versions,
    configKeys,
  };
}

/** kube-proxy and coredns ship one line per Kubernetes version. */
const perMinor = (builds: Record<string, string>): AddonVersionEntry[] =>
  Object.entries(builds)
    .reverse()
    .map(([k8s, version]) => v(version, [k8s], false));

export const CATALOG: CatalogAddon[] = [
  addon(
    'vpc-cni',
    'networking',
    'kube-system',
    [{ serviceAccount: 'aws-node', recommendedManagedPolicies: [policy('AmazonEKS_CNI_Policy')] }],
    [
      v('v1.20.4-eksbuild.1', ALL),
      v('v1.19.6-eksbuild.7', from('1.29', '1.33')),
      v('v1.18.6-eksbuild.1', from('1.29', '1.31')),
      v('v1.15.5-eksbuild.1', ['1.29']),
      v('v1.15.4-eksbuild.1', ['1.29'], false),
    ],
    ['env', 'init', 'resources', 'tolerations', 'nodeAgent', 'enableNetworkPolicy'],
  ),
  addon(
    'aws-ebs-csi-driver',
    'storage',
    'kube-system',
    [
      {
        serviceAccount: 'ebs-csi-controller-sa',
        recommendedManagedPolicies: [policy('service-role/AmazonEBSCSIDriverPolicy')],
      },
    ],
    [
      v('v1.48.0-eksbuild.2', ALL),
      v('v1.45.0-eksbuild.2', from('1.29', '1.33')),
      v('v1.35.0-eksbuild.1', from('1.29', '1.31')),
      v('v1.26.0-eksbuild.1', ['1.29']),
      v('v1.25.0-eksbuild.1', ['1.29'], false),
    ],
    ['controller', 'node', 'sidecars', 'defaultStorageClass', 'storageClasses'],
  ),
  addon(
    'aws-efs-csi-driver',
    'storage',
    'kube-system',
    [
      {
        serviceAccount: 'efs-csi-controller-sa',
        recommendedManagedPolicies: [policy('service-role/AmazonEFSCSIDriverPolicy')],
      },
      {
        serviceAccount: 'efs-csi-node-sa',
        recommendedManagedPolicies: [policy('service-role/AmazonEFSCSIDriverPolicy')],
      },
    ],
    [
      v('v2.1.11-eksbuild.1', ALL),
      v('v2.1.4-eksbuild.1', from('1.29', '1.32')),
      v('v2.0.5-eksbuild.1', from('1.29', '1.30')),
      v('v2.0.4-eksbuild.1', ['1.29'], false),
    ],
    ['controller', 'node', 'sidecars'],
  ),
  addon(
    'adot',
    'observability',
    'opentelemetry-operator-system',
    [
      {
        serviceAccount: 'adot-col-otlp-ingest',
        recommendedManagedPolicies: [policy('AWSXrayWriteOnlyAccess')],
      },
      {
        serviceAccount: 'adot-col-container-logs',
        recommendedManagedPolicies: [policy('CloudWatchAgentServerPolicy')],
      },
      {
        serviceAccount: 'adot-col-prom-metrics',
        recommendedManagedPolicies: [policy('AmazonPrometheusRemoteWriteAccess')],
      },
    ],
    [
      v('v0.131.0-eksbuild.1', ALL),
      v('v0.117.0-eksbuild.1', from('1.29', '1.32')),
      v('v0.94.1-eksbuild.1', from('1.29', '1.30')),
    ],
    ['collector', 'manager', 'replicaCount', 'resources', 'tolerations'],
  ),
  addon(
    'amazon-cloudwatch-observability',
    'observability',
    'amazon-cloudwatch',
    [
      {
        serviceAccount: 'cloudwatch-agent',
        recommendedManagedPolicies: [
          policy('CloudWatchAgentServerPolicy'),
          policy('AWSXrayWriteOnlyAccess'),
        ],
      },
    ],
    [
      v('v4.4.0-eksbuild.1', ALL),
      v('v3.1.0-eksbuild.1', from('1.29', '1.32')),
      v('v2.6.0-eksbuild.1', from('1.29', '1.31'), false),
    ],
    ['agent', 'containerLogs', 'manager', 'tolerations'],
  ),
  addon(
    'aws-mountpoint-s3-csi-driver',
    'storage',
    'kube-system',
    [{ serviceAccount: 's3-csi-driver-sa', recommendedManagedPolicies: [] }],
    [v('v2.0.0-eksbuild.1', from('1.30')), v('v1.15.0-eksbuild.1', from('1.29', '1.33'), false)],
    ['node', 'experimental'],
  ),
  addon(
    'aws-fsx-csi-driver',
    'storage',
    'kube-system',
    [
      {
        serviceAccount: 'fsx-csi-controller-sa',
        recommendedManagedPolicies: [policy('AmazonFSxFullAccess')],
      },
    ],
    [v('v1.6.0-eksbuild.1', ALL), v('v1.3.0-eksbuild.1', from('1.29', '1.31'))],
    ['controller', 'node'],
  ),
  addon(
    'aws-privateca-connector-for-kubernetes',
    'security',
    'aws-privateca-issuer',
    [
      {
        serviceAccount: 'aws-privateca-issuer',
        recommendedManagedPolicies: [policy('AWSPrivateCAConnectorForKubernetesPolicy')],
      },
    ],
    [v('v1.6.0-eksbuild.1', ALL)],
  ),
  addon(
    'aws-network-flow-monitoring-agent',
    'observability',
    'amazon-network-flow-monitor',
    [
      {
        serviceAccount: 'aws-network-flow-monitor-agent-service-account',
        recommendedManagedPolicies: [policy('CloudWatchNetworkFlowMonitorAgentPublishPolicy')],
      },
    ],
    [v('v1.0.2-eksbuild.5', from('1.30'))],
  ),
  addon(
    'eks-pod-identity-agent',
    'security',
    'kube-system',
    [],
    [
      v('v1.3.8-eksbuild.2', ALL, false),
      v('v1.3.4-eksbuild.1', from('1.29', '1.32'), false),
      v('v1.0.0-eksbuild.1', ['1.29'], false),
    ],
    ['agent', 'tolerations', 'affinity'],
  ),
  addon(
    'coredns',
    'networking',
    'kube-system',
    [],
    perMinor({
      '1.29': 'v1.11.1-eksbuild.13',
      '1.30': 'v1.11.3-eksbuild.2',
      '1.31': 'v1.11.3-eksbuild.2',
      '1.32': 'v1.11.4-eksbuild.14',
      '1.33': 'v1.12.1-eksbuild.2',
      '1.34': 'v1.12.3-eksbuild.1',
    }).filter((e, i, all) => all.findIndex((x) => x.addonVersion === e.addonVersion) === i),
    ['replicaCount', 'resources', 'tolerations', 'corefile', 'autoScaling'],
  ),
  addon(
    'kube-proxy',
    'networking',
    'kube-system',
    [],
    perMinor({
      '1.29': 'v1.29.15-eksbuild.5',
      '1.30': 'v1.30.14-eksbuild.2',
      '1.31': 'v1.31.10-eksbuild.2',
      '1.32': 'v1.32.6-eksbuild.2',
      '1.33': 'v1.33.3-eksbuild.4',
      '1.34': 'v1.34.0-eksbuild.2',
    }),
    ['mode', 'ipvs', 'resources'],
  ),
  addon(
    'snapshot-controller',
    'storage',
    'kube-system',
    [],
    [v('v8.3.0-eksbuild.1', ALL, false), v('v8.1.0-eksbuild.2', from('1.29', '1.32'), false)],
  ),
  addon(
    'aws-guardduty-agent',
    'security',
    'amazon-guardduty',
    [],
    [v('v1.10.0-eksbuild.2', ALL, false)],
    ['priorityClassName', 'dnsPolicy', 'resources'],
  ),
];

// coredns 1.11.3 serves both 1.30 and 1.31: merge its cluster versions after the dedupe above.
const coredns = CATALOG.find((a) => a.addonName === 'coredns');
const shared = coredns?.versions.find((e) => e.addonVersion === 'v1.11.3-eksbuild.2');
if (shared) shared.clusterVersions = ['1.30', '1.31'];

const BY_NAME = new Map(CATALOG.map((a) => [a.addonName, a]));

export const catalogAddon = (name: string): CatalogAddon | undefined => BY_NAME.get(name);

/** The default version for a cluster version: the newest compatible one. */
export function defaultVersion(entry: CatalogAddon, clusterVersion: string): string | undefined {
  return entry.versions.find((e) => e.clusterVersions.includes(clusterVersion))?.addonVersion;
}

export function versionEntry(entry: CatalogAddon, version: string): AddonVersionEntry | undefined {
  return entry.versions.find((e) => e.addonVersion === version);
}

/** A JSON schema naming the accepted top-level keys (DescribeAddonConfiguration). */
export function configurationSchema(entry: CatalogAddon): string {
  const properties = Object.fromEntries(
    entry.configKeys.map((key) => [
      key,
      { description: `${key} settings`, type: ['object', 'array', 'string', 'number', 'boolean'] },
    ]),
  );
  return JSON.stringify({
    $ref: '#/definitions/Config',
    $schema: 'http://json-schema.org/draft-06/schema#',
    definitions: {
      Config: { additionalProperties: false, properties, title: 'Config', type: 'object' },
    },
  });
}
