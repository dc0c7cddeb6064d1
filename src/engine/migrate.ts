// Migration steps shared by the CLI (`podid migrate -f`) and the action (`mode: migrate`): read what
// the file's cluster runs on IRSA and rewrite the file into its pod identity form. Read-only
// against AWS; the only write is the file, and only when asked.

import { readFile, writeFile } from 'node:fs/promises';
import { rewriteForPodIdentity } from '../config/migrate-rewrite.js';
import type { ClusterSpec } from '../config/model.js';
import type { LiveIrsa } from '../live/irsa.js';
import { decideMigration, type MigrationDecision } from '../plan/migration-discovery.js';
import { rewriteFacts } from '../plan/migration-desired.js';
import type { Engine } from './engine.js';

export interface Discovered {
  irsa: LiveIrsa;
  decision: MigrationDecision;
}

export async function discoverMigration(
  engine: Engine,
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

/** Discovers the file's cluster and rewrites the file (in place only with `write`). */
export async function migrateConfigFile(
  engine: Engine,
  spec: ClusterSpec,
  options: { write: boolean },
): Promise<FileMigration> {
  const discovered = await discoverMigration(engine, spec.name, spec.region);
  const source = await readFile(spec.file, 'utf8');
  const result = rewriteForPodIdentity(source, rewriteFacts(discovered.irsa, discovered.decision));
  const changed = result.text !== source;
  if (changed && options.write) await writeFile(spec.file, result.text);
  return { ...discovered, file: spec.file, changed, changes: result.changes, kept: result.kept };
}
