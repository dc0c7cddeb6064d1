// The Kubernetes session against the emulator's API server: TLS is verified against the CA given
// (never skipped), the token is renewed once it is two thirds through its life, and the API
// server's refusals come back as its Status (reason, message), not as the client's dump.

import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { makeTls } from '../../emulator/kubernetes/tls.js';
import { KubernetesApiError, KubernetesUnreachableError } from '../../src/kube/errors.js';
import { namespaceExists, createServiceAccount } from '../../src/kube/service-accounts.js';
import { KubeSession, type KubeSessionDeps } from '../../src/kube/session.js';
import { TEST_CREDENTIALS, TEST_REGION, withEmulator } from '../emulator/helpers.js';

const env = withEmulator();

async function endpointOf(cluster: string): Promise<{ server: string; caData: string }> {
  const { cluster: info } = await env.eks.send(new DescribeClusterCommand({ name: cluster }));
  return { server: info?.endpoint ?? '', caData: info?.certificateAuthority?.data ?? '' };
}

function sessionFor(
  endpoint: { server: string; caData: string },
  deps: Partial<KubeSessionDeps> = {},
): KubeSession {
  return new KubeSession(
    { cluster: 'prod', region: TEST_REGION, ...endpoint },
    {
      credentials: () => Promise.resolve(TEST_CREDENTIALS),
      stsEndpoint: () => Promise.resolve(new URL(env.url)),
      timeoutMs: 10_000,
      ...deps,
    },
  );
}

const seedProd = () =>
  env.admin('POST', 'seed', { clusters: [{ name: 'prod', region: TEST_REGION, version: '1.32' }] });

describe('KubeSession', () => {
  it('verifies TLS against the CA DescribeCluster gives, and refuses another CA', async () => {
    await seedProd();
    const endpoint = await endpointOf('prod');
    expect(await namespaceExists(sessionFor(endpoint), 'default')).toBe(true);

    const stranger = await makeTls();
    const wrongCa = Buffer.from(stranger.ca).toString('base64');
    const error = await namespaceExists(
      sessionFor({ ...endpoint, caData: wrongCa }),
      'default',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubernetesUnreachableError);
    expect((error as Error).message).toMatch(/certificate|CERT/i);
  });

  it('renews the token once two thirds of its life have passed, not before', async () => {
    await seedProd();
    const endpoint = await endpointOf('prod');
    let now = Date.now() - 9 * 60_000;
    let signed = 0;
    const session = sessionFor(endpoint, {
      now: () => new Date(now),
      credentials: () => {
        signed += 1;
        return Promise.resolve(TEST_CREDENTIALS);
      },
    });
    await namespaceExists(session, 'default');
    now += 60_000; // 1 minute later: the same token
    await namespaceExists(session, 'default');
    expect(signed).toBe(1);
    now += 9 * 60_000; // 10 minutes old: renewed before the call
    await namespaceExists(session, 'default');
    expect(signed).toBe(2);
  });

  it("returns the API server's refusal as its Status", async () => {
    await seedProd();
    const endpoint = await endpointOf('prod');
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'kubernetes',
          operation: 'create:serviceaccounts',
          error: {
            status: 422,
            code: 'Invalid',
            message: 'ServiceAccount "x" is invalid: injected',
          },
          times: 1,
        },
      ],
    });
    const error = await createServiceAccount(sessionFor(endpoint), 'default', 'x', {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KubernetesApiError);
    expect((error as KubernetesApiError).message).toBe(
      'ServiceAccount "x" is invalid: injected (Invalid, HTTP 422)',
    );
  });
});
