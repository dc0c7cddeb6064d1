// The product's SDK clients against the emulator: a request that waits in the concurrency queue past
// the renewal point is sent with fresh credentials, not with the key it had when it was queued.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DescribeClusterCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { ClientPool } from '../../src/aws/clients.js';
import { renewingCredentials, resolveCredentials } from '../../src/aws/credentials.js';
import { TEST_ACCOUNT, withEmulator } from '../emulator/helpers.js';
import { createWebIdentityRole, policy } from '../emulator/session-helpers.js';

const env = withEmulator({ seed: { clusters: [{ name: 'prod' }] } });

interface Call {
  operation: string;
  principal?: string;
  status: number;
  errorCode?: string;
  accessKeyId?: string;
}

/** The action's credentials, as `action/main.ts` builds them: web identity, renewed when due. */
async function actionCredentials(role = 'podid-apply') {
  const resolve = () =>
    resolveCredentials(
      {
        roleToAssume: `arn:aws:iam::${TEST_ACCOUNT}:role/${role}`,
        roleSessionName: 'podid-action-1',
        region: 'us-west-2',
        repository: 'acme/infra',
        forkPullRequest: false,
      },
      {
        getIDToken: async (audience) => {
          const url = `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:ref:refs/heads/main&audience=${audience}`;
          const response = await fetch(url, { headers: { authorization: 'Bearer job-token' } });
          return ((await response.json()) as { value: string }).value;
        },
        setSecret: () => {},
        info: () => {},
        idTokenAvailable: true,
      },
    );
  const first = await resolve();
  return renewingCredentials(first!, resolve);
}

async function firedOnce(): Promise<void> {
  for (;;) {
    const { rules } = await env.admin<{ rules: { fired: number }[] }>('GET', 'faults');
    if (rules[0].fired > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('ClientPool', () => {
  it('resolves credentials when a queued request is sent, not when it was queued', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', env.url);
    await createWebIdentityRole(env, 'podid-apply', {
      inline: policy({ Effect: 'Allow', Action: 'eks:*', Resource: '*' }),
    });
    const pool = new ClientPool({ concurrency: 1, credentials: await actionCredentials() });
    const { eks } = pool.get('us-west-2');
    // The first call holds the only slot for a while; the second waits in the queue behind it.
    await env.admin('POST', 'faults', { operation: 'DescribeCluster', latencyMs: 1500, times: 1 });
    const first = eks.send(new DescribeClusterCommand({ name: 'prod' }));
    const queued = eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod' }));
    await firedOnce();
    // An hour passes while the second call waits (the emulator and the SDK share this clock): the
    // session the run started with has expired.
    vi.setSystemTime(Date.now() + 3600_000);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e: Error) => e.name,
      );
    try {
      expect(await outcome(first)).toBe('answered');
      expect(await outcome(queued)).toBe('answered');
    } finally {
      pool.destroy();
    }
    const calls = await env.admin<Call[]>('GET', 'calls');
    const eksCalls = calls.filter((c) => c.operation !== 'GetCallerIdentity' && c.accessKeyId);
    const [describe, list] = ['DescribeCluster', 'ListPodIdentityAssociations'].map((op) =>
      eksCalls.find((c) => c.operation === op),
    );
    expect(list?.status).toBe(200);
    // Sent with the renewed session's key.
    expect(list?.accessKeyId).not.toBe(describe?.accessKeyId);
    const { sts } = await env.admin<{ sts: { sessions: unknown[] } }>('GET', 'state');
    expect(sts.sessions).toHaveLength(2);
  });

  it('gives each identity (many accounts) its own clients, each role renewed on its own', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', env.url);
    const roles = ['podid-apply-a', 'podid-apply-b'];
    for (const role of roles) {
      await createWebIdentityRole(env, role, {
        inline: policy({ Effect: 'Allow', Action: 'eks:*', Resource: '*' }),
      });
    }
    const identities = await Promise.all(
      roles.map(async (key) => ({ key, credentials: await actionCredentials(key) })),
    );
    const pool = new ClientPool({ concurrency: 2 });
    const describe = (i: number) =>
      pool.get('us-west-2', identities[i]).eks.send(new DescribeClusterCommand({ name: 'prod' }));
    try {
      expect(pool.get('us-west-2', identities[0])).toBe(pool.get('us-west-2', identities[0]));
      expect(pool.get('us-west-2', identities[0])).not.toBe(pool.get('us-west-2', identities[1]));
      await Promise.all([describe(0), describe(1)]);
      // Past the hour: each role's next call assumes that role again, and only that one.
      vi.setSystemTime(Date.now() + 3600_000);
      await describe(0);
      await describe(1);
    } finally {
      pool.destroy();
    }
    const calls = (await env.admin<Call[]>('GET', 'calls')).filter(
      (c) => c.operation === 'DescribeCluster',
    );
    expect(calls.map((c) => [c.status, c.principal?.split('/')[1]])).toEqual([
      [200, expect.stringMatching(/^podid-apply-[ab]$/)],
      [200, expect.stringMatching(/^podid-apply-[ab]$/)],
      [200, 'podid-apply-a'],
      [200, 'podid-apply-b'],
    ]);
    const { sts } = await env.admin<{ sts: { sessions: { roleArn: string }[] } }>('GET', 'state');
    expect(sts.sessions.map((s) => s.roleArn.split('/')[1]).sort()).toEqual([
      'podid-apply-a',
      'podid-apply-a',
      'podid-apply-b',
      'podid-apply-b',
    ]);
  });

  it('makes each attempt wait for a slot after the retry middleware and before signing', () => {
    const pool = new ClientPool({ concurrency: 1 });
    const { eks } = pool.get('us-west-2');
    // The stack a command runs through: the client's and what the command adds (endpoint, serde).
    const command = new DescribeClusterCommand({ name: 'prod' });
    command.resolveMiddleware(eks.middlewareStack as never, eks.config as never, undefined);
    const order = eks.middlewareStack
      .concat(command.middlewareStack as never)
      .identify()
      .map((line) => line.split(' ')[0]);
    pool.destroy();
    const at = (name: string) => order.indexOf(name);
    expect(at('retryMiddleware')).toBeLessThan(at('podidConcurrencyLimit'));
    expect(at('podidConcurrencyLimit')).toBe(at('httpSigningMiddleware') - 1);
    expect(order[0]).toBe('podidTimeoutMessage');
  });
});
