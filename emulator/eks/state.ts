// EKS state: regions → clusters → add-ons and pod identity associations, with the indexes that keep
// List/Describe O(page) at the 5,000-associations-per-cluster quota. Statuses that move over time are
// stored as "pending until" real timestamps and settled lazily when a request reads them.

import type { AddonFailure } from '../core/types.js';
import type { KubeStore } from '../kubernetes/store.js';
import { insertSorted, removeSorted } from './util.js';

export interface Association {
  associationId: string;
  associationArn: string;
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  createdAt: number;
  modifiedAt: number;
  tags: Record<string, string>;
  ownerArn?: string;
  disableSessionTags: boolean;
  targetRoleArn?: string;
  externalId?: string;
  policy?: string;
}

/** `accessScope` of an associated access policy. */
export interface AccessScope {
  type: 'cluster' | 'namespace';
  namespaces: string[];
}

export interface AssociatedAccessPolicy {
  policyArn: string;
  accessScope: AccessScope;
  associatedAt: number;
  modifiedAt: number;
}

/** An EKS access entry: an IAM principal allowed into the cluster, with its access policies. */
export interface AccessEntry {
  principalArn: string;
  accessEntryArn: string;
  kubernetesGroups: string[];
  username: string;
  type: string;
  tags: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
  /** policy ARN → association, in association order. */
  policies: Map<string, AssociatedAccessPolicy>;
}

export interface AddonUpdate {
  id: string;
  addonName: string;
  params: { type: string; value: string }[];
  createdAt: number;
  /** Real ms when the update finishes (status Successful, or Failed with `failure`). */
  doneAt: number;
  /** An injected failure this update ends in (UPDATE_FAILED makes the update Failed). */
  failure?: AddonFailure;
}

/** One entry of an add-on's `health.issues`. */
export interface AddonIssue {
  code: string;
  message: string;
  resourceIds: string[];
}

export interface Addon {
  addonName: string;
  clusterName: string;
  addonArn: string;
  addonVersion: string;
  status: string;
  /** Real ms when the current transitional status (CREATING/UPDATING/DELETING) ends. */
  pendingUntil?: number;
  /** Injected: the status (and issue) CREATING/UPDATING ends in instead of ACTIVE. */
  pendingFailure?: AddonFailure;
  /** `health.issues`: empty while healthy, the injected failure's issue after it. */
  issues: AddonIssue[];
  createdAt: number;
  modifiedAt: number;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  namespace: string;
  namespaceConfigured: boolean;
  tags: Record<string, string>;
  publisher: string;
  owner: string;
}

export interface Cluster {
  name: string;
  region: string;
  arn: string;
  version: string;
  roleArn: string;
  status: string;
  pendingUntil?: number;
  createdAt: number;
  issuerId: string;
  endpointId: string;
  platformVersion: string;
  autoMode: boolean;
  ipFamily: 'ipv4' | 'ipv6';
  authenticationMode: string;
  tags: Record<string, string>;
  addons: Map<string, Addon>;
  updates: Map<string, AddonUpdate>;
  associations: AssociationIndex;
  /** principal ARN → access entry. */
  accessEntries: Map<string, AccessEntry>;
  /** The IAM principal that created the cluster (admin in CONFIG_MAP mode, as aws-auth's creator). */
  creatorArn: string;
  /** The cluster's Kubernetes objects, served on the emulator's HTTPS port. */
  kubernetes: KubeStore;
}

/** Per-cluster association indexes: by id, by (namespace, SA), sorted ids, sorted ids per namespace. */
export class AssociationIndex {
  readonly byId = new Map<string, Association>();
  readonly byKey = new Map<string, string>();
  readonly sortedIds: string[] = [];
  readonly byNamespace = new Map<string, string[]>();
  /** Add-on ARN → ids of the associations it owns (DescribeAddon lists them). */
  readonly byOwner = new Map<string, Set<string>>();

  static key(namespace: string, serviceAccount: string): string {
    return `${namespace}\u0000${serviceAccount}`;
  }

  get size(): number {
    return this.byId.size;
  }

  find(namespace: string, serviceAccount: string): Association | undefined {
    const id = this.byKey.get(AssociationIndex.key(namespace, serviceAccount));
    return id === undefined ? undefined : this.byId.get(id);
  }

  add(a: Association): void {
    this.byId.set(a.associationId, a);
    this.byKey.set(AssociationIndex.key(a.namespace, a.serviceAccount), a.associationId);
    insertSorted(this.sortedIds, a.associationId);
    let ns = this.byNamespace.get(a.namespace);
    if (!ns) this.byNamespace.set(a.namespace, (ns = []));
    insertSorted(ns, a.associationId);
    this.setOwner(a, a.ownerArn);
  }

  remove(a: Association): void {
    this.byId.delete(a.associationId);
    this.byKey.delete(AssociationIndex.key(a.namespace, a.serviceAccount));
    removeSorted(this.sortedIds, a.associationId);
    const ns = this.byNamespace.get(a.namespace);
    if (ns) {
      removeSorted(ns, a.associationId);
      if (ns.length === 0) this.byNamespace.delete(a.namespace);
    }
    this.setOwner(a, undefined);
  }

  /** Changes (or clears) an association's owner, keeping `byOwner` in step. */
  setOwner(a: Association, ownerArn: string | undefined): void {
    if (a.ownerArn) {
      const owned = this.byOwner.get(a.ownerArn);
      owned?.delete(a.associationId);
      if (owned?.size === 0) this.byOwner.delete(a.ownerArn);
    }
    a.ownerArn = ownerArn;
    if (ownerArn && this.byId.has(a.associationId)) {
      let owned = this.byOwner.get(ownerArn);
      if (!owned) this.byOwner.set(ownerArn, (owned = new Set()));
      owned.add(a.associationId);
    }
  }

  /** Associations owned by an add-on. */
  ownedBy(addonArn: string): Association[] {
    return [...(this.byOwner.get(addonArn) ?? [])].map((id) => this.byId.get(id) as Association);
  }
}

export class EksState {
  /** region → cluster name → cluster. */
  readonly regions = new Map<string, Map<string, Cluster>>();

  clusters(region: string): Map<string, Cluster> {
    let map = this.regions.get(region);
    if (!map) this.regions.set(region, (map = new Map()));
    return map;
  }

  /** Every cluster, e.g. for tag lookups by ARN and the state dump. */
  *allClusters(): Iterable<Cluster> {
    for (const map of this.regions.values()) yield* map.values();
  }

  reset(): void {
    this.regions.clear();
  }
}
