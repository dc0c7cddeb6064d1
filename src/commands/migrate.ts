// `podid migrate --cluster NAME`: eksctl's `utils migrate-to-pod-identity` (reference §7). Discovery
// as eksctl's, then the same planner and executor as `plan`/`apply`, shown in eksctl's words and
// task tree; applied only with --approve. Re-running finds nothing left to migrate.
// `podid migrate -f FILE --write`: the GitOps way, the file rewritten into its pod identity form.

import { Engine } from '../engine/engine.js';
import { discoverMigration, migrateConfigFile } from '../engine/migrate.js';
import type { OwnerId } from '../engine/options.js';
import { migrationPlan, migrationSpec } from '../plan/migration-desired.js';
import { MIGRATION_MESSAGES, type MigrationLogLine } from '../plan/migration-discovery.js';
import { failedTasks } from '../plan/results.js';
import { info, nothingToMigrate, renderMigrationPlan, warning } from '../render/migrate-tree.js';
import { formatProblem } from '../render/problems.js';
import { UsageError, ownerIdFlag } from './args.js';
import { loadDesired, log } from './desired.js';
import { printOut } from './output.js';
import { resolveRegion } from './region.js';

export interface MigrateClusterOptions {
  cluster: string;
  region: string;
  removeOidcTrust: boolean;
  approve: boolean;
  owner: OwnerId;
  concurrency: number;
}

const say = (line: string): void => printOut(`${line}\n`);
const eksctlLine = (l: MigrationLogLine): string => (l.warning ? warning(l.line) : info(l.line));

export async function migrateCluster(options: MigrateClusterOptions): Promise<number> {
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const { irsa, decision } = await discoverMigration(engine, options.cluster, options.region);
    for (const l of decision.log) say(eksctlLine(l));
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
      for (const e of cluster.errors) log(formatProblem(e));
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
      // eksctl joins every failed task's error into one `Error:`; a re-run converges.
      for (const t of failed) log(`Error: ${t.description}: ${t.message ?? 'failed'}`);
      return 1;
    }
    say(info(MIGRATION_MESSAGES.allCompleted));
    return 0;
  } finally {
    engine.close();
  }
}

export interface MigrateFileOptions {
  file: string;
  write: boolean;
  concurrency: number;
}

/** Rewrites the file (with --write) or shows what it would change; discovery lines go to stderr. */
export async function migrateFile(options: MigrateFileOptions): Promise<number> {
  const state = await loadDesired([options.file]);
  if (!state) return 1;
  if (state.clusters.length !== 1) {
    throw new UsageError(
      `-f must name one ClusterConfig file; "${options.file}" matched ${state.clusters.length}`,
    );
  }
  const engine = new Engine({ concurrency: options.concurrency, log });
  try {
    const result = await migrateConfigFile(engine, state.clusters[0], { write: options.write });
    for (const l of result.decision.log) log(eksctlLine(l));
    for (const change of result.changes) say(`${result.file}: ${change}`);
    for (const kept of result.kept) say(`${result.file}: kept: ${kept}`);
    if (!result.changed) say(`${result.file}: nothing to migrate; the file is unchanged`);
    else if (options.write) {
      say(
        `wrote ${result.file}: ${result.changes.length} change(s); open a pull request and review the migrate tasks in its plan`,
      );
    } else say(`${result.file} not written: run again with --write to rewrite it`);
    return 0;
  } finally {
    engine.close();
  }
}

export interface MigrateCommandOptions {
  file?: string;
  write: boolean;
  cluster?: string;
  region?: string;
  removeOidcTrust: boolean;
  approve: boolean;
  ownerId?: string;
  concurrency: number;
}

/** Either form, never a mix: the flags of one make no sense with the other. */
export async function migrateCommand(options: MigrateCommandOptions): Promise<number> {
  if (options.file) {
    const clusterOnly = [
      ['--cluster', options.cluster],
      ['--region', options.region],
      ['--approve', options.approve],
      ['--remove-oidc-provider-trust-relationship', options.removeOidcTrust],
    ].find(([, v]) => v);
    if (clusterOnly) {
      throw new UsageError(
        `cannot use ${clusterOnly[0]} with -f: -f rewrites the file, the plan and apply of it migrate the cluster`,
      );
    }
    return migrateFile({
      file: options.file,
      write: options.write,
      concurrency: options.concurrency,
    });
  }
  if (options.write) throw new UsageError('--write needs -f FILE (the config file to rewrite)');
  if (!options.cluster) throw new UsageError('--cluster must be set (or -f FILE --write)');
  return migrateCluster({
    cluster: options.cluster,
    region: await resolveRegion(options.region),
    removeOidcTrust: options.removeOidcTrust,
    approve: options.approve,
    owner: ownerIdFlag(options.ownerId),
    concurrency: options.concurrency,
  });
}
