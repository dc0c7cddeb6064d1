// Faults never lose track of anything: throttling and 5xx are absorbed, a stalled request is cut
// off and retried, a failed stack fails only its own association, and a killed apply converges
// when re-run.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary, type LiveSummary } from './live.js';
import {
  collect,
  mixedEntries,
  runCli,
  seedCluster,
  spawnCli,
  writeClusterConfig,
  type AssociationEntry,
} from './harness.js';

function expectExactly(live: LiveSummary, entries: AssociationEntry[], userRoles: string[]): void {
  expect(Object.keys(live.associations).sort()).toEqual(
    entries.map((e) => `${e.namespace}/${e.serviceAccountName}`).sort(),
  );
  const ownRole = entries.filter((e) => !e.roleARN);
  expect(Object.keys(live.stacks).sort()).toEqual(
    ownRole.map((e) => `eksctl-prod-podidentityrole-${e.namespace}-${e.serviceAccountName}`).sort(),
  );
  expect(
    Object.values(live.stacks).every((s) => s === 'CREATE_COMPLETE' || s === 'UPDATE_COMPLETE'),
  ).toBe(true);
  // Every role is either a user role or the role of a live stack: nothing orphaned.
  const stackRoles = live.roles.filter((r) => !userRoles.includes(r));
  expect(stackRoles).toHaveLength(ownRole.length);
  for (const e of entries) {
    if (e.roleARN)
      expect(live.associations[`${e.namespace}/${e.serviceAccountName}`]).toBe(e.roleARN);
  }
}

describe('reliability', () => {
  const env = withEmulator();

  it('applies 50 associations in one run under 20% throttling and 5% server errors', async () => {
    const { entries, userRoles } = mixedEntries(50);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    await env.admin('POST', 'faults', {
      seed: 7,
      rules: [
        { throttle: true, probability: 0.2 },
        {
          probability: 0.05,
          error: { status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable' },
        },
      ],
    });
    const file = writeClusterConfig(entries);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.stdout).toContain('all tasks were completed successfully');
    expect(apply.code).toBe(0);
    const calls = await env.admin<{ injected?: boolean }[]>('GET', 'calls');
    expect(calls.filter((c) => c.injected).length).toBeGreaterThan(10);

    await env.admin('DELETE', 'faults');
    expectExactly(await liveSummary(env), entries, userRoles);
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
  });

  it('a stack that fails leaves the other 49 applied, is reported, and a re-run converges', async () => {
    const { entries, userRoles } = mixedEntries(50);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    const failing = 'eksctl-prod-podidentityrole-apps-app-0010';
    await env.admin('POST', 'faults', { failingStacks: { [failing]: 'Injected: resource limit' } });
    const file = writeClusterConfig(entries);

    const first = await runCli(['apply', '-f', file], env.url);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(failing);
    expect(first.stdout).toMatch(/✖ .*apps\/app-0010/);
    const partial = await liveSummary(env);
    expect(Object.keys(partial.associations)).toHaveLength(49);
    expect(partial.associations['apps/app-0010']).toBeUndefined();
    expect(partial.stacks[failing]).toBe('ROLLBACK_COMPLETE');

    await env.admin('DELETE', 'faults');
    const second = await runCli(['apply', '-f', file], env.url);
    expect(second.code).toBe(0);
    expectExactly(await liveSummary(env), entries, userRoles);
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
  });
});

describe('a stalled request', () => {
  const env = withEmulator();
  // A real product setting (docs: PODID_HTTP_TIMEOUT_MS), shortened so the test needs no 30 s wait.
  const fast = { PODID_HTTP_TIMEOUT_MS: '1000' };

  it('is cut off by the request timeout and retried: the plan does not wait for the stall', async () => {
    const { entries, userRoles } = mixedEntries(4);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    // Two minutes, twice the test's own timeout: only a timeout and a retry can finish in time.
    await env.admin('POST', 'faults', {
      rules: [
        { operation: 'DescribeCluster', latencyMs: 120_000, times: 1 },
        { operation: 'ListPodIdentityAssociations', latencyMs: 120_000, times: 1 },
      ],
    });
    const file = writeClusterConfig(entries);
    const plan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url, fast);
    expect(plan.stdout + plan.stderr).toMatch(/Plan: 6 to create, 0 to update, 0 to delete/);
    expect(plan.code).toBe(2);
    const faults = await env.admin<{ rules: { fired: number }[] }>('GET', 'faults');
    expect(faults.rules.map((r) => r.fired)).toEqual([1, 1]);
  });

  it('that never ends fails the cluster, naming the call and how long it waited', async () => {
    const { entries, userRoles } = mixedEntries(2);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    await env.admin('POST', 'faults', { operation: 'DescribeCluster', latencyMs: 120_000 });
    const file = writeClusterConfig(entries);
    const plan = await runCli(['plan', '-f', file], env.url, fast);
    expect(plan.code).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(
      /EKS DescribeCluster timed out: no answer within 1 s on each of 5 attempts/,
    );
  });
});

describe('killed mid-apply', () => {
  // Stacks take ~0.45 s and calls a few ms, so a kill lands in every phase of an apply.
  const env = withEmulator({ latencyProfile: 'realistic', timeScale: 100 });

  /** Resolves at the first mutating call after `since`, or when the process ends without one. */
  async function firstMutation(since: number, exited: Promise<unknown>): Promise<void> {
    let ended = false;
    void exited.then(() => (ended = true));
    while (!ended) {
      const calls = await env.admin<{ mutating: boolean }[]>('GET', `calls?since=${since}`);
      if (calls.some((c) => c.mutating)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('SIGKILL at random moments, 10 times, then re-run: exactly the config, nothing orphaned', async () => {
    const a = mixedEntries(8, 'app');
    const b = mixedEntries(8, 'svc');
    const userRoles = [...a.userRoles, ...b.userRoles];
    await env.admin('POST', 'seed', seedCluster(userRoles));
    // Alternate between two configs so kills hit creates, deletes and role-kind switches.
    const configs = [
      a.entries,
      [...a.entries.slice(4), ...b.entries.slice(0, 4)],
      b.entries,
      a.entries.map((e, i) =>
        i < 2
          ? {
              namespace: e.namespace,
              serviceAccountName: e.serviceAccountName,
              roleARN: b.entries[1].roleARN,
            }
          : e,
      ),
    ];
    let random = 42;
    const next = (): number => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random / 2 ** 31;
    };
    let midApply = 0;
    for (let run = 0; run < 10; run++) {
      const entries = configs[run % configs.length];
      const file = writeClusterConfig(entries);
      const calls = await env.admin<{ seq: number }[]>('GET', 'calls');
      const since = calls.at(-1)?.seq ?? 0;
      const child = spawnCli(['apply', '-f', file], env.url);
      const done = collect(child);
      // Timed from the first change the apply makes, not from the spawn: on a loaded machine the
      // start-up alone can outlast a fixed delay, and the kill would land before anything changed.
      await firstMutation(since, done);
      await new Promise((r) => setTimeout(r, next() * 1000));
      child.kill('SIGKILL');
      const killed = await done;
      const mutations = (
        await env.admin<{ mutating: boolean }[]>('GET', `calls?since=${since}`)
      ).filter((c) => c.mutating);
      // Killed after it had started changing things, and before it had finished.
      if (mutations.length > 0 && !killed.stdout.includes('all tasks were completed')) midApply++;
      const rerun = await runCli(['apply', '-f', file], env.url);
      expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
      expectExactly(await liveSummary(env), entries, userRoles);
      expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
    }
    // The kills must really land mid-apply, or this test proves nothing.
    expect(midApply).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
