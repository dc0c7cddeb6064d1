// EKS access entries through the real @aws-sdk/client-eks (shapes, errors, pagination, IAM
// enforcement, the creator's bootstrap entry) and what their access policies allow on the
// cluster's Kubernetes API (view / edit / admin / cluster admin, cluster or namespace scope).

import { describe, expect, it } from 'vitest';
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  CreateClusterCommand,
  DeleteAccessEntryCommand,
  DescribeAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
  ListAccessPoliciesCommand,
  ListAssociatedAccessPoliciesCommand,
  UpdateAccessEntryCommand,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { TEST_ACCOUNT, TEST_CREDENTIALS, sdkError, withEmulator } from './helpers.js';
import { eksToken, kubeClients, kubeError } from './kubernetes-helpers.js';
import {
  policy,
  roleSession,
  createWebIdentityRole,
  assumeWebIdentityRole,
  WEB_IDENTITY_TRUST,
} from './session-helpers.js';

const env = withEmulator({
  seed: { clusters: [{ name: 'alpha' }], credentials: [TEST_CREDENTIALS] },
});

const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;
const ROLE = (name: string) => `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`;
const USER = `arn:aws:iam::${TEST_ACCOUNT}:user/emulator`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

async function role(name: string, path?: string): Promise<string> {
  const { Role } = await env.iam.send(
    new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: TRUST }),
  );
  return Role!.Arn!;
}

describe('access-entry APIs', () => {
  it('creates, describes, lists, updates and deletes entries with EKS shapes', async () => {
    const arn = await role('ci', '/deploy/');
    const { accessEntry } = await env.eks.send(
      new CreateAccessEntryCommand({
        clusterName: 'alpha',
        principalArn: arn,
        kubernetesGroups: ['devs'],
        tags: { team: 'a' },
      }),
    );
    expect(accessEntry).toMatchObject({
      clusterName: 'alpha',
      principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/deploy/ci`,
      kubernetesGroups: ['devs'],
      username: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/ci/{{SessionName}}`,
      type: 'STANDARD',
      tags: { team: 'a' },
    });
    expect(accessEntry?.accessEntryArn).toMatch(
      new RegExp(
        `^arn:aws:eks:us-west-2:${TEST_ACCOUNT}:access-entry/alpha/role/${TEST_ACCOUNT}/ci/[0-9a-f-]{36}$`,
      ),
    );
    expect(accessEntry?.createdAt).toBeInstanceOf(Date);
    const described = await env.eks.send(
      new DescribeAccessEntryCommand({ clusterName: 'alpha', principalArn: arn }),
    );
    expect(described.accessEntry).toEqual(accessEntry);
    const updated = await env.eks.send(
      new UpdateAccessEntryCommand({
        clusterName: 'alpha',
        principalArn: arn,
        username: 'ci-bot',
        kubernetesGroups: [],
      }),
    );
    expect(updated.accessEntry).toMatchObject({ username: 'ci-bot', kubernetesGroups: [] });
    const listed = await env.eks.send(new ListAccessEntriesCommand({ clusterName: 'alpha' }));
    // The seeded cluster's creator (the static user) has its bootstrap entry.
    expect(listed.accessEntries?.sort()).toEqual([arn, USER].sort());
    await env.eks.send(new DeleteAccessEntryCommand({ clusterName: 'alpha', principalArn: arn }));
    const gone = await sdkError(
      env.eks.send(new DescribeAccessEntryCommand({ clusterName: 'alpha', principalArn: arn })),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('refuses duplicates, unknown principals, bad ARNs and unknown clusters', async () => {
    const arn = await role('dup');
    await env.eks.send(new CreateAccessEntryCommand({ clusterName: 'alpha', principalArn: arn }));
    const dup = await sdkError(
      env.eks.send(new CreateAccessEntryCommand({ clusterName: 'alpha', principalArn: arn })),
    );
    expect([dup.name, dup.$metadata.httpStatusCode, dup.message]).toEqual([
      'ResourceInUseException',
      409,
      'The specified access entry resource is already in use on this cluster.',
    ]);
    const missingRole = await sdkError(
      env.eks.send(
        new CreateAccessEntryCommand({ clusterName: 'alpha', principalArn: ROLE('nobody') }),
      ),
    );
    expect([missingRole.name, missingRole.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterException',
      400,
    ]);
    const badArn = await sdkError(
      env.eks.send(
        new CreateAccessEntryCommand({
          clusterName: 'alpha',
          principalArn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/x/y`,
        }),
      ),
    );
    expect(badArn.name).toBe('InvalidParameterException');
    const noCluster = await sdkError(
      env.eks.send(new ListAccessEntriesCommand({ clusterName: 'nope' })),
    );
    expect(noCluster.name).toBe('ResourceNotFoundException');
  });

  it('associates, re-scopes, lists and disassociates access policies', async () => {
    const arn = await role('viewer');
    await env.eks.send(new CreateAccessEntryCommand({ clusterName: 'alpha', principalArn: arn }));
    const first = await env.eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'alpha',
        principalArn: arn,
        policyArn: POLICY('AmazonEKSViewPolicy'),
        accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
      }),
    );
    expect(first).toMatchObject({
      clusterName: 'alpha',
      principalArn: arn,
      associatedAccessPolicy: {
        policyArn: POLICY('AmazonEKSViewPolicy'),
        accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
      },
    });
    expect(first.associatedAccessPolicy?.associatedAt).toBeInstanceOf(Date);
    await env.eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'alpha',
        principalArn: arn,
        policyArn: POLICY('AmazonEKSViewPolicy'),
        accessScope: { type: 'cluster' },
      }),
    );
    await env.eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'alpha',
        principalArn: arn,
        policyArn: POLICY('AmazonEKSEditPolicy'),
        accessScope: { type: 'cluster' },
      }),
    );
    const page1 = await env.eks.send(
      new ListAssociatedAccessPoliciesCommand({
        clusterName: 'alpha',
        principalArn: arn,
        maxResults: 1,
      }),
    );
    const page2 = await env.eks.send(
      new ListAssociatedAccessPoliciesCommand({
        clusterName: 'alpha',
        principalArn: arn,
        maxResults: 1,
        nextToken: page1.nextToken,
      }),
    );
    expect(
      [...page1.associatedAccessPolicies!, ...page2.associatedAccessPolicies!].map((p) => [
        p.policyArn,
        p.accessScope?.type,
      ]),
    ).toEqual([
      [POLICY('AmazonEKSEditPolicy'), 'cluster'],
      [POLICY('AmazonEKSViewPolicy'), 'cluster'],
    ]);
    expect(page2.nextToken).toBeUndefined();
    const filtered = await env.eks.send(
      new ListAccessEntriesCommand({
        clusterName: 'alpha',
        associatedPolicyArn: POLICY('AmazonEKSEditPolicy'),
      }),
    );
    expect(filtered.accessEntries).toEqual([arn]);
    await env.eks.send(
      new DisassociateAccessPolicyCommand({
        clusterName: 'alpha',
        principalArn: arn,
        policyArn: POLICY('AmazonEKSEditPolicy'),
      }),
    );
    const again = await sdkError(
      env.eks.send(
        new DisassociateAccessPolicyCommand({
          clusterName: 'alpha',
          principalArn: arn,
          policyArn: POLICY('AmazonEKSEditPolicy'),
        }),
      ),
    );
    expect(again.name).toBe('ResourceNotFoundException');
  });

  it('refuses unknown policies and malformed scopes with InvalidParameterException', async () => {
    const arn = await role('scoped');
    await env.eks.send(new CreateAccessEntryCommand({ clusterName: 'alpha', principalArn: arn }));
    const associate = (policyArn: string, accessScope: { type: string; namespaces?: string[] }) =>
      sdkError(
        env.eks.send(
          new AssociateAccessPolicyCommand({
            clusterName: 'alpha',
            principalArn: arn,
            policyArn,
            accessScope: accessScope as never,
          }),
        ),
      );
    for (const e of [
      await associate(POLICY('AmazonEKSMadeUpPolicy'), { type: 'cluster' }),
      await associate(POLICY('AmazonEKSViewPolicy'), { type: 'namespace' }),
      await associate(POLICY('AmazonEKSViewPolicy'), { type: 'cluster', namespaces: ['a'] }),
      await associate(POLICY('AmazonEKSViewPolicy'), { type: 'galaxy' }),
    ]) {
      expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
    }
  });

  it('lists the AWS-managed access policies, paginated', async () => {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await env.eks.send(new ListAccessPoliciesCommand({ maxResults: 4, nextToken }));
      names.push(...page.accessPolicies!.map((p) => p.name!));
      for (const p of page.accessPolicies!) expect(p.arn).toBe(POLICY(p.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names).toEqual(
      expect.arrayContaining([
        'AmazonEKSAdminPolicy',
        'AmazonEKSClusterAdminPolicy',
        'AmazonEKSEditPolicy',
        'AmazonEKSViewPolicy',
      ]),
    );
    expect(names).toEqual([...names].sort());
  });

  it('bootstraps the CreateCluster caller as cluster admin unless told not to', async () => {
    await env.eks.send(
      new CreateClusterCommand({
        name: 'boot',
        roleArn: ROLE('eksClusterRole'),
        resourcesVpcConfig: {},
      }),
    );
    const policies = await env.eks.send(
      new ListAssociatedAccessPoliciesCommand({ clusterName: 'boot', principalArn: USER }),
    );
    expect(policies.associatedAccessPolicies).toMatchObject([
      {
        policyArn: POLICY('AmazonEKSClusterAdminPolicy'),
        accessScope: { type: 'cluster', namespaces: [] },
      },
    ]);
    await env.eks.send(
      new CreateClusterCommand({
        name: 'bare',
        roleArn: ROLE('eksClusterRole'),
        resourcesVpcConfig: {},
        accessConfig: { bootstrapClusterCreatorAdminPermissions: false },
      }),
    );
    expect(
      (await env.eks.send(new ListAccessEntriesCommand({ clusterName: 'bare' }))).accessEntries,
    ).toEqual([]);
  });

  it('rejects the APIs on a CONFIG_MAP cluster with InvalidRequestException', async () => {
    await env.eks.send(
      new CreateClusterCommand({
        name: 'legacy',
        roleArn: ROLE('eksClusterRole'),
        resourcesVpcConfig: {},
        accessConfig: { authenticationMode: 'CONFIG_MAP' },
      }),
    );
    const e = await sdkError(env.eks.send(new ListAccessEntriesCommand({ clusterName: 'legacy' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InvalidRequestException', 400]);
  });

  it('is IAM-enforced with the real action names and the access entry ARN as resource', async () => {
    const { clients } = await roleSession(env, 'reader', {
      inline: policy({ Effect: 'Allow', Action: ['eks:ListAccessEntries'], Resource: '*' }),
    });
    await clients.eks.send(new ListAccessEntriesCommand({ clusterName: 'alpha' }));
    const denied = await sdkError(
      clients.eks.send(
        new DescribeAccessEntryCommand({ clusterName: 'alpha', principalArn: USER }),
      ),
    );
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toMatch(
      new RegExp(
        `eks:DescribeAccessEntry on resource: arn:aws:eks:us-west-2:${TEST_ACCOUNT}:access-entry/alpha/user/${TEST_ACCOUNT}/emulator/`,
      ),
    );
  });
});

describe('access policies on the Kubernetes API', () => {
  /** A role session with `policies` on cluster alpha, and Kubernetes clients for it. */
  async function principal(
    name: string,
    policies: { policyArn: string; accessScope: { type: string; namespaces?: string[] } }[],
  ) {
    await createWebIdentityRole(env, name, {});
    await env.admin('POST', 'seed', {
      clusters: [{ name: 'alpha', accessEntries: [{ principalArn: ROLE(name), policies }] }],
    });
    const { accessKeyId } = await assumeWebIdentityRole(env, name, { sessionName: 'run-7' });
    const sts = env.emulator.modules.find((m) => m.service === 'sts') as unknown as {
      sessions: Map<string, { secretAccessKey: string; sessionToken: string }>;
    };
    const s = sts.sessions.get(accessKeyId)!;
    const token = await eksToken({
      cluster: 'alpha',
      credentials: {
        accessKeyId,
        secretAccessKey: s.secretAccessKey,
        sessionToken: s.sessionToken,
      },
      stsUrl: env.url,
    });
    return kubeClients(env, 'alpha', token);
  }
  const user = (name: string) => `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/${name}/run-7`;

  it('view: reads, and creating a service account is Forbidden with the API server message', async () => {
    const { core } = await principal('viewer', [
      { policyArn: POLICY('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } },
    ]);
    await core.listServiceAccountForAllNamespaces();
    await core.readNamespace({ name: 'default' });
    const denied = await kubeError(
      core.createNamespacedServiceAccount({
        namespace: 'default',
        body: { metadata: { name: 'x' } },
      }),
    );
    expect(denied).toEqual({
      code: 403,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `serviceaccounts is forbidden: User "${user('viewer')}" cannot create resource "serviceaccounts" in API group "" in the namespace "default"`,
        reason: 'Forbidden',
        details: { kind: 'serviceaccounts' },
        code: 403,
      },
    });
    const patch = await kubeError(
      core.deleteNamespacedServiceAccount({ name: 'default', namespace: 'default' }),
    );
    expect(patch.status.message).toBe(
      `serviceaccounts "default" is forbidden: User "${user('viewer')}" cannot delete resource "serviceaccounts" in API group "" in the namespace "default"`,
    );
    expect(patch.status.details).toEqual({ name: 'default', kind: 'serviceaccounts' });
  });

  it('edit and admin write service accounts but cannot create namespaces', async () => {
    for (const [name, policyName] of [
      ['editor', 'AmazonEKSEditPolicy'],
      ['nsadmin', 'AmazonEKSAdminPolicy'],
    ]) {
      const { core } = await principal(name, [
        { policyArn: POLICY(policyName), accessScope: { type: 'cluster' } },
      ]);
      await core.createNamespacedServiceAccount({
        namespace: 'default',
        body: { metadata: { name } },
      });
      const denied = await kubeError(
        core.createNamespace({ body: { metadata: { name: `${name}-ns` } } }),
      );
      expect(denied.status.message).toBe(
        `namespaces is forbidden: User "${user(name)}" cannot create resource "namespaces" in API group "" at the cluster scope`,
      );
    }
  });

  it('a namespace scope grants inside those namespaces only (and reading the namespace itself)', async () => {
    const { core, authz } = await principal('team', [
      {
        policyArn: POLICY('AmazonEKSEditPolicy'),
        accessScope: { type: 'namespace', namespaces: ['default', 'kube-p*'] },
      },
    ]);
    await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'ok' } },
    });
    await core.createNamespacedServiceAccount({
      namespace: 'kube-public',
      body: { metadata: { name: 'ok' } },
    });
    await core.readNamespace({ name: 'default' });
    const other = await kubeError(
      core.createNamespacedServiceAccount({
        namespace: 'kube-system',
        body: { metadata: { name: 'no' } },
      }),
    );
    expect(other.status.message).toBe(
      `serviceaccounts is forbidden: User "${user('team')}" cannot create resource "serviceaccounts" in API group "" in the namespace "kube-system"`,
    );
    const all = await kubeError(core.listServiceAccountForAllNamespaces());
    expect(all.status.message).toBe(
      `serviceaccounts is forbidden: User "${user('team')}" cannot list resource "serviceaccounts" in API group "" at the cluster scope`,
    );
    expect((await kubeError(core.listNamespace())).code).toBe(403);
    expect((await kubeError(core.readNamespace({ name: 'kube-system' }))).code).toBe(403);
    const review = (namespace: string, verb: string) =>
      authz.createSelfSubjectAccessReview({
        body: {
          spec: { resourceAttributes: { namespace, verb, group: '', resource: 'serviceaccounts' } },
        },
      });
    expect((await review('default', 'create')).status?.allowed).toBe(true);
    expect((await review('kube-system', 'create')).status?.allowed).toBe(false);
  });

  it('cluster admin may create namespaces', async () => {
    const { core } = await principal('root', [
      { policyArn: POLICY('AmazonEKSClusterAdminPolicy'), accessScope: { type: 'cluster' } },
    ]);
    await core.createNamespace({ body: { metadata: { name: 'fresh' } } });
    const calls = await env.admin<{ service: string; operation: string; principal?: string }[]>(
      'GET',
      'calls',
    );
    expect(calls.filter((c) => c.service === 'kubernetes').at(-1)).toMatchObject({
      operation: 'create:namespaces',
      principal: user('root'),
    });
  });

  it('matches a role with a path by its full ARN, as EKS does (the assumed-role ARN has no path)', async () => {
    await createWebIdentityRole(env, 'provider-only', {});
    const { Role } = await env.iam.send(
      new CreateRoleCommand({
        RoleName: 'pathed',
        Path: '/teams/a/',
        AssumeRolePolicyDocument: WEB_IDENTITY_TRUST,
      }),
    );
    expect(Role?.Arn).toBe(`arn:aws:iam::${TEST_ACCOUNT}:role/teams/a/pathed`);
    const response = await fetch(
      `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:pull_request&audience=sts.amazonaws.com`,
    );
    const { value } = (await response.json()) as { value: string };
    const { Credentials } = await env.sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: Role!.Arn!,
        RoleSessionName: 'run-7',
        WebIdentityToken: value,
      }),
    );
    const credentials = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    const list = async () =>
      (
        await kubeClients(
          env,
          'alpha',
          await eksToken({ cluster: 'alpha', credentials, stsUrl: env.url }),
        )
      ).core.listNamespace();
    const seedEntry = (principalArn: string) =>
      env.admin('POST', 'seed', {
        clusters: [
          {
            name: 'alpha',
            accessEntries: [
              { principalArn, policies: [{ policyArn: POLICY('AmazonEKSViewPolicy') }] },
            ],
          },
        ],
      });
    await seedEntry(ROLE('pathed'));
    expect((await kubeError(list())).code).toBe(401);
    await seedEntry(Role!.Arn!);
    await expect(list()).resolves.toBeDefined();
  });
});
