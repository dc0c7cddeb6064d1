// The matrix fan-out as the documented workflow runs it (examples/workflows/fanout-*.yml): plan legs
// (one process of the bundle each, one cluster each) write their plan to a plan-dir of their own,
// which is "uploaded" and "downloaded" as actions/upload-artifact and download-artifact do (one
// directory per artifact), then one report process posts the comment, and apply legs apply a
// cluster each. Shared by the fan-out tests and `npm run bench`.

import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorHandle } from '../emulator/helpers.js';
import { seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  actionJobs,
  createDocumentedRoles,
  pullRequestEvent,
  registerPull,
  runAction,
  tempWorkspace,
  type ActionRun,
  type PullRequestSpec,
} from './action-harness.js';

export const clusterNames = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `c${i + 1}`);

/**
 * `n` clusters, each with the agent and one association to create (user role `app`; role `other`
 * exists for changes made by hand); the workspace holds every file.
 */
export async function fanoutWorkspace(
  env: EmulatorHandle,
  n: number,
  pr: PullRequestSpec,
  /** Associations per cluster (service accounts app, app-1, …), all with the user role `app`. */
  perCluster = 1,
  /** The clusters' names (default c1, c2, …). */
  names: string[] = clusterNames(n),
): Promise<string> {
  const seeds = names.map((name, i) => seedCluster(i === 0 ? ['app', 'other'] : [], { name }));
  await env.admin('POST', 'seed', {
    ...seeds[0],
    clusters: seeds.flatMap((s) => s.clusters),
  });
  await createDocumentedRoles(env);
  const workspace = tempWorkspace();
  for (const name of names) {
    const entries = Array.from({ length: perCluster }, (_, i) => ({
      namespace: 'apps',
      serviceAccountName: i === 0 ? 'app' : `app-${i}`,
      roleARN: userRoleArn('app'),
    }));
    writeClusterConfig(entries, { name, dir: workspace });
  }
  await registerPull(env, pr);
  return workspace;
}

export function fanoutJobs(env: EmulatorHandle, pr: PullRequestSpec, mergeSha: string) {
  const jobs = actionJobs(env, pr, mergeSha);
  /** One plan leg per entry (its `clusters` input), all at once; each leg's artifact directory. */
  const planLegs = async (
    workspace: string,
    legs: string[],
    on: PullRequestSpec = pr,
  ): Promise<{ runs: ActionRun[]; artifacts: string[] }> => {
    const artifacts = legs.map(() => mkdtempSync(join(tmpdir(), 'podid-leg-')));
    const runs = await Promise.all(
      legs.map((clusters, i) =>
        jobs.planRun(workspace, on, {
          inputs: { clusters, 'plan-dir': artifacts[i] },
        }),
      ),
    );
    return { runs, artifacts };
  };
  /** download-artifact without merge-multiple: each artifact in a directory named after it. */
  const download = (artifacts: string[]): string => {
    const dir = mkdtempSync(join(tmpdir(), 'podid-download-'));
    artifacts.forEach((a, i) => {
      mkdirSync(join(dir, `podid-plan-${i}`));
      cpSync(a, join(dir, `podid-plan-${i}`), { recursive: true });
    });
    return dir;
  };
  const report = (workspace: string, planDir: string): Promise<ActionRun> =>
    runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(pr),
      workspace,
      sha: 'c'.repeat(40),
      inputs: { mode: 'report', 'plan-dir': planDir, 'role-to-assume': '' },
    });
  /** The list job: the config's clusters (the matrix), read without any AWS call. */
  const list = async (workspace: string): Promise<string[]> => {
    const run = await runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(pr),
      workspace,
      sha: 'c'.repeat(40),
      inputs: { mode: 'list', 'role-to-assume': '' },
    });
    if (run.code !== 0) throw new Error(`list job failed:\n${run.stdout}`);
    return (JSON.parse(run.outputs.clusters ?? '[]') as { name: string }[]).map((c) => c.name);
  };
  const applyLegs = (workspace: string, legs: string[]): Promise<ActionRun[]> =>
    Promise.all(legs.map((clusters) => jobs.applyRun(workspace, { inputs: { clusters } })));
  return { list, planLegs, download, report, applyLegs };
}
