import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorRequest } from './types.js';

const MAX_BODY = 8 * 1024 * 1024;

export async function readRequest(req: IncomingMessage): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const { accessKeyId, region } = parseAuthorization(req.headers.authorization);
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    accessKeyId,
    region,
    requestId: randomUUID(),
  };
}

/** Reads `Credential=AKID/date/region/service/aws4_request` from a SigV4 header; signatures are not checked. */
export function parseAuthorization(header: string | undefined): {
  accessKeyId?: string;
  region?: string;
} {
  const match = header?.match(/Credential=([^/,\s]+)\/[^/]+\/([^/]+)\//);
  return match ? { accessKeyId: match[1], region: match[2] } : {};
}

/** awsQuery services are told apart by the API version in the form body. */
export function queryApiVersion(req: EmulatorRequest): string | undefined {
  if (req.method !== 'POST') return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!type.includes('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(req.body).get('Version') ?? undefined;
}
