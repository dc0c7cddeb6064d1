// Several AWS accounts in one emulator: state belongs to an account, a request acts in the account
// of its credentials (a static key's own, a session's role's), and what one account holds is
// invisible to another's credentials, refused as AWS refuses a missing resource.

import { describe, expect, it } from 'vitest';
import {
  CreatePodIdentityAssociationCommand,
  DescribeClusterCommand,
  ListClustersCommand,
} from '@aws-sdk/client-eks';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';
import { eksToken, kubeClients } from './kubernetes-helpers.js';
import { GITHUB_ISSUER_HOST, policy } from './session-helpers.js';

const OTHER = '444455556666';
/** A static key of the other account, known from its part of the seed. */
const OTHER_KEY = { accessKeyId: 'AKIAOTHERACCOUNT0001', secretAccessKey: 'other-secret' };
const STACK_TEMPLATE = JSON.stringify({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: JSON.parse(POD_IDENTITY_TRUST) },
    },
  },
});

const env = withEmulator({
  seed: {
    clusters: [{ name: 'shared-name' }],
    accounts: {
      [OTHER]: {
        credentials: [OTHER_KEY],
        roles: [{ roleName: 'only-there', assumeRolePolicyDocument: POD_IDENTITY_TRUST }],
        stacks: [{ stackName: 'only-there', templateBody: STACK_TEMPLATE }],
        clusters: [{ name: 'only-there' }, { name: 'shared-name' }],
        kubernetes: { 'only-there': { namespaces: ['apps'] } },
      },
    },
  },
});

const other = () => env.clients({ credentials: OTHER_KEY, maxAttempts: 1 });
const mine = () => env.clients({ maxAttempts: 1 });

interface Call {
  service: string;
  operation: string;
  account?: string;
  accessKeyId?: string;
}

describe('accounts', () => {
  it('a static key acts in its own account: GetCallerIdentity, ARNs and what it sees', async () => {
    expect(await other().sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: OTHER,
      Arn: `arn:aws:iam::${OTHER}:user/emulator`,
    });
    expect(await mine().sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: TEST_ACCOUNT,
    });
    const { clusters } = await other().eks.send(new ListClustersCommand({}));
    expect(clusters?.sort()).toEqual(['only-there', 'shared-name']);
    const { cluster } = await other().eks.send(new DescribeClusterCommand({ name: 'only-there' }));
    expect(cluster?.arn).toBe(`arn:aws:eks:us-west-2:${OTHER}:cluster/only-there`);
    const { Role } = await other().iam.send(new GetRoleCommand({ RoleName: 'only-there' }));
    expect(Role?.Arn).toBe(`arn:aws:iam::${OTHER}:role/only-there`);
    const { Stacks } = await other().cfn.send(
      new DescribeStacksCommand({ StackName: 'only-there' }),
    );
    expect(Stacks?.[0].StackId).toMatch(
      new RegExp(`^arn:aws:cloudformation:us-west-2:${OTHER}:stack/only-there/`),
    );
    const log = await env.admin<Call[]>('GET', 'calls');
    expect(
      log.filter((c) => c.accessKeyId === OTHER_KEY.accessKeyId).map((c) => c.account),
    ).toEqual([OTHER, OTHER, OTHER, OTHER, OTHER]);
    expect(log.find((c) => c.accessKeyId !== OTHER_KEY.accessKeyId)?.account).toBe(TEST_ACCOUNT);
  });

  it("another account's cluster, role and stack are missing to this account's credentials, as AWS says", async () => {
    // They exist, in the other account.
    await other().eks.send(new DescribeClusterCommand({ name: 'only-there' }));
    await other().iam.send(new GetRoleCommand({ RoleName: 'only-there' }));
    await other().cfn.send(new DescribeStacksCommand({ StackName: 'only-there' }));
    const cluster = await sdkError(
      mine().eks.send(new DescribeClusterCommand({ name: 'only-there' })),
    );
    expect(cluster.name).toBe('ResourceNotFoundException');
    expect(cluster.$metadata.httpStatusCode).toBe(404);
    expect(cluster.message).toBe('No cluster found for name: only-there.');
    const role = await sdkError(mine().iam.send(new GetRoleCommand({ RoleName: 'only-there' })));
    expect(role.name).toBe('NoSuchEntityException');
    expect(role.$metadata.httpStatusCode).toBe(404);
    expect(role.message).toBe('The role with name only-there cannot be found.');
    const stack = await sdkError(
      mine().cfn.send(new DescribeStacksCommand({ StackName: 'only-there' })),
    );
    expect(stack.name).toBe('ValidationError');
    expect(stack.message).toBe('Stack with id only-there does not exist');
    expect((await mine().eks.send(new ListClustersCommand({}))).clusters).toEqual(['shared-name']);
  });

  it('a cluster name may repeat across accounts: two clusters, two ARNs, two Kubernetes APIs', async () => {
    const described = async (clients: ReturnType<typeof mine>) =>
      (await clients.eks.send(new DescribeClusterCommand({ name: 'shared-name' }))).cluster!;
    const [a, b] = [await described(mine()), await described(other())];
    expect(a.arn).toBe(`arn:aws:eks:us-west-2:${TEST_ACCOUNT}:cluster/shared-name`);
    expect(b.arn).toBe(`arn:aws:eks:us-west-2:${OTHER}:cluster/shared-name`);
    expect(a.endpoint).toBe(`${env.emulator.kubernetesUrl}/_k8s/shared-name`);
    expect(b.endpoint).toBe(`${env.emulator.kubernetesUrl}/${OTHER}/_k8s/shared-name`);
    // The other account's key created its clusters: it is their admin, and only there.
    const token = await eksToken({
      cluster: 'only-there',
      credentials: OTHER_KEY,
      stsUrl: env.url,
    });
    const { core } = await kubeClients(env, 'only-there', token, other().eks);
    const names = (await core.listNamespace()).items.map((n) => n.metadata?.name);
    expect(names).toContain('apps');
    const calls = await env.admin<Call[]>('GET', 'calls');
    expect(calls.filter((c) => c.service === 'kubernetes')).toMatchObject([
      { operation: 'list:namespaces', account: OTHER },
    ]);
  });

  it('a role of another account is refused for an association, as EKS refuses it', async () => {
    const error = await sdkError(
      other().eks.send(
        new CreatePodIdentityAssociationCommand({
          clusterName: 'only-there',
          namespace: 'apps',
          serviceAccount: 'app',
          roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/app`,
        }),
      ),
    );
    expect(error.name).toBe('InvalidParameterException');
  });

  it('a web identity assumes a role of another account through that account’s OIDC provider', async () => {
    const roleArn = `arn:aws:iam::${OTHER}:role/deployer`;
    const token = async () => {
      const response = await fetch(
        `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:pull_request&audience=sts.amazonaws.com`,
      );
      return ((await response.json()) as { value: string }).value;
    };
    const assume = async () =>
      mine().sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: 'run',
          WebIdentityToken: await token(),
        }),
      );
    // This account's provider does not count: the role's account has none yet.
    await mine().iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${GITHUB_ISSUER_HOST}`,
        ClientIDList: ['sts.amazonaws.com'],
      }),
    );
    const missing = await sdkError(assume());
    expect(missing.name).toBe('InvalidIdentityTokenException');
    expect(missing.message).toBe(
      `No OpenIDConnect provider found in your account for https://${GITHUB_ISSUER_HOST}`,
    );

    await other().iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${GITHUB_ISSUER_HOST}`,
        ClientIDList: ['sts.amazonaws.com'],
      }),
    );
    await other().iam.send(
      new CreateRoleCommand({
        RoleName: 'deployer',
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${OTHER}:oidc-provider/${GITHUB_ISSUER_HOST}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
        }),
      }),
    );
    await other().iam.send(
      new PutRolePolicyCommand({
        RoleName: 'deployer',
        PolicyName: 'read-clusters',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'eks:*', Resource: '*' }),
      }),
    );
    const { Credentials, AssumedRoleUser } = await assume();
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/deployer/run`);
    const session = env.clients({
      maxAttempts: 1,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    expect(await session.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: OTHER,
      Arn: `arn:aws:sts::${OTHER}:assumed-role/deployer/run`,
    });
    expect((await session.eks.send(new ListClustersCommand({}))).clusters?.sort()).toEqual([
      'only-there',
      'shared-name',
    ]);
    // Its policies are the other account's role's: IAM there is not allowed.
    expect(
      (await sdkError(session.iam.send(new GetRoleCommand({ RoleName: 'deployer' })))).name,
    ).toBe('AccessDenied');
    const calls = await env.admin<Call[]>('GET', 'calls');
    expect(
      calls.filter((c) => c.operation === 'AssumeRoleWithWebIdentity').map((c) => c.account),
    ).toEqual([OTHER, OTHER]);
    expect(
      calls
        .filter((c) => c.accessKeyId === Credentials!.AccessKeyId)
        .map((c) => [c.service, c.account]),
    ).toEqual([
      ['sts', OTHER],
      ['eks', OTHER],
      ['iam', OTHER],
    ]);
  });

  it('a reset forgets every account; an unseeded account is empty', async () => {
    const state = await env.admin<{ accounts: Record<string, { eks: { clusters: unknown[] } }> }>(
      'GET',
      'state',
    );
    expect(Object.keys(state.accounts)).toEqual([OTHER]);
    expect(state.accounts[OTHER].eks.clusters).toHaveLength(2);
    await env.reset();
    expect((await env.admin<{ accounts: object }>('GET', 'state')).accounts).toEqual({});
    // The key came from the seed, so it is gone too: it now acts in the default account.
    expect((await other().sts.send(new GetCallerIdentityCommand({}))).Account).toBe(TEST_ACCOUNT);
    const key = { accessKeyId: 'AKIATHIRDACCOUNT0001', secretAccessKey: 's' };
    await env.admin('POST', 'credentials', { ...key, accountId: '777788889999' });
    const third = env.clients({ credentials: key, maxAttempts: 1 });
    expect((await third.eks.send(new ListClustersCommand({}))).clusters).toEqual([]);
    expect((await third.sts.send(new GetCallerIdentityCommand({}))).Account).toBe('777788889999');
  });

  it('refuses an account id that is not 12 digits and shared keys inside an account', async () => {
    await expect(env.admin('POST', 'seed', { accounts: { '4444': {} } })).rejects.toThrow(
      /seed: accounts.4444: an account id is 12 digits/,
    );
    await expect(
      env.admin('POST', 'seed', { accounts: { [OTHER]: { github: { pulls: [] } } } }),
    ).rejects.toThrow(/seed: accounts.444455556666.github: not an account's key/);
    await expect(
      env.admin('POST', 'credentials', { ...OTHER_KEY, accountId: 'x' }),
    ).rejects.toThrow(/accountId must be 12 digits/);
  });
});
