// The action end to end, continued: config problems become annotations with nothing sent to AWS,
// and check mode fails on drift and passes once the cluster matches.

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { mixedEntries, seedCluster, writeClusterConfig } from './harness.js';
import {
  APPLY_ROLE,
  DRIFT_ROLE,
  SUB_MAIN,
  SUB_PR,
  SUB_PRODUCTION,
  createDocumentedRoles,
  isOurs,
  listComments,
  pullRequestEvent,
  pushEvent,
  registerPull,
  runAction,
  tempWorkspace,
} from './action-harness.js';

const env = withEmulator();
const PR = { number: 21, headSha: 'f'.repeat(40) };

describe('action: invalid config and drift', () => {
  it('annotates config problems on file and line, touches no AWS API, and says so in the comment', async () => {
    await registerPull(env, PR);
    const workspace = tempWorkspace();
    writeFileSync(
      join(workspace, 'bad.eksctl.yaml'),
      [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: prod',
        '  region: us-west-2',
        'iam:',
        '  podIdentityAssociations:',
        '    - namespace: apps',
        '      roleARN: arn:aws:iam::111122223333:role/x',
        '',
      ].join('\n'),
    );
    const run = await runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(PR),
      workspace,
      sha: PR.headSha,
      oidcSub: SUB_PR,
    });
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('invalid-config');
    expect(run.stdout.match(/^::error/gm)).toHaveLength(2);
    expect(run.stdout).toMatch(
      /^::error title=Invalid eksctl ClusterConfig,file=bad\.eksctl\.yaml,line=8,col=\d+::/m,
    );
    const calls = await env.admin<{ service: string }[]>('GET', 'calls');
    // GitHub's calls only: the comment, and the job's OIDC token (requested as the run starts).
    expect(calls.filter((c) => c.service !== 'github' && c.service !== 'oidc')).toEqual([]);
    const [ours] = (await listComments(env.url, PR.number)).filter(isOurs);
    expect(ours.body).toContain('Pod Identity configuration is invalid');
    expect(ours.body).toContain('bad.eksctl.yaml:8');
  });

  /**
   * A PR run of `workspace` whose token endpoint takes the request and never answers it (killed
   * after 45 s if it waits for it), and the token requests that endpoint received.
   */
  async function runWithSilentTokenEndpoint(
    workspace: string,
    extraEnv: Record<string, string> = {},
  ) {
    const requests: string[] = [];
    const silent = createServer((req) => requests.push(req.url ?? ''));
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    try {
      const run = await runAction(env.url, {
        eventName: 'pull_request',
        event: pullRequestEvent(PR),
        workspace,
        sha: PR.headSha,
        oidcSub: SUB_PR,
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?sub=${SUB_PR}`,
          ...extraEnv,
        },
        killAfterMs: 45_000,
      });
      return { run, requests };
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }

  it('ends on an invalid config although the OIDC token requested as the run started never comes', async () => {
    await registerPull(env, PR);
    const workspace = tempWorkspace();
    writeFileSync(
      join(workspace, 'bad.eksctl.yaml'),
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod}\n',
    );
    const { run, requests } = await runWithSilentTokenEndpoint(workspace);
    expect(run.code, 'the run waited for a token it no longer needed').toBe(1);
    expect(run.outputs['failure-reason']).toBe('invalid-config');
    expect(run.stdout).toContain('metadata.region must be set');
    expect(requests).toHaveLength(1);
  }, 90_000);

  it('fails with a reason when the OIDC token never comes for a valid config', async () => {
    await registerPull(env, PR);
    await env.admin('POST', 'seed', seedCluster([]));
    const workspace = tempWorkspace();
    writeClusterConfig([], { dir: workspace });
    // Calls may take 0.5 s, so the token request (toolkit retries included) 1 s.
    const { run } = await runWithSilentTokenEndpoint(workspace, { PODID_HTTP_TIMEOUT_MS: '500' });
    expect(run.code, 'the run waited for the token until it was killed').toBe(1);
    expect(run.outputs['failure-reason']).toBe('credentials');
    expect(run.stdout).toContain(
      "could not get the GitHub OIDC token: GitHub's token endpoint did not answer within 1 s.",
    );
  }, 90_000);

  it('check mode fails on drift, listing it, and passes after the apply', async () => {
    const { entries, userRoles } = mixedEntries(2);
    await env.admin('POST', 'seed', seedCluster(userRoles));
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    writeClusterConfig(entries, { dir: workspace });
    // drift.yml's role as docs/iam-policies.md documents it: read-only, trusting the main branch.
    const check = () =>
      runAction(env.url, {
        eventName: 'schedule',
        event: {},
        workspace,
        sha: '1'.repeat(40),
        oidcSub: SUB_MAIN,
        inputs: { 'role-to-assume': DRIFT_ROLE, comment: 'false' },
      });
    const drift = await check();
    expect(drift.code).toBe(1);
    expect(drift.outputs).toMatchObject({
      mode: 'check',
      'failure-reason': 'drift',
      'has-changes': 'true',
    });
    expect(drift.stdout).toContain('drift: the live state differs from the configuration');
    expect(drift.summary).toContain(
      'create pod identity association for service account "apps/app-0001"',
    );

    const apply = await runAction(env.url, {
      eventName: 'push',
      event: pushEvent('2'.repeat(40)),
      workspace,
      sha: '2'.repeat(40),
      oidcSub: SUB_PRODUCTION,
      inputs: { 'role-to-assume': APPLY_ROLE, 'require-reviewed-plan': 'false' },
    });
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.stdout).toContain('No reviewed plan found');
    const clean = await check();
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.outputs['has-changes']).toBe('false');
  });
});
