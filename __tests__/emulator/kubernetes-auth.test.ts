// The Kubernetes API authenticates EKS tokens as EKS does: a valid SigV4 presigned GetCallerIdentity
// URL for this cluster, signed by a key the emulator knows, at most 15 minutes old; then an access
// entry must let the principal in. Through the real @kubernetes/client-node, TLS verified.

import { describe, expect, it } from 'vitest';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import { KubeConfig, CoreV1Api } from '@kubernetes/client-node';
import { TEST_ACCOUNT, TEST_CREDENTIALS, withEmulator } from './helpers.js';
import { eksToken, kubeClients, kubeError, kubeRaw } from './kubernetes-helpers.js';
import { assumeWebIdentityRole, createWebIdentityRole } from './session-helpers.js';

const UNAUTHORIZED = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
};

const env = withEmulator({
  seed: { clusters: [{ name: 'alpha' }, { name: 'beta' }], credentials: [TEST_CREDENTIALS] },
});

const token = (cluster: string, extra: Partial<Parameters<typeof eksToken>[0]> = {}) =>
  eksToken({ cluster, credentials: TEST_CREDENTIALS, stsUrl: env.url, ...extra });

async function listAs(cluster: string, bearer: string) {
  const { core } = await kubeClients(env, cluster, bearer);
  return core.listNamespace();
}

describe('EKS token authentication', () => {
  it('accepts a token for the cluster it names, from a registered key, over verified TLS', async () => {
    const list = await listAs('alpha', await token('alpha'));
    expect(list.kind).toBe('NamespaceList');
    const calls = await env.admin<
      { service: string; operation: string; mutating: boolean; status: number }[]
    >('GET', 'calls');
    expect(calls.filter((c) => c.service === 'kubernetes')).toMatchObject([
      { service: 'kubernetes', operation: 'list:namespaces', mutating: false, status: 200 },
    ]);
  });

  it('refuses a token made for another cluster with 401 Unauthorized', async () => {
    expect((await kubeError(listAs('beta', await token('alpha')))).code).toBe(401);
    // The client drops 401 bodies; the wire answer is the API server's Status.
    const raw = await kubeRaw(env, '/_k8s/beta/api/v1/namespaces', { token: await token('alpha') });
    expect(raw).toEqual({ status: 401, body: UNAUTHORIZED });
    const none = await kubeRaw(env, '/_k8s/beta/api/v1/namespaces');
    expect(none).toEqual({ status: 401, body: UNAUTHORIZED });
  });

  it('refuses a token older than 15 minutes whatever X-Amz-Expires says, and accepts one just younger', async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    const stale = await token('alpha', { signingDate: old, expiresIn: 3600 });
    expect((await kubeError(listAs('alpha', stale))).code).toBe(401);
    const young = new Date(Date.now() - 14 * 60_000);
    await expect(
      listAs('alpha', await token('alpha', { signingDate: young })),
    ).resolves.toBeDefined();
  });

  it('refuses a token dated more than 15 minutes ahead', async () => {
    const ahead = new Date(Date.now() + 20 * 60_000);
    expect(
      (await kubeError(listAs('alpha', await token('alpha', { signingDate: ahead })))).code,
    ).toBe(401);
  });

  it('expires tokens after the lifetime set through the admin route, and reset restores 15 minutes', async () => {
    const twoMinutes = new Date(Date.now() - 120_000);
    await env.admin('POST', 'k8s/token-lifetime', { seconds: 60 });
    expect(
      (await kubeError(listAs('alpha', await token('alpha', { signingDate: twoMinutes })))).code,
    ).toBe(401);
    await env.reset();
    await env.admin('POST', 'seed', {
      clusters: [{ name: 'alpha' }],
      credentials: [TEST_CREDENTIALS],
    });
    await expect(
      listAs('alpha', await token('alpha', { signingDate: twoMinutes })),
    ).resolves.toBeDefined();
  });

  it('refuses a signature made with the wrong secret', async () => {
    const forged = await token('alpha', {
      credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    expect((await kubeError(listAs('alpha', forged))).code).toBe(401);
  });

  it('refuses a token whose signed URL was altered after signing', async () => {
    const good = await token('alpha');
    const url = new URL(Buffer.from(good.slice('k8s-aws-v1.'.length), 'base64url').toString());
    url.searchParams.set('X-Amz-Expires', '900');
    const altered = `k8s-aws-v1.${Buffer.from(url.toString()).toString('base64url')}`;
    expect((await kubeError(listAs('alpha', altered))).code).toBe(401);
  });

  it('refuses a key the emulator does not know, a non-STS host and a garbage token', async () => {
    const unknownKey = await token('alpha', {
      credentials: { accessKeyId: 'AKIAUNREGISTERED0001', secretAccessKey: 'whatever' },
    });
    expect((await kubeError(listAs('alpha', unknownKey))).code).toBe(401);
    const elsewhere = await token('alpha', { stsUrl: 'http://sts.example.com' });
    expect((await kubeError(listAs('alpha', elsewhere))).code).toBe(401);
    expect((await kubeError(listAs('alpha', 'k8s-aws-v1.bm90IGEgdXJs'))).code).toBe(401);
  });

  it('accepts tokens presigned for the real STS hosts (https)', async () => {
    for (const stsUrl of ['https://sts.amazonaws.com', 'https://sts.us-west-2.amazonaws.com']) {
      await expect(listAs('alpha', await token('alpha', { stsUrl }))).resolves.toBeDefined();
    }
  });

  it('answers 404 Status for a cluster that does not exist', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: 'nope',
          server: `${env.emulator.kubernetesUrl}/_k8s/nope`,
          caData: Buffer.from(env.emulator.kubernetesCa).toString('base64'),
        },
      ],
      users: [{ name: 'u', token: await token('nope') }],
      contexts: [{ name: 'nope', cluster: 'nope', user: 'u' }],
      currentContext: 'nope',
    });
    const e = await kubeError(kc.makeApiClient(CoreV1Api).listNamespace());
    expect(e.code).toBe(404);
    expect(e.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
    });
  });
});

describe('session credentials and access entries', () => {
  it('lets an assumed role in only with an access entry, and only with its session token', async () => {
    await createWebIdentityRole(env, 'deployer', {});
    const { accessKeyId } = await assumeWebIdentityRole(env, 'deployer');
    const state = await env.admin<{ sts: { sessions: { accessKeyId: string }[] } }>('GET', 'state');
    expect(state.sts.sessions.map((s) => s.accessKeyId)).toContain(accessKeyId);
    // The credentials, as the client holds them (the state dump does not show secrets).
    const session = env.emulator.modules.find((m) => m.service === 'sts') as unknown as {
      sessions: Map<string, { secretAccessKey: string; sessionToken: string }>;
    };
    const creds = session.sessions.get(accessKeyId)!;
    const credentials = {
      accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      sessionToken: creds.sessionToken,
    };

    const noEntry = await kubeError(listAs('alpha', await token('alpha', { credentials })));
    expect(noEntry.code).toBe(401);

    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'alpha',
          accessEntries: [
            {
              principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/deployer`,
              policies: [
                { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy' },
              ],
            },
          ],
        },
      ],
    });
    await expect(listAs('alpha', await token('alpha', { credentials }))).resolves.toBeDefined();
    const withoutSessionToken = await token('alpha', {
      credentials: { accessKeyId, secretAccessKey: creds.secretAccessKey },
    });
    expect((await kubeError(listAs('alpha', withoutSessionToken))).code).toBe(401);
  });

  it('gives the cluster creator admin unless bootstrapClusterCreatorAdminPermissions is false', async () => {
    await env.eks.send(
      new CreateClusterCommand({
        name: 'mine',
        roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/eksClusterRole`,
        resourcesVpcConfig: {},
      }),
    );
    await env.eks.send(
      new CreateClusterCommand({
        name: 'theirs',
        roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/eksClusterRole`,
        resourcesVpcConfig: {},
        accessConfig: { bootstrapClusterCreatorAdminPermissions: false },
      }),
    );
    await expect(listAs('mine', await token('mine'))).resolves.toBeDefined();
    expect((await kubeError(listAs('theirs', await token('theirs')))).code).toBe(401);
  });

  it('lets only the creator into a CONFIG_MAP cluster (its aws-auth entry)', async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'legacy',
          authenticationMode: 'CONFIG_MAP',
          creator: `arn:aws:iam::${TEST_ACCOUNT}:role/someone-else`,
        },
      ],
    });
    expect((await kubeError(listAs('legacy', await token('legacy')))).code).toBe(401);
    await env.admin('POST', 'seed', {
      clusters: [{ name: 'legacy2', authenticationMode: 'CONFIG_MAP' }],
    });
    await expect(listAs('legacy2', await token('legacy2'))).resolves.toBeDefined();
  });
});
