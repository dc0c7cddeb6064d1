// The desired state for a CLI command: load and validate the files, print every problem, and keep
// only the cluster asked for with --cluster.

import { loadConfigFiles } from '../config/load.js';
import type { DesiredState, Problem } from '../config/model.js';
import { formatProblem } from '../render/problems.js';
import { UsageError } from './args.js';
import { printErr } from './output.js';

/** Progress and problems go to stderr, so stdout carries only the command's answer. */
export const log = (line: string): void => {
  printErr(`${line}\n`);
};

/**
 * Undefined when anything is wrong (nothing touches AWS then); `onInvalid` is then told every
 * problem, after they were printed.
 */
export async function loadDesired(
  patterns: string[],
  cluster?: string,
  onInvalid?: (problems: readonly Problem[]) => void,
): Promise<DesiredState | undefined> {
  const result = await loadConfigFiles(patterns, { confine: 'cli' });
  for (const problem of result.problems) log(formatProblem(problem));
  if (!result.state) {
    onInvalid?.(result.problems);
    return undefined;
  }
  if (!cluster) return result.state;
  const clusters = result.state.clusters.filter((c) => c.name === cluster);
  if (clusters.length === 0) {
    const known = result.state.clusters.map((c) => c.name).join(', ');
    throw new UsageError(
      `no config file declares cluster "${cluster}" (found: ${known || 'none'})`,
    );
  }
  return { clusters };
}
