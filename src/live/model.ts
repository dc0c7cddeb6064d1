// The live state of one cluster as read from AWS by src/state (types only; no I/O here).
// The planner consumes these as plain data.

export interface LiveAssociation {
  associationId: string;
  associationArn: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  externalId?: string;
  /** As returned by DescribePodIdentityAssociation (AWS answers false when never set). */
  disableSessionTags?: boolean;
  policy?: string;
  /** Set when an add-on owns the association. */
  ownerArn?: string;
  tags: Record<string, string>;
}

export interface LiveStack {
  stackName: string;
  stackId: string;
  /** CloudFormation StackStatus, e.g. CREATE_COMPLETE, ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE. */
  status: string;
  statusReason?: string;
  tags: Record<string, string>;
  capabilities: string[];
  /** OutputKey → OutputValue (eksctl reads `Role1`). */
  outputs: Record<string, string>;
  terminationProtection: boolean;
  /** Parsed template body; present for stacks the plan must compare (eksctl pod identity role stacks). */
  template?: Record<string, unknown>;
}

export interface LiveRole {
  arn: string;
  roleName: string;
  /** Decoded (URL-unescaped, JSON-parsed) trust policy. */
  assumeRolePolicy: Record<string, unknown>;
}

/** A health issue DescribeAddon reports (a failed or degraded add-on says why here). */
export interface LiveAddonIssue {
  code: string;
  message: string;
  resourceIds: string[];
}

export interface LiveAddon {
  name: string;
  arn: string;
  version: string;
  /** CREATING, ACTIVE, CREATE_FAILED, UPDATING, UPDATE_FAILED, DEGRADED, DELETING, DELETE_FAILED. */
  status: string;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  /** Association ARNs the add-on owns. */
  podIdentityAssociations: string[];
  tags: Record<string, string>;
  /** namespaceConfig.namespace, when the add-on was created with one. */
  namespace?: string;
  issues: LiveAddonIssue[];
}

/** One version of an add-on as DescribeAddonVersions lists it for the cluster's Kubernetes version. */
export interface AddonVersionInfo {
  version: string;
  /** The default version for the cluster's Kubernetes version. */
  isDefault: boolean;
  requiresIamPermissions: boolean;
}

/** DescribeAddonConfiguration's `podIdentityConfiguration` items. */
export interface AddonPodIdentityConfig {
  serviceAccount: string;
  recommendedManagedPolicies: string[];
}

/** What EKS offers of one add-on for this cluster. */
export interface LiveAddonCatalog {
  /** Versions for the cluster's Kubernetes version; empty when the add-on does not exist for it. */
  versions: AddonVersionInfo[];
  /** Where EKS installs the add-on unless namespaceConfig says otherwise. */
  defaultNamespace?: string;
  /** Pod identity configuration by add-on version, for the versions the plan can use. */
  podIdentity: Record<string, AddonPodIdentityConfig[]>;
}

export interface LiveCluster {
  name: string;
  region: string;
  /** From the cluster ARN. */
  accountId: string;
  arn: string;
  status: string;
  version: string;
  /** computeConfig.enabled: Auto Mode runs the pod identity agent itself. */
  autoMode: boolean;
  /** kubernetesNetworkConfig.ipFamily (vpc-cni needs other permissions on IPv6). */
  ipFamily: 'ipv4' | 'ipv6';
  /** Add-ons by name: the config's, the agent, and the others when pruning needs their tags. */
  addons: Record<string, LiveAddon>;
  /** Every add-on on the cluster, by name (ListAddons). */
  addonNames: string[];
  /** What EKS offers of each add-on in the config, by name. */
  addonCatalog: Record<string, LiveAddonCatalog>;
  associations: LiveAssociation[];
  /** The cluster's eksctl stacks (matched by exact name pattern and cluster tag). */
  stacks: LiveStack[];
  /**
   * Roles the config names by roleARN, looked up with GetRole: the role, or null when IAM said
   * NoSuchEntity. A role in another account than the caller's cannot be read and is absent.
   */
  roles: Record<string, LiveRole | null>;
}

/** The cluster could not be read (e.g. it does not exist); the plan reports it. */
export interface LiveClusterMissing {
  name: string;
  region: string;
  missing: true;
  reason: string;
}
