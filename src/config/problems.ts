// How problems are printed: `file:line:col: error: message (hint)`, the form editors and CI parse.
import type { Problem } from './model.js';

export function formatProblem(p: Problem): string {
  // Line 0 marks problems about a whole file or pattern (e.g. "no file matches").
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}: ${p.severity}: ${p.message}${hint}`;
}

export function summarizeProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'no problems';
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

/** File order, then position; stable for equal positions so rule order is kept. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        a.p.line - b.p.line ||
        a.p.column - b.p.column ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
