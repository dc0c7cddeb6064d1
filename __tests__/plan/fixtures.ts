// Builders for planner inputs: a ClusterSpec with entries, and a LiveCluster with associations,
// stacks and roles, with defaults that describe a healthy cluster in account 111122223333.

import { canonicalJson } from '../../src/lib/canonical-json.js';
import type { PodIdentityAssociationSpec as Entry } from '../../src/config/model.js';
import type { AddonSpec, ClusterSpec, WellKnownPolicies } from '../../src/config/model.js';
import { podIdentityRoleTemplate, podIdentityTrustPolicy } from '../../src/cfn/role-template.js';
import {
  addonPodIdentityRoleStackName,
  podIdentityRoleStackName,
} from '../../src/names/stack-names.js';
import { addonRoleStackTags, roleStackTags } from '../../src/cfn/stack-tags.js';
import type { PlanOptions } from '../../src/plan/model.js';
import { OWNER_TAG } from '../../src/names/tags.js';
import type {
  LiveAddon,
  LiveAddonCatalog,
  LiveAssociation,
  LiveCluster,
  LiveRole,
  LiveStack,
} from '../../src/live/model.js';

export const ACCOUNT = '111122223333';
export const CLUSTER = 'test-cluster';
export const OWNER = 'org/infra';
export const OPTIONS: PlanOptions = { prune: 'managed', ownerId: OWNER, salt: 'org/infra#1' };

export const noWellKnown = (): WellKnownPolicies => ({
  imageBuilder: false,
  autoScaler: false,
  awsLoadBalancerController: false,
  externalDNS: false,
  certManager: false,
  ebsCSIController: false,
  efsCSIController: false,
});

export const roleArn = (name: string, account = ACCOUNT): string =>
  `arn:aws:iam::${account}:role/${name}`;

let line = 10;
export function entry(
  namespace: string,
  serviceAccountName: string,
  extra: Partial<Entry> = {},
): Entry {
  line += 1;
  return {
    namespace,
    serviceAccountName,
    createServiceAccount: false,
    permissionPolicyARNs: [],
    wellKnownPolicies: noWellKnown(),
    tags: {},
    location: { file: 'clusters/test.yaml', line, column: 7 },
    ...extra,
  };
}

export function addon(name: string, extra: Partial<AddonSpec> = {}): AddonSpec {
  return {
    name,
    useDefaultPodIdentityAssociations: false,
    attachPolicyARNs: [],
    wellKnownPolicies: noWellKnown(),
    tags: {},
    location: { file: 'clusters/test.yaml', line: 40, column: 5 },
    ...extra,
  };
}

export function spec(entries: Entry[], extra: Partial<ClusterSpec> = {}): ClusterSpec {
  return {
    file: 'clusters/test.yaml',
    name: CLUSTER,
    region: 'us-west-2',
    tags: {},
    annotations: {},
    withOIDC: false,
    autoModeEnabled: false,
    podIdentityAssociations: entries,
    serviceAccounts: [],
    addons: [],
    addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
    notManaged: [],
    location: { file: 'clusters/test.yaml', line: 3, column: 3 },
    ...extra,
  };
}

export const trustedRole = (
  arn: string,
  policy: Record<string, unknown> = podIdentityTrustPolicy(),
): LiveRole => ({
  arn,
  roleName: arn.slice(arn.lastIndexOf('/') + 1),
  assumeRolePolicy: policy,
});

/** What EKS offers of the agent for Kubernetes 1.31: two versions, the newer one the default. */
export const agentCatalog = (): LiveAddonCatalog => ({
  versions: [
    { version: 'v1.3.4-eksbuild.1', isDefault: true, requiresIamPermissions: false },
    { version: 'v1.3.2-eksbuild.2', isDefault: false, requiresIamPermissions: false },
  ],
  defaultNamespace: 'kube-system',
  podIdentity: {},
});

export function live(extra: Partial<LiveCluster> = {}): LiveCluster {
  return {
    name: CLUSTER,
    region: 'us-west-2',
    accountId: ACCOUNT,
    arn: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${CLUSTER}`,
    status: 'ACTIVE',
    version: '1.31',
    autoMode: false,
    addons: {
      'eks-pod-identity-agent': {
        name: 'eks-pod-identity-agent',
        arn: `arn:aws:eks:us-west-2:${ACCOUNT}:addon/${CLUSTER}/eks-pod-identity-agent/x`,
        version: 'v1.3.4-eksbuild.1',
        status: 'ACTIVE',
        podIdentityAssociations: [],
        tags: {},
        issues: [],
      },
    },
    addonNames: ['eks-pod-identity-agent'],
    addonCatalog: { 'eks-pod-identity-agent': agentCatalog() },
    ipFamily: 'ipv4',
    associations: [],
    stacks: [],
    roles: {},
    policies: {},
    ...extra,
  };
}

let counter = 0;
export function association(
  namespace: string,
  serviceAccount: string,
  role: string,
  extra: Partial<LiveAssociation> = {},
): LiveAssociation {
  counter += 1;
  const id = `a-${String(counter).padStart(17, '0')}`;
  return {
    associationId: id,
    associationArn: `arn:aws:eks:us-west-2:${ACCOUNT}:podidentityassociation/${CLUSTER}/${id}`,
    namespace,
    serviceAccount,
    roleArn: role,
    disableSessionTags: false,
    tags: {},
    ...extra,
  };
}

/** The stack eksctl (or we) would have made for `e`, in CREATE_COMPLETE, with its real template. */
export function stackFor(e: Entry, extra: Partial<LiveStack> = {}, ownerId?: string): LiveStack {
  const name = podIdentityRoleStackName(CLUSTER, e.namespace, e.serviceAccountName);
  const tags = roleStackTags(spec([e]), e, ownerId ?? OWNER);
  if (ownerId === undefined) delete tags[OWNER_TAG];
  tags['alpha.eksctl.io/eksctl-version'] = '0.210.0';
  return {
    stackName: name,
    stackId: `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/${name}/0001`,
    status: 'CREATE_COMPLETE',
    tags,
    capabilities: ['CAPABILITY_IAM'],
    outputs: { Role1: roleArn(`${name}-Role1-ABC`) },
    terminationProtection: true,
    template: JSON.parse(canonicalJson(podIdentityRoleTemplate(e))),
    ...extra,
  };
}

export const ownerTags = (extra: Record<string, string> = {}): Record<string, string> => ({
  ...extra,
  [OWNER_TAG]: OWNER,
});

/** An add-on as DescribeAddon returns it. */
export function liveAddon(name: string, extra: Partial<LiveAddon> = {}): LiveAddon {
  return {
    name,
    arn: `arn:aws:eks:us-west-2:${ACCOUNT}:addon/${CLUSTER}/${name}/0000`,
    version: 'v1.0.0-eksbuild.1',
    status: 'ACTIVE',
    podIdentityAssociations: [],
    tags: { [OWNER_TAG]: OWNER },
    issues: [],
    ...extra,
  };
}

/**
 * What EKS offers of an add-on: v1.0.0-eksbuild.1 (the default) and v1.1.0-eksbuild.1, needing IAM
 * when it has recommended service accounts; their pod identity configuration for both versions.
 */
export function offered(
  recommended: { serviceAccount: string; recommendedManagedPolicies: string[] }[] = [],
  extra: Partial<LiveAddonCatalog> = {},
): LiveAddonCatalog {
  const requiresIamPermissions = recommended.length > 0;
  return {
    versions: [
      { version: 'v1.1.0-eksbuild.1', isDefault: false, requiresIamPermissions },
      { version: 'v1.0.0-eksbuild.1', isDefault: true, requiresIamPermissions },
    ],
    defaultNamespace: 'kube-system',
    podIdentity: { 'v1.0.0-eksbuild.1': recommended, 'v1.1.0-eksbuild.1': recommended },
    ...extra,
  };
}

/** The role stack we would have made for service account `sa` of add-on `addon`, CREATE_COMPLETE. */
export function addonStackFor(
  addonName: string,
  sa: string,
  policies: Partial<Entry>,
  extra: Partial<LiveStack> = {},
): LiveStack {
  const e = entry('', sa, policies);
  const name = addonPodIdentityRoleStackName(CLUSTER, addonName, sa);
  return {
    stackName: name,
    stackId: `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/${name}/0001`,
    status: 'CREATE_COMPLETE',
    tags: addonRoleStackTags(spec([]), addonName, e.namespace, sa, OWNER),
    capabilities: ['CAPABILITY_IAM'],
    outputs: { Role1: roleArn(`${name}-Role1-ABC`) },
    terminationProtection: true,
    template: JSON.parse(canonicalJson(podIdentityRoleTemplate(e))),
    ...extra,
  };
}
