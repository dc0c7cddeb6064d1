// The EKS bearer token, as `aws eks get-token` makes it: `k8s-aws-v1.` + base64url of a presigned STS
// GetCallerIdentity URL that also signs the `x-k8s-aws-id: <cluster>` header. EKS asks STS who signed
// it, so the token carries the same identity as the AWS calls, and binds it to one cluster.

import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

export const TOKEN_PREFIX = 'k8s-aws-v1.';
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** EKS accepts a token for 15 minutes after it was signed, whatever X-Amz-Expires says. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;
/** `aws eks get-token` presigns for 60 seconds; EKS ignores it, STS would not. */
const PRESIGN_SECONDS = 60;

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** SHA-256 (or its HMAC) in the shape the SigV4 signer wants, from node:crypto. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {}
}

/** RFC 3986 escaping, as SigV4 canonicalises query values. */
const escape = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export interface EksToken {
  token: string;
  /** When EKS stops accepting it. */
  expiresAt: Date;
}

/**
 * A token for `cluster`, signed for STS at `stsEndpoint` (the endpoint the STS client resolves: a
 * regional `sts.<region>.amazonaws.com`, or AWS_ENDPOINT_URL).
 */
export async function eksToken(input: {
  cluster: string;
  region: string;
  stsEndpoint: URL;
  credentials: AwsCredentialIdentity;
  now: Date;
}): Promise<EksToken> {
  const { stsEndpoint: url } = input;
  const signer = new SignatureV4({
    service: 'sts',
    region: input.region,
    credentials: input.credentials,
    sha256: Sha256,
    uriEscapePath: true,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: url.host, [CLUSTER_ID_HEADER]: input.cluster },
    },
    { expiresIn: PRESIGN_SECONDS, signingDate: input.now },
  );
  const query = Object.entries(signed.query ?? {})
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((one) => `${escape(k)}=${escape(String(one))}`),
    )
    .join('&');
  const presigned = `${url.protocol}//${url.host}${url.pathname || '/'}?${query}`;
  return {
    token: TOKEN_PREFIX + Buffer.from(presigned).toString('base64url'),
    expiresAt: new Date(input.now.getTime() + TOKEN_LIFETIME_MS),
  };
}
