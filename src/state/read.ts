// Reads the live state of one cluster through the AWS adapters.

import type { ClusterSpec } from '../config/model.js';
import type { AwsClients } from '../aws/clients.js';
import { describeAllStacks, getTemplate } from '../aws/cloudformation.js';
import {
  describeAssociation,
  describeCluster,
  listAssociations,
  listClusterNames,
  type ClusterInfo,
} from '../aws/eks.js';
import type { KubeSession } from '../kube/session.js';
import { readKubernetes } from './kubernetes.js';
import { accountFromArn, getRole, roleNameFromArn } from '../aws/iam.js';
import { isAwsError } from '../aws/errors.js';
import { isInProgress, type AddonWatcher, type StackWatcher } from '../aws/waiters.js';
import type {
  LiveAssociation,
  LiveCluster,
  LiveClusterMissing,
  LiveRole,
  LiveStack,
} from '../live/model.js';
import {
  addonIrsaStackName,
  addonPodIdentityRoleStackName,
  isPodIdentityStackName,
  podIdentityRoleStackName,
  roleStackNamesFor,
} from '../names/stack-names.js';
import { CLUSTER_NAME_TAG, OLD_CLUSTER_NAME_TAG } from '../names/tags.js';
import { ROLE_OUTPUT } from '../names/template-ids.js';
import { readAddons } from './addons.js';
import { TemplatesAhead } from './templates-ahead.js';

export interface StateReaderDeps {
  clients: AwsClients;
  watcher: StackWatcher;
  addonWatcher: AddonWatcher;
  /** Describe the add-ons outside the config too (their tags decide whether prune deletes them). */
  describeOthers: boolean;
  /** Region-wide stack listings shared by the clusters of one run. */
  stackListings: Map<string, Promise<LiveStack[]>>;
  /**
   * GetRole answers shared by the clusters of one run, by account and lower-cased role name (IAM
   * names are case-insensitive): a role named by many entries, or many clusters, is read once.
   */
  roleLookups: Map<string, Promise<LiveRole | null | undefined>>;
  /** The Kubernetes side, when the run may need it (which namespaces is decided per cluster). */
  kubernetes?: KubernetesReadDeps;
  log(message: string): void;
}

export interface KubernetesReadDeps {
  /** The namespaces to read, given the live associations; none means Kubernetes is not called. */
  namespaces(associations: readonly LiveAssociation[]): string[];
  /** A session on the cluster's API server; undefined when EKS gave no endpoint. */
  session(cluster: ClusterInfo): (() => KubeSession) | undefined;
  whoAmI(): Promise<string | undefined>;
}

/** eksctl's stacks for a cluster: exact name shapes (never substrings, eksctl #8484) and its cluster tag. */
export function isClusterStack(stack: LiveStack, cluster: string): boolean {
  if (!isPodIdentityStackName(stack.stackName, cluster)) return false;
  return stack.tags[CLUSTER_NAME_TAG] === cluster || stack.tags[OLD_CLUSTER_NAME_TAG] === cluster;
}

/**
 * Whose template the planner compares: the own-role stacks of the config's associations, and the
 * role stacks (and the IRSA stack, whose role a migrated add-on may use) of the config's add-ons.
 */
function stacksToCompare(spec: ClusterSpec): (stackName: string) => boolean {
  const names = new Set(
    spec.podIdentityAssociations.flatMap((pia) =>
      roleStackNamesFor(spec.name, pia.namespace, pia.serviceAccountName),
    ),
  );
  for (const addon of spec.addons) names.add(addonIrsaStackName(spec.name, addon.name));
  const addonPrefixes = spec.addons.map((a) =>
    addonPodIdentityRoleStackName(spec.name, a.name, ''),
  );
  return (name) => names.has(name) || addonPrefixes.some((prefix) => name.startsWith(prefix));
}

/** The stacks eksctl makes for the config's standalone entries that name no role. */
function ownRoleStackNames(spec: ClusterSpec): string[] {
  return spec.podIdentityAssociations
    .filter((pia) => !pia.roleARN)
    .map((pia) => podIdentityRoleStackName(spec.name, pia.namespace, pia.serviceAccountName));
}

/** The roles the config names by ARN, standalone or under an add-on. */
function configRoleArns(spec: ClusterSpec): string[] {
  const entries = [
    ...spec.podIdentityAssociations,
    ...spec.addons.flatMap((a) => a.podIdentityAssociations ?? []),
  ];
  return [...new Set(entries.map((p) => p.roleARN).filter((a): a is string => !!a))];
}

/** Marks a read started ahead as handled: it is awaited later, or dropped with a missing cluster. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * All reads that need only the cluster's name (the association list and its describes, the
 * region's stack listing, the add-ons) go out with DescribeCluster; those that need its answer (the
 * Kubernetes version, the account, the API endpoint) follow it. DescribeCluster's failure, and a
 * missing cluster, are reported as if it had been read alone.
 */
export async function readClusterState(
  spec: ClusterSpec,
  deps: StateReaderDeps,
): Promise<LiveCluster | LiveClusterMissing> {
  const { eks, cloudformation } = deps.clients;
  const infoPromise = describeCluster(eks, spec.name);
  const found = infoPromise.then((info) => info ?? Promise.reject(new Error('no such cluster')));

  const addonsPromise = started(
    readAddons(
      spec,
      found.then((info) => info.version),
      deps,
    ),
  );

  const described: Promise<LiveAssociation | undefined>[] = [];
  const associationsPromise = started(
    listAssociations(eks, spec.name, {}, (page) => {
      for (const s of page) {
        // Awaited below with the rest; marked handled now so a failure while later pages are
        // still listing is not an unhandled rejection.
        described.push(started(describeAssociation(eks, spec.name, s.associationId ?? '')));
      }
    }).then(() => Promise.all(described)),
  );

  let listing = deps.stackListings.get(spec.region);
  if (!listing) {
    listing = started(describeAllStacks(cloudformation));
    deps.stackListings.set(spec.region, listing);
  }
  const compare = stacksToCompare(spec);
  // A stack holding a role the config names (an IRSA role being migrated, e.g. vpc-cni on the
  // kube-system/aws-node iamserviceaccount role): its trust policy changes through its template.
  const namedRoles = new Set(configRoleArns(spec));
  const ahead = new TemplatesAhead(cloudformation, ownRoleStackNames(spec));
  // Waiting for a stack to settle is not a read: only for a cluster that exists.
  const stacksPromise = started(
    Promise.all([listing, found])
      .then(([all]) => {
        const ours = all.filter((s) => isClusterStack(s, spec.name));
        ahead.keepListed(ours);
        return settleStacks(ours, deps);
      })
      .catch((error: unknown) => {
        ahead.keepListed([]);
        throw error;
      })
      .then((settled) => settled.filter((s) => s.status !== 'DELETE_COMPLETE'))
      .then((stacks) =>
        Promise.all(
          stacks.map(async (s) => {
            if (compare(s.stackName) || namedRoles.has(s.outputs[ROLE_OUTPUT] ?? ''))
              s.template = (await ahead.take(s)) ?? (await getTemplate(cloudformation, s.stackId));
            return s;
          }),
        ),
      ),
  );

  // The roles the config names go out now too, keyed by their ARN's account: EKS answers only in
  // the credentials' own account, so a role of another account (known once DescribeCluster
  // answers) was read under a key no same-account lookup uses, and its answer is dropped below.
  const roleReads = configRoleArns(spec).map(
    (arn) => [arn, started(lookUpRole(arn, accountFromArn(arn), deps))] as const,
  );

  const info = await infoPromise;
  if (!info) {
    return {
      name: spec.name,
      region: spec.region,
      missing: true,
      reason: `No cluster found for name: ${spec.name}.`,
      notFound: { clustersInRegion: await listClusterNames(eks) },
    };
  }
  const accountId = accountFromArn(info.arn);

  const kube = deps.kubernetes;
  const kubernetesPromise = associationsPromise.then((found) => {
    const namespaces = kube?.namespaces(found.filter((a) => a !== undefined)) ?? [];
    if (!kube || namespaces.length === 0) return undefined;
    return readKubernetes(kube.session(info), namespaces, () => kube.whoAmI());
  });

  const rolesPromise = Promise.all(
    roleReads.map(async ([arn, read]): Promise<[string, LiveRole | null | undefined]> => {
      // A role in another account cannot be read with this account's credentials.
      if (accountFromArn(arn) !== accountId) return [arn, undefined];
      return [arn, await read];
    }),
  );

  const [addons, associations, stacks, roles, kubernetes] = await Promise.all([
    addonsPromise,
    associationsPromise,
    stacksPromise,
    rolesPromise,
    kubernetesPromise,
  ]);

  return {
    name: spec.name,
    region: spec.region,
    accountId,
    arn: info.arn,
    status: info.status,
    version: info.version,
    autoMode: info.autoMode,
    ipFamily: info.ipFamily,
    ...(info.oidcIssuer ? { oidcIssuer: info.oidcIssuer } : {}),
    ...addons,
    associations: associations.filter((a) => a !== undefined),
    stacks,
    roles: Object.fromEntries(roles.filter(([, r]) => r !== undefined)) as Record<
      string,
      LiveRole | null
    >,
    policies: {},
    ...(kubernetes ? { kubernetes } : {}),
  };
}

/**
 * The role by the name in its ARN (GetRole takes no path or partition; the planner compares the
 * whole ARN IAM answers with the configured one); undefined when reading it is denied.
 */
function lookUpRole(
  arn: string,
  accountId: string,
  deps: StateReaderDeps,
): Promise<LiveRole | null | undefined> {
  const name = roleNameFromArn(arn);
  const key = `${accountId}/${name.toLowerCase()}`;
  let lookup = deps.roleLookups.get(key);
  if (!lookup) {
    lookup = getRole(deps.clients.iam, name).catch((error: unknown) => {
      if (isAwsError(error, 'AccessDenied', 'AccessDeniedException')) return undefined;
      throw error;
    });
    deps.roleLookups.set(key, lookup);
  }
  return lookup;
}

/**
 * A stack still in progress (e.g. a run killed while waiting) is waited for, so the planner only
 * sees settled states; planning against a moving stack would be planning a guess.
 */
async function settleStacks(stacks: LiveStack[], deps: StateReaderDeps): Promise<LiveStack[]> {
  return Promise.all(
    stacks.map(async (stack) => {
      if (!isInProgress(stack.status)) return { ...stack };
      deps.log(`waiting for CloudFormation stack "${stack.stackName}" (${stack.status}) to settle`);
      const result = await deps.watcher.wait(stack.stackId, 'settle', {
        stackName: stack.stackName,
        log: deps.log,
      });
      return result.stack ? { ...result.stack } : { ...stack, status: 'DELETE_COMPLETE' };
    }),
  );
}
