// The CLI's AWS credentials from the SDK's default chain, against the emulator: a profile that
// assumes a role is assumed once per run, however many clients and regions the run uses.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  ACCOUNT,
  CLI,
  profileCliEnv,
  collect,
  seedCluster,
  userRoleArn,
  writeClusterConfig,
} from './harness.js';

const env = withEmulator();

/** A role the account's users may assume, allowed everything. */
const ADMIN_ROLE = {
  roleName: 'admin',
  assumeRolePolicyDocument: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  },
  managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
};

describe('podid with a profile that assumes a role', () => {
  it('assumes it once for the whole run (plan reads EKS, IAM and CloudFormation)', async () => {
    const seeded = seedCluster(['app']);
    await env.admin('POST', 'seed', { ...seeded, roles: [...(seeded.roles ?? []), ADMIN_ROLE] });
    const file = writeClusterConfig([
      { namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') },
      {
        namespace: 'apps',
        serviceAccountName: 'own',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    ]);
    const environment = profileCliEnv(
      env.url,
      'admin',
      `role_arn = arn:aws:iam::${ACCOUNT}:role/admin\nsource_profile = base\n`,
    );
    const before = (await env.admin<{ seq: number }[]>('GET', 'calls')).at(-1)?.seq ?? 0;
    const plan = await collect(
      spawn(process.execPath, [CLI, 'plan', '-f', file], {
        env: environment,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const calls = await env.admin<{ operation: string; service: string; principal?: string }[]>(
      'GET',
      `calls?since=${before}`,
    );
    expect(calls.filter((c) => c.operation === 'AssumeRole')).toHaveLength(1);
    // Every other call was made with the role's session.
    const others = calls.filter((c) => c.operation !== 'AssumeRole');
    expect(new Set(others.map((c) => c.service))).toEqual(
      new Set(['eks', 'iam', 'cloudformation']),
    );
    expect(others.every((c) => c.principal?.includes(':assumed-role/admin/'))).toBe(true);
  });
});
