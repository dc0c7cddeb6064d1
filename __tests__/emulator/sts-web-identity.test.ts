// The OIDC token endpoint (fetch, as @actions/core's getIDToken calls it) and STS
// AssumeRoleWithWebIdentity through @aws-sdk/client-sts, with each refusal as AWS words it.

import { describe, expect, it } from 'vitest';
import { getIDToken } from '@actions/core';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
} from '@aws-sdk/client-iam';
import { TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';

const env = withEmulator();
const ISSUER = 'token.actions.githubusercontent.com';
const PROVIDER_ARN = `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${ISSUER}`;
const ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT}:role/podid-plan`;

/** Like ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=` with the request token as Bearer. */
async function idToken(sub: string, extra = ''): Promise<string> {
  const url = `${env.url}/_emulator/oidc/token?sub=${encodeURIComponent(sub)}${extra}&audience=sts.amazonaws.com`;
  const response = await fetch(url, { headers: { authorization: 'Bearer request-token' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: string }).value;
}

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

function trust(condition: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  });
}

async function setUp(
  condition: Record<string, unknown> = {
    StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
    StringLike: { [`${ISSUER}:sub`]: 'repo:acme/infra:pull_request' },
  },
): Promise<void> {
  await env.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${ISSUER}`,
      ClientIDList: ['sts.amazonaws.com'],
    }),
  );
  await env.iam.send(
    new CreateRoleCommand({ RoleName: 'podid-plan', AssumeRolePolicyDocument: trust(condition) }),
  );
}

/** STS as the action calls it: unsigned (no credentials needed for this operation). */
const anonymousSts = (): STSClient =>
  new STSClient({
    endpoint: env.url,
    region: 'us-west-2',
    maxAttempts: 1,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });

const assume = (token: string, extra: Record<string, unknown> = {}) =>
  anonymousSts().send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: ROLE_ARN,
      RoleSessionName: 'GitHubActions',
      WebIdentityToken: token,
      ...extra,
    }),
  );

describe('OIDC token endpoint', () => {
  it('issues an RS256 JWT with GitHub claims derived from the sub', async () => {
    const jwt = await idToken('repo:acme/infra:environment:prod');
    const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const claims = claimsOf(jwt);
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sts.amazonaws.com',
      sub: 'repo:acme/infra:environment:prod',
      repository: 'acme/infra',
      repository_owner: 'acme',
      environment: 'prod',
      event_name: 'push',
      ref: 'refs/heads/main',
    });
    expect(claims.jti).toEqual(expect.any(String));
    expect(Number(claims.exp)).toBeGreaterThan(Number(claims.iat));
    const pr = claimsOf(await idToken('repo:acme/infra:pull_request', '&pr=7'));
    expect(pr).toMatchObject({ event_name: 'pull_request', ref: 'refs/pull/7/merge' });
    expect(pr.environment).toBeUndefined();
    const immutable = claimsOf(await idToken('repo:acme@123/infra@456:ref:refs/heads/main'));
    expect(immutable).toMatchObject({
      repository: 'acme/infra',
      repository_owner_id: '123',
      repository_id: '456',
    });
  });

  it('serves @actions/core getIDToken (it appends &audience= and sends the Bearer token)', async () => {
    const saved = { ...process.env };
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:pull_request`;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token';
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write; // ::add-mask:: lines
    try {
      const jwt = await getIDToken('sts.amazonaws.com');
      expect(claimsOf(jwt)).toMatchObject({
        aud: 'sts.amazonaws.com',
        sub: 'repo:acme/infra:pull_request',
      });
    } finally {
      process.stdout.write = write;
      process.env = saved;
    }
  });

  it('takes the request token as Bearer, or no header at all (DESIGN §9), but nothing else', async () => {
    const plain = await fetch(`${env.url}/_emulator/oidc/token?sub=x&audience=a`);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { value: string }).value.split('.')).toHaveLength(3);
    const basic = await fetch(`${env.url}/_emulator/oidc/token?sub=x&audience=a`, {
      headers: { authorization: 'Basic eDp5' },
    });
    expect(basic.status).toBe(401);
  });
});

describe('STS AssumeRoleWithWebIdentity', () => {
  it('returns session credentials that GetCallerIdentity knows as the assumed role', async () => {
    await setUp();
    const token = await idToken('repo:acme/infra:pull_request');
    const result = await assume(token);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(result.Credentials?.SecretAccessKey).toEqual(expect.any(String));
    expect(result.Credentials?.SessionToken).toEqual(expect.any(String));
    expect(result.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(result.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(result.SubjectFromWebIdentityToken).toBe('repo:acme/infra:pull_request');
    expect(result.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/podid-plan/GitHubActions`,
    );
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:GitHubActions$/);
    expect(result.Provider).toBe('https://token.actions.githubusercontent.com');
    expect(result.Audience).toBe('sts.amazonaws.com');

    const { sts } = env.clients({
      credentials: {
        accessKeyId: result.Credentials!.AccessKeyId!,
        secretAccessKey: result.Credentials!.SecretAccessKey!,
        sessionToken: result.Credentials!.SessionToken!,
      },
    });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${TEST_ACCOUNT}:assumed-role/podid-plan/GitHubActions`);
    expect(me.UserId).toBe(result.AssumedRoleUser?.AssumedRoleId);
    expect(me.Account).toBe(TEST_ACCOUNT);
  });

  it('refuses without the OIDC provider: InvalidIdentityToken', async () => {
    // IAM refuses a role trusting a provider it does not have, so the provider goes afterwards.
    await setUp({});
    await env.iam.send(
      new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: PROVIDER_ARN }),
    );
    const error = await sdkError(assume(await idToken('repo:acme/infra:pull_request')));
    expect(error.name).toBe('InvalidIdentityTokenException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
    );
  });

  it('refuses another audience: Incorrect token audience', async () => {
    await setUp();
    const url = `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:pull_request&audience=other`;
    const { value } = (await (
      await fetch(url, { headers: { authorization: 'Bearer t' } })
    ).json()) as { value: string };
    const error = await sdkError(assume(value));
    expect(error.name).toBe('InvalidIdentityTokenException');
    expect(error.message).toBe('Incorrect token audience');
  });

  it('refuses a sub the trust policy does not allow: AccessDenied 403', async () => {
    await setUp();
    const error = await sdkError(assume(await idToken('repo:acme/infra:ref:refs/heads/main')));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    const missingRole = await sdkError(
      anonymousSts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/nope`,
          RoleSessionName: 's1',
          WebIdentityToken: await idToken('repo:acme/infra:pull_request'),
        }),
      ),
    );
    expect(missingRole.name).toBe('AccessDenied');
  });

  it('matches StringLike wildcards and ForAnyValue on the sub', async () => {
    await setUp({
      StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
      'ForAnyValue:StringLike': {
        [`${ISSUER}:sub`]: ['repo:acme/*:environment:pro?', 'repo:x/y:*'],
      },
    });
    await expect(assume(await idToken('repo:acme/infra:environment:prod'))).resolves.toBeDefined();
    const error = await sdkError(assume(await idToken('repo:acme/infra:environment:staging')));
    expect(error.name).toBe('AccessDenied');
  });

  it('refuses an expired token: ExpiredTokenException', async () => {
    await setUp();
    const error = await sdkError(assume(await idToken('repo:acme/infra:pull_request', '&ttl=-60')));
    expect(error.name).toBe('ExpiredTokenException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(
      /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/,
    );
  });

  it('refuses a forged or malformed token: InvalidIdentityToken', async () => {
    await setUp();
    const token = await idToken('repo:acme/infra:pull_request');
    const [h, , s] = token.split('.');
    const forgedClaims = { ...claimsOf(token), sub: 'repo:acme/infra:ref:refs/heads/main' };
    const forged = `${h}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${s}`;
    expect((await sdkError(assume(forged))).name).toBe('InvalidIdentityTokenException');
    expect((await sdkError(assume('not-a-jwt'))).name).toBe('InvalidIdentityTokenException');
  });

  it('validates session name and duration like AWS', async () => {
    await setUp();
    const token = await idToken('repo:acme/infra:pull_request');
    const shortName = await sdkError(assume(token, { RoleSessionName: 'x' }));
    expect(shortName.name).toBe('ValidationError');
    expect(shortName.message).toContain("at 'roleSessionName' failed to satisfy constraint");
    const badName = await sdkError(assume(token, { RoleSessionName: 'has space' }));
    expect(badName.message).toContain('regular expression pattern');
    const tooShort = await sdkError(assume(token, { DurationSeconds: 600 }));
    expect(tooShort.message).toContain('greater than or equal to 900');
    const overMax = await sdkError(assume(token, { DurationSeconds: 7200 }));
    expect(overMax.name).toBe('ValidationError');
    expect(overMax.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('logs the token request and the STS call', async () => {
    await setUp();
    await assume(await idToken('repo:acme/infra:pull_request'));
    const calls = await env.admin<{ service: string; operation: string; status: number }[]>(
      'GET',
      'calls',
    );
    expect(calls.map((c) => `${c.service}:${c.operation}:${c.status}`)).toEqual(
      expect.arrayContaining(['oidc:GetIDToken:200', 'sts:AssumeRoleWithWebIdentity:200']),
    );
  });
});
