// AWS credentials for the action (DESIGN §8). With `role-to-assume`: the job's GitHub OIDC token
// (audience sts.amazonaws.com) is exchanged with STS AssumeRoleWithWebIdentity (unsigned), retried
// with full-jitter backoff on IDPCommunicationError and throttling; the keys are masked before
// anything can print them. Without it: the SDK default chain. Each way this commonly fails gets ONE
// error naming the fix. The STS client is imported when first needed: the OIDC token request goes
// out before the SDK is loaded.

import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { errorMessage, isAwsError, isTransient } from './errors.js';
import { quietSdkNodeReminder } from './sdk-reminder.js';
import { withRetry } from './retry.js';
import { HTTP_TIMEOUT_ENV, httpSettings, httpTimeouts, nameTimeouts } from './timeouts.js';

/** Fixed keys, or a provider the SDK asks again when they near their end. */
export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export const OIDC_AUDIENCE = 'sts.amazonaws.com';
const SESSION_SECONDS = 3600;

export interface CredentialRequest {
  roleToAssume?: string;
  roleSessionName: string;
  region: string;
  /** owner/repo, for the examples in error messages. */
  repository: string;
  /** The run is for a pull request from a fork (no id-token, read-only token). */
  forkPullRequest: boolean;
}

export interface CredentialDeps {
  getIDToken(audience: string): Promise<string>;
  setSecret(value: string): void;
  info(line: string): void;
  /** Whether the runner offers an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are set). */
  idTokenAvailable: boolean;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  stsClient?(region: string, credentials?: AwsCredentialIdentity): STSClient;
}

/** Credentials could not be had; the message says how to fix it. */
export class CredentialsError extends Error {
  constructor(
    message: string,
    /** The cause is the PR coming from a fork, which no workflow setting fixes. */
    readonly fork = false,
  ) {
    super(message);
  }
}

const stsSdk = () => import('@aws-sdk/client-sts');

/** How long a token requested ahead is the one to use (GitHub's tokens expire after five minutes). */
const AHEAD_MS = 60_000;

/**
 * `getIDToken` whose first token is requested now, ahead of its use: the request then overlaps the
 * loading of the flow and the config instead of waiting for them. The first call for the STS
 * audience within a minute gets that token (or its failure); every other call asks anew.
 */
export function tokenRequestedAhead(
  getIDToken: (audience: string) => Promise<string>,
  now: () => number = () => Date.now(),
): (audience: string) => Promise<string> {
  const requestedAt = now();
  let ahead: Promise<string> | undefined = getIDToken(OIDC_AUDIENCE);
  // Never used (an invalid config, a mode that ends early) is not an unhandled rejection.
  ahead.catch(() => undefined);
  return (audience) => {
    const token = ahead;
    ahead = undefined;
    const fresh = now() - requestedAt < AHEAD_MS;
    return token && fresh && audience === OIDC_AUDIENCE ? token : getIDToken(audience);
  };
}

/**
 * The toolkit's failure in one line: its message spreads the status and the reason over three
 * lines. Only a refusal (4xx) is the job's permission; a 5xx is GitHub's, and a re-run the fix.
 */
function tokenRequestError(message: string): CredentialsError {
  const status = Number(/Error Code : (\d{3})/.exec(message)?.[1]);
  const reason = /Error Message: (.*)/.exec(message)?.[1]?.trim();
  const said = status
    ? `GitHub's token endpoint answered ${status}${reason ? ` (${reason})` : ''}`
    : message;
  const fix =
    status >= 500
      ? 'GitHub failed to issue it: re-run the job'
      : 'Check that the job has `permissions: id-token: write`';
  return new CredentialsError(`could not get the GitHub OIDC token: ${said}. ${fix}`);
}

class NoAnswer extends Error {}

/**
 * The toolkit's token request has no time limit of its own (and retries 5xx answers): bounded here,
 * so a token endpoint that stalls fails the run with a reason instead of holding the job.
 */
function answeredWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer()), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

async function defaultSts(region: string, credentials?: AwsCredentialIdentity): Promise<STSClient> {
  const { STSClient } = await stsSdk();
  const http = httpSettings();
  quietSdkNodeReminder();
  const sts = new STSClient({ region, credentials, maxAttempts: 3, ...http.config });
  nameTimeouts(sts, http.timeouts);
  return sts;
}

/** The `sub` and `aud` claims of a JWT, for error messages (not verified: STS does that). */
export function tokenClaims(jwt: string): { sub?: string; aud?: string } {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const aud = Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud;
    return { sub: typeof payload.sub === 'string' ? payload.sub : undefined, aud };
  } catch {
    return {};
  }
}

export function subjectForms(repository: string): string {
  const [org, repo] = repository.split('/');
  return [
    `repo:${repository}:pull_request (pull request runs: give this only to the read-only plan role)`,
    `repo:${repository}:ref:refs/heads/main (pushes to main)`,
    `repo:${repository}:environment:production (jobs with environment: production)`,
    `repo:${org}@ORG_ID/${repo}@REPO_ID:… (the immutable form that repositories created from 2026-07-15, or opted in, emit)`,
  ].join('; ');
}

function noTokenError(request: CredentialRequest): CredentialsError {
  if (request.forkPullRequest) {
    return new CredentialsError(
      'this pull request comes from a fork, and GitHub gives fork pull requests no OIDC token (id-token: none), ' +
        `so role ${request.roleToAssume} cannot be assumed. Push the branch to this repository to get a plan, ` +
        'or relay the plan with a workflow_run job; never use pull_request_target for this (docs/action.md)',
      true,
    );
  }
  return new CredentialsError(
    `role-to-assume is set but the job cannot request an OIDC token: add \`permissions: id-token: write\` to the job ` +
      '(with `contents: read` and `pull-requests: write`: once a permissions block exists, every scope it does not list is none)',
  );
}

function assumeError(error: unknown, request: CredentialRequest, jwt: string): CredentialsError {
  const { sub, aud } = tokenClaims(jwt);
  const message = errorMessage(error);
  if (isAwsError(error, 'AccessDenied', 'AccessDeniedException')) {
    return new CredentialsError(
      `STS refused AssumeRoleWithWebIdentity for ${request.roleToAssume}: ${message}. ` +
        `The token's sub is "${sub ?? 'unknown'}" and aud is "${aud ?? 'unknown'}": the role's trust policy must allow ` +
        `the Federated principal token.actions.githubusercontent.com with StringEquals on ` +
        `token.actions.githubusercontent.com:aud = ${OIDC_AUDIENCE} and on token.actions.githubusercontent.com:sub. ` +
        `Sub forms: ${subjectForms(request.repository)}. See docs/iam-policies.md`,
    );
  }
  if (isAwsError(error, 'InvalidIdentityToken', 'InvalidIdentityTokenException')) {
    return new CredentialsError(
      `STS did not accept the GitHub OIDC token: ${message}. Create the IAM OIDC identity provider ` +
        `https://token.actions.githubusercontent.com with audience ${OIDC_AUDIENCE} in the role's account (docs/iam-policies.md)`,
    );
  }
  return new CredentialsError(`could not assume ${request.roleToAssume}: ${message}`);
}

const retryable = (error: unknown): boolean =>
  isAwsError(error, 'IDPCommunicationError', 'IDPCommunicationErrorException') ||
  isTransient(error);

async function callerArn(sts: STSClient): Promise<string> {
  const { GetCallerIdentityCommand } = await stsSdk();
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return identity.Arn ?? 'unknown';
}

/** Credentials for the run, or undefined for the SDK default chain (checked to work). */
export async function resolveCredentials(
  request: CredentialRequest,
  deps: CredentialDeps,
): Promise<AwsCredentialIdentity | undefined> {
  const makeSts = async (region: string, credentials?: AwsCredentialIdentity) =>
    deps.stsClient?.(region, credentials) ?? defaultSts(region, credentials);
  if (!request.roleToAssume) {
    const sts = await makeSts(request.region);
    try {
      deps.info(`AWS credentials: SDK default chain, as ${await callerArn(sts)}`);
    } catch (error) {
      throw new CredentialsError(
        `no usable AWS credentials (${errorMessage(error)}): set \`role-to-assume\` and grant ` +
          '`permissions: id-token: write`, or provide credentials in the environment',
      );
    } finally {
      sts.destroy();
    }
    return undefined;
  }
  if (!deps.idTokenAvailable) throw noTokenError(request);
  let jwt: string;
  const deadlineMs = 2 * httpTimeouts().requestMs;
  try {
    jwt = await answeredWithin(deps.getIDToken(OIDC_AUDIENCE), deadlineMs);
  } catch (error) {
    if (error instanceof NoAnswer) {
      throw new CredentialsError(
        `could not get the GitHub OIDC token: GitHub's token endpoint did not answer within ${deadlineMs / 1000} s. Re-run the job; ${HTTP_TIMEOUT_ENV} (milliseconds, half this limit) sets how long to wait`,
      );
    }
    if (request.forkPullRequest) throw noTokenError(request);
    throw tokenRequestError(errorMessage(error));
  }
  // core.getIDToken has already masked the token.
  const sts = await makeSts(request.region);
  const { AssumeRoleWithWebIdentityCommand } = await stsSdk();
  let response;
  try {
    response = await withRetry(
      () =>
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: request.roleToAssume,
            RoleSessionName: request.roleSessionName,
            WebIdentityToken: jwt,
            DurationSeconds: SESSION_SECONDS,
          }),
        ),
      {
        attempts: 6,
        baseMs: 500,
        maxMs: 8000,
        isRetryable: retryable,
        sleep: deps.sleep,
        random: deps.random,
        onRetry: (error, attempt, delay) =>
          deps.info(
            `AssumeRoleWithWebIdentity attempt ${attempt} failed (${errorMessage(error)}); retrying in ${delay} ms`,
          ),
      },
    );
  } catch (error) {
    throw assumeError(error, request, jwt);
  } finally {
    sts.destroy();
  }
  const c = response.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new CredentialsError('STS AssumeRoleWithWebIdentity answered without credentials');
  }
  // Masked before any other line is logged.
  deps.setSecret(c.AccessKeyId);
  deps.setSecret(c.SecretAccessKey);
  deps.setSecret(c.SessionToken);
  const credentials: AwsCredentialIdentity = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
  const check = await makeSts(request.region, credentials);
  try {
    deps.info(`AWS credentials: assumed ${request.roleToAssume} as ${await callerArn(check)}`);
  } catch (error) {
    throw new CredentialsError(
      `assumed ${request.roleToAssume}, but GetCallerIdentity with the new credentials failed: ${errorMessage(error)}`,
    );
  } finally {
    check.destroy();
  }
  return credentials;
}

/** Renew this long before the session ends, as the SDK itself refreshes expiring identities. */
const RENEW_MARGIN_MS = 5 * 60_000;

/**
 * Credentials that outlive one session: the SDK calls the provider again when the identity nears its
 * expiration, and the provider then assumes the role anew (a fresh OIDC token each time), so an
 * apply that waits on many stacks and add-ons can run past the session's hour.
 */
export function renewingCredentials(
  first: AwsCredentialIdentity,
  renew: () => Promise<AwsCredentialIdentity | undefined>,
  now: () => number = () => Date.now(),
): AwsCredentialIdentityProvider {
  let current = first;
  let renewing: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const expiresAt = current.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
    if (expiresAt - now() > RENEW_MARGIN_MS) return current;
    // One renewal for all the clients that ask at once.
    renewing ??= renew()
      .then((next) => (current = next ?? current))
      .finally(() => (renewing = undefined));
    return renewing;
  };
}
