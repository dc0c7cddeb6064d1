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

/**
 * What IAM says of a managed policy or permissions boundary ARN (GetPolicy): it can be attached to
 * a role, it exists but cannot (`IsAttachable: false`, e.g. a service-linked role's policy), it does
 * not exist (NoSuchEntity), or reading it was denied.
 */
export type PolicyStatus = 'attachable' | 'not-attachable' | 'missing' | 'unreadable';

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
  /** identity.oidc.issuer: the issuer IRSA roles of this cluster trust (through its IAM provider). */
  oidcIssuer?: string;
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
  /**
   * The managed policies and permissions boundaries of the roles a first plan creates or updates,
   * by ARN (see engine/engine.ts: only those reach IAM at apply time). Absent: not read.
   */
  policies: Record<string, PolicyStatus>;
  /**
   * Policy ARNs IAM lists (ListPolicies, AWS scope and/or the account's own), read only when a
   * configured one is missing, for a "did you mean" hint. Absent: not listed.
   */
  knownPolicyArns?: string[];
  /** Namespaces and service accounts, when `createServiceAccount` or prune needs them. */
  kubernetes?: LiveKubernetes;
}

/** The cluster could not be read (e.g. it does not exist); the plan reports it. */
export interface LiveClusterMissing {
  name: string;
  region: string;
  missing: true;
  reason: string;
  /** How to fix it, when the failure says (no credentials, an endpoint that cannot be reached…). */
  hint?: string;
  /**
   * Set when EKS said the cluster does not exist: the clusters it lists in that region (for a "did
   * you mean"); absent when they could not be listed.
   */
  notFound?: {
    clustersInRegion?: string[];
    /** The credentials' default region (AWS_REGION, the profile), when the cluster is there. */
    foundInRegion?: string;
    /** The AWS account it was looked for in (the credentials'), when STS says. */
    account?: string;
  };
}

/** A Kubernetes service account, as far as the plan cares. */
export interface LiveServiceAccount {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Why the cluster's Kubernetes API could not be read; the plan turns it into an error with the fix. */
export interface KubernetesFailure {
  /** unauthorized: no access entry (401); forbidden: an entry without the permission (403). */
  kind: 'unauthorized' | 'forbidden' | 'unreachable' | 'error';
  message: string;
  /** The IAM principal the token was made from (for the access-entry commands), when known. */
  principal?: string;
}

/** What a SelfSubjectAccessReview answered for one permission the plan's tasks need. */
export interface KubernetesAccess {
  verb: string;
  resource: string;
  /** Empty for a cluster-scoped resource (namespaces). */
  namespace: string;
  allowed: boolean;
  reason?: string;
}

/**
 * The part of the cluster's Kubernetes state the plan needs, read only when the config or prune
 * needs it (absent otherwise): the namespaces involved and their service accounts.
 */
export interface LiveKubernetes {
  /** Namespace → whether it exists, for every namespace read. */
  namespaces: Record<string, boolean>;
  /** Every service account of the namespaces read that exist (all pages). */
  serviceAccounts: LiveServiceAccount[];
  failure?: KubernetesFailure;
  /** Answers for the permissions the plan's Kubernetes tasks need; absent when not checked. */
  access?: KubernetesAccess[];
  /** The IAM principal behind the token, known when access was checked or refused. */
  principal?: string;
}
