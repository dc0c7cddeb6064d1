// What a cluster runs on IRSA, as read for migration (state/irsa-discovery.ts); the decisions over
// it are plan/migration-discovery.ts's (types only; no I/O here).

import type { AddonPodIdentityConfig, LiveAddon, LiveRole, LiveServiceAccount } from './model.js';

/** An eksctl iamserviceaccount stack and the role its `Role1` output names. */
export interface IrsaStack {
  stackName: string;
  roleArn: string;
  /** Its `alpha.eksctl.io/iamserviceaccount-name` tag: `<ns>/<sa>`. */
  serviceAccount: string;
}

export interface LiveIrsa {
  cluster: string;
  region: string;
  accountId: string;
  /** The cluster's IAM OIDC provider ARN; absent when there is none (then nothing else was read). */
  oidcProvider?: string;
  /** Auto Mode, or the agent add-on is there. */
  agentInstalled: boolean;
  irsaStacks: IrsaStack[];
  /** Service accounts carrying the IRSA annotation, all namespaces, in the API server's order. */
  serviceAccounts: LiveServiceAccount[];
  /** Add-ons with a service-account role, by name order. */
  addons: LiveAddon[];
  /**
   * DescribeAddonConfiguration's pod identity service accounts at the add-on's current version,
   * for the add-ons not already on pod identity.
   */
  addonPodIdentity: Record<string, AddonPodIdentityConfig[]>;
  /** The roles of the add-ons that support pod identity, by ARN (null: IAM has no such role). */
  roles: Record<string, LiveRole | null>;
  /** Where each of those add-ons runs: its namespaceConfig, else EKS's default namespace. */
  addonNamespaces: Record<string, string>;
  /** Names of the cluster's eksctl add-on IRSA stacks (`eksctl-<cluster>-addon-<addon>`) that exist. */
  stackNames: string[];
}
