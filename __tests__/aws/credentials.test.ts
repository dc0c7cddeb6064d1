// OIDC credentials: one actionable error per common failure, retries with backoff, masking, the
// token requested ahead of its use.
import { describe, expect, it } from 'vitest';
import type { STSClient } from '@aws-sdk/client-sts';
import {
  CredentialsError,
  renewingCredentials,
  resolveCredentials,
  tokenClaims,
  tokenRequestedAhead,
  type CredentialDeps,
} from '../../src/aws/credentials.js';

const ROLE = 'arn:aws:iam::111122223333:role/podid-apply';
const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const TOKEN = jwt({ sub: 'repo:org/infra:pull_request', aud: 'sts.amazonaws.com' });

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

function deps(answers: (() => unknown)[], extra: Partial<CredentialDeps> = {}) {
  const secrets: string[] = [];
  const lines: string[] = [];
  const sent: string[] = [];
  const sts = {
    send: async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      const next = answers.shift();
      if (!next) throw new Error('unexpected call');
      return next();
    },
    destroy() {},
  } as unknown as STSClient;
  const d: CredentialDeps = {
    getIDToken: async () => TOKEN,
    setSecret: (s) => secrets.push(s),
    info: (l) => lines.push(l),
    idTokenAvailable: true,
    sleep: async () => {},
    random: () => 0.5,
    stsClient: () => sts,
    ...extra,
  };
  return { d, secrets, lines, sent };
}

const request = {
  roleToAssume: ROLE,
  roleSessionName: 'podid-action-1',
  region: 'us-west-2',
  repository: 'org/infra',
  forkPullRequest: false,
};
const issued = () => ({
  Credentials: {
    AccessKeyId: 'ASIAX',
    SecretAccessKey: 'sek',
    SessionToken: 'tok',
    Expiration: new Date(),
  },
});
const identity = () => ({
  Arn: 'arn:aws:sts::111122223333:assumed-role/podid-apply/podid-action-1',
});

async function failure(p: Promise<unknown>): Promise<CredentialsError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof CredentialsError) return error;
    throw error;
  }
  throw new Error('expected a CredentialsError');
}

describe('resolveCredentials', () => {
  it('assumes the role, masks the keys and logs the caller identity', async () => {
    const { d, secrets, lines, sent } = deps([issued, identity]);
    const creds = await resolveCredentials(request, d);
    expect(creds).toMatchObject({
      accessKeyId: 'ASIAX',
      secretAccessKey: 'sek',
      sessionToken: 'tok',
    });
    expect(secrets).toEqual(['ASIAX', 'sek', 'tok']);
    expect(sent).toEqual(['AssumeRoleWithWebIdentityCommand', 'GetCallerIdentityCommand']);
    expect(lines.at(-1)).toContain('assumed-role/podid-apply/podid-action-1');
  });

  it('retries IDPCommunicationError and throttling with backoff', async () => {
    const { d, lines } = deps([
      () => {
        throw awsError('IDPCommunicationError', 'could not reach the IdP');
      },
      () => {
        throw awsError('Throttling', 'Rate exceeded');
      },
      issued,
      identity,
    ]);
    await resolveCredentials(request, d);
    expect(lines.filter((l) => l.includes('retrying in'))).toHaveLength(2);
  });

  it('without id-token: write, names the permission', async () => {
    const { d } = deps([], { idTokenAvailable: false });
    const e = await failure(resolveCredentials(request, d));
    expect(e.message).toContain('permissions: id-token: write');
    expect(e.fork).toBe(false);
  });

  it("puts the toolkit's failure on one line: a refusal names the permission, a 5xx says to re-run", async () => {
    const toolkit = (code: number, message: string) => async () => {
      throw new Error(
        `Failed to get ID Token. \n \n        Error Code : ${code}\n \n        Error Message: ${message}`,
      );
    };
    const refused = await failure(
      resolveCredentials(request, deps([], { getIDToken: toolkit(403, 'Forbidden') }).d),
    );
    expect(refused.message).toBe(
      "could not get the GitHub OIDC token: GitHub's token endpoint answered 403 (Forbidden). Check that the job has `permissions: id-token: write`",
    );
    const failed = await failure(
      resolveCredentials(request, deps([], { getIDToken: toolkit(503, 'Service Unavailable') }).d),
    );
    expect(failed.message).toBe(
      "could not get the GitHub OIDC token: GitHub's token endpoint answered 503 (Service Unavailable). GitHub failed to issue it: re-run the job",
    );
  });

  it('on a fork PR, says a fork cannot get a token (and never to use pull_request_target)', async () => {
    const { d } = deps([], { idTokenAvailable: false });
    const e = await failure(resolveCredentials({ ...request, forkPullRequest: true }, d));
    expect(e.fork).toBe(true);
    expect(e.message).toContain('comes from a fork');
    expect(e.message).toContain('never use pull_request_target');
  });

  it('on a trust-policy refusal, shows the token sub and every sub form', async () => {
    const { d } = deps([
      () => {
        throw awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
      },
    ]);
    const e = await failure(resolveCredentials(request, d));
    expect(e.message).toContain('sub is "repo:org/infra:pull_request"');
    expect(e.message).toContain('repo:org/infra:ref:refs/heads/main');
    expect(e.message).toContain('repo:org/infra:environment:production');
    expect(e.message).toContain('repo:org@ORG_ID/infra@REPO_ID');
    expect(e.message).toContain('token.actions.githubusercontent.com:aud = sts.amazonaws.com');
  });

  it('without the OIDC provider, says to create it', async () => {
    const { d } = deps([
      () => {
        throw awsError(
          'InvalidIdentityToken',
          'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
        );
      },
    ]);
    expect((await failure(resolveCredentials(request, d))).message).toContain(
      'Create the IAM OIDC identity provider',
    );
  });

  it('without a role, checks the default chain', async () => {
    const { d, lines } = deps([() => ({ Arn: 'arn:aws:iam::1:user/ci' })]);
    expect(await resolveCredentials({ ...request, roleToAssume: undefined }, d)).toBeUndefined();
    expect(lines[0]).toContain('SDK default chain, as arn:aws:iam::1:user/ci');
    const broken = deps([
      () => {
        throw new Error('Could not load credentials from any providers');
      },
    ]);
    expect(
      (await failure(resolveCredentials({ ...request, roleToAssume: undefined }, broken.d)))
        .message,
    ).toContain('set `role-to-assume`');
  });

  it('reads claims from a JWT without trusting it', () => {
    expect(tokenClaims(TOKEN)).toEqual({
      sub: 'repo:org/infra:pull_request',
      aud: 'sts.amazonaws.com',
    });
    expect(tokenClaims('garbage')).toEqual({});
  });
});

describe('renewingCredentials', () => {
  it('hands out the session until five minutes before it ends, then one renewal for all callers', async () => {
    let clock = 0;
    const at = (minutes: number) => new Date(minutes * 60_000);
    const first = {
      accessKeyId: 'A1',
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: at(60),
    };
    let renewals = 0;
    const provider = renewingCredentials(
      first,
      async () => {
        renewals++;
        return {
          accessKeyId: `A${renewals + 1}`,
          secretAccessKey: 's',
          sessionToken: 't',
          expiration: at(120),
        };
      },
      () => clock,
    );
    expect((await provider()).accessKeyId).toBe('A1');
    clock = 54 * 60_000;
    expect((await provider()).accessKeyId).toBe('A1');
    clock = 56 * 60_000;
    const [x, y] = await Promise.all([provider(), provider()]);
    expect([x.accessKeyId, y.accessKeyId, renewals]).toEqual(['A2', 'A2', 1]);
    expect((await provider()).accessKeyId).toBe('A2');
  });
});

describe('tokenRequestedAhead', () => {
  /** A getIDToken that answers `token-1`, `token-2`, … and records the audiences asked for. */
  function tokens() {
    const asked: string[] = [];
    const getIDToken = async (audience: string) => {
      asked.push(audience);
      return `token-${asked.length}`;
    };
    return { asked, getIDToken };
  }

  it('requests the STS token at once; the first use takes it, later ones ask anew', async () => {
    const { asked, getIDToken } = tokens();
    const get = tokenRequestedAhead(getIDToken, () => 0);
    expect(asked).toEqual(['sts.amazonaws.com']);
    expect(await get('sts.amazonaws.com')).toBe('token-1');
    expect(await get('sts.amazonaws.com')).toBe('token-2');
    expect(asked).toEqual(['sts.amazonaws.com', 'sts.amazonaws.com']);
  });

  it('does not hand out a token requested more than a minute before (GitHub tokens last five)', async () => {
    const { getIDToken } = tokens();
    let clock = 0;
    const get = tokenRequestedAhead(getIDToken, () => clock);
    clock = 61_000;
    expect(await get('sts.amazonaws.com')).toBe('token-2');
  });

  it('asks anew for another audience', async () => {
    const { asked, getIDToken } = tokens();
    const get = tokenRequestedAhead(getIDToken, () => 0);
    expect(await get('example.com')).toBe('token-2');
    expect(asked).toEqual(['sts.amazonaws.com', 'example.com']);
  });

  it('hands its failure to the first use, and an unused failure rejects nothing unhandled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const refuse = async () => {
        throw new Error('no token');
      };
      tokenRequestedAhead(refuse);
      const used = tokenRequestedAhead(refuse);
      await expect(used('sts.amazonaws.com')).rejects.toThrow('no token');
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
