// The job summary of the action's `mode: migrate`: per config file, what discovery found on the
// cluster (eksctl's lines), what the rewrite moved to pod identity and what stays on IRSA.

import type { MigrationLogLine } from '../plan/migration-discovery.js';
import { escapeMarkdown } from './escape.js';

export interface MigratedFile {
  file: string;
  cluster: string;
  region: string;
  found: readonly MigrationLogLine[];
  changes: readonly string[];
  kept: readonly string[];
}

const items = (lines: readonly string[]): string[] => lines.map((l) => `- ${escapeMarkdown(l)}`);

export function renderMigrateSummary(files: readonly MigratedFile[]): string {
  const changed = files.filter((f) => f.changes.length > 0);
  const out = ['## podid migrate: IRSA to pod identity', ''];
  for (const f of files) {
    out.push(
      `### ${escapeMarkdown(f.file)}: cluster ${escapeMarkdown(f.cluster)} (${escapeMarkdown(f.region)})`,
      '',
    );
    if (f.found.length > 0) {
      out.push(
        'Found on the cluster:',
        '',
        ...items(f.found.map((l) => (l.warning ? `⚠️ ${l.line}` : l.line))),
        '',
      );
    }
    if (f.changes.length > 0) out.push('Rewritten:', '', ...items(f.changes), '');
    else out.push('Nothing to rewrite: the file is already in pod identity form.', '');
    if (f.kept.length > 0) out.push('Left on IRSA:', '', ...items(f.kept), '');
  }
  out.push(
    changed.length > 0
      ? `${changed.length} file(s) rewritten (output \`changed-files\`): open a pull request and review the migrate tasks in its plan comment; nothing was changed in AWS.`
      : 'No file changed; nothing was changed in AWS.',
  );
  return `${out.join('\n')}\n`;
}
