// Two applies of one config at once: the one that loses the race says another apply is changing
// the stack (not CloudFormation's "ChangeSet … does not exist"), and a re-run converges.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import {
  collect,
  mixedEntries,
  runCli,
  seedCluster,
  spawnCli,
  writeClusterConfig,
  type AssociationEntry,
} from './harness.js';

const env = withEmulator();
const STACK = 'eksctl-prod-podidentityrole-apps-app-0000';

describe('two applies on one cluster at once', () => {
  it('the loser names the stack and what to do; a re-run converges', async () => {
    const { entries, userRoles } = mixedEntries(2);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    expect((await runCli(['apply', '-f', writeClusterConfig(entries)], env.url)).code).toBe(0);
    // Both runs will update the one role stack through a change set.
    const changed: AssociationEntry[] = entries.map((e) =>
      e.roleARN
        ? e
        : { ...e, permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess'] },
    );
    const file = writeClusterConfig(changed);
    // The first ExecuteChangeSet to arrive waits 5 s before CloudFormation takes it: the other run
    // creates and executes its own change set meanwhile, which deletes the first one's.
    await env.admin('POST', 'faults', {
      operation: 'ExecuteChangeSet',
      latencyMs: 5000,
      times: 1,
    });
    const runs = await Promise.all([
      collect(spawnCli(['apply', '-f', file], env.url)),
      collect(spawnCli(['apply', '-f', file], env.url)),
    ]);

    const codes = runs.map((r) => r.code).sort();
    expect(codes, runs.map((r) => r.stdout + r.stderr).join('\n---\n')).toEqual([0, 1]);
    const loser = runs.find((r) => r.code === 1)!;
    expect(loser.stdout).toContain(
      `another apply is changing stack "${STACK}" at the same time (our change set was deleted, ` +
        'as CloudFormation does when another change set of the stack is executed): wait for it to finish, then re-run',
    );
    expect(loser.stdout).toContain('`concurrency:` group');
    expect(loser.stdout + loser.stderr).not.toMatch(/does not exist/);

    await env.admin('DELETE', 'faults');
    const rerun = await runCli(['apply', '-f', file], env.url);
    expect(rerun.code).toBe(0);
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
    const live = await liveSummary(env);
    expect(live.stacks).toEqual({ [STACK]: 'UPDATE_COMPLETE' });
    expect(live.roles.filter((r) => !userRoles.includes(r))).toHaveLength(1);
    expect(Object.keys(live.associations).sort()).toEqual(['apps/app-0000', 'apps/app-0001']);
  });
});
