// Seed conveniences for a cluster running IRSA, built as eksctl builds it (docs/emulator.md, "IRSA
// state"): `withOIDC`, `iamServiceAccounts` and add-on `irsa` on a seeded cluster. Runs after the
// EKS seed (the cluster and its issuer exist) and goes through the other modules' own seeds, so the
// provider, stacks, roles and service accounts obey the same rules as API calls.

import type { World } from '../core/types.js';
import type { EksState, Cluster } from '../eks/state.js';
import { issuerHost } from '../eks/clusters.js';
import type { IamStore } from '../iam/store.js';
import {
  EKS_OIDC_THUMBPRINT,
  MANAGED_BY_EKSCTL,
  ROLE_ARN_ANNOTATION,
  STS_AUDIENCE,
  addonStackName,
  addonStackTags,
  capabilitiesFor,
  iamServiceAccountStackName,
  iamServiceAccountStackTags,
  oidcProviderTags,
  roleTemplate,
  trustDocument,
  type TrustSubject,
} from './template.js';

interface SeedIamServiceAccount {
  namespace?: string;
  name: string;
  owned?: boolean;
  roleName?: string;
  attachPolicyARNs?: string[];
  annotate?: boolean;
}

interface SeedAddonIrsa {
  /** The add-on uses the role of this cluster's iamServiceAccounts entry for its service account. */
  iamServiceAccount?: boolean;
  owned?: boolean;
  serviceAccount?: string;
  namespace?: string;
  roleName?: string;
  attachPolicyARNs?: string[];
  annotate?: boolean;
}

interface SeedCluster {
  name: string;
  region?: string;
  withOIDC?: boolean;
  iamServiceAccounts?: SeedIamServiceAccount[];
  addons?: { name: string; serviceAccountRoleArn?: string; irsa?: SeedAddonIrsa }[];
}

export interface IrsaSeedDeps {
  world: World;
  eks: EksState;
  iam: { store: IamStore; seed(doc: unknown): void };
  cloudformation: {
    seed(doc: unknown): void;
    outputOf(stack: string, key: string): string | undefined;
  };
  kubernetes: { seed(doc: unknown): void };
}

/** What eksctl gives vpc-cni (its one add-on with a known service account) when no policy is set. */
const VPC_CNI = {
  serviceAccount: 'aws-node',
  policy: 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
};

export function seedIrsa(deps: IrsaSeedDeps, doc: unknown): void {
  const clusters = (doc as { clusters?: unknown }).clusters;
  if (!Array.isArray(clusters)) return;
  for (const [i, spec] of (clusters as SeedCluster[]).entries()) {
    try {
      seedCluster(deps, spec);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`seed: clusters[${i}] (${spec?.name}): ${message}`, { cause: error });
    }
  }
}

function seedCluster(deps: IrsaSeedDeps, spec: SeedCluster): void {
  const accounts = spec.iamServiceAccounts ?? [];
  if (!Array.isArray(accounts)) throw new Error('iamServiceAccounts must be a list');
  const addons = (spec.addons ?? []).filter((a) => a?.irsa !== undefined);
  if (!spec.withOIDC && accounts.length === 0 && addons.length === 0) return;
  if (!spec.withOIDC)
    throw new Error(
      'iamServiceAccounts and add-on irsa need withOIDC: true (the IAM OIDC provider)',
    );
  const cluster = deps.eks.clusters(spec.region ?? deps.world.defaultRegion).get(spec.name);
  if (!cluster) throw new Error('no such cluster');
  const host = issuerHost(cluster);
  const providerArn = `arn:aws:iam::${deps.world.accountId}:oidc-provider/${host}`;
  // `eksctl utils associate-iam-oidc-provider`, once per cluster.
  if (!deps.iam.store.oidcProviders.has(providerArn)) {
    deps.iam.seed({
      oidcProviders: [
        {
          url: `https://${host}`,
          clientIds: [STS_AUDIENCE],
          thumbprints: [EKS_OIDC_THUMBPRINT],
          tags: oidcProviderTags(cluster.name),
        },
      ],
    });
  }
  const provider = { providerArn, issuerHost: host };
  const roles = new Map<string, string>();
  for (const sa of accounts) {
    const namespace = sa?.namespace ?? 'default';
    roles.set(`${namespace}/${sa?.name}`, seedServiceAccount(deps, cluster, provider, sa));
  }
  for (const addon of addons) seedAddonRole(deps, cluster, provider, addon, roles);
}

type Provider = Omit<TrustSubject, 'serviceAccount'>;

function seedServiceAccount(
  deps: IrsaSeedDeps,
  cluster: Cluster,
  provider: Provider,
  sa: SeedIamServiceAccount,
): string {
  if (typeof sa?.name !== 'string') throw new Error('iamServiceAccounts need a name');
  const namespace = sa.namespace ?? 'default';
  const owned = sa.owned !== false;
  const trust = { ...provider, serviceAccount: { namespace, name: sa.name } };
  const roleArn = owned
    ? ownedRole(deps, {
        stackName: iamServiceAccountStackName(cluster.name, namespace, sa.name),
        describedAs: `serviceaccount "${namespace}/${sa.name}"`,
        tags: iamServiceAccountStackTags(cluster.name, namespace, sa.name),
        trust,
        policies: sa.attachPolicyARNs ?? [],
        roleName: sa.roleName,
        region: cluster.region,
      })
    : unownedRole(
        deps,
        sa.roleName ?? `${cluster.name}-irsa-${namespace}-${sa.name}`.slice(0, 64),
        trust,
        sa.attachPolicyARNs,
      );
  if (sa.annotate !== false) annotate(deps, cluster, namespace, sa.name, roleArn, owned);
  return roleArn;
}

function seedAddonRole(
  deps: IrsaSeedDeps,
  cluster: Cluster,
  provider: Provider,
  spec: { name: string; serviceAccountRoleArn?: string; irsa?: SeedAddonIrsa },
  serviceAccountRoles: Map<string, string>,
): void {
  const irsa = spec.irsa ?? {};
  const addon = cluster.addons.get(spec.name);
  if (!addon) throw new Error(`add-on ${spec.name} is not seeded`);
  if (spec.serviceAccountRoleArn)
    throw new Error(`add-on ${spec.name}: irsa and serviceAccountRoleArn exclude each other`);
  const isVpcCni = spec.name === 'vpc-cni';
  const name = irsa.serviceAccount ?? (isVpcCni ? VPC_CNI.serviceAccount : undefined);
  const namespace = irsa.namespace ?? addon.namespace ?? 'kube-system';
  if (irsa.iamServiceAccount) {
    // eksctl's `create cluster` with withOIDC: vpc-cni runs on the kube-system/aws-node iamserviceaccount.
    const roleArn = serviceAccountRoles.get(`${namespace}/${name}`);
    if (!name || !roleArn)
      throw new Error(
        `add-on ${spec.name}: no iamServiceAccounts entry ${namespace}/${name ?? '?'}`,
      );
    addon.serviceAccountRoleArn = roleArn;
    return;
  }
  const trust: TrustSubject = {
    ...provider,
    serviceAccount: name ? { namespace, name } : undefined,
  };
  const policies = irsa.attachPolicyARNs ?? (isVpcCni ? [VPC_CNI.policy] : []);
  const owned = irsa.owned !== false;
  const roleArn = owned
    ? ownedRole(deps, {
        stackName: addonStackName(cluster.name, spec.name),
        describedAs: `"${spec.name}"`,
        tags: addonStackTags(cluster.name, spec.name),
        trust,
        policies,
        roleName: irsa.roleName,
        region: cluster.region,
      })
    : unownedRole(
        deps,
        irsa.roleName ?? `${cluster.name}-irsa-${spec.name}`.slice(0, 64),
        trust,
        policies,
      );
  // EKS annotates the add-on's service account with the role it was given.
  addon.serviceAccountRoleArn = roleArn;
  if (name && irsa.annotate !== false) annotate(deps, cluster, namespace, name, roleArn, false);
}

interface OwnedRole {
  stackName: string;
  describedAs: string;
  tags: Record<string, string>;
  trust: TrustSubject;
  policies: string[];
  roleName?: string;
  region: string;
}

/** A CREATE_COMPLETE stack with eksctl's template; its role is materialised by the CloudFormation engine. */
function ownedRole(deps: IrsaSeedDeps, role: OwnedRole): string {
  deps.cloudformation.seed({
    stacks: [
      {
        stackName: role.stackName,
        region: role.region,
        templateBody: roleTemplate({
          describedAs: role.describedAs,
          trust: role.trust,
          managedPolicyArns: role.policies,
          roleName: role.roleName,
        }),
        tags: role.tags,
        capabilities: capabilitiesFor(role.roleName),
        terminationProtection: true,
      },
    ],
  });
  const arn = deps.cloudformation.outputOf(role.stackName, 'Role1');
  if (!arn) throw new Error(`stack ${role.stackName} has no Role1 output`);
  return arn;
}

function unownedRole(
  deps: IrsaSeedDeps,
  roleName: string,
  trust: TrustSubject,
  policies: string[] = [],
): string {
  deps.iam.seed({
    roles: [
      {
        roleName,
        assumeRolePolicyDocument: trustDocument(trust),
        managedPolicyArns: policies,
      },
    ],
  });
  return deps.iam.store.role(roleName).arn;
}

function annotate(
  deps: IrsaSeedDeps,
  cluster: Cluster,
  namespace: string,
  name: string,
  roleArn: string,
  managedByEksctl: boolean,
): void {
  deps.kubernetes.seed({
    kubernetes: {
      [cluster.name]: {
        serviceAccounts: [
          {
            namespace,
            name,
            labels: managedByEksctl ? { ...MANAGED_BY_EKSCTL } : undefined,
            annotations: { [ROLE_ARN_ANNOTATION]: roleArn },
          },
        ],
      },
    },
  });
}
