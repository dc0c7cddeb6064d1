// Problems (config errors, plan errors and warnings) as text: the `file:line:col: error: message
// (hint)` line editors and CI parse, the count summary, and the Markdown list item.

import type { Problem } from '../config/model.js';
import { logLine } from '../lib/log-line.js';
import { escapeMarkdown } from './escape.js';

/** Line 0 marks problems about a whole file or pattern (e.g. "no file matches"). The file name is
 * anyone's choice: kept on one line, so it cannot forge the lines after it. */
const where = (p: Problem): string => {
  const file = logLine(p.file);
  return p.line > 0 ? `${file}:${p.line}:${p.column}` : file;
};

export function formatProblem(p: Problem): string {
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where(p)}: ${p.severity}: ${p.message}${hint}`;
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'no problems';
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

export interface ProblemItemStyle {
  /** Lead with ✖ or ⚠ (lists that mix errors and warnings). */
  severityIcon?: boolean;
  /** Add the field path after the position (lists under an "Errors"/"Warnings" heading). */
  withPath?: boolean;
}

/** A Markdown list item; every part is escaped. */
export function problemItem(p: Problem, style: ProblemItemStyle = {}): string {
  const icon = style.severityIcon ? `${p.severity === 'error' ? '✖' : '⚠'} ` : '';
  const path = style.withPath && p.path ? ` (${p.path})` : '';
  const hint = p.hint ? ` — hint: ${escapeMarkdown(p.hint)}` : '';
  const at = style.withPath ? `${logLine(p.file)}:${p.line}:${p.column}` : where(p);
  return `- ${icon}${escapeMarkdown(at + path)}: ${escapeMarkdown(p.message)}${hint}`;
}

/** Errors only, one `formatProblem` line each. */
export function errorLines(problems: readonly Problem[]): string {
  return problems
    .filter((p) => p.severity === 'error')
    .map(formatProblem)
    .join('\n');
}
