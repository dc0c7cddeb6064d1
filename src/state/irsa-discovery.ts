// Reads what a cluster runs on IRSA, as eksctl's `utils migrate-to-pod-identity` does (reference
// §7.2): the OIDC provider, the agent, eksctl's iamserviceaccount stacks, annotated service
// accounts (all namespaces), the add-ons with a service-account role, their pod identity support
// and roles. Read-only; errors carry eksctl's wording. plan/migration-discovery.ts decides.

import type { AwsClients } from '../aws/clients.js';
import { describeAllStacks } from '../aws/cloudformation.js';
import {
  describeAddon,
  describeAddonConfiguration,
  describeAddonVersions,
  describeCluster,
  listAddons,
  type ClusterInfo,
} from '../aws/eks.js';
import { errorMessage } from '../aws/errors.js';
import { accountFromArn, getRole, oidcProviderExists, roleNameFromArn } from '../aws/iam.js';
import { listAllServiceAccounts } from '../kube/service-accounts.js';
import type { KubeSession } from '../kube/session.js';
import type { LiveIrsa } from '../live/irsa.js';
import type { LiveAddon } from '../live/model.js';
import { AGENT_ADDON } from '../names/addons.js';
import { IRSA_ROLE_ANNOTATION } from '../names/kubernetes.js';
import { oidcProviderArn } from '../names/oidc.js';
import { IAM_SERVICE_ACCOUNT_TAG } from '../names/tags.js';
import { ROLE_OUTPUT } from '../names/template-ids.js';
import { isClusterStack } from './read.js';

export interface DiscoveryDeps {
  clients: AwsClients;
  /** The cluster's Kubernetes session; undefined when EKS gave no endpoint. */
  kubernetes(info: ClusterInfo): (() => KubeSession) | undefined;
}

const wrap = (prefix: string) => (error: unknown) => {
  throw new Error(`${prefix}: ${errorMessage(error)}`, { cause: error });
};

export async function readIrsa(
  cluster: string,
  region: string,
  deps: DiscoveryDeps,
): Promise<LiveIrsa> {
  const { eks, iam, cloudformation } = deps.clients;
  const info = await describeCluster(eks, cluster);
  if (!info) throw new Error(`No cluster found for name: ${cluster}.`);
  const accountId = accountFromArn(info.arn);
  const found: LiveIrsa = {
    cluster,
    region,
    accountId,
    agentInstalled: false,
    irsaStacks: [],
    serviceAccounts: [],
    addons: [],
    addonPodIdentity: {},
    roles: {},
    addonNamespaces: {},
    stackNames: [],
  };
  const partition = info.arn.split(':')[1] || 'aws';
  const provider = info.oidcIssuer
    ? oidcProviderArn(info.oidcIssuer, accountId, partition)
    : undefined;
  const exists =
    provider !== undefined &&
    (await oidcProviderExists(iam, provider).catch(
      wrap(`reading the IAM OIDC provider of cluster "${cluster}"`),
    ));
  if (!exists) return found;
  found.oidcProvider = provider;
  found.agentInstalled =
    info.autoMode ||
    (await describeAddon(eks, cluster, AGENT_ADDON).catch(
      wrap(`calling "EKS::DescribeAddon::${AGENT_ADDON}"`),
    )) !== undefined;

  const stacks = (
    await describeAllStacks(cloudformation).catch(wrap('getting iamserviceaccount role stacks'))
  ).filter((s) => isClusterStack(s, cluster) && s.status !== 'DELETE_COMPLETE');
  found.stackNames = stacks.map((s) => s.stackName);
  found.irsaStacks = stacks
    .filter((s) => IAM_SERVICE_ACCOUNT_TAG in s.tags && s.outputs[ROLE_OUTPUT])
    .map((s) => ({
      stackName: s.stackName,
      roleArn: s.outputs[ROLE_OUTPUT],
      serviceAccount: s.tags[IAM_SERVICE_ACCOUNT_TAG],
    }));

  const session = deps.kubernetes(info);
  if (!session) throw new Error(`cluster "${cluster}" has no Kubernetes API endpoint`);
  found.serviceAccounts = (
    await listAllServiceAccounts(session()).catch(wrap('listing k8s service accounts'))
  ).filter((sa) => IRSA_ROLE_ANNOTATION in sa.annotations);

  found.addons = await readAddons(deps.clients, cluster).catch(
    wrap('creating addon service account role mapper: listing addons'),
  );
  for (const addon of found.addons.filter((a) => a.podIdentityAssociations.length === 0)) {
    await readAddonMigration(deps.clients, addon, info.version, found).catch(
      wrap(`error migrating addons to use pod identity: migrating addon ${addon.name}`),
    );
  }
  return found;
}

/** Every add-on of the cluster that runs with a service-account role (ListAddons, DescribeAddon). */
async function readAddons(clients: AwsClients, cluster: string): Promise<LiveAddon[]> {
  const names = [...(await listAddons(clients.eks, cluster))].sort();
  const addons = await Promise.all(names.map((name) => describeAddon(clients.eks, cluster, name)));
  return addons.filter((a): a is LiveAddon => a !== undefined && !!a.serviceAccountRoleArn);
}

/** Its pod identity support at its version, and when supported its role and namespace. */
async function readAddonMigration(
  clients: AwsClients,
  addon: LiveAddon,
  kubernetesVersion: string,
  found: LiveIrsa,
): Promise<void> {
  const podIdentity = await describeAddonConfiguration(
    clients.eks,
    addon.name,
    addon.version,
  ).catch(wrap(`describing pod identity configuration for addon ${addon.name}`));
  found.addonPodIdentity[addon.name] = podIdentity;
  if (podIdentity.length === 0) return;
  const roleArn = addon.serviceAccountRoleArn ?? '';
  found.roles[roleArn] = await getRole(clients.iam, roleNameFromArn(roleArn)).catch(
    wrap(`extracting service account from role ${roleArn}`),
  );
  const namespace =
    addon.namespace ??
    (await describeAddonVersions(clients.eks, addon.name, kubernetesVersion)).defaultNamespace;
  if (namespace) found.addonNamespaces[addon.name] = namespace;
}
