// The emulator core through EKS: fault injection with SDK retries, the call log, seed/reset/state,
// request ids, unknown routes, and the latency profile's scaling.
import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { sdkError, startTestEmulator, withEmulator } from './helpers.js';
import { latencyProfile } from '../../emulator/core/latency.js';
import { scaledClock } from '../../emulator/core/clock.js';
import { parseAuthorization } from '../../emulator/core/request.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const STALL_FIXTURE = join(import.meta.dirname, 'stall-and-close.fixture.ts');

const env = withEmulator({ seed: { clusters: [{ name: 'c1' }] } });
interface Call {
  seq: number;
  operation: string;
  mutating: boolean;
  status: number;
  errorCode?: string;
  injected?: boolean;
  service: string;
  accessKeyId?: string;
}

describe('fault injection', () => {
  it('throttles with 429 ThrottlingException, and SDK retries get through with probability < 1', async () => {
    await env.admin('POST', 'faults', {
      seed: 7,
      rules: [{ service: 'eks', operation: 'ListClusters', throttle: true, probability: 0.3 }],
    });
    const client = env.clients({ maxAttempts: 10 }).eks;
    for (let i = 0; i < 5; i++)
      await expect(client.send(new ListClustersCommand({}))).resolves.toBeDefined();
    const calls = await env.admin<Call[]>('GET', 'calls');
    const throttled = calls.filter((c) => c.errorCode === 'ThrottlingException');
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((c) => c.status === 429 && c.injected)).toBe(true);
  });

  it('fires a rule at most `times` times', async () => {
    await env.admin('POST', 'faults', {
      rules: [
        {
          operation: 'DescribeCluster',
          error: { status: 500, code: 'ServerException', message: 'boom' },
          times: 2,
        },
      ],
    });
    const once = env.clients({ maxAttempts: 1 }).eks;
    const err = await sdkError(once.send(new DescribeClusterCommand({ name: 'c1' })));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ServerException',
      500,
      'boom',
    ]);
    // The default client retries the 500 once more and then succeeds.
    await expect(env.eks.send(new DescribeClusterCommand({ name: 'c1' }))).resolves.toBeDefined();
    await expect(once.send(new DescribeClusterCommand({ name: 'c1' }))).resolves.toBeDefined();
    const faults = await env.admin<{ rules: unknown[] }>('GET', 'faults');
    expect(faults.rules).toHaveLength(1);
    await env.admin('DELETE', 'faults');
    expect((await env.admin<{ rules: unknown[] }>('GET', 'faults')).rules).toEqual([]);
  });

  it('adds latency', async () => {
    await env.admin('POST', 'faults', { rules: [{ operation: 'ListClusters', latencyMs: 120 }] });
    const started = Date.now();
    await env.eks.send(new ListClustersCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('lists how often each rule has fired', async () => {
    await env.admin('POST', 'faults', {
      rules: [{ operation: 'ListClusters', latencyMs: 1, times: 2 }],
    });
    await env.eks.send(new ListClustersCommand({}));
    const faults = await env.admin<{ rules: { fired: number }[] }>('GET', 'faults');
    expect(faults.rules).toEqual([{ operation: 'ListClusters', latencyMs: 1, times: 2, fired: 1 }]);
  });

  it('a stall its client gave up on ends when the emulator closes: the process can exit', async () => {
    // In a child process, so that a timer left behind shows as a process that does not end.
    const child = spawn(process.execPath, ['--import', 'tsx', STALL_FIXTURE], {
      cwd: ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => void child.kill());
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((r) => child.once('close', r));
    // The stall is two minutes; the test's timeout is one.
    expect(out).toContain('TimeoutError after 1 fired stall; closed');
    expect(code).toBe(0);
  });
});

describe('call log, state, seed, reset', () => {
  it('records service, operation, mutating, status and the access key id', async () => {
    await env.eks.send(new ListClustersCommand({}));
    await sdkError(env.eks.send(new DescribeClusterCommand({ name: 'nope' })));
    const calls = await env.admin<Call[]>('GET', 'calls');
    expect(calls.map((c) => [c.service, c.operation, c.mutating, c.status, c.errorCode])).toEqual([
      ['eks', 'ListClusters', false, 200, undefined],
      ['eks', 'DescribeCluster', false, 404, 'ResourceNotFoundException'],
    ]);
    expect(calls[0].accessKeyId).toBe('AKIAEMULATORTEST0001');
    const later = await env.admin<Call[]>('GET', `calls?since=${calls[0].seq}`);
    expect(later).toHaveLength(1);
    await env.admin('DELETE', 'calls');
    expect(await env.admin('GET', 'calls')).toEqual([]);
  });

  it('names every EKS operation and its mutating flag', () => {
    const eks = env.emulator.modules.find((m) => m.service === 'eks');
    const op = (method: string, path: string) =>
      eks?.operationOf({
        method,
        path,
        query: new URLSearchParams(),
        headers: {},
        body: '',
        requestId: 'x',
      });
    expect(op('POST', '/clusters/c/pod-identity-associations')).toEqual({
      name: 'CreatePodIdentityAssociation',
      mutating: true,
    });
    expect(op('GET', '/clusters/c/pod-identity-associations/a-1')).toEqual({
      name: 'DescribePodIdentityAssociation',
      mutating: false,
    });
    expect(op('POST', '/clusters/c/addons/x/update')).toEqual({
      name: 'UpdateAddon',
      mutating: true,
    });
    expect(op('GET', '/addons/supported-versions')).toEqual({
      name: 'DescribeAddonVersions',
      mutating: false,
    });
    expect(op('DELETE', '/tags/arn%3Aaws%3Aeks')).toEqual({
      name: 'UntagResource',
      mutating: true,
    });
    expect(op('GET', '/clusters/c/unknown')).toBeUndefined();
  });

  it('seeds, dumps and resets', async () => {
    await env.admin(
      'POST',
      'seed',
      'clusters:\n  - name: c2\n    version: "1.30"\n    addons:\n      - name: coredns\n',
    );
    const state = await env.admin<{
      eks: {
        clusters: {
          name: string;
          version: string;
          addons: { addonName: string; status: string }[];
        }[];
      };
    }>('GET', 'state');
    expect(state.eks.clusters.map((c) => c.name).sort()).toEqual(['c1', 'c2']);
    expect(state.eks.clusters.find((c) => c.name === 'c2')?.addons).toMatchObject([
      { addonName: 'coredns', status: 'ACTIVE' },
    ]);
    await env.reset();
    expect(
      (await env.admin<{ eks: { clusters: unknown[] } }>('GET', 'state')).eks.clusters,
    ).toEqual([]);
  });

  it('rejects a broken seed with 400 and a message', async () => {
    await expect(
      env.admin('POST', 'seed', {
        clusters: [{ name: 'c1', podIdentityAssociations: [{ serviceAccount: 's' }] }],
      }),
    ).rejects.toThrow(/400[\s\S]*podIdentityAssociations need serviceAccount and roleArn/);
  });

  it('sends x-amzn-RequestId on every response and 404s unknown routes', async () => {
    const { $metadata } = await env.eks.send(new ListClustersCommand({}));
    expect($metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const response = await fetch(`${env.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
  });
});

describe('latency profile and clock', () => {
  it('scales realistic per-call latency and lifecycle durations by the time scale', async () => {
    const profile = latencyProfile('realistic');
    expect(profile.callLatency.eks).toBeGreaterThan(0);
    expect(scaledClock(60).real(profile.durations.addonCreate)).toBe(1000);
    const fast = await startTestEmulator({ latencyProfile: 'realistic', timeScale: 1000 });
    try {
      expect(fast.emulator.world.durations.stackCreate).toBe(profile.durations.stackCreate);
      expect(fast.emulator.world.clock.real(fast.emulator.world.durations.stackCreate)).toBe(45);
      await expect(fast.eks.send(new ListClustersCommand({}))).resolves.toBeDefined();
    } finally {
      await fast.close();
    }
    expect(() => latencyProfile('nope' as never)).toThrow(/unknown latency profile/);
  });

  it('reads the access key and region from a SigV4 header', () => {
    expect(
      parseAuthorization(
        'AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1/eks/aws4_request, SignedHeaders=x',
      ),
    ).toEqual({ accessKeyId: 'AKID', region: 'eu-west-1' });
    expect(parseAuthorization(undefined)).toEqual({});
  });
});
