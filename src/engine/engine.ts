// The engine shared by the CLI and the action: read live state, plan, apply.
// It owns the AWS session (clients per region, one request limiter, the stack and add-on watchers
// of each region).

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { applyClusterPlan } from '../apply/executor.js';
import { ClientPool } from '../aws/clients.js';
import { errorMessage } from '../aws/errors.js';
import { AddonWatcher, StackWatcher } from '../aws/waiters.js';
import type { ClusterSpec, DesiredState } from '../config/model.js';
import type { LiveCluster, LiveClusterMissing, LiveStack } from '../live/model.js';
import type { ClusterPlan, Plan, PlanOptions } from '../plan/model.js';
import { planCluster } from '../plan/plan-cluster.js';
import type { ClusterApplyResult } from '../plan/results.js';
import { readClusterState } from '../state/read.js';

const clusterKey = (name: string, region: string): string => `${region}/${name}`;

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
    const stackListings = new Map<string, Promise<LiveStack[]>>();
    const clusters = await Promise.all(
      state.clusters.map(async (spec): Promise<ClusterPlan> => {
        const live = await this.read(spec, stackListings, options);
        if (!('missing' in live)) {
          const outputs = new Map(live.stacks.map((s) => [s.stackName, s.outputs]));
          this.knownOutputs.set(clusterKey(spec.name, spec.region), outputs);
        }
        return planCluster(spec, live, options);
      }),
    );
    return { version: 1, clusters };
  }

  private async read(
    spec: ClusterSpec,
    stackListings: Map<string, Promise<LiveStack[]>>,
    options: PlanOptions,
  ): Promise<LiveCluster | LiveClusterMissing> {
    const watchers = this.watchersOf(spec.region);
    try {
      return await readClusterState(spec, {
        clients: this.pool.get(spec.region),
        watcher: watchers.stacks,
        addonWatcher: watchers.addons,
        describeOthers: options.prune !== 'none',
        stackListings,
        log: (line) => this.options.log(`[${spec.name}] ${line}`),
      });
    } catch (error) {
      // Access denied, an unreachable endpoint…: the plan for this cluster says why, others go on.
      return {
        name: spec.name,
        region: spec.region,
        missing: true,
        reason: `could not read its live state in ${spec.region}: ${errorMessage(error)}`,
      };
    }
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
