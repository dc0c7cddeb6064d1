// The review binding tried as an attacker would (issue 12): GitHub failing during the look-up, a
// comment forged by someone who may edit it, a merge of a head nobody planned, a comment GitHub
// refuses, and unsafe modes. dist/index.js against the emulator; nothing refused may touch AWS.

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeletePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  bodySha,
  decodeHeader,
  encodeHeader,
  planFingerprint,
  visibleBody,
} from '../../src/review/marker.js';
import { mixedEntries, seedCluster, writeClusterConfig } from './harness.js';
import {
  REPO,
  actionJobs,
  associateByHand,
  awsCallLog,
  mixedWorkspace,
  createDocumentedRoles,
  isOurs,
  listComments,
  postComment,
  registerPull,
  tempWorkspace,
  type PullRequestSpec,
} from './action-harness.js';

const env = withEmulator();

const { lastSeq, awsMutationsSince } = awsCallLog(env);

const PR: PullRequestSpec = { number: 21, headSha: 'a'.repeat(40) };
const MERGE_SHA = 'b'.repeat(40);
const merged = { ...PR, mergeCommitSha: MERGE_SHA, merged: true };

const setup = (count?: number) => mixedWorkspace(env, count);

const jobs = actionJobs(env, PR, MERGE_SHA);

/** The PR planned (the comment reviewed) and merged; its apply job not yet run. */
async function reviewedAndMerged() {
  await registerPull(env, PR);
  const setUp = await setup();
  expect((await jobs.planRun(setUp.workspace)).code).toBe(0);
  await registerPull(env, merged);
  return setUp;
}
const planRun = (workspace: string, pr = PR, inputs: Record<string, string> = {}) =>
  jobs.planRun(workspace, pr, { inputs });
const applyRun = (workspace: string, inputs: Record<string, string> = {}) =>
  jobs.applyRun(workspace, { inputs });

const githubFault = (operation: string, status: number, message: string, times?: number) =>
  env.admin('POST', 'faults', {
    rules: [
      {
        service: 'github',
        operation,
        error: { status, code: 'Fault', message },
        ...(times ? { times } : {}),
      },
    ],
  });

async function patchComment(id: number, body: string, token: string): Promise<void> {
  const res = await fetch(`${env.url}/repos/${REPO}/issues/comments/${id}`, {
    method: 'PATCH',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  });
  if (!res.ok) throw new Error(`patch comment: ${res.status} ${await res.text()}`);
}

describe('review look-ups fail closed', () => {
  it('retries one 502 on the pull request look-up and one rate limit on the comments, then applies', async () => {
    const { workspace } = await reviewedAndMerged();
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'github',
          operation: 'repos.listPullRequestsAssociatedWithCommit',
          error: { status: 502, code: 'BadGateway', message: 'Server Error' },
          times: 1,
        },
        {
          service: 'github',
          operation: 'issues.listComments',
          error: {
            status: 403,
            code: 'Forbidden',
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes.',
          },
          times: 1,
        },
      ],
    });
    const apply = await applyRun(workspace);
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.stdout).toContain('The recomputed plan is the reviewed plan');
  }, 60_000);

  it('refuses with review-lookup-failed when GitHub keeps failing, even with require-reviewed-plan: false', async () => {
    const { workspace } = await reviewedAndMerged();
    await githubFault('repos.listPullRequestsAssociatedWithCommit', 502, 'Server Error');
    const before = await lastSeq();
    const apply = await applyRun(workspace, { 'require-reviewed-plan': 'false' });
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('review-lookup-failed');
    expect(apply.stdout).toContain('HTTP 502 Server Error (after 4 attempts)');
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);
});

describe('a review counts only from a comment nobody else edited', () => {
  it('refuses a comment whose header a collaborator rewrote for another plan', async () => {
    await env.admin('POST', 'github/tokens', { token: 'mallory-pat', user: 'mallory' });
    await registerPull(env, PR);
    const { workspace, entries } = await setup();
    // Reviewers see the plan of the first commit…
    const reviewed = await planRun(workspace);
    expect(reviewed.code).toBe(0);
    const [shown] = (await listComments(env.url, PR.number)).filter(isOurs);
    // …the config then loses an association (prune would delete it), and the plan job rewrites
    // the comment for it; the collaborator puts the old text back under the new header.
    writeClusterConfig(entries.slice(1), { dir: workspace });
    expect((await planRun(workspace)).code).toBe(0);
    const [rewritten] = (await listComments(env.url, PR.number)).filter(isOurs);
    const header = decodeHeader(rewritten.body)!;
    const oldText = visibleBody(shown.body);
    const forged = `${encodeHeader({ ...header, bodySha: bodySha(oldText) })}\n${oldText}`;
    await patchComment(rewritten.id, forged, 'mallory-pat');
    await registerPull(env, merged);

    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(apply.stdout).toContain('the plan comment was edited by mallory');
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);

  it('the next plan run replaces a comment someone else edited, and that new comment is a review', async () => {
    await env.admin('POST', 'github/tokens', { token: 'mallory-pat', user: 'mallory' });
    await registerPull(env, PR);
    const { workspace } = await setup();
    const first = await planRun(workspace);
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    await patchComment(ours.id, `${ours.body} `, 'mallory-pat');
    const again = await planRun(workspace);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was edited by mallory; it is deleted');
    const now = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(now.map((c) => c.id)).not.toContain(Number(first.outputs['comment-id']));
    expect(now).toHaveLength(1);
    await registerPull(env, merged);
    expect((await applyRun(workspace)).code).toBe(0);
  }, 60_000);

  it('the action updating its own comment (plan re-runs, apply results) keeps it a review', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    expect((await planRun(workspace)).code).toBe(0);
    expect((await planRun(workspace)).code).toBe(0);
    await registerPull(env, merged);
    const apply = await applyRun(workspace);
    expect(apply.code, apply.stdout).toBe(0);
  }, 60_000);
});

describe('the review binds the pull request head that was merged', () => {
  it('refuses as plan-stale a merge whose last push was never planned', async () => {
    await registerPull(env, PR);
    const { workspace, entries } = await setup();
    expect((await planRun(workspace)).code).toBe(0);
    // A push after review drops one task; the plan job never runs for it (cancelled, skipped).
    writeClusterConfig(entries.slice(1), { dir: workspace });
    const repushed = { ...merged, headSha: 'd'.repeat(40) };
    await registerPull(env, repushed);
    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-stale');
    expect(apply.stdout).toContain(
      `the plan comment was written for commit ${'a'.repeat(12)}, but the pull request was merged at head ${'d'.repeat(12)}`,
    );
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);
});

describe('the review was given before the merge, once', () => {
  it('a plan job re-run after the merge writes no review: the apply it would unlock is refused', async () => {
    const { workspace, entries } = await reviewedAndMerged();
    // The live state moves: the reviewed plan is refused, as it should be…
    const odd = entries[1];
    await associateByHand(env, odd, 'user-app-0003');
    expect((await applyRun(workspace)).outputs['failure-reason']).toBe('plan-changed');
    // …and re-running the PR's plan job now (GitHub stamps times in seconds) does not make the
    // unreviewed update a review.
    await sleep(1_100);
    expect((await planRun(workspace)).code).toBe(0);
    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-stale');
    expect(apply.stdout).toContain('after the pull request was merged');
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);

  it('re-running an apply whose plan was applied in full refuses what changed since', async () => {
    const { workspace } = await reviewedAndMerged();
    expect((await applyRun(workspace)).code).toBe(0);
    // Later, something the config holds is deleted outside the repository (or a later PR
    // removed it): re-running this old apply job must not put it back unreviewed.
    const { associations } = await env.eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }),
    );
    await env.eks.send(
      new DeletePodIdentityAssociationCommand({
        clusterName: 'prod',
        associationId: associations![0].associationId,
      }),
    );
    const before = await lastSeq();
    const rerun = await applyRun(workspace);
    expect(rerun.code).toBe(1);
    expect(rerun.outputs['failure-reason']).toBe('plan-changed');
    expect(rerun.stdout).toContain('already applied in full');
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);

  it('a merge commit GitHub links to two merged pull requests is refused as ambiguous', async () => {
    const { workspace } = await reviewedAndMerged();
    await registerPull(env, {
      number: 30,
      headSha: 'e'.repeat(40),
      mergeCommitSha: MERGE_SHA,
      merged: true,
    });
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('review-lookup-failed');
    expect(apply.stdout).toContain('is the merge commit of');
  }, 60_000);
});

describe('apply mode never ends green on a cluster it could not read', () => {
  it('an unreadable cluster fails the apply instead of "nothing to apply"', async () => {
    const { workspace } = await reviewedAndMerged();
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'eks',
          operation: 'DescribeCluster',
          error: { status: 403, code: 'AccessDeniedException', message: 'denied' },
        },
      ],
    });
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('apply-failed');
    expect(apply.stdout).not.toContain('Nothing to apply');
  }, 60_000);
});

describe('a plan whose comment cannot be posted fails the plan job', () => {
  it('fails with comment-failed when GitHub refuses the comment', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    await githubFault('issues.createComment', 422, 'Validation Failed');
    const plan = await planRun(workspace);
    expect(plan.code).toBe(1);
    expect(plan.outputs['failure-reason']).toBe('comment-failed');
    expect(plan.stdout).toContain('the plan could not be posted as the pull request comment');
  }, 60_000);

  it('plans 400 clusters into one comment that GitHub accepts, and applies it on merge', async () => {
    const clusters = 400;
    const workspace = tempWorkspace();
    const { entries, userRoles } = mixedEntries(2);
    const seed = seedCluster(userRoles) as { clusters: { name: string }[] };
    seed.clusters = Array.from({ length: clusters }, (_, i) => ({
      ...seed.clusters[0],
      name: `c${String(i).padStart(3, '0')}`,
    }));
    await env.admin('POST', 'seed', seed);
    await createDocumentedRoles(env);
    for (const { name } of seed.clusters) {
      writeClusterConfig(entries, { dir: workspace, name });
    }
    await registerPull(env, PR);
    const plan = await planRun(workspace, PR, { concurrency: '50' });
    expect(plan.code, plan.stdout.slice(-2000)).toBe(0);
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(Buffer.byteLength(ours.body)).toBeLessThan(65_536);
    expect(decodeHeader(ours.body)!.reviewed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await registerPull(env, merged);
    const apply = await applyRun(workspace, { concurrency: '50' });
    expect(apply.code, apply.stdout.slice(-2000)).toBe(0);
  }, 300_000);
});

describe('a comment of the first release (header v1) after an upgrade', () => {
  /** The comment the first release wrote for this PR's plan: its records bind exactly that plan. */
  async function firstReleaseComment(workspace: string): Promise<string> {
    const run = await planRun(workspace, PR, { comment: 'false' });
    expect(run.code, run.stdout).toBe(0);
    const plan = JSON.parse(readFileSync(run.outputs['plan-json'], 'utf8')) as {
      clusters: { cluster: string; region: string; file: string; fingerprint: string; tasks: [] }[];
    };
    const visible = 'the plan, as the first release showed it\n';
    const header = {
      v: 1,
      ...{ repo: REPO, pr: PR.number, sha: PR.headSha, mode: 'plan', status: 'planned' },
      ...{ key: '*.eksctl.yaml', body: bodySha(visible), plan: planFingerprint(plan.clusters) },
      omitted: 0,
      clusters: plan.clusters.map((c) => ({
        name: c.cluster,
        region: c.region,
        file: c.file,
        fp: c.fingerprint,
      })),
    };
    return `<!-- podid-action:v1 ${JSON.stringify(header)} -->\n${visible}`;
  }

  it('is refused at apply by name, never read as a review: plan again', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    await postComment(env.url, PR.number, await firstReleaseComment(workspace));
    await registerPull(env, merged);
    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-stale');
    expect(apply.stdout).toContain(
      'the plan comment was written by another release of podid-action (header v1; this release reads v2), so its review cannot be checked; nothing was applied. Plan again: Open a new pull request',
    );
    expect(await awsMutationsSince(before)).toEqual([]);
  }, 60_000);

  it('is the sticky comment a plan run updates in place', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    await postComment(env.url, PR.number, await firstReleaseComment(workspace));
    const [old] = await listComments(env.url, PR.number);
    const plan = await planRun(workspace);
    expect(plan.code, plan.stdout).toBe(0);
    const now = await listComments(env.url, PR.number);
    expect(now.map((c) => c.id)).toEqual([old.id]);
    expect(decodeHeader(now[0].body)?.version).toBe(2);
    await registerPull(env, merged);
    expect((await applyRun(workspace)).code).toBe(0);
  }, 60_000);
});

describe('defaults that fail safe', () => {
  it('refuses mode: apply on a pull_request event before touching anything', async () => {
    const { workspace } = await setup();
    const before = await lastSeq();
    const run = await planRun(workspace, PR, { mode: 'apply' });
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('invalid-input');
    expect(run.stdout).toContain(
      'input "mode" is apply, which is refused on the pull_request event',
    );
    expect(await awsMutationsSince(before)).toEqual([]);
  });
});
