// Matrix fan-out with one review, end to end with the bundle: plan legs (separate processes, one
// cluster each) write their plans, one report job posts the single comment binding every leg, and
// apply legs each apply their own cluster against it — a leg whose plan changed at merge is refused
// while the others apply. A report whose leg files do not make one plan is refused. At scale, the
// comment binds every one of hundreds of clusters with changes, so any leg can apply.

import { describe, expect, it } from 'vitest';
import { CreatePodIdentityAssociationCommand } from '@aws-sdk/client-eks';
import { withEmulator } from '../emulator/helpers.js';
import { HEADER_BUDGET_BYTES, decodeHeader } from '../../src/review/marker.js';
import { liveSummary } from './live.js';
import { REGION, userRoleArn } from './harness.js';
import { clusterTag } from '../../src/review/fingerprint.js';
import { isOurs, listComments, registerPull, type PullRequestSpec } from './action-harness.js';
import { clusterNames, fanoutJobs, fanoutWorkspace } from './fanout-harness.js';

const env = withEmulator();

const PR: PullRequestSpec = { number: 57, headSha: '5'.repeat(40) };
const MERGE_SHA = '6'.repeat(40);
const fan = fanoutJobs(env, PR, MERGE_SHA);
const CLUSTERS = clusterNames(3);

const ourComments = async () => (await listComments(env.url, PR.number)).filter(isOurs);

describe('matrix fan-out with one review', () => {
  it('legs → report → apply legs: one comment binds all legs; the leg whose plan changed is refused, the others apply', async () => {
    const workspace = await fanoutWorkspace(env, CLUSTERS.length, PR);
    const seq = await env.admin<{ seq: number }[]>('GET', 'calls');
    const matrix = await fan.list(workspace);
    expect(matrix).toEqual(CLUSTERS);
    // The list job reads the config only.
    expect(await env.admin('GET', `calls?since=${seq.at(-1)?.seq ?? 0}`)).toEqual([]);
    const { runs, artifacts } = await fan.planLegs(workspace, matrix);
    for (const run of runs) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain('Plan leg: wrote ');
    }
    // The legs leave the comment to the report job.
    expect(await ourComments()).toEqual([]);

    const report = await fan.report(workspace, fan.download(artifacts));
    expect(report.code, report.stdout + report.stderr).toBe(0);
    expect(report.stdout).toContain(
      `Report: ${CLUSTERS.length} cluster(s) from ${CLUSTERS.length} leg file(s).`,
    );
    const [comment, ...more] = await ourComments();
    expect(more).toEqual([]);
    const header = decodeHeader(comment.body);
    expect(header?.headSha).toBe(PR.headSha);
    expect(header?.mode).toBe('report');
    expect(header?.reviewed.clusters.map((c) => c.tag).sort()).toEqual(
      CLUSTERS.map((name) => clusterTag(REGION, name)).sort(),
    );
    expect(header?.reviewed.tasks.map((t) => `${t.name}:${t.tasks.length}`).sort()).toEqual(
      CLUSTERS.map((name) => `${name}:1`),
    );
    for (const name of CLUSTERS) expect(comment.body).toContain(name);

    // After the review, someone associates c2's service account by hand with another role: c2's
    // plan at merge is an update, not the reviewed create.
    await env.eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'c2',
        namespace: 'apps',
        serviceAccount: 'app',
        roleArn: userRoleArn('other'),
      }),
    );
    await registerPull(env, { ...PR, mergeCommitSha: MERGE_SHA, merged: true });
    const applies = await fan.applyLegs(workspace, CLUSTERS);
    const byCluster = Object.fromEntries(CLUSTERS.map((c, i) => [c, applies[i]]));
    for (const name of ['c1', 'c3']) {
      expect(byCluster[name].code, byCluster[name].stdout).toBe(0);
      expect(Object.keys((await liveSummary(env, name)).associations)).toEqual(['apps/app']);
    }
    expect(byCluster.c2.code).toBe(1);
    expect(byCluster.c2.outputs['failure-reason']).toBe('plan-changed');
    expect(byCluster.c2.stdout).toContain('c2');
    expect((await liveSummary(env, 'c2')).associations).toEqual({
      'apps/app': userRoleArn('other'),
    });

    // The review stays as the report wrote it; each apply leg recorded its outcome in its own comment.
    const after = await ourComments();
    expect(after.find((c) => c.id === comment.id)?.body).toBe(comment.body);
    const records = after.filter((c) => c.id !== comment.id).map((c) => decodeHeader(c.body));
    expect(records.map((h) => `${h?.key.split('clusters: ')[1]}:${h?.status}`).sort()).toEqual([
      'c1:applied',
      'c2:plan-changed',
      'c3:applied',
    ]);

    // A re-run of an applied leg finds nothing to do; it does not take another leg's record for its own.
    const again = await fan.applyLegs(workspace, ['c3']);
    expect(again[0].code, again[0].stdout).toBe(0);
    expect(again[0].stdout).toContain('Nothing to apply');
  }, 180_000);

  it('binds each of 260 clusters with changes (more than the records of the first release held): the last one applies, a changed one is refused', async () => {
    // Names as long as an organisation's, so the first release's header ran out near 210 records.
    const names = Array.from(
      { length: 260 },
      (_, i) => `team-${String(i + 1).padStart(4, '0')}-production`,
    );
    const workspace = await fanoutWorkspace(env, names.length, PR, 1, names);
    // Two legs of 130 clusters each keep the test's process count low.
    const legs = [names.slice(0, 130).join('\n'), names.slice(130).join('\n')];
    const { runs, artifacts } = await fan.planLegs(workspace, legs);
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = await fan.report(workspace, fan.download(artifacts));
    expect(report.code, report.stdout + report.stderr).toBe(0);
    const [comment] = await ourComments();
    expect(comment.body.length).toBeLessThan(65_536);
    const headerLine = comment.body.slice(0, comment.body.indexOf('\n'));
    expect(Buffer.byteLength(headerLine)).toBeLessThanOrEqual(HEADER_BUDGET_BYTES);
    expect(decodeHeader(comment.body)?.reviewed.omitted).toBe(0);

    // The last clusters in the plan's order are the ones a full header would leave out.
    const [changed, last] = names.slice(-2);
    await env.eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: changed,
        namespace: 'apps',
        serviceAccount: 'app',
        roleArn: userRoleArn('other'),
      }),
    );
    await registerPull(env, { ...PR, mergeCommitSha: MERGE_SHA, merged: true });
    const [refused, applied] = await fan.applyLegs(workspace, [changed, last]);
    expect(applied.code, applied.stdout).toBe(0);
    expect(applied.stdout).toContain('The recomputed plan is the reviewed plan');
    expect((await liveSummary(env, last)).associations).toEqual({ 'apps/app': userRoleArn('app') });
    expect(refused.code).toBe(1);
    expect(refused.outputs['failure-reason']).toBe('plan-changed');
    expect((await liveSummary(env, changed)).associations).toEqual({
      'apps/app': userRoleArn('other'),
    });
  }, 240_000);

  it("a fork's report passes with one warning, as a fork's plan does (its legs could not plan)", async () => {
    const workspace = await fanoutWorkspace(env, 2, PR);
    const fork = fanoutJobs(env, { ...PR, fork: true }, MERGE_SHA);
    const report = await fork.report(workspace, fork.download([]));
    expect(report.code, report.stdout).toBe(0);
    expect(report.stdout).toContain(
      '::warning::No plan for this pull request: it comes from a fork',
    );
    expect(await ourComments()).toEqual([]);
  }, 60_000);

  it('refuses a report whose legs planned the same cluster twice, or another head, and says which', async () => {
    const workspace = await fanoutWorkspace(env, 2, PR);
    const twice = await fan.planLegs(workspace, ['c1', 'c1\nc2']);
    const report = await fan.report(workspace, fan.download(twice.artifacts));
    expect(report.code).toBe(1);
    expect(report.outputs['failure-reason']).toBe('inconsistent-plans');
    expect(report.stdout).toMatch(/cluster "c1" \(us-west-2\) is planned twice, in .* and /);

    const older = await fan.planLegs(workspace, ['c1'], { ...PR, headSha: '4'.repeat(40) });
    const current = await fan.planLegs(workspace, ['c2']);
    const mixed = await fan.report(
      workspace,
      fan.download([...older.artifacts, ...current.artifacts]),
    );
    expect(mixed.code).toBe(1);
    expect(mixed.outputs['failure-reason']).toBe('inconsistent-plans');
    expect(mixed.stdout).toContain(
      `planned for another head commit ("${'4'.repeat(40)}", this run: "${PR.headSha}")`,
    );
    expect(mixed.stdout).toContain('cluster "c1" (us-west-2) has no plan');
    // The comment says the plan is not reviewable, so an apply finds no reviewed record.
    const [comment] = await ourComments();
    expect(decodeHeader(comment.body)?.status).toBe('plan-failed');
    expect(decodeHeader(comment.body)?.reviewed.clusters).toEqual([]);
  }, 120_000);
});
