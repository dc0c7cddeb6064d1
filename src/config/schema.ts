// Which keys each section of an eksctl ClusterConfig may hold.
// Sections the product acts on are strict, like eksctl's own strict unmarshalling.

/** eksctl's API group: any of its versions marks a file as meant for eksctl. */
export const API_GROUP = 'eksctl.io/';
export const API_VERSION = `${API_GROUP}v1alpha5`;
export const KIND = 'ClusterConfig';

/** Top-level sections the product reads. */
export const ACTED_TOP_LEVEL = [
  'apiVersion',
  'kind',
  'metadata',
  'iam',
  'addons',
  'addonsConfig',
  'autoModeConfig',
] as const;

/** The rest of eksctl's ClusterConfig: accepted so users keep their whole file, never read. */
export const IGNORED_TOP_LEVEL = [
  'vpc',
  'nodeGroups',
  'managedNodeGroups',
  'fargateProfiles',
  'cloudWatch',
  'kubernetesNetworkConfig',
  'accessConfig',
  'secretsEncryption',
  'privateCluster',
  'availabilityZones',
  'localZones',
  'gitops',
  'karpenter',
  'outpost',
  'identityProviders',
  'iamIdentityMappings',
  'zonalShiftConfig',
  'remoteNetworkConfig',
  'capabilities',
  'upgradePolicy',
  'status',
] as const;

export const TOP_LEVEL_KEYS: readonly string[] = [...ACTED_TOP_LEVEL, ...IGNORED_TOP_LEVEL];

export const METADATA_KEYS = ['name', 'region', 'version', 'tags', 'annotations', 'accountID'];

/** Keys of `iam` that eksctl knows but this product does not act on. */
export const IAM_IGNORED_KEYS = [
  'serviceRoleARN',
  'serviceRolePermissionsBoundary',
  'fargatePodExecutionRoleARN',
  'fargatePodExecutionRolePermissionsBoundary',
  'vpcResourceControllerPolicy',
];
export const IAM_KEYS = [
  'withOIDC',
  'serviceAccounts',
  'podIdentityAssociations',
  ...IAM_IGNORED_KEYS,
];

export const ADDONS_CONFIG_KEYS = ['autoApplyPodIdentityAssociations', 'disableDefaultAddons'];
export const AUTO_MODE_KEYS = ['enabled', 'nodePools', 'nodeRoleARN'];
export const NAMESPACE_CONFIG_KEYS = ['namespace'];

/** The Kubernetes ObjectMeta fields a user can meaningfully write. */
export const OBJECT_META_KEYS = ['name', 'namespace', 'labels', 'annotations', 'generateName'];

/** Closest known key within a small edit distance, for "did you mean" hints. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const lower = key.toLowerCase();
  for (const k of known) {
    const d = lower === k.toLowerCase() ? 0 : editDistance(lower, k.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  const limit = Math.max(2, Math.floor(key.length / 4));
  return bestDist <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
