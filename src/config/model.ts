// The validated, normalised desired state produced by the config loader.
// Everything downstream (plan, render, apply) consumes these types and never re-reads YAML.

import { WELL_KNOWN_POLICY_NAMES, type WellKnownPolicyName } from '../names/well-known-policies.js';

/** Where a value came from, so plan errors can point back at the user's file. */
export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in the user's configuration (or found at plan time about it). */
export interface Problem {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** The eksctl field path when there is one, e.g. `iam.podIdentityAssociations[0].namespace`. */
  path?: string;
  /** The message; eksctl's exact text where eksctl has one. Quotes the offending value or key. */
  message: string;
  /** One line telling the user how to fix it. */
  hint?: string;
}

/** An IAM policy document, kept verbatim as the user wrote it (already checked to have Version + Statement). */
export type PolicyDocument = Record<string, unknown>;

/** `wellKnownPolicies`: every key present, false when the config leaves it out. */
export type WellKnownPolicies = Record<WellKnownPolicyName, boolean>;

export function noWellKnownPolicies(): WellKnownPolicies {
  return Object.fromEntries(WELL_KNOWN_POLICY_NAMES.map((k) => [k, false])) as WellKnownPolicies;
}

/** `iam.podIdentityAssociations[]` (and, with fewer fields used, `addons[].podIdentityAssociations[]`). */
export interface PodIdentityAssociationSpec {
  namespace: string;
  serviceAccountName: string;
  /** An existing role; when set no IAM resources are created for this entry. */
  roleARN?: string;
  createServiceAccount: boolean;
  roleName?: string;
  permissionsBoundaryARN?: string;
  /** As given, order kept. */
  permissionPolicyARNs: string[];
  /** Name of the inline policy built from permissionPolicy; eksctl default `Policy1`. */
  permissionPolicyName?: string;
  permissionPolicy?: PolicyDocument;
  /** All false when the key is absent. */
  wellKnownPolicies: WellKnownPolicies;
  /** User tags for the stack and the association ({} when absent). */
  tags: Record<string, string>;
  /** Cross-account target role. `undefined` = not set (leave alone on update is NOT eksctl's meaning: see plan). */
  targetRoleARN?: string;
  /** undefined = unset (omitted from API calls), which differs from false. */
  disableSessionTags?: boolean;
  /** Session policy, a JSON string. */
  policy?: string;
  /** Location of the list item, for plan-time errors. */
  location: SourceLocation;
  /**
   * Where the values plan-time checks judge sit (`roleARN`, `permissionsBoundaryARN`,
   * `permissionPolicyARNs[i]`), so a problem points at the value rather than the item.
   */
  valueLocations?: Record<string, SourceLocation>;
}

export interface AddonSpec {
  name: string;
  /** '' / undefined = the default version for the cluster's Kubernetes version; 'latest' = highest. */
  version?: string;
  /** undefined = the key was omitted, which differs from [] (eksctl semantics, reference §6.3). */
  podIdentityAssociations?: PodIdentityAssociationSpec[];
  useDefaultPodIdentityAssociations: boolean;
  serviceAccountRoleARN?: string;
  attachPolicyARNs: string[];
  attachPolicy?: PolicyDocument;
  wellKnownPolicies: WellKnownPolicies;
  permissionsBoundary?: string;
  tags: Record<string, string>;
  resolveConflicts?: 'none' | 'overwrite' | 'preserve';
  configurationValues?: string;
  namespaceConfig?: { namespace: string };
  location: SourceLocation;
}

/** `iam.serviceAccounts[]`, kept for migration planning; not acted on by the association engine. */
export interface ServiceAccountSpec {
  name: string;
  namespace: string;
  roleName?: string;
  attachPolicyARNs: string[];
  attachRoleARN?: string;
  location: SourceLocation;
}

/** A part of the config file that podid-action does not act on (DESIGN: never silently dropped). */
export interface NotManaged {
  /** The field path, e.g. `vpc` or `addons[1].attachPolicyARNs`. */
  path: string;
  line: number;
  column: number;
  /** What would act on it instead, or why it is not acted on. */
  reason: string;
}

/** One ClusterConfig file = one cluster. */
export interface ClusterSpec {
  /** Path of the file as given on the command line / input (relative paths stay relative). */
  file: string;
  name: string;
  region: string;
  version?: string;
  accountID?: string;
  /** metadata.tags: added to every stack eksctl creates. */
  tags: Record<string, string>;
  annotations: Record<string, string>;
  withOIDC: boolean;
  autoModeEnabled: boolean;
  podIdentityAssociations: PodIdentityAssociationSpec[];
  serviceAccounts: ServiceAccountSpec[];
  addons: AddonSpec[];
  addonsConfig: { autoApplyPodIdentityAssociations: boolean; disableDefaultAddons: boolean };
  /** What the file holds that podid-action does not act on, in file order. */
  notManaged: NotManaged[];
  location: SourceLocation;
}

export interface DesiredState {
  clusters: ClusterSpec[];
}

/** The loader's answer: a model when there are no errors; warnings may accompany a model. */
export interface LoadResult {
  state?: DesiredState;
  problems: Problem[];
}
