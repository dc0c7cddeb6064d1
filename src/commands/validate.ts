// `podid validate`: read and check the files, print every problem; no AWS call.

import { loadConfigFiles } from '../config/load.js';
import { formatProblem, summarizeProblems } from '../render/problems.js';

export async function validateCommand(
  patterns: string[],
  output: 'text' | 'json',
): Promise<number> {
  const result = await loadConfigFiles(patterns);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (output === 'json') {
    process.stdout.write(`${JSON.stringify({ problems: result.problems }, null, 2)}\n`);
  } else {
    for (const problem of result.problems) process.stdout.write(`${formatProblem(problem)}\n`);
    const files = result.state?.clusters.length;
    process.stdout.write(
      result.problems.length > 0
        ? `${summarizeProblems(result.problems)}\n`
        : `${files} file(s) valid\n`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}
