// The Plan: per cluster, a DAG of tasks. Plain data; the fingerprint is computed over `tasks`.
// Task params carry everything the executor needs, so apply never re-derives intent from config.

import type { NotManaged, Problem } from '../config/model.js';

/** A value the executor resolves at apply time: the `Role1` output of a stack created/updated earlier. */
export interface StackOutputRef {
  stackName: string;
  output: string;
}

export interface CreateRoleStackParams {
  stackName: string;
  /** Canonical JSON of the CloudFormation template. */
  templateBody: string;
  capabilities: ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[];
  tags: Record<string, string>;
  /** A stack in a failed state (e.g. ROLLBACK_COMPLETE) that must be deleted first. */
  replacesFailedStackId?: string;
}

export interface UpdateRoleStackParams {
  stackName: string;
  templateBody: string;
  capabilities: ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[];
  tags: Record<string, string>;
}

export interface DeleteRoleStackParams {
  stackName: string;
  stackId: string;
  terminationProtection: boolean;
}

export interface CreateAssociationParams {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string | StackOutputRef;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
  tags: Record<string, string>;
}

export interface UpdateAssociationParams {
  clusterName: string;
  associationId: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string | StackOutputRef;
  /** '' clears a target role (as the API wants). Omitted = unchanged. */
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  /** '' clears. Omitted = unchanged. */
  policy?: string;
}

export interface DeleteAssociationParams {
  clusterName: string;
  associationId: string;
  namespace: string;
  serviceAccount: string;
}

export interface TagAssociationParams {
  associationArn: string;
  namespace: string;
  serviceAccount: string;
  tagsToAdd: Record<string, string>;
  tagKeysToRemove: string[];
}

export interface AddonPodIdentityParam {
  serviceAccount: string;
  roleArn: string | StackOutputRef;
}

/** What CreateAddon and UpdateAddon both take. */
interface AddonParams {
  clusterName: string;
  addonName: string;
  addonVersion?: string;
  /** none, overwrite or preserve; sent upper-cased. */
  resolveConflicts?: string;
  configurationValues?: string;
  serviceAccountRoleArn?: string;
  /** On update: undefined = leave the add-on's associations alone; [] = remove them all. */
  podIdentityAssociations?: AddonPodIdentityParam[];
}

export interface CreateAddonParams extends AddonParams {
  tags: Record<string, string>;
  namespaceConfig?: { namespace: string };
}

export type UpdateAddonParams = AddonParams;

export interface DeleteAddonParams {
  clusterName: string;
  addonName: string;
  preserve: boolean;
}

export interface TagAddonParams {
  addonName: string;
  addonArn: string;
  tagsToAdd: Record<string, string>;
  tagKeysToRemove: string[];
}

export interface CreateServiceAccountParams {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  /** The namespace did not exist when planned: create it first (an existing one is fine). */
  createNamespace: boolean;
  /** Labels the service account must carry: set on a new one, merged into an existing one. */
  labels: Record<string, string>;
}

export interface DeleteServiceAccountParams {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
}

/** A role's new trust policy; through its eksctl stack (a change set) when the role is owned. */
export interface UpdateTrustPolicyParams {
  roleName: string;
  roleArn: string;
  /** Canonical JSON of the whole new trust policy. */
  trustPolicy: string;
  stack?: {
    stackName: string;
    templateBody: string;
    capabilities: ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[];
    tags: Record<string, string>;
  };
}

export interface RemoveIrsaAnnotationParams {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
}

/** How a task counts in the plan summary ("to create / update / delete / adopt"). */
export type ChangeAction = 'create' | 'update' | 'delete' | 'adopt';

interface TaskBase {
  /** Stable across runs for the same intent, e.g. `create-association:default/app`. */
  id: string;
  /** What the task does to the thing it targets, for counts and the `+`/`~`/`-` lines. */
  change: ChangeAction;
  /**
   * What the task is about: `<namespace>/<serviceAccount>` for an association and its role stack,
   * `addon:<name>` for an add-on and its role stacks. The task tree groups a target's tasks into
   * one sequence.
   */
  target: string;
  /** eksctl-style description, e.g. `create pod identity association for service account "default/app"`. */
  description: string;
  /** Why the task exists, for the reviewer (e.g. "not in cluster", "roleARN differs"). */
  reason: string;
  /** Values that matter for review: only the fields that change. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Ids of tasks in the same cluster that must succeed first. */
  dependsOn: string[];
}

export type Task =
  | (TaskBase & { kind: 'create-role-stack'; params: CreateRoleStackParams })
  | (TaskBase & { kind: 'update-role-stack'; params: UpdateRoleStackParams })
  | (TaskBase & { kind: 'delete-role-stack'; params: DeleteRoleStackParams })
  | (TaskBase & { kind: 'create-association'; params: CreateAssociationParams })
  | (TaskBase & { kind: 'update-association'; params: UpdateAssociationParams })
  | (TaskBase & { kind: 'delete-association'; params: DeleteAssociationParams })
  | (TaskBase & { kind: 'tag-association'; params: TagAssociationParams })
  | (TaskBase & { kind: 'create-addon'; params: CreateAddonParams })
  | (TaskBase & { kind: 'update-addon'; params: UpdateAddonParams })
  | (TaskBase & { kind: 'delete-addon'; params: DeleteAddonParams })
  | (TaskBase & { kind: 'tag-addon'; params: TagAddonParams })
  | (TaskBase & { kind: 'create-service-account'; params: CreateServiceAccountParams })
  | (TaskBase & { kind: 'delete-service-account'; params: DeleteServiceAccountParams })
  | (TaskBase & { kind: 'update-trust-policy'; params: UpdateTrustPolicyParams })
  | (TaskBase & { kind: 'remove-irsa-annotation'; params: RemoveIrsaAnnotationParams });

/** An association the plan leaves alone on purpose, shown to the reviewer. */
export interface Unmanaged {
  namespace: string;
  serviceAccount: string;
  associationId: string;
  reason: string;
}

/** An add-on on the cluster that the config does not list and the plan leaves alone. */
export interface UnmanagedAddon {
  addonName: string;
  reason: string;
}

export interface ClusterPlan {
  cluster: string;
  region: string;
  file: string;
  tasks: Task[];
  /** Plan-time errors: the cluster's tasks must not be applied while any exists. */
  errors: Problem[];
  warnings: Problem[];
  unmanaged: Unmanaged[];
  unmanagedAddons: UnmanagedAddon[];
  /** Parts of the config file the plan does not act on. */
  notManaged: NotManaged[];
  /** Associations and add-ons already as configured. */
  unchanged: number;
  /** SHA-256 hex over the canonical JSON of `tasks`, salted (DESIGN §6). */
  fingerprint: string;
}

export type PruneMode = 'managed' | 'all' | 'none';

export interface PlanOptions {
  prune: PruneMode;
  /** Value of the `podid-action/managed-by` tag. */
  ownerId: string;
  /** Salt for fingerprints: repository and PR number when known. */
  salt: string;
  /**
   * Whether the identity computing the plan must itself be allowed the Kubernetes changes it plans:
   * `required` (it applies them next: a denied one is an error), `advisory` (a warning), or absent
   * (not asked: e.g. a read-only plan role whose plan another identity applies).
   */
  kubernetesAccess?: 'required' | 'advisory';
  /**
   * Migrating an IRSA role also removes this cluster's OIDC trust of that service account and the
   * service account's IRSA annotation (add-on roles lose it always, as with eksctl).
   */
  removeOidcTrust?: boolean;
  /** Owner ids whose resources this run may take over (take-over.ts); none by default. */
  takeOver?: readonly string[];
}

export interface Plan {
  version: 1;
  clusters: ClusterPlan[];
}
