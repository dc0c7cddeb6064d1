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

export interface LiveAddon {
  name: string;
  arn: string;
  version: string;
  status: string;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  /** Association ARNs the add-on owns. */
  podIdentityAssociations: string[];
  tags: Record<string, string>;
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
  /** Add-ons by name (at least `eks-pod-identity-agent` when present). */
  addons: Record<string, LiveAddon>;
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
