// The add-ons of one cluster as the planner needs them: the config's (and the agent), settled when
// in progress; every add-on's name; the others' tags when pruning may delete them; and, per add-on of
// the config, the versions EKS offers and the pod identity configuration of the version it will run.

import type { AddonWatcher } from '../aws/waiters.js';
import type { AwsClients } from '../aws/clients.js';
import { errorMessage } from '../aws/errors.js';
import {
  describeAddon,
  describeAddonConfiguration,
  describeAddonVersions,
  listAddons,
} from '../aws/eks.js';
import type { AddonSpec, ClusterSpec } from '../config/model.js';
import { targetAddonVersion } from '../live/addon-versions.js';
import type { AddonVersionInfo, LiveAddon, LiveAddonCatalog } from '../live/model.js';
import { AGENT_ADDON } from '../names/addons.js';

export interface AddonReaderDeps {
  clients: AwsClients;
  addonWatcher: AddonWatcher;
  /** Describe the add-ons outside the config too (their tags decide whether prune deletes them). */
  describeOthers: boolean;
  log(message: string): void;
}

export interface LiveAddons {
  addons: Record<string, LiveAddon>;
  addonNames: string[];
  addonCatalog: Record<string, LiveAddonCatalog>;
}

/** An add-on still moving (a run killed mid-update) is waited for: the plan only sees settled states. */
async function settledAddon(
  cluster: string,
  name: string,
  deps: AddonReaderDeps,
): Promise<LiveAddon | undefined> {
  const addon = await describeAddon(deps.clients.eks, cluster, name).catch((error: unknown) => {
    // eksctl's words for these failures: its agent check (IsPodIdentityAgentInstalled), and create.
    const call =
      name === AGENT_ADDON
        ? `calling "EKS::DescribeAddon::${name}"`
        : `failed to describe addon "${name}"`;
    throw new Error(`${call}: ${errorMessage(error)}`, { cause: error });
  });
  if (!addon || !['CREATING', 'UPDATING', 'DELETING'].includes(addon.status)) return addon;
  deps.log(`waiting for addon "${name}" (${addon.status}) to settle`);
  return deps.addonWatcher.wait({ clusterName: cluster, addonName: name }, 'settle', deps.log);
}

/**
 * The add-on's pod identity configuration decides something: its roles (associations listed,
 * useDefault, autoApply on create), or which way of granting IAM the plan's warning recommends (a
 * new add-on that needs IAM, autoApply on an existing one).
 */
function needsPodIdentityConfig(
  spec: AddonSpec,
  cluster: ClusterSpec,
  live: LiveAddon | undefined,
  requiresIam: boolean,
): boolean {
  return (
    (spec.podIdentityAssociations?.length ?? 0) > 0 ||
    spec.useDefaultPodIdentityAssociations ||
    (requiresIam && (live === undefined || cluster.addonsConfig.autoApplyPodIdentityAssociations))
  );
}

async function catalogOf(
  spec: AddonSpec,
  cluster: ClusterSpec,
  kubernetesVersion: string,
  offered: { versions: AddonVersionInfo[]; defaultNamespace?: string },
  live: LiveAddon | undefined,
  deps: AddonReaderDeps,
): Promise<LiveAddonCatalog> {
  const { versions } = offered;
  const catalog: LiveAddonCatalog = { ...offered, podIdentity: {} };
  const target = targetAddonVersion(
    spec.name,
    kubernetesVersion,
    versions,
    spec.version,
    live?.version,
  );
  if (!target.version) return catalog;
  if (!needsPodIdentityConfig(spec, cluster, live, target.version.requiresIamPermissions)) {
    return catalog;
  }
  const version = target.version.version;
  catalog.podIdentity[version] = await describeAddonConfiguration(
    deps.clients.eks,
    spec.name,
    version,
  );
  return catalog;
}

/**
 * The add-ons are listed and described as soon as the cluster's name is known; the versions EKS
 * offers wait for its Kubernetes version (DescribeCluster's answer).
 */
export async function readAddons(
  cluster: ClusterSpec,
  version: Promise<string>,
  deps: AddonReaderDeps,
): Promise<LiveAddons> {
  const { eks } = deps.clients;
  const listed = [...new Set([AGENT_ADDON, ...cluster.addons.map((a) => a.name)])];
  const [names, listedAddons, [kubernetesVersion, versions]] = await Promise.all([
    listAddons(eks, cluster.name),
    Promise.all(listed.map((name) => settledAddon(cluster.name, name, deps))),
    version.then(async (v) => {
      const offered = cluster.addons.map((a) => describeAddonVersions(eks, a.name, v));
      return [v, await Promise.all(offered)] as const;
    }),
  ]);
  // Add-ons outside the config: their tags decide whether prune may delete them.
  const others = deps.describeOthers ? names.filter((n) => !listed.includes(n)) : [];
  const [otherAddons, catalogs] = await Promise.all([
    Promise.all(others.map((name) => settledAddon(cluster.name, name, deps))),
    Promise.all(
      cluster.addons.map((spec, i) => {
        const live = listedAddons[listed.indexOf(spec.name)];
        return catalogOf(spec, cluster, kubernetesVersion, versions[i], live, deps);
      }),
    ),
  ]);
  const addons: Record<string, LiveAddon> = {};
  const gone = new Set<string>();
  [...listed, ...others].forEach((name, i) => {
    const addon = [...listedAddons, ...otherAddons][i];
    if (addon) addons[name] = addon;
    else gone.add(name);
  });
  return {
    addons,
    // A listed name whose add-on finished deleting while we waited is gone.
    addonNames: names.filter((n) => !gone.has(n)),
    addonCatalog: Object.fromEntries(cluster.addons.map((spec, i) => [spec.name, catalogs[i]])),
  };
}
