// `podid migrate --cluster NAME`: eksctl's `utils migrate-to-pod-identity` (reference §7). Discovery
// as eksctl's, then the same planner and executor as `plan`/`apply`, shown in eksctl's words and
// task tree; applied only with --approve. Re-running finds nothing left to migrate.

import { Engine } from '../engine/engine.js';
import type { OwnerId } from '../engine/options.js';
import { decideMigration } from '../plan/migration-discovery.js';
import { migrationPlan, migrationSpec } from '../plan/migration-desired.js';
import { MIGRATION_MESSAGES } from '../plan/migration-discovery.js';
import { failedTasks } from '../plan/results.js';
import { info, nothingToMigrate, renderMigrationPlan, warning } from '../render/migrate-tree.js';
import { formatProblem } from '../render/problems.js';
import { log } from './desired.js';
import { printOut } from './output.js';

export interface MigrateClusterOptions {
  cluster: string;
  region: string;
  removeOidcTrust: boolean;
  approve: boolean;
  owner: OwnerId;
  concurrency: number;
}

const say = (line: string): void => printOut(`${line}\n`);

export async function migrateCluster(options: MigrateClusterOptions): Promise<number> {
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const irsa = await engine.readIrsa(options.cluster, options.region);
    const decision = decideMigration(irsa);
    for (const l of decision.log) say(l.warning ? warning(l.line) : info(l.line));
    if (!irsa.oidcProvider) return 0;
    if (decision.serviceAccounts.length + decision.addons.length === 0) {
      say(info(MIGRATION_MESSAGES.nothingToMigrate));
      return 0;
    }
    const spec = migrationSpec({ ...irsa, ...decision });
    const plan = await engine.plan(
      { clusters: [spec] },
      {
        prune: 'none',
        ownerId: options.owner.id,
        salt: '',
        removeOidcTrust: options.removeOidcTrust,
        kubernetesAccess: options.approve ? 'required' : 'advisory',
      },
    );
    const cluster = migrationPlan(plan.clusters[0]);
    for (const w of cluster.warnings) say(warning(formatProblem(w)));
    if (cluster.errors.length > 0) {
      for (const e of cluster.errors) say(`Error: ${formatProblem(e)}`);
      return 1;
    }
    // Everything found is already on pod identity (a second run): eksctl's "nothing" line.
    if (nothingToMigrate(cluster)) {
      say(info(MIGRATION_MESSAGES.nothingToMigrate));
      return 0;
    }
    printOut(renderMigrationPlan(cluster, { approve: options.approve }));
    if (!options.approve) return 0;
    const results = await engine.apply({ version: 1, clusters: [cluster] });
    if (failedTasks(results) > 0) {
      const failed = results.flatMap((r) => r.results.filter((t) => t.status === 'failed'));
      for (const t of failed) say(`Error: ${t.description}: ${t.message ?? 'failed'}`);
      return 1;
    }
    say(info(MIGRATION_MESSAGES.allCompleted));
    return 0;
  } finally {
    engine.close();
  }
}
