// Plan-time problems, pointed at the part of the config they are about.

import type { Problem, SourceLocation } from '../config/model.js';

export function planProblem(
  at: SourceLocation,
  path: string,
  severity: Problem['severity'],
  message: string,
  hint?: string,
): Problem {
  const { file, line, column } = at;
  return { severity, file, line, column, path, message, ...(hint ? { hint } : {}) };
}
