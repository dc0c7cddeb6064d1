// Errors that explain, against the emulator: a read failure is one line about the cluster and its
// file with the fix, and the apply's last line agrees with its exit code.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  ACCOUNT,
  CLI,
  cliEnv,
  profileCliEnv,
  collect,
  runCli,
  seedCluster,
  userRoleArn,
  writeClusterConfig,
} from './harness.js';

const env = withEmulator();

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('podid explains what stops it', () => {
  it('a cluster that does not exist: the clusters of the region and the closest name, no position', async () => {
    await env.admin('POST', 'seed', seedCluster(['app'], { name: 'prod-platform' }));
    const file = writeClusterConfig(
      [{ namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') }],
      { name: 'prod-platfrom' },
    );
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      `  ${file}: error: cluster "prod-platfrom" was not found in us-west-2 (did you mean "prod-platform"? clusters in us-west-2 of account ${ACCOUNT}: "prod-platform"; fix metadata.name, metadata.region if the cluster is in another region, or the credentials if it is in another account)\n`,
    );
    expect(plan.stdout).not.toContain('fingerprint');

    // Every cluster failed: the apply does not claim there was nothing to do.
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code).toBe(1);
    expect(lastLine(apply.stdout)).toBe(
      'Nothing was applied: 1 of 1 cluster(s) not applied because their plan has errors; fix them and re-run to converge.',
    );
  });

  it("a region mismatch: the cluster is in the default region of the credentials, not the file's", async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const file = writeClusterConfig([]);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('region: us-west-2', 'region: eu-west-1'),
    );
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      `  ${file}: error: cluster "prod" was not found in eu-west-1 (it is in us-west-2 (the default region of these credentials), not eu-west-1: set metadata.region: us-west-2)\n`,
    );
  });

  it('one cluster unreadable, another applied: the last line counts both, exit 1', async () => {
    await env.admin('POST', 'seed', seedCluster(['app']));
    const good = writeClusterConfig([
      { namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') },
    ]);
    const dir = good.slice(0, good.lastIndexOf('/'));
    writeClusterConfig([], { name: 'gone', dir });
    const apply = await runCli(['apply', '-f', `${dir}/*.yaml`], env.url);
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('cluster "prod": 1 of 1 task(s) done');
    expect(lastLine(apply.stdout)).toBe(
      'Apply finished with errors: 1 of 2 cluster(s) not applied because their plan has errors; fix them and re-run to converge.',
    );
  });

  it('no credentials: one line per cluster that says how to provide them', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const file = writeClusterConfig([]);
    const environment = cliEnv(env.url);
    delete environment.AWS_ACCESS_KEY_ID;
    delete environment.AWS_SECRET_ACCESS_KEY;
    const plan = await collect(
      spawn(process.execPath, [CLI, 'plan', '-f', file], {
        env: environment,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      `  ${file}: error: cluster "prod" (us-west-2) could not be read: no AWS credentials were found (set AWS_PROFILE (after aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; in the action, set role-to-assume)\n`,
    );
    expect(plan.stdout + plan.stderr).not.toMatch(/\n\s+at /);
  });

  it('clusters not found name the account searched, asked of STS once for the run', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const dir = dirname(writeClusterConfig([], { name: 'missing-a' }));
    writeClusterConfig([], { name: 'missing-b', dir });
    const before = (await env.admin<{ seq: number }[]>('GET', 'calls')).at(-1)?.seq ?? 0;
    const plan = await runCli(['plan', '-f', join(dir, '*.eksctl.yaml')], env.url);
    expect(plan.code).toBe(1);
    for (const name of ['missing-a', 'missing-b']) {
      expect(plan.stdout).toContain(`cluster "${name}" was not found in us-west-2`);
    }
    expect(plan.stdout.match(new RegExp(`of account ${ACCOUNT}`, 'g'))).toHaveLength(2);
    const calls = await env.admin<{ operation: string }[]>('GET', `calls?since=${before}`);
    expect(calls.filter((c) => c.operation === 'GetCallerIdentity')).toHaveLength(1);
  });

  it("a profile the SDK cannot use (one that needs an MFA code): the line keeps the SDK's reason", async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const file = writeClusterConfig([]);
    const environment = profileCliEnv(
      env.url,
      'admin',
      `role_arn = arn:aws:iam::${ACCOUNT}:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::${ACCOUNT}:mfa/alice\n`,
    );
    const plan = await collect(
      spawn(process.execPath, [CLI, 'plan', '-f', file], {
        env: environment,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      `  ${file}: error: cluster "prod" (us-west-2) could not be read: the AWS credentials could not be loaded: Profile admin requires multi-factor authentication, but no MFA code callback was provided. (`,
    );
    expect(plan.stdout + plan.stderr).not.toMatch(/\n\s+at /);
  });
});
