// Client-side timeouts: the defaults, PODID_HTTP_TIMEOUT_MS, and the error a spent run of
// timed-out attempts ends with.
import { describe, expect, it } from 'vitest';
import { httpSettings, httpTimeouts, nameTimeouts } from '../../src/aws/timeouts.js';

type Handler = (args: unknown) => Promise<unknown>;
type Middleware = (next: Handler, context: object) => Handler;

/** The message a failed call ends with, through the middleware nameTimeouts adds. */
async function messageOf(error: Error, context: object): Promise<string> {
  let middleware: Middleware | undefined;
  nameTimeouts(
    { middlewareStack: { add: (m: Middleware) => (middleware = m) } },
    {
      connectMs: 5000,
      requestMs: 1500,
    },
  );
  try {
    await middleware!(() => Promise.reject(error), context)({});
  } catch (thrown) {
    expect(thrown).toBe(error);
    return (thrown as Error).message;
  }
  throw new Error('expected the call to fail');
}

const timeoutError = (message: string, attempts?: number): Error =>
  Object.assign(new Error(message), { name: 'TimeoutError', $metadata: { attempts } });

const DESCRIBE = { clientName: 'EKSClient', commandName: 'DescribeClusterCommand' };

describe('httpTimeouts', () => {
  it('connects within 5 s and answers within 30 s by default', () => {
    expect(httpTimeouts({})).toEqual({ connectMs: 5000, requestMs: 30_000 });
    expect(httpSettings({ connectMs: 5000, requestMs: 30_000 }).config.requestHandler).toEqual({
      connectionTimeout: 5000,
      requestTimeout: 30_000,
      throwOnRequestTimeout: true,
    });
  });

  it('takes PODID_HTTP_TIMEOUT_MS, and never waits longer to connect than for the whole call', () => {
    expect(httpTimeouts({ PODID_HTTP_TIMEOUT_MS: '60000' })).toEqual({
      connectMs: 5000,
      requestMs: 60_000,
    });
    expect(httpTimeouts({ PODID_HTTP_TIMEOUT_MS: '1000' })).toEqual({
      connectMs: 1000,
      requestMs: 1000,
    });
  });

  it.each(['10s', '0', '50', '1.5', '900000'])('refuses PODID_HTTP_TIMEOUT_MS=%s', (value) => {
    expect(() => httpTimeouts({ PODID_HTTP_TIMEOUT_MS: value })).toThrow(
      `PODID_HTTP_TIMEOUT_MS must be a whole number of milliseconds from 100 to 300000 (default 30000); got "${value}"`,
    );
  });
});

describe('nameTimeouts', () => {
  it('names the call, the limit and the attempts of a request timeout', async () => {
    const sdk = timeoutError(
      '@smithy/node-http-handler - [ERROR] a request has exceeded the configured 1500 ms requestTimeout.',
      5,
    );
    expect(await messageOf(sdk, DESCRIBE)).toBe(
      'EKS DescribeCluster timed out: no answer within 1.5 s on each of 5 attempts (PODID_HTTP_TIMEOUT_MS sets the limit)',
    );
    expect(sdk.name).toBe('TimeoutError');
  });

  it('says a connection could not be made', async () => {
    const sdk = timeoutError(
      '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.',
      1,
    );
    expect(
      await messageOf(sdk, {
        clientName: 'CloudFormationClient',
        commandName: 'CreateChangeSetCommand',
      }),
    ).toBe(
      'CloudFormation CreateChangeSet timed out: could not connect within 5 s on its only attempt; check the network and the endpoint',
    );
  });

  it('leaves other errors alone', async () => {
    const other = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    expect(await messageOf(other, DESCRIBE)).toBe('Rate exceeded');
  });
});
