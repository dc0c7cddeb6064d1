// Compact JWS (RS256) signing and verification with node:crypto: enough for the emulator's OIDC
// issuer and for STS to check the tokens it is given.

import { createSign, createVerify, type KeyObject } from 'node:crypto';

export type Claims = Record<string, unknown>;

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function signRs256(header: Claims, claims: Claims, privateKey: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey);
  return `${input}.${b64url(signature)}`;
}

export interface DecodedJwt {
  header: Claims;
  claims: Claims;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a JWT; undefined when it is not one (three base64url JSON parts). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(claims)) return undefined;
    return {
      header,
      claims,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return undefined;
  }
}

export function verifyRs256(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  if (jwt.header.alg !== 'RS256') return false;
  return createVerify('RSA-SHA256').update(jwt.signingInput).verify(publicKey, jwt.signature);
}

function isObject(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
