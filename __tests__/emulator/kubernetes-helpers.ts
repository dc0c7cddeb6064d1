// Test helper: EKS bearer tokens made as a client makes them (a SigV4-presigned STS
// GetCallerIdentity URL signing x-k8s-aws-id, by @smithy/signature-v4) and the official
// @kubernetes/client-node clients for a cluster, with the endpoint and CA from DescribeCluster.

import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { DescribeClusterCommand, type EKSClient } from '@aws-sdk/client-eks';
import { AuthorizationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { TEST_REGION, type EmulatorHandle } from './helpers.js';

const bytes = (data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** node:crypto as the HashConstructor smithy wants (HMAC when given a secret). */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export interface TokenOptions {
  cluster: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The STS endpoint presigned (default: the emulator's own URL). */
  stsUrl: string;
  region?: string;
  signingDate?: Date;
  /** X-Amz-Expires; EKS ignores it (default 60 as aws-iam-authenticator). */
  expiresIn?: number;
}

/** `k8s-aws-v1.` + base64url(presigned GetCallerIdentity URL), as `aws eks get-token` makes it. */
export async function eksToken(options: TokenOptions): Promise<string> {
  const url = new URL(options.stsUrl);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region ?? TEST_REGION,
    service: 'sts',
    sha256: Sha256,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: url.host, 'x-k8s-aws-id': options.cluster },
    },
    { expiresIn: options.expiresIn ?? 60, signingDate: options.signingDate },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  const signed = `${url.protocol}//${url.host}/?${query}`;
  return `k8s-aws-v1.${Buffer.from(signed).toString('base64url')}`;
}

export interface KubeClients {
  core: CoreV1Api;
  authz: AuthorizationV1Api;
  endpoint: string;
  caData: string;
}

/**
 * Clients for `cluster` authenticated with `token`, TLS verified against the cluster's CA; `eks`
 * describes it (another account's credentials find that account's cluster).
 */
export async function kubeClients(
  env: EmulatorHandle,
  cluster: string,
  token: string,
  eks: EKSClient = env.eks,
): Promise<KubeClients> {
  const { cluster: described } = await eks.send(new DescribeClusterCommand({ name: cluster }));
  const endpoint = described!.endpoint!;
  const caData = described!.certificateAuthority!.data!;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: cluster, server: endpoint, caData, skipTLSVerify: false }],
    users: [{ name: 'eks', token }],
    contexts: [{ name: cluster, cluster, user: 'eks' }],
    currentContext: cluster,
  });
  return {
    core: kc.makeApiClient(CoreV1Api),
    authz: kc.makeApiClient(AuthorizationV1Api),
    endpoint,
    caData,
  };
}

/** The error a client call rejects with (an ApiException: code and the Status body). */
export async function kubeError(
  promise: Promise<unknown>,
): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; body?: unknown };
    if (typeof e.code !== 'number') throw error;
    const status =
      typeof e.body === 'string'
        ? (JSON.parse(e.body) as Record<string, unknown>)
        : (e.body as Record<string, unknown>);
    return { code: e.code, status };
  }
  throw new Error('expected the Kubernetes call to fail');
}

/** One raw HTTPS request to the Kubernetes port (TLS verified), for exact wire checks. */
export function kubeRaw(
  env: EmulatorHandle,
  path: string,
  options: { token?: string; method?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(path, env.emulator.kubernetesUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        ca: env.emulator.kubernetesCa,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined
            ? { 'content-type': options.contentType ?? 'application/json' }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
