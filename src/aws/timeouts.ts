// Client-side timeouts of every AWS call. Without them one stalled request holds a concurrency slot
// for as long as the server stalls, and forever on a dead connection. A cut-off attempt fails with
// the SDK's `TimeoutError`, which the SDK's standard retry strategy (and our `isTransient`) retries
// like any transient error; once the attempts are spent, the error names the call and the limit.

/** The one setting: milliseconds a whole request may take (the connect limit never exceeds it). */
export const HTTP_TIMEOUT_ENV = 'PODID_HTTP_TIMEOUT_MS';

/**
 * Connecting (TCP and TLS) to a regional AWS endpoint takes milliseconds; after 5 s the network or
 * the endpoint is not there, and a fresh attempt (a new connection) is the useful next step.
 */
const CONNECT_MS = 5_000;

/**
 * EKS, IAM, CloudFormation and STS answer every call the product makes in well under a second
 * (their work is asynchronous: stacks and add-ons are waited for by polling), so 30 s is far beyond
 * a slow answer, and a hung call costs at most 2.5 minutes over the SDK's 5 attempts. It also stays
 * well inside the 5 minutes of validity credentials have when an attempt is signed (they are
 * renewed when fewer remain), so no attempt can outlive its key.
 */
const REQUEST_MS = 30_000;

export interface HttpTimeouts {
  connectMs: number;
  requestMs: number;
}

/** The timeouts, from PODID_HTTP_TIMEOUT_MS when set. A bad value is an error, not ignored. */
export function httpTimeouts(env: NodeJS.ProcessEnv = process.env): HttpTimeouts {
  const raw = env[HTTP_TIMEOUT_ENV];
  if (raw === undefined || raw.trim() === '')
    return { connectMs: CONNECT_MS, requestMs: REQUEST_MS };
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 300_000) {
    throw new Error(
      `${HTTP_TIMEOUT_ENV} must be a whole number of milliseconds from 100 to 300000 (default ${REQUEST_MS}); got "${raw}"`,
    );
  }
  return { connectMs: Math.min(CONNECT_MS, ms), requestMs: ms };
}

/** The SDK client settings that apply the timeouts (NodeHttpHandler options). */
export function httpSettings(timeouts: HttpTimeouts = httpTimeouts()) {
  return {
    timeouts,
    config: {
      requestHandler: {
        connectionTimeout: timeouts.connectMs,
        requestTimeout: timeouts.requestMs,
        // Without it the handler only logs a warning when requestTimeout passes, and keeps waiting.
        throwOnRequestTimeout: true,
      },
    },
  };
}

type Handler = (args: unknown) => Promise<unknown>;

interface CommandContext {
  clientName?: string;
  commandName?: string;
}

interface InitializeStack {
  add(
    middleware: (next: Handler, context: CommandContext) => Handler,
    options: { step: 'initialize'; priority: 'high'; name: string },
  ): void;
}

interface TimeoutError {
  name: string;
  message: string;
  $metadata?: { attempts?: number };
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** The error a spent run of timed-out attempts ends with, saying which call and how long. */
function named(error: TimeoutError, context: CommandContext, timeouts: HttpTimeouts): void {
  const service = (context.clientName ?? 'AWS').replace(/Client$/, '');
  const operation = (context.commandName ?? 'call').replace(/Command$/, '');
  const attempts = error.$metadata?.attempts ?? 1;
  const each = attempts === 1 ? 'on its only attempt' : `on each of ${attempts} attempts`;
  error.message = /establish a connection/.test(error.message)
    ? `${service} ${operation} timed out: could not connect within ${seconds(timeouts.connectMs)} ${each}; check the network and the endpoint`
    : `${service} ${operation} timed out: no answer within ${seconds(timeouts.requestMs)} ${each} (${HTTP_TIMEOUT_ENV} sets the limit)`;
}

/**
 * Outermost middleware of a client: rewrites the SDK's timeout message ("a request has exceeded the
 * configured 30000 ms requestTimeout"), which names neither the service nor the call. The error
 * stays a `TimeoutError`, so retries above the SDK still see it as transient.
 */
export function nameTimeouts(client: object, timeouts: HttpTimeouts): void {
  // Any SDK v3 client: the generic MiddlewareStack types of each client do not meet in one type.
  const stack = (client as { middlewareStack: InitializeStack }).middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const e = error as TimeoutError | null;
        if (e?.name === 'TimeoutError' && typeof e.message === 'string')
          named(e, context, timeouts);
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'podidTimeoutMessage' },
  );
}
