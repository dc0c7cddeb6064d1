// The owner id in force opens every plan, with where it came from; another owner's association is
// taken over only on purpose (--take-over), as a tag change the plan shows.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { OWNER, runCli, seedCluster, userRoleArn, writeClusterConfig } from './harness.js';

const env = withEmulator();
const OTHER = 'other-org/platform';

async function seedTheirs(): Promise<string> {
  const seed = seedCluster(['app']);
  seed.clusters[0] = {
    ...seed.clusters[0],
    podIdentityAssociations: [
      {
        namespace: 'apps',
        serviceAccount: 'app',
        roleArn: userRoleArn('app'),
        tags: { 'podid-action/managed-by': OTHER },
      },
    ],
  } as (typeof seed.clusters)[0];
  await env.admin('POST', 'seed', seed);
  return writeClusterConfig([
    { namespace: 'apps', serviceAccountName: 'app', roleARN: userRoleArn('app') },
  ]);
}

describe('owner id', () => {
  it('opens every plan with the owner id and its source', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const file = writeClusterConfig([]);
    const fromEnv = await runCli(['plan', '-f', file], env.url);
    expect(fromEnv.stdout.split('\n')[0]).toBe(`owner id: "${OWNER}" (from GITHUB_REPOSITORY)`);
    const fromFlag = await runCli(['plan', '-f', file, '--owner-id', 'team-a'], env.url);
    expect(fromFlag.stdout.split('\n')[0]).toBe('owner id: "team-a" (from --owner-id)');
    // JSON stays JSON; the line goes to stderr.
    const json = await runCli(['plan', '-f', file, '-o', 'json'], env.url);
    expect(JSON.parse(json.stdout)).toHaveProperty('version', 1);
    expect(json.stderr).toContain(`owner id: "${OWNER}" (from GITHUB_REPOSITORY)`);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.stdout.split('\n')[0]).toBe(`owner id: "${OWNER}" (from GITHUB_REPOSITORY)`);
  });

  it("another owner's association is an error until --take-over names that owner", async () => {
    const file = await seedTheirs();
    const refused = await runCli(['plan', '-f', file], env.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `is managed by "${OTHER}" (tag podid-action/managed-by), not by "${OWNER}" (remove it from this config, or take it over on purpose: --take-over "${OTHER}" (action input take-over))`,
    );

    const plan = await runCli(['plan', '-f', file, '--take-over', OTHER], env.url);
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout.split('\n')[0]).toBe(
      `owner id: "${OWNER}" (from GITHUB_REPOSITORY); taking over what the config names from "${OTHER}"`,
    );
    expect(plan.stdout).toContain(`take over from "${OTHER}" (take-over)`);
    expect(plan.stdout).toContain(`~     tag podid-action/managed-by: ${OTHER} -> ${OWNER}`);

    const apply = await runCli(['apply', '-f', file, '--take-over', OTHER], env.url);
    expect(apply.code, apply.stdout).toBe(0);
    expect((await liveSummary(env)).associationTags['apps/app']).toMatchObject({
      'podid-action/managed-by': OWNER,
    });
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
  });
});
