// The first step of every mode: load and validate the config; each problem becomes an annotation on
// its file and line, and the `clusters` output lists what was found.

import type { Problem } from '../config/model.js';
import type { DesiredState } from '../config/model.js';
import { notManagedWarnings } from '../config/not-managed.js';
import { summarizeProblems } from '../render/problems.js';
import { clustersOutput, Outputs } from './outputs.js';
import { failed, succeeded, type RunContext, type RunOutcome } from './run-context.js';

export async function loadConfig(
  ctx: RunContext,
): Promise<{ state?: DesiredState; problems: readonly Problem[] }> {
  const { io, settings } = ctx;
  const result = await ctx.loadConfig(settings.configPatterns, settings.workspace);
  const notManaged = (result.state?.clusters ?? []).flatMap(notManagedWarnings);
  for (const p of [...result.problems, ...notManaged]) {
    const annotation = {
      title:
        p.severity === 'error'
          ? 'Invalid eksctl ClusterConfig'
          : notManaged.includes(p)
            ? 'Not managed by podid-action'
            : 'eksctl ClusterConfig warning',
      file: p.file,
      ...(p.line > 0 ? { startLine: p.line, startColumn: p.column } : {}),
    };
    const message = `${p.message}${p.hint ? ` (${p.hint})` : ''}`;
    if (p.severity === 'error') io.error(message, annotation);
    else io.warning(message, annotation);
  }
  if (result.problems.length > 0) io.info(`config: ${summarizeProblems(result.problems)}`);
  if (!result.state) return { problems: result.problems };
  // The output lists every configured cluster (for a matrix), whatever this run is limited to.
  io.setOutput(Outputs.clusters, clustersOutput(result.state));
  io.info(
    `config: ${result.state.clusters.length} cluster(s) from ${settings.configPatterns.join(', ')}`,
  );
  if (settings.clusters.length === 0) return { state: result.state, problems: result.problems };
  const selected = selectClusters(result.state, settings.clusters);
  if ('problem' in selected) {
    io.error(selected.problem.message, { title: 'Invalid input "clusters"' });
    return { problems: [...result.problems, selected.problem] };
  }
  io.info(`clusters: limited to ${settings.clusters.join(', ')} (input clusters)`);
  return { state: selected.state, problems: result.problems };
}

/** `list` mode: the config read and the `clusters` output set, for a matrix; no AWS call. */
export async function listFlow(ctx: RunContext): Promise<RunOutcome> {
  const { state, problems } = await loadConfig(ctx);
  return state ? succeeded : failed('invalid-config', invalidConfigMessage(problems));
}

/** The clusters the `clusters` input names; a name no config file declares is an error. */
function selectClusters(
  state: DesiredState,
  names: readonly string[],
): { state: DesiredState } | { problem: Problem } {
  const known = state.clusters.map((c) => c.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    const message = `input "clusters" names ${unknown.map((n) => `"${n}"`).join(', ')}, which no config file declares (found: ${known.join(', ') || 'none'})`;
    return {
      problem: { severity: 'error', file: 'action input clusters', line: 0, column: 0, message },
    };
  }
  return { state: { clusters: state.clusters.filter((c) => names.includes(c.name)) } };
}

/** The step's failure message for config problems: each is already an annotation of its own. */
export const invalidConfigMessage = (problems: readonly Problem[] | undefined): string =>
  `the configuration is invalid: ${summarizeProblems([...(problems ?? [])])}; see the annotations on the files`;
