// `mode: migrate` (for workflow_dispatch): each config file's cluster is read for IRSA with the
// (read-only) role, and the file rewritten in the workspace into its pod identity form. The summary
// says what was found and changed, the `changed-files` output lists the files for the next step
// (e.g. a create-pull-request action). Never a mutating AWS call: the pull request's plan and
// merge do the migration.

import { resolve } from 'node:path';
import { migrateConfigFile } from '../engine/migrate.js';
import { renderMigrateSummary, type MigratedFile } from '../render/migrate-summary.js';
import { invalidConfigMessage, loadConfig } from './config-step.js';
import { Outputs } from './outputs.js';
import { credentialsFor, isCredentialsError } from './plan-step.js';
import { failed, succeeded, type RunContext, type RunOutcome } from './run-context.js';

export async function migrateFlow(ctx: RunContext): Promise<RunOutcome> {
  const { io, settings } = ctx;
  io.setOutput(Outputs.changedFiles, '');
  const { state, problems } = await loadConfig(ctx);
  if (!state) return failed('invalid-config', invalidConfigMessage(problems));
  let credentials;
  try {
    credentials = await credentialsFor(ctx, state);
  } catch (error) {
    if (!isCredentialsError(error)) throw error;
    return failed('credentials', error.message);
  }
  const engine = ctx.createEngine(credentials);
  const files: MigratedFile[] = [];
  try {
    for (const spec of state.clusters) {
      const result = await io.group(`Migrate ${spec.file} (cluster ${spec.name})`, async () => {
        const migrated = await migrateConfigFile(engine, spec, {
          write: true,
          path: resolve(settings.workspace, spec.file),
        });
        for (const l of migrated.decision.log) io.info(`${l.warning ? '[!]' : '[ℹ]'}  ${l.line}`);
        for (const change of migrated.changes) io.info(`${spec.file}: ${change}`);
        for (const kept of migrated.kept) io.info(`${spec.file}: kept: ${kept}`);
        return migrated;
      });
      files.push({
        file: spec.file,
        cluster: spec.name,
        region: spec.region,
        found: result.decision.log,
        changes: result.changed ? result.changes : [],
        kept: result.kept,
      });
    }
  } finally {
    engine.close();
  }
  const changed = files.filter((f) => f.changes.length > 0).map((f) => f.file);
  io.setOutput(Outputs.changedFiles, changed.join('\n'));
  await io.appendSummary(renderMigrateSummary(files));
  io.info(
    changed.length > 0
      ? `migrate: ${changed.length} file(s) rewritten: ${changed.join(', ')}`
      : 'migrate: no file changed',
  );
  return succeeded;
}
