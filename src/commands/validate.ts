// `podid validate`: read and check the files, print every problem and every field podid-action does
// not act on; no AWS call.

import { loadConfigFiles } from '../config/load.js';
import { notManagedWarnings } from '../config/not-managed.js';
import { formatProblem, summarizeProblems } from '../render/problems.js';
import { printOut } from './output.js';

export async function validateCommand(
  patterns: string[],
  output: 'text' | 'json',
): Promise<number> {
  const result = await loadConfigFiles(patterns, { confine: 'cli' });
  const errors = result.problems.filter((p) => p.severity === 'error');
  const notManaged = (result.state?.clusters ?? []).flatMap(notManagedWarnings);
  if (output === 'json') {
    printOut(`${JSON.stringify({ problems: result.problems, notManaged }, null, 2)}\n`);
  } else {
    for (const problem of [...result.problems, ...notManaged]) {
      printOut(`${formatProblem(problem)}\n`);
    }
    const files = result.state?.clusters.length;
    printOut(
      result.problems.length > 0
        ? `${summarizeProblems(result.problems)}\n`
        : `${files} file(s) valid${notManaged.length > 0 ? `; ${notManaged.length} field(s) not managed by podid-action` : ''}\n`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}
