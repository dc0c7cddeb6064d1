// Thin EKS adapter: SDK calls in, plain live-state values out.

import {
  CreateAddonCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAddonCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  DescribeClusterCommand,
  DescribePodIdentityAssociationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAddonCommand,
  UpdatePodIdentityAssociationCommand,
  paginateDescribeAddonVersions,
  paginateListAddons,
  paginateListClusters,
  paginateListPodIdentityAssociations,
  type Addon,
  type EKSClient,
  type PodIdentityAssociation,
  type PodIdentityAssociationSummary,
} from '@aws-sdk/client-eks';
import type {
  AddonPodIdentityConfig,
  AddonVersionInfo,
  LiveAddon,
  LiveAssociation,
} from '../live/model.js';
import { isAwsError } from './errors.js';

export interface ClusterInfo {
  name: string;
  arn: string;
  status: string;
  version: string;
  autoMode: boolean;
  ipFamily: 'ipv4' | 'ipv6';
  /** The Kubernetes API server's URL and its CA (base64 PEM), when EKS gives them. */
  endpoint?: string;
  certificateAuthority?: string;
  /** identity.oidc.issuer: the cluster's OIDC issuer URL (IRSA roles trust its IAM provider). */
  oidcIssuer?: string;
}

/** The cluster, or undefined when EKS says it does not exist. */
export async function describeCluster(
  eks: EKSClient,
  name: string,
): Promise<ClusterInfo | undefined> {
  try {
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    return {
      name,
      arn: cluster?.arn ?? '',
      status: cluster?.status ?? 'UNKNOWN',
      version: cluster?.version ?? '',
      autoMode: cluster?.computeConfig?.enabled === true,
      ipFamily: cluster?.kubernetesNetworkConfig?.ipFamily === 'ipv6' ? 'ipv6' : 'ipv4',
      ...(cluster?.endpoint ? { endpoint: cluster.endpoint } : {}),
      ...(cluster?.certificateAuthority?.data
        ? { certificateAuthority: cluster.certificateAuthority.data }
        : {}),
      ...(cluster?.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
    };
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

/** The clusters of a region, for a "did you mean" when one is missing; undefined if not listable. */
export async function listClusterNames(eks: EKSClient): Promise<string[] | undefined> {
  try {
    const names: string[] = [];
    for await (const page of paginateListClusters({ client: eks }, {})) {
      names.push(...(page.clusters ?? []));
    }
    return names;
  } catch {
    return undefined; // e.g. a role without eks:ListClusters: the hint just names fewer clusters
  }
}

export async function describeAddon(
  eks: EKSClient,
  clusterName: string,
  addonName: string,
): Promise<LiveAddon | undefined> {
  try {
    const { addon } = await eks.send(new DescribeAddonCommand({ clusterName, addonName }));
    return addon ? toLiveAddon(addon) : undefined;
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

function toLiveAddon(addon: Addon): LiveAddon {
  return {
    name: addon.addonName ?? '',
    arn: addon.addonArn ?? '',
    version: addon.addonVersion ?? '',
    status: addon.status ?? 'UNKNOWN',
    serviceAccountRoleArn: addon.serviceAccountRoleArn,
    configurationValues: addon.configurationValues,
    podIdentityAssociations: addon.podIdentityAssociations ?? [],
    tags: addon.tags ?? {},
    ...(addon.namespaceConfig?.namespace ? { namespace: addon.namespaceConfig.namespace } : {}),
    issues: (addon.health?.issues ?? []).map((i) => ({
      code: i.code ?? 'Unknown',
      message: i.message ?? '',
      resourceIds: i.resourceIds ?? [],
    })),
  };
}

/** Every add-on name of the cluster, all pages. */
export async function listAddons(eks: EKSClient, clusterName: string): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListAddons({ client: eks, pageSize: 100 }, { clusterName })) {
    names.push(...(page.addons ?? []));
  }
  return names;
}

/** The add-on's versions for a Kubernetes version, all pages; none when EKS has none for it. */
export async function describeAddonVersions(
  eks: EKSClient,
  addonName: string,
  kubernetesVersion: string,
): Promise<{ versions: AddonVersionInfo[]; defaultNamespace?: string }> {
  const versions: AddonVersionInfo[] = [];
  let defaultNamespace: string | undefined;
  const pages = paginateDescribeAddonVersions(
    { client: eks, pageSize: 100 },
    { addonName, kubernetesVersion },
  );
  for await (const page of pages) {
    for (const addon of page.addons ?? []) {
      if (addon.addonName !== addonName) continue;
      defaultNamespace ??= addon.defaultNamespace;
      for (const v of addon.addonVersions ?? []) {
        versions.push({
          version: v.addonVersion ?? '',
          isDefault: (v.compatibilities ?? []).some(
            (c) => c.clusterVersion === kubernetesVersion && c.defaultVersion === true,
          ),
          requiresIamPermissions: v.requiresIamPermissions === true,
        });
      }
    }
  }
  return { versions, ...(defaultNamespace ? { defaultNamespace } : {}) };
}

/** `podIdentityConfiguration` of one add-on version: the service accounts that can use pod identity. */
export async function describeAddonConfiguration(
  eks: EKSClient,
  addonName: string,
  addonVersion: string,
): Promise<AddonPodIdentityConfig[]> {
  const out = await eks.send(new DescribeAddonConfigurationCommand({ addonName, addonVersion }));
  return (out.podIdentityConfiguration ?? []).map((p) => ({
    serviceAccount: p.serviceAccount ?? '',
    recommendedManagedPolicies: p.recommendedManagedPolicies ?? [],
  }));
}

/**
 * Every association summary, all pages. `onPage` sees each page as it arrives, so callers can
 * start describing the first hundred while the next page is still on its way.
 */
export async function listAssociations(
  eks: EKSClient,
  clusterName: string,
  filter: { namespace?: string; serviceAccount?: string } = {},
  onPage?: (page: PodIdentityAssociationSummary[]) => void,
): Promise<PodIdentityAssociationSummary[]> {
  const summaries: PodIdentityAssociationSummary[] = [];
  const pages = paginateListPodIdentityAssociations(
    { client: eks, pageSize: 100 },
    { clusterName, ...filter },
  );
  for await (const page of pages) {
    const items = page.associations ?? [];
    summaries.push(...items);
    onPage?.(items);
  }
  return summaries;
}

export async function describeAssociation(
  eks: EKSClient,
  clusterName: string,
  associationId: string,
): Promise<LiveAssociation | undefined> {
  try {
    const { association } = await eks.send(
      new DescribePodIdentityAssociationCommand({ clusterName, associationId }),
    );
    return association ? toLiveAssociation(association) : undefined;
  } catch (error) {
    // Deleted between List and Describe: it is simply gone.
    if (isAwsError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

export function toLiveAssociation(a: PodIdentityAssociation): LiveAssociation {
  return {
    associationId: a.associationId ?? '',
    associationArn: a.associationArn ?? '',
    namespace: a.namespace ?? '',
    serviceAccount: a.serviceAccount ?? '',
    roleArn: a.roleArn ?? '',
    targetRoleArn: a.targetRoleArn || undefined,
    externalId: a.externalId || undefined,
    disableSessionTags: a.disableSessionTags,
    policy: a.policy || undefined,
    ownerArn: a.ownerArn || undefined,
    tags: a.tags ?? {},
  };
}

export interface CreateAssociationInput {
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
  tags: Record<string, string>;
}

export async function createAssociation(
  eks: EKSClient,
  input: CreateAssociationInput,
): Promise<LiveAssociation> {
  const { association } = await eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: input.clusterName,
      namespace: input.namespace,
      serviceAccount: input.serviceAccount,
      roleArn: input.roleArn,
      // eksctl sends these only when set; an unset pointer is not the same as false.
      targetRoleArn: input.targetRoleArn || undefined,
      disableSessionTags: input.disableSessionTags,
      policy: input.policy,
      tags: Object.keys(input.tags).length > 0 ? input.tags : undefined,
    }),
  );
  return toLiveAssociation(association ?? {});
}

export async function updateAssociation(
  eks: EKSClient,
  input: {
    clusterName: string;
    associationId: string;
    roleArn?: string;
    targetRoleArn?: string;
    disableSessionTags?: boolean;
    policy?: string;
  },
): Promise<LiveAssociation> {
  const { association } = await eks.send(new UpdatePodIdentityAssociationCommand(input));
  return toLiveAssociation(association ?? {});
}

/** Deletes the association; true when it existed. */
export async function deleteAssociation(
  eks: EKSClient,
  clusterName: string,
  associationId: string,
): Promise<boolean> {
  try {
    await eks.send(new DeletePodIdentityAssociationCommand({ clusterName, associationId }));
    return true;
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return false;
    throw error;
  }
}

export async function tagResource(
  eks: EKSClient,
  resourceArn: string,
  tagsToAdd: Record<string, string>,
  tagKeysToRemove: string[],
): Promise<void> {
  if (tagKeysToRemove.length > 0) {
    await eks.send(new UntagResourceCommand({ resourceArn, tagKeys: tagKeysToRemove }));
  }
  if (Object.keys(tagsToAdd).length > 0) {
    await eks.send(new TagResourceCommand({ resourceArn, tags: tagsToAdd }));
  }
}

export interface AddonInput {
  clusterName: string;
  addonName: string;
  addonVersion?: string;
  resolveConflicts?: string;
  configurationValues?: string;
  serviceAccountRoleArn?: string;
  podIdentityAssociations?: { serviceAccount: string; roleArn: string }[];
  namespaceConfig?: { namespace: string };
}

export async function createAddon(
  eks: EKSClient,
  input: AddonInput & { tags: Record<string, string> },
): Promise<void> {
  await eks.send(
    new CreateAddonCommand({
      ...input,
      resolveConflicts: input.resolveConflicts?.toUpperCase() as
        'OVERWRITE' | 'NONE' | 'PRESERVE' | undefined,
      tags: Object.keys(input.tags).length > 0 ? input.tags : undefined,
    }),
  );
}

export async function updateAddon(eks: EKSClient, input: AddonInput): Promise<void> {
  // The namespace of an add-on is fixed at creation.
  const { namespaceConfig: _namespace, ...update } = input;
  await eks.send(
    new UpdateAddonCommand({
      ...update,
      resolveConflicts: input.resolveConflicts?.toUpperCase() as
        'OVERWRITE' | 'NONE' | 'PRESERVE' | undefined,
    }),
  );
}

/** Starts deleting the add-on; false when it was already gone. */
export async function deleteAddon(
  eks: EKSClient,
  clusterName: string,
  addonName: string,
  preserve: boolean,
): Promise<boolean> {
  try {
    await eks.send(new DeleteAddonCommand({ clusterName, addonName, preserve }));
    return true;
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return false;
    throw error;
  }
}
