// The engine shared by the CLI and the action: read live state, plan, apply.
// It owns the AWS session (clients per region, one request limiter, the stack and add-on watchers
// of each region).

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { applyClusterPlan } from '../apply/executor.js';
import { ClientPool, profileRegion } from '../aws/clients.js';
import { describeCluster } from '../aws/eks.js';
import { explainReadFailure } from '../aws/read-failure.js';
import { AddonWatcher, StackWatcher } from '../aws/waiters.js';
import type { ClusterSpec, DesiredState } from '../config/model.js';
import type { LiveCluster, LiveClusterMissing, LiveRole, LiveStack } from '../live/model.js';
import type { ClusterPlan, Plan, PlanOptions } from '../plan/model.js';
import { planCluster } from '../plan/plan-cluster.js';
import { policyArnsToRead } from '../plan/policy-checks.js';
import type { ClusterApplyResult } from '../plan/results.js';
import { newPolicyLookups, readPolicies, type PolicyLookups } from '../state/policies.js';
import { readClusterState } from '../state/read.js';

const clusterKey = (name: string, region: string): string => `${region}/${name}`;

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
  log(line: string): void;
}

export class Engine {
  private readonly pool: ClientPool;
  private readonly watchers = new Map<string, { stacks: StackWatcher; addons: AddonWatcher }>();
  /** Stack outputs seen by the last plan, per cluster: apply starts from them instead of re-reading. */
  private readonly knownOutputs = new Map<string, Map<string, Record<string, string>>>();

  constructor(private readonly options: EngineOptions) {
    this.pool = new ClientPool({
      concurrency: options.concurrency,
      credentials: options.credentials,
    });
  }

  /** One stack watcher (shared polls) and one add-on watcher per region. */
  private watchersOf(region: string): { stacks: StackWatcher; addons: AddonWatcher } {
    let watchers = this.watchers.get(region);
    if (!watchers) {
      const clients = this.pool.get(region);
      watchers = {
        stacks: new StackWatcher(clients.cloudformation),
        addons: new AddonWatcher(clients.eks),
      };
      this.watchers.set(region, watchers);
    }
    return watchers;
  }

  /** Reads every cluster (in parallel) and plans it. A cluster that cannot be read gets a plan error. */
  async plan(state: DesiredState, options: PlanOptions): Promise<Plan> {
    const lookups: RunLookups = {
      stackListings: new Map(),
      roleLookups: new Map(),
      policies: newPolicyLookups(),
    };
    const clusters = await Promise.all(
      state.clusters.map(async (spec): Promise<ClusterPlan> => {
        const live = await this.read(spec, lookups, options);
        if ('missing' in live) return planCluster(spec, live, options);
        const outputs = new Map(live.stacks.map((s) => [s.stackName, s.outputs]));
        this.knownOutputs.set(clusterKey(spec.name, spec.region), outputs);
        return this.planCheckingPolicies(spec, live, lookups.policies, options);
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
  ): Promise<ClusterPlan> {
    const first = planCluster(spec, live, options);
    const arns = policyArnsToRead(first, live);
    if (arns.length === 0) return first;
    let read: Awaited<ReturnType<typeof readPolicies>>;
    try {
      read = await readPolicies(this.pool.get(spec.region).iam, arns, lookups);
    } catch (error) {
      return planCluster(spec, unreadable(spec, error), options);
    }
    if (Object.values(read.policies).every((status) => status === 'attachable')) return first;
    const policies = { ...live.policies, ...read.policies };
    return planCluster(spec, { ...live, ...read, policies }, options);
  }

  private async read(
    spec: ClusterSpec,
    lookups: RunLookups,
    options: PlanOptions,
  ): Promise<LiveCluster | LiveClusterMissing> {
    const watchers = this.watchersOf(spec.region);
    try {
      const live = await readClusterState(spec, {
        clients: this.pool.get(spec.region),
        watcher: watchers.stacks,
        addonWatcher: watchers.addons,
        describeOthers: options.prune !== 'none',
        stackListings: lookups.stackListings,
        roleLookups: lookups.roleLookups,
        log: (line) => this.options.log(`[${spec.name}] ${line}`),
      });
      if (!('missing' in live) || !live.notFound) return live;
      const foundInRegion = await this.defaultRegionHolding(spec);
      return foundInRegion ? { ...live, notFound: { ...live.notFound, foundInRegion } } : live;
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
    const found = await describeCluster(this.pool.get(region).eks, spec.name).catch(
      () => undefined,
    );
    return found ? region : undefined;
  }

  /** Applies every cluster without plan errors, clusters in parallel. */
  async apply(plan: Plan): Promise<ClusterApplyResult[]> {
    return Promise.all(
      plan.clusters
        .filter((c) => c.errors.length === 0 && c.tasks.length > 0)
        .map((clusterPlan) =>
          applyClusterPlan(clusterPlan, {
            context: {
              clients: this.pool.get(clusterPlan.region),
              watcher: this.watchersOf(clusterPlan.region).stacks,
              addonWatcher: this.watchersOf(clusterPlan.region).addons,
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
