// The EKS token's shape, as EKS (aws-iam-authenticator) parses it: prefix, base64url without
// padding, a presigned STS GetCallerIdentity URL that signs host and x-k8s-aws-id. The emulator's
// tests verify the signature independently.
import { describe, expect, it } from 'vitest';
import { eksToken, TOKEN_PREFIX } from '../../src/kube/token.js';

const credentials = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'secret',
  sessionToken: 'session/token+with=odd&chars',
};

describe('eksToken', () => {
  it('is k8s-aws-v1. + base64url of a presigned GetCallerIdentity URL bound to the cluster', async () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const { token, expiresAt } = await eksToken({
      cluster: 'prod-a',
      region: 'eu-west-1',
      stsEndpoint: new URL('https://sts.eu-west-1.amazonaws.com'),
      credentials,
      now,
    });
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    const encoded = token.slice(TOKEN_PREFIX.length);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const url = new URL(Buffer.from(encoded, 'base64url').toString());
    expect(url.origin).toBe('https://sts.eu-west-1.amazonaws.com');
    const q = url.searchParams;
    expect(q.get('Action')).toBe('GetCallerIdentity');
    expect(q.get('Version')).toBe('2011-06-15');
    expect(q.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(q.get('X-Amz-Credential')).toBe(
      'ASIAEXAMPLEEXAMPLE00/20261129/eu-west-1/sts/aws4_request',
    );
    expect(q.get('X-Amz-Date')).toBe('20261129T120000Z');
    expect(q.get('X-Amz-Expires')).toBe('60');
    expect(q.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(q.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(q.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(expiresAt.toISOString()).toBe('2026-11-29T12:15:00.000Z');
  });

  it('differs per cluster: a token for one cluster is not a token for another', async () => {
    const base = {
      region: 'us-west-2',
      stsEndpoint: new URL('http://127.0.0.1:4566/'),
      credentials,
      now: new Date('2026-11-29T12:00:00Z'),
    };
    const a = await eksToken({ ...base, cluster: 'a' });
    const b = await eksToken({ ...base, cluster: 'b' });
    const signature = (t: string) =>
      new URL(Buffer.from(t.slice(TOKEN_PREFIX.length), 'base64url').toString()).searchParams.get(
        'X-Amz-Signature',
      );
    expect(signature(a.token)).not.toBe(signature(b.token));
    expect(
      new URL(Buffer.from(a.token.slice(TOKEN_PREFIX.length), 'base64url').toString()).host,
    ).toBe('127.0.0.1:4566');
  });
});
