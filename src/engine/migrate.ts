// Migration steps shared by the CLI (`podid migrate -f`) and the action (`mode: migrate`): read what
// the file's cluster runs on IRSA and rewrite the file into its pod identity form. Read-only
// against AWS; the only write is the file, and only when asked.

import { readFile, writeFile } from 'node:fs/promises';
import { rewriteForPodIdentity } from '../config/migrate-rewrite.js';
import type { ClusterSpec } from '../config/model.js';
import type { LiveIrsa } from '../live/irsa.js';
import { decideMigration, type MigrationDecision } from '../plan/migration-discovery.js';
import { rewriteFacts } from '../plan/migration-desired.js';

/** The one engine call migration needs (the action's flows see the engine through an interface). */
export interface IrsaReader {
  readIrsa(cluster: string, region: string): Promise<LiveIrsa>;
}

export interface Discovered {
  irsa: LiveIrsa;
  decision: MigrationDecision;
}

export async function discoverMigration(
  engine: IrsaReader,
  cluster: string,
  region: string,
): Promise<Discovered> {
  const irsa = await engine.readIrsa(cluster, region);
  return { irsa, decision: decideMigration(irsa) };
}

export interface FileMigration extends Discovered {
  file: string;
  changed: boolean;
  changes: string[];
  kept: string[];
}

/**
 * Discovers the file's cluster and rewrites the file (in place only with `write`); `path` is where
 * the file is when `spec.file` is relative to another directory (the action's workspace).
 */
export async function migrateConfigFile(
  engine: IrsaReader,
  spec: ClusterSpec,
  options: { write: boolean; path?: string },
): Promise<FileMigration> {
  const discovered = await discoverMigration(engine, spec.name, spec.region);
  const path = options.path ?? spec.file;
  // No IAM OIDC provider, no IRSA (eksctl stops there too): the file stays as it is.
  if (!discovered.irsa.oidcProvider) {
    return { ...discovered, file: spec.file, changed: false, changes: [], kept: [] };
  }
  const source = await readFile(path, 'utf8');
  const result = rewriteForPodIdentity(source, rewriteFacts(discovered.irsa, discovered.decision));
  const changed = result.text !== source;
  if (changed && options.write) await writeFile(path, result.text);
  return { ...discovered, file: spec.file, changed, changes: result.changes, kept: result.kept };
}
