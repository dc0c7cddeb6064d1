// The CLI end to end: plan → apply → the next plan is empty; plan and get never mutate.

import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import { OWNER, mixedEntries, runCli, seedCluster, writeClusterConfig } from './harness.js';

const env = withEmulator();

interface Call {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
}

async function callsSince(seq: number): Promise<Call[]> {
  return env.admin<Call[]>('GET', `calls?since=${seq}`);
}

async function lastSeq(): Promise<number> {
  const calls = await env.admin<Call[]>('GET', 'calls');
  return calls.at(-1)?.seq ?? 0;
}

describe('podid plan / apply / get against the emulator', () => {
  it('creates what the config says, then plans nothing; plan and get make no mutating call', async () => {
    const { entries, userRoles } = mixedEntries(6);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    const file = writeClusterConfig(entries);

    const before = await lastSeq();
    const plan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(plan.stderr).not.toMatch(/Error:/);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(
      'create pod identity association for service account "apps/app-0000"',
    );
    expect(plan.stdout).toMatch(/Plan: 9 to create, 0 to update, 0 to delete, 0 to adopt/);
    expect((await callsSince(before)).filter((c) => c.mutating)).toEqual([]);

    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.stderr + apply.stdout).toContain('all tasks were completed successfully');
    expect(apply.code).toBe(0);

    const live = await liveSummary(env);
    expect(Object.keys(live.associations).sort()).toEqual(
      entries.map((e) => `${e.namespace}/${e.serviceAccountName}`).sort(),
    );
    expect(live.associations['apps/app-0001']).toBe(entries[1].roleARN);
    expect(live.associationTags['apps/app-0000']).toMatchObject({
      'podid-action/managed-by': OWNER,
      'alpha.eksctl.io/podidentityassociation-name': 'apps/app-0000',
    });
    expect(Object.keys(live.stacks).sort()).toEqual(
      ['0000', '0002', '0004'].map((n) => `eksctl-prod-podidentityrole-apps-app-${n}`),
    );

    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Plan: 0 to create, 0 to update, 0 to delete, 0 to adopt/);

    const beforeGet = await lastSeq();
    const get = await runCli(['get', '--cluster', 'prod', '-o', 'json'], env.url);
    expect(get.code).toBe(0);
    const rows = JSON.parse(get.stdout) as { Namespace: string; ServiceAccountName: string }[];
    expect(rows).toHaveLength(6);
    const table = await runCli(
      ['get', '--cluster', 'prod', '--namespace', 'apps', '--service-account-name', 'app-0001'],
      env.url,
    );
    expect(table.stdout).toMatch(
      /^ASSOCIATION ARN\s+NAMESPACE\s+SERVICE ACCOUNT NAME\s+IAM ROLE ARN\s+OWNER ARN/,
    );
    expect(table.stdout.trim().split('\n')).toHaveLength(2);
    expect((await callsSince(beforeGet)).filter((c) => c.mutating)).toEqual([]);
  });

  it('prunes what it manages when it leaves the config, and leaves the rest alone', async () => {
    const { entries, userRoles } = mixedEntries(4);
    await env.admin('POST', 'seed', {
      ...seedCluster([...userRoles, 'hand-made']),
      clusters: [
        {
          name: 'prod',
          region: 'us-west-2',
          version: '1.32',
          addons: [{ name: 'eks-pod-identity-agent' }],
          podIdentityAssociations: [
            {
              namespace: 'legacy',
              serviceAccount: 'manual',
              roleArn: 'arn:aws:iam::111122223333:role/hand-made',
            },
          ],
        },
      ],
    });
    const file = writeClusterConfig(entries);
    expect((await runCli(['apply', '-f', file], env.url)).code).toBe(0);

    const smaller = writeClusterConfig(entries.slice(2));
    const plan = await runCli(['plan', '-f', smaller], env.url);
    expect(plan.stdout).toMatch(/Plan: 0 to create, 0 to update, 3 to delete/);
    expect(plan.stdout).toContain('legacy/manual');
    expect((await runCli(['apply', '-f', smaller], env.url)).code).toBe(0);

    const live = await liveSummary(env);
    expect(Object.keys(live.associations).sort()).toEqual([
      'apps/app-0002',
      'apps/app-0003',
      'legacy/manual',
    ]);
    expect(Object.keys(live.stacks)).toEqual(['eksctl-prod-podidentityrole-apps-app-0002']);
    expect((await runCli(['plan', '-f', smaller, '--detailed-exitcode'], env.url)).code).toBe(0);
  });

  it('reports config errors with file:line:col and touches nothing', async () => {
    const before = await lastSeq();
    const result = await runCli(['plan', '-f', 'examples/broken.yaml'], env.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+: error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await callsSince(before)).toEqual([]);
  });
});
