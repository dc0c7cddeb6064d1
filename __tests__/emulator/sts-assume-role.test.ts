// STS AssumeRole through @aws-sdk/client-sts: a session of a role, in the role's account, when the
// role's trust policy names the caller (or its account) and the caller's own policies allow
// sts:AssumeRole on it; every refusal as AWS words it.

import { describe, expect, it } from 'vitest';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { TEST_ACCOUNT, sdkError, withEmulator, type Clients } from './helpers.js';
import { policy, roleSession } from './session-helpers.js';

const OTHER = '444455556666';
const OTHER_KEY = { accessKeyId: 'AKIAOTHERACCOUNT0001', secretAccessKey: 'other-secret' };
const TARGET = `arn:aws:iam::${OTHER}:role/target`;

const env = withEmulator({
  seed: {
    accounts: { [OTHER]: { credentials: [OTHER_KEY], clusters: [{ name: 'theirs' }] } },
  },
});

const other = () => env.clients({ credentials: OTHER_KEY, maxAttempts: 1 });

/** Role `target` in the other account, trusting `principal` (with an optional condition). */
async function target(principal: unknown, condition?: Record<string, unknown>): Promise<void> {
  await other().iam.send(
    new CreateRoleCommand({
      RoleName: 'target',
      AssumeRolePolicyDocument: policy({
        Effect: 'Allow',
        Principal: principal,
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      }),
    }),
  );
  await other().iam.send(
    new PutRolePolicyCommand({
      RoleName: 'target',
      PolicyName: 'eks-read',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'eks:List*', Resource: '*' }),
    }),
  );
}

/** A web identity session in this account whose role may (or may not) assume roles elsewhere. */
const caller = (mayAssume = true) =>
  roleSession(env, 'caller', {
    inline: policy(
      mayAssume
        ? { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${OTHER}:role/*` }
        : { Effect: 'Allow', Action: 'eks:*', Resource: '*' },
    ),
  });

const assume = (clients: Clients, extra: Partial<AssumeRoleCommand['input']> = {}) =>
  clients.sts.send(new AssumeRoleCommand({ RoleArn: TARGET, RoleSessionName: 'hop', ...extra }));

const signedWith = (credentials: {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
}): Clients =>
  env.clients({
    maxAttempts: 1,
    credentials: {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    },
  });

describe('STS AssumeRole', () => {
  it('crosses into the role’s account when its trust names the caller’s account', async () => {
    await target({ AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` });
    const { clients } = await caller();
    const { Credentials, AssumedRoleUser } = await assume(clients);
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(AssumedRoleUser).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:hop$/),
      Arn: `arn:aws:sts::${OTHER}:assumed-role/target/hop`,
    });
    const session = signedWith(Credentials!);
    expect(await session.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: OTHER,
      Arn: `arn:aws:sts::${OTHER}:assumed-role/target/hop`,
    });
    expect((await session.eks.send(new ListClustersCommand({}))).clusters).toEqual(['theirs']);
  });

  it('refuses when the trust policy does not name the caller, and for a role that does not exist', async () => {
    await target({ AWS: `arn:aws:iam::${OTHER}:root` });
    const { clients } = await caller();
    const message = `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/caller/run-1 is not authorized to perform: sts:AssumeRole on resource: `;
    const refused = await sdkError(assume(clients));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.$metadata.httpStatusCode).toBe(403);
    expect(refused.message).toBe(`${message}${TARGET}`);
    const missing = await sdkError(
      assume(clients, { RoleArn: `arn:aws:iam::${OTHER}:role/nobody` }),
    );
    expect(missing.message).toBe(`${message}arn:aws:iam::${OTHER}:role/nobody`);
  });

  it('also needs the caller’s own policies to allow sts:AssumeRole on the role', async () => {
    await target({ AWS: `arn:aws:iam::${TEST_ACCOUNT}:role/caller` });
    const { clients } = await caller(false);
    const refused = await sdkError(assume(clients));
    expect(refused.name).toBe('AccessDenied');
    expect(refused.message).toBe(
      `User: arn:aws:sts::${TEST_ACCOUNT}:assumed-role/caller/run-1 is not authorized to perform: sts:AssumeRole on resource: ${TARGET} because no identity-based policy allows the sts:AssumeRole action`,
    );
  });

  it('a static key is its account’s user: trusted through its account, not as a named role', async () => {
    await target({ AWS: TEST_ACCOUNT });
    const { AssumedRoleUser } = await assume(env.clients({ maxAttempts: 1 }));
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/target/hop`);
  });

  it('checks sts:ExternalId when the trust policy asks for one', async () => {
    await target(
      { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` },
      { StringEquals: { 'sts:ExternalId': 'shared-secret' } },
    );
    const admin = env.clients({ maxAttempts: 1 });
    expect((await sdkError(assume(admin))).name).toBe('AccessDenied');
    expect((await sdkError(assume(admin, { ExternalId: 'wrong-one' }))).name).toBe('AccessDenied');
    const { AssumedRoleUser } = await assume(admin, { ExternalId: 'shared-secret' });
    expect(AssumedRoleUser?.Arn).toMatch(/assumed-role\/target\/hop$/);
  });

  it('limits a role chain to one hour, and checks the model constraints first', async () => {
    await target({ AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` });
    const { clients } = await caller();
    const chained = await sdkError(assume(clients, { DurationSeconds: 7200 }));
    expect(chained.name).toBe('ValidationError');
    expect(chained.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    const short = await sdkError(assume(clients, { RoleSessionName: 'x' }));
    expect(short.message).toBe(
      "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });

  it('is logged as a read, in the caller’s account', async () => {
    await target({ AWS: TEST_ACCOUNT });
    await assume(env.clients({ maxAttempts: 1 }));
    const calls = await env.admin<{ operation: string; mutating: boolean; account?: string }[]>(
      'GET',
      'calls',
    );
    expect(calls.filter((c) => c.operation === 'AssumeRole')).toMatchObject([
      { mutating: false, account: TEST_ACCOUNT },
    ]);
  });
});
