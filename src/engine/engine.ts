// The engine shared by the CLI and the action: read live state, plan, apply.
// It owns the AWS session (clients per region, one request limiter, the stack and add-on watchers
// of each region).

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { applyClusterPlan } from '../apply/executor.js';
import {
  ClientPool,
  profileRegion,
  stsEndpoint,
  type AwsClients,
  type Identity,
} from '../aws/clients.js';
import { describeCluster, type ClusterInfo } from '../aws/eks.js';
import { accountFromArn } from '../aws/iam.js';
import { explainReadFailure } from '../aws/read-failure.js';
import { callerArn } from '../aws/sts.js';
import { httpTimeouts } from '../aws/timeouts.js';
import { KubeSession } from '../kube/session.js';
import { kubernetesPermissions } from '../plan/kubernetes-access.js';
import { namespacesToRead } from '../plan/service-account-plan.js';
import { checkKubernetesAccess } from '../state/kubernetes.js';
import { errorMessage } from '../aws/errors.js';
import { AddonWatcher, StackWatcher } from '../aws/waiters.js';
import type { ClusterSpec, DesiredState } from '../config/model.js';
import type { LiveCluster, LiveClusterMissing, LiveRole, LiveStack } from '../live/model.js';
import type { ClusterPlan, Plan, PlanOptions } from '../plan/model.js';
import { planCluster } from '../plan/plan-cluster.js';
import { policyArnsToRead } from '../plan/policy-checks.js';
import type { ClusterApplyResult } from '../plan/results.js';
import { newPolicyLookups, readPolicies, type PolicyLookups } from '../state/policies.js';
import { readClusterState } from '../state/read.js';
import { readIrsa } from '../state/irsa-discovery.js';
import type { LiveIrsa } from '../live/irsa.js';

const clusterKey = (name: string, region: string): string => `${region}/${name}`;

/** A plan and the live state it was made from (absent when the cluster could not be read). */
interface Checked {
  plan: ClusterPlan;
  live?: LiveCluster;
}

/** What the clusters of one plan share: region-wide stack listings, role and policy reads. */
interface RunLookups {
  stackListings: Map<string, Promise<LiveStack[]>>;
  roleLookups: Map<string, Promise<LiveRole | null | undefined>>;
  policies: PolicyLookups;
}

/** Access denied, an unreachable endpoint…: the plan for this cluster says why, others go on. */
function unreadable(spec: ClusterSpec, error: unknown): LiveClusterMissing {
  const { reason, hint } = explainReadFailure(error, spec.region, process.env);
  return { name: spec.name, region: spec.region, missing: true, reason, ...(hint ? { hint } : {}) };
}

export interface EngineOptions {
  /** In-flight AWS requests across the whole run. */
  concurrency: number;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * Many accounts: the identity one cluster's calls use (each role's clients and watchers are its
   * own); undefined for a cluster = `credentials`.
   */
  identityOf?(cluster: string, region: string): Identity | undefined;
  log(line: string): void;
}

export class Engine {
  private readonly pool: ClientPool;
  private readonly watchers = new Map<string, { stacks: StackWatcher; addons: AddonWatcher }>();
  /** Stack outputs seen by the last plan, per cluster: apply starts from them instead of re-reading. */
  private readonly knownOutputs = new Map<string, Map<string, Record<string, string>>>();
  /** Each cluster's Kubernetes API (from the plan's DescribeCluster), opened on first use. */
  private readonly kubeEndpoints = new Map<string, { server: string; caData: string }>();
  private readonly kubeSessions = new Map<string, KubeSession>();
  private readonly callers = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: EngineOptions) {
    this.pool = new ClientPool({
      concurrency: options.concurrency,
      credentials: options.credentials,
    });
  }

  /** The clients a cluster's calls go through, in `region` (its own, or another it is looked for in). */
  private clientsOf(cluster: string, region: string): AwsClients {
    return this.pool.get(region, this.options.identityOf?.(cluster, region));
  }

  /** One stack watcher (shared polls) and one add-on watcher per region and identity. */
  private watchersOf(
    cluster: string,
    region: string,
  ): { stacks: StackWatcher; addons: AddonWatcher } {
    const key = `${this.options.identityOf?.(cluster, region)?.key ?? ''}\n${region}`;
    let watchers = this.watchers.get(key);
    if (!watchers) {
      const clients = this.clientsOf(cluster, region);
      watchers = {
        stacks: new StackWatcher(clients.cloudformation),
        addons: new AddonWatcher(clients.eks),
      };
      this.watchers.set(key, watchers);
    }
    return watchers;
  }

  /** The cluster's Kubernetes session, made once per run from the endpoint its plan read. */
  private kubeSession(cluster: string, region: string): KubeSession {
    const key = clusterKey(cluster, region);
    let session = this.kubeSessions.get(key);
    if (!session) {
      const endpoint = this.kubeEndpoints.get(key);
      if (!endpoint)
        throw new Error(`the Kubernetes endpoint of cluster "${cluster}" was not read`);
      const clients: AwsClients = this.clientsOf(cluster, region);
      session = new KubeSession(
        { cluster, region, ...endpoint },
        {
          credentials: () => clients.sts.config.credentials(),
          stsEndpoint: () => stsEndpoint(clients),
          timeoutMs: httpTimeouts().requestMs,
        },
      );
      this.kubeSessions.set(key, session);
    }
    return session;
  }

  /** Reads every cluster (in parallel) and plans it. A cluster that cannot be read gets a plan error. */
  async plan(state: DesiredState, options: PlanOptions): Promise<Plan> {
    // Listings and reads are shared by the clusters one identity reaches (another account's, or
    // another role's, may answer differently).
    const byIdentity = new Map<string, RunLookups>();
    const lookupsOf = (spec: ClusterSpec): RunLookups => {
      const key = this.options.identityOf?.(spec.name, spec.region)?.key ?? '';
      let lookups = byIdentity.get(key);
      if (!lookups) {
        lookups = {
          stackListings: new Map(),
          roleLookups: new Map(),
          policies: newPolicyLookups(),
        };
        byIdentity.set(key, lookups);
      }
      return lookups;
    };
    const clusters = await Promise.all(
      state.clusters.map(async (spec): Promise<ClusterPlan> => {
        const lookups = lookupsOf(spec);
        const live = await this.read(spec, lookups, options);
        if ('missing' in live) return planCluster(spec, live, options);
        const outputs = new Map(live.stacks.map((s) => [s.stackName, s.outputs]));
        this.knownOutputs.set(clusterKey(spec.name, spec.region), outputs);
        const checked = await this.planCheckingPolicies(spec, live, lookups.policies, options);
        return this.planCheckingKubernetesAccess(spec, checked, options);
      }),
    );
    return { version: 1, clusters };
  }

  /**
   * Plans, then reads the policies the roles it creates or updates would attach (only those reach
   * IAM at apply time, and only the plan knows which roles change) and plans again when one of them
   * is a problem; the second plan differs from the first only by those problems.
   */
  private async planCheckingPolicies(
    spec: ClusterSpec,
    live: LiveCluster,
    lookups: PolicyLookups,
    options: PlanOptions,
  ): Promise<Checked> {
    const first = planCluster(spec, live, options);
    const arns = policyArnsToRead(first, live);
    if (arns.length === 0) return { plan: first, live };
    let read: Awaited<ReturnType<typeof readPolicies>>;
    try {
      read = await readPolicies(this.clientsOf(spec.name, spec.region).iam, arns, lookups);
    } catch (error) {
      return { plan: planCluster(spec, unreadable(spec, error), options) };
    }
    if (Object.values(read.policies).every((status) => status === 'attachable'))
      return { plan: first, live };
    const policies = { ...live.policies, ...read.policies };
    const reread = { ...live, ...read, policies };
    return { plan: planCluster(spec, reread, options), live: reread };
  }

  /**
   * Asks the API server whether this identity may make the plan's Kubernetes changes (only the
   * plan knows which), and plans again when one is denied: an apply then fails before any change.
   */
  private async planCheckingKubernetesAccess(
    spec: ClusterSpec,
    checked: Checked,
    options: PlanOptions,
  ): Promise<ClusterPlan> {
    const { plan, live } = checked;
    if (!live || !options.kubernetesAccess || plan.errors.length > 0) return plan;
    const wanted = kubernetesPermissions(plan.tasks);
    if (wanted.length === 0) return plan;
    const kubernetes = live.kubernetes ?? { namespaces: {}, serviceAccounts: [] };
    let access;
    try {
      access = await checkKubernetesAccess(this.kubeSession(spec.name, spec.region), wanted);
    } catch (error) {
      const failure = { kind: 'error' as const, message: errorMessage(error) };
      return planCluster(spec, { ...live, kubernetes: { ...kubernetes, failure } }, options);
    }
    if (access.every((a) => a.allowed)) return plan;
    const principal = await this.callerOf(spec);
    const withAccess = { ...kubernetes, access, ...(principal ? { principal } : {}) };
    return planCluster(spec, { ...live, kubernetes: withAccess }, options);
  }

  /**
   * The ARN of the identity a cluster's calls use, asked of STS once per identity: only error paths
   * need it (a cluster not found, Kubernetes access refused), and a wrong role fails every cluster.
   */
  private callerOf(spec: Pick<ClusterSpec, 'name' | 'region'>): Promise<string | undefined> {
    const key = this.options.identityOf?.(spec.name, spec.region)?.key ?? '';
    let caller = this.callers.get(key);
    if (!caller) {
      caller = callerArn(this.clientsOf(spec.name, spec.region).sts);
      this.callers.set(key, caller);
    }
    return caller;
  }

  /** Remembers where the cluster's API server is (for the apply too) and opens a session on it. */
  private openKubernetes(
    spec: Pick<ClusterSpec, 'name' | 'region'>,
    info: ClusterInfo,
  ): (() => KubeSession) | undefined {
    if (!info.endpoint || !info.certificateAuthority) return undefined;
    this.kubeEndpoints.set(clusterKey(spec.name, spec.region), {
      server: info.endpoint,
      caData: info.certificateAuthority,
    });
    return () => this.kubeSession(spec.name, spec.region);
  }

  private async read(
    spec: ClusterSpec,
    lookups: RunLookups,
    options: PlanOptions,
  ): Promise<LiveCluster | LiveClusterMissing> {
    const watchers = this.watchersOf(spec.name, spec.region);
    try {
      const live = await readClusterState(spec, {
        clients: this.clientsOf(spec.name, spec.region),
        watcher: watchers.stacks,
        addonWatcher: watchers.addons,
        describeOthers: options.prune !== 'none',
        kubernetes: {
          namespaces: (associations) =>
            namespacesToRead(spec.podIdentityAssociations, associations, options),
          session: (info) => this.openKubernetes(spec, info),
          whoAmI: () => this.callerOf(spec),
        },
        stackListings: lookups.stackListings,
        roleLookups: lookups.roleLookups,
        log: (line) => this.options.log(`[${spec.name}] ${line}`),
      });
      if (!('missing' in live) || !live.notFound) return live;
      // Only for a cluster not found: where else it is, and which account was searched.
      const [foundInRegion, caller] = await Promise.all([
        this.defaultRegionHolding(spec),
        this.callerOf(spec),
      ]);
      const account = caller ? accountFromArn(caller) : undefined;
      return {
        ...live,
        notFound: {
          ...live.notFound,
          ...(foundInRegion ? { foundInRegion } : {}),
          ...(account ? { account } : {}),
        },
      };
    } catch (error) {
      return unreadable(spec, error);
    }
  }

  /**
   * A region mismatch: the credentials' default region (AWS_REGION, the profile's) when it is not
   * the file's and the cluster is there. One DescribeCluster, only for a cluster not found.
   */
  private async defaultRegionHolding(spec: ClusterSpec): Promise<string | undefined> {
    const region = process.env.AWS_REGION || (await profileRegion());
    if (!region || region === spec.region) return undefined;
    const found = await describeCluster(this.clientsOf(spec.name, region).eks, spec.name).catch(
      () => undefined,
    );
    return found ? region : undefined;
  }

  /** What the cluster runs on IRSA, for migration (read-only). */
  async readIrsa(cluster: string, region: string): Promise<LiveIrsa> {
    return readIrsa(cluster, region, {
      clients: this.clientsOf(cluster, region),
      kubernetes: (info) => this.openKubernetes({ name: cluster, region }, info),
    });
  }

  /** Applies every cluster without plan errors, clusters in parallel. */
  async apply(plan: Plan): Promise<ClusterApplyResult[]> {
    return Promise.all(
      plan.clusters
        .filter((c) => c.errors.length === 0 && c.tasks.length > 0)
        .map((clusterPlan) =>
          applyClusterPlan(clusterPlan, {
            context: {
              clients: this.clientsOf(clusterPlan.cluster, clusterPlan.region),
              watcher: this.watchersOf(clusterPlan.cluster, clusterPlan.region).stacks,
              addonWatcher: this.watchersOf(clusterPlan.cluster, clusterPlan.region).addons,
              kubernetes: () => this.kubeSession(clusterPlan.cluster, clusterPlan.region),
              outputs: new Map(
                this.knownOutputs.get(clusterKey(clusterPlan.cluster, clusterPlan.region)),
              ),
              log: (line) => this.options.log(`[${clusterPlan.cluster}] ${line}`),
            },
            progress: (line) => this.options.log(`[${clusterPlan.cluster}] ${line}`),
          }),
        ),
    );
  }

  close(): void {
    this.pool.destroy();
  }
}
