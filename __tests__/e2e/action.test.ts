// The action end to end: dist/index.js as a child process against the emulator (AWS + GitHub REST
// + OIDC). PR → one sticky comment; merge → reviewed plan applied; drift between review and merge →
// refused; forks and missing permissions degrade or fail with one actionable message.

import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, withEmulator } from '../emulator/helpers.js';
import { seedCluster, userRoleArn, writeClusterConfig } from './harness.js';
import {
  APPLY_ROLE,
  actionJobs,
  associateByHand,
  awsCallLog,
  mixedWorkspace,
  SUB_PR,
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

const PR: PullRequestSpec = { number: 12, headSha: 'a'.repeat(40) };
const MERGE_SHA = 'b'.repeat(40);

const setup = (count?: number) => mixedWorkspace(env, count);

const { planRun, applyRun } = actionJobs(env, PR, MERGE_SHA);

describe('action: pull request → sticky comment', () => {
  beforeEach(async () => {
    await registerPull(env, PR);
  });

  it('posts one comment and updates it in place, also past 100 other comments; plan mutates nothing', async () => {
    const { workspace } = await setup();
    for (let i = 0; i < 105; i++) await postComment(env.url, PR.number, `review note ${i}`);
    // Someone else posts a copy of our marker: it must never be taken for ours.
    await env.admin('POST', 'github/tokens', { token: 'ghp_mallory', user: 'mallory' });
    const forged = `<!-- podid-action:v2 {"v":2,"repo":"example-org/infra","pr":12,"sha":"x","mode":"plan","status":"planned","key":"*.eksctl.yaml","body":"","clusters":[]} -->\nlooks like a plan`;
    await postComment(env.url, PR.number, forged, 'ghp_mallory');
    const before = await lastSeq();

    const first = await planRun(workspace);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ mode: 'plan', 'has-changes': 'true', 'to-create': '6' });
    expect(JSON.parse(first.outputs.clusters)).toEqual([
      { name: 'prod', region: 'us-west-2', file: 'prod.eksctl.yaml' },
    ]);
    expect(first.outputs['plan-json']).toMatch(/podid-plan-4242\.json$/);
    expect(first.summary).toContain('create pod identity association for service account');
    expect(await awsMutationsSince(before)).toEqual([]);

    const second = await planRun(workspace);
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    const ours = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(ours).toHaveLength(1);
    expect(String(ours[0].id)).toBe(first.outputs['comment-id']);
    expect(ours[0].body).toContain('### 📋 Pod Identity plan');
    expect(ours[0].body).toContain('6 to create');
    const all = await listComments(env.url, PR.number);
    expect(all).toHaveLength(107);
    expect(all.find((c) => c.user.login === 'mallory')?.body).toBe(forged);
  });

  it('a fork PR gets a job summary and one warning, and the check stays green', async () => {
    const fork = { number: 13, headSha: 'd'.repeat(40), fork: true };
    await registerPull(env, fork);
    const { workspace } = await setup();
    // A fork's run has no id-token: the role cannot be assumed, so nothing is planned.
    const run = await planRun(workspace, fork, {
      oidcSub: undefined,
      inputs: { 'role-to-assume': APPLY_ROLE },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.match(/^::warning/gm)).toHaveLength(1);
    expect(run.stdout).toContain('comes from a fork');
    expect(run.summary).toContain('No plan was computed');
    expect((await listComments(env.url, fork.number)).filter(isOurs)).toHaveLength(0);

    // With ambient credentials (a self-hosted runner), the plan is computed but not commented.
    const ambient = await planRun(workspace, fork, {
      oidcSub: undefined,
      env: { AWS_ACCESS_KEY_ID: 'AKIAE2ETESTS00000001', AWS_SECRET_ACCESS_KEY: 'secret' },
    });
    expect(ambient.code, ambient.stdout).toBe(0);
    expect(ambient.stdout.match(/^::warning/gm)).toHaveLength(1);
    expect(ambient.stdout).toContain('No PR comment: this pull request comes from a fork');
    expect(ambient.summary).toContain('create pod identity association');
  });

  it('a PR job without id-token: write fails with the one actionable error', async () => {
    const { workspace } = await setup();
    const run = await planRun(workspace, PR, {
      oidcSub: undefined,
      inputs: { 'role-to-assume': 'arn:aws:iam::111122223333:role/podid-plan' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('credentials');
    expect(run.stdout).toContain('add `permissions: id-token: write` to the job');
    expect(run.stdout.match(/^::error/gm)).toHaveLength(1);
  });

  it('a PR run cannot assume the apply role, and says which sub it presented', async () => {
    const { workspace } = await setup();
    const run = await planRun(workspace, PR, { inputs: { 'role-to-assume': APPLY_ROLE } });
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('credentials');
    expect(run.stdout).toContain(`The token's sub is "${SUB_PR}"`);
    expect(run.stdout).toContain('repo:example-org/infra:ref:refs/heads/main');
  });

  it('keeps the comment under 60,000 bytes at 2,000 changes, the full plan in the summary', async () => {
    // IAM allows 1,000 roles per account: 2,000 associations share 100 roles.
    const roles = Array.from({ length: 100 }, (_, i) => `user-big-${i}`);
    await env.admin('POST', 'seed', seedCluster(roles));
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    writeClusterConfig(
      Array.from({ length: 2000 }, (_, i) => ({
        namespace: 'apps',
        serviceAccountName: `big-${i}`,
        roleARN: userRoleArn(roles[i % roles.length]),
      })),
      { dir: workspace },
    );
    const run = await planRun(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['to-create']).toBe('2000');
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(Buffer.byteLength(ours.body, 'utf8')).toBeLessThanOrEqual(60_000);
    expect(ours.body).toMatch(
      /… \d+ more line\(s\); full plan in the job summary: https:\/\/github\.com\/example-org\/infra\/actions\/runs\/4242/,
    );
    expect(run.summary).toContain('"apps/big-1999"');
  }, 180_000);
});

describe('action: merge → apply the reviewed plan', () => {
  const merged = { ...PR, mergeCommitSha: MERGE_SHA, merged: true };

  it('applies the reviewed plan, updates the comment, and the next plan is empty', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    const plan = await planRun(workspace);
    expect(plan.code, plan.stdout).toBe(0);
    await registerPull(env, merged);

    const apply = await applyRun(workspace);
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.mode).toBe('apply');
    expect(apply.stdout).toContain('The recomputed plan is the reviewed plan');
    const ours = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain('### ✅ Pod Identity plan applied');
    expect(ours[0].body).toContain('https://github.com/example-org/infra/actions/runs/4242');

    const next = { number: 14, headSha: 'e'.repeat(40) };
    await registerPull(env, next);
    const again = await planRun(workspace, next);
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs['has-changes']).toBe('false');
  }, 120_000);

  it('a re-run after a partly failed apply applies what is left of the reviewed plan', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    expect((await planRun(workspace)).code).toBe(0);
    await registerPull(env, merged);
    const failing = 'eksctl-prod-podidentityrole-apps-app-0000';
    await env.admin('POST', 'faults', { failingStacks: { [failing]: 'Injected: service limit' } });
    const first = await applyRun(workspace);
    expect(first.code).toBe(1);
    expect(first.outputs['failure-reason']).toBe('apply-failed');

    // The cause is fixed outside the repository; the job is re-run as it was.
    await env.admin('DELETE', 'faults');
    const rerun = await applyRun(workspace);
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.stdout).toContain('Only part of the reviewed plan is left to do');
    const next = { number: 15, headSha: 'f'.repeat(40) };
    await registerPull(env, next);
    const again = await planRun(workspace, next);
    expect(again.outputs['has-changes']).toBe('false');
  }, 120_000);

  it('refuses with plan-changed when the live state moved between review and merge', async () => {
    await registerPull(env, PR);
    const { workspace, entries } = await setup();
    expect((await planRun(workspace)).code).toBe(0);
    await registerPull(env, merged);
    // Someone creates one reviewed association by hand, with another role.
    const odd = entries[1];
    await associateByHand(env, odd, 'user-app-0003');
    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(apply.stdout).toContain(`create-association:${odd.namespace}/${odd.serviceAccountName}`);
    expect(await awsMutationsSince(before)).toEqual([]);
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(ours.body).toContain('Not applied: the plan changed since it was reviewed');
  });

  it('a re-run of a refused apply still refuses: the refusal never records the new plan as reviewed', async () => {
    await registerPull(env, PR);
    const { workspace, entries } = await setup();
    expect((await planRun(workspace)).code).toBe(0);
    await registerPull(env, merged);
    const odd = entries[3];
    await associateByHand(env, odd, 'user-app-0001');
    expect((await applyRun(workspace)).outputs['failure-reason']).toBe('plan-changed');
    const rerun = await applyRun(workspace);
    expect(rerun.code).toBe(1);
    expect(rerun.outputs['failure-reason']).toBe('plan-changed');
  });

  it('does not trust a plan comment whose text was edited after the action wrote it', async () => {
    await registerPull(env, PR);
    const { workspace } = await setup();
    const plan = await planRun(workspace);
    await registerPull(env, merged);
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    const res = await fetch(
      `${env.url}/repos/example-org/infra/issues/comments/${plan.outputs['comment-id']}`,
      {
        method: 'PATCH',
        headers: { authorization: 'token ghs_e2etoken', 'content-type': 'application/json' },
        body: JSON.stringify({ body: ours.body.replace('6 to create', '0 to create') }),
      },
    );
    expect(res.ok).toBe(true);
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(apply.stdout).toContain('was edited after the action wrote it');
  });

  it('refuses with plan-not-found by default when there is no PR, naming the way to opt out', async () => {
    const { workspace } = await setup();
    const before = await lastSeq();
    const apply = await applyRun(workspace);
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-not-found');
    expect(apply.stdout).toContain('set the input require-reviewed-plan: false');
    expect(await awsMutationsSince(before)).toEqual([]);
  });

  it('the plan role cannot mutate anything, even in apply mode', async () => {
    const { workspace } = await setup();
    const apply = await applyRun(workspace, {
      oidcSub: SUB_PR,
      inputs: {
        'role-to-assume': 'arn:aws:iam::111122223333:role/podid-plan',
        'require-reviewed-plan': 'false',
      },
    });
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('apply-failed');
    expect(apply.stdout).toMatch(/AccessDenied|not authorized/i);
    // Every mutating call the action made was denied (the test's own setup aside).
    const byAction = (await awsMutationsSince(0)).filter(
      (c) => c.accessKeyId !== TEST_CREDENTIALS.accessKeyId,
    );
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.filter((c) => c.status < 300)).toEqual([]);
  });
});
