import { describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { POD_IDENTITY_TRUST, sdkError, withEmulator } from './helpers.js';

const env = withEmulator();
const S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

const createRole = (RoleName: string, extra: Record<string, unknown> = {}) =>
  env.iam.send(
    new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: POD_IDENTITY_TRUST, ...extra }),
  );

async function expectError(
  p: Promise<unknown>,
  name: string,
  status: number,
  message: string | RegExp,
) {
  const err = await sdkError(p);
  expect(err.name).toBe(name);
  expect(err.$metadata.httpStatusCode).toBe(status);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
}

describe('IAM roles', () => {
  it('creates, reads (URL-encoded trust policy) and deletes a role', async () => {
    const created = await createRole('r1', {
      Path: '/team/',
      Description: 'd',
      MaxSessionDuration: 7200,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(created.Role).toMatchObject({
      RoleName: 'r1',
      Path: '/team/',
      Arn: 'arn:aws:iam::111122223333:role/team/r1',
      MaxSessionDuration: 7200,
      Description: 'd',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(created.Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role!.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22/);
    const got = (await env.iam.send(new GetRoleCommand({ RoleName: 'r1' }))).Role!;
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(POD_IDENTITY_TRUST);
    expect(got.RoleLastUsed).toEqual({});
    expect(got.PermissionsBoundary).toBeUndefined();
    await env.iam.send(new UpdateRoleCommand({ RoleName: 'r1', MaxSessionDuration: 3600 }));
    expect(
      (await env.iam.send(new GetRoleCommand({ RoleName: 'r1' }))).Role!.MaxSessionDuration,
    ).toBe(3600);
    await env.iam.send(new DeleteRoleCommand({ RoleName: 'r1' }));
    await expectError(
      env.iam.send(new GetRoleCommand({ RoleName: 'r1' })),
      'NoSuchEntityException',
      404,
      'The role with name r1 cannot be found.',
    );
  });

  it('names are unique without regard to case and must match the pattern', async () => {
    await createRole('Admins');
    await expectError(
      createRole('admins'),
      'EntityAlreadyExistsException',
      409,
      'Role with name admins already exists.',
    );
    await expectError(
      createRole('bad name'),
      'ValidationError',
      400,
      "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    await expectError(
      createRole('x'.repeat(65)),
      'ValidationError',
      400,
      `1 validation error detected: Value '${'x'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    await expectError(
      createRole('p', { Path: 'nope' }),
      'ValidationError',
      400,
      /at 'path' failed to satisfy constraint/,
    );
  });

  it('validates trust policies', async () => {
    const trust = (doc: unknown) =>
      env.iam.send(
        new CreateRoleCommand({
          RoleName: 'x',
          AssumeRolePolicyDocument: typeof doc === 'string' ? doc : JSON.stringify(doc),
        }),
      );
    await expectError(
      trust('{nope'),
      'MalformedPolicyDocumentException',
      400,
      'This policy contains invalid Json',
    );
    await expectError(
      trust({ Statement: [] }),
      'MalformedPolicyDocumentException',
      400,
      'Policy document must be version 2012-10-17 or greater.',
    );
    await expectError(
      trust({ Version: '2012-10-17' }),
      'MalformedPolicyDocumentException',
      400,
      'Syntax errors in policy.',
    );
    const withResource = JSON.parse(POD_IDENTITY_TRUST);
    withResource.Statement[0].Resource = '*';
    await expectError(
      trust(withResource),
      'MalformedPolicyDocumentException',
      400,
      'Has prohibited field Resource.',
    );
    const badPrincipal = JSON.parse(POD_IDENTITY_TRUST);
    badPrincipal.Statement[0].Principal = { AWS: 'arn:aws:iam::123:role/x' };
    await expectError(
      trust(badPrincipal),
      'MalformedPolicyDocumentException',
      400,
      'Invalid principal in policy: "AWS":"arn:aws:iam::123:role/x"',
    );
    const big = JSON.parse(POD_IDENTITY_TRUST);
    big.Statement[0].Condition = { StringEquals: { 'aws:RequestTag/x': 'y'.repeat(2100) } };
    await expectError(
      trust(big),
      'LimitExceededException',
      409,
      'Cannot exceed quota for ACLSizePerRole: 2048',
    );
    await createRole('t');
    await env.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 't',
        PolicyDocument: POD_IDENTITY_TRUST.replace('pods.eks', 'ec2'),
      }),
    );
    const doc = (await env.iam.send(new GetRoleCommand({ RoleName: 't' }))).Role!
      .AssumeRolePolicyDocument!;
    expect(decodeURIComponent(doc)).toContain('ec2.amazonaws.com');
  });

  it('paginates ListRoles with MaxItems/Marker and filters by PathPrefix', async () => {
    for (let i = 0; i < 5; i++) await createRole(`role${i}`, { Path: i < 2 ? '/a/' : '/' });
    const first = await env.iam.send(new ListRolesCommand({ MaxItems: 2 }));
    expect(first.Roles!.map((r) => r.RoleName)).toEqual(['role0', 'role1']);
    expect(first.IsTruncated).toBe(true);
    expect(first.Roles![0].Tags).toBeUndefined();
    const rest = await env.iam.send(new ListRolesCommand({ Marker: first.Marker, MaxItems: 10 }));
    expect(rest.Roles!.map((r) => r.RoleName)).toEqual(['role2', 'role3', 'role4']);
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
    const prefixed = await env.iam.send(new ListRolesCommand({ PathPrefix: '/a/' }));
    expect(prefixed.Roles!.map((r) => r.RoleName)).toEqual(['role0', 'role1']);
  });

  it('tags roles (50 at most, keys case-insensitive)', async () => {
    await createRole('tagged');
    await env.iam.send(
      new TagRoleCommand({
        RoleName: 'tagged',
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
      }),
    );
    await env.iam.send(new UntagRoleCommand({ RoleName: 'tagged', TagKeys: ['a'] }));
    expect((await env.iam.send(new ListRoleTagsCommand({ RoleName: 'tagged' }))).Tags).toEqual([
      { Key: 'b', Value: '2' },
    ]);
    await expectError(
      env.iam.send(
        new TagRoleCommand({
          RoleName: 'tagged',
          Tags: [
            { Key: 'X', Value: '1' },
            { Key: 'x', Value: '2' },
          ],
        }),
      ),
      'InvalidInputException',
      400,
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectError(
      env.iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: many })),
      'LimitExceededException',
      409,
      'Cannot exceed quota for TagsPerRole: 50',
    );
  });
});

describe('IAM policies', () => {
  it('attaches AWS managed policies (10 at most) and refuses unknown ones', async () => {
    await createRole('m');
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: 'm', PolicyArn: S3 }));
    const attached = await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'm' }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: S3 },
    ]);
    await expectError(
      env.iam.send(
        new AttachRolePolicyCommand({ RoleName: 'm', PolicyArn: 'arn:aws:iam::aws:policy/Nope' }),
      ),
      'NoSuchEntityException',
      404,
      'Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.',
    );
    const names = [
      'AmazonEKS_CNI_Policy',
      'service-role/AmazonEBSCSIDriverPolicy',
      'service-role/AmazonEFSCSIDriverPolicy',
      'AmazonEC2ContainerRegistryPowerUser',
      'CloudWatchAgentServerPolicy',
      'AWSXrayWriteOnlyAccess',
      'AmazonPrometheusRemoteWriteAccess',
      'AmazonFSxFullAccess',
      'ReadOnlyAccess',
    ];
    for (const n of names)
      await env.iam.send(
        new AttachRolePolicyCommand({ RoleName: 'm', PolicyArn: `arn:aws:iam::aws:policy/${n}` }),
      );
    const limited = env.clients({ maxAttempts: 1 }).iam;
    await expectError(
      limited.send(
        new AttachRolePolicyCommand({
          RoleName: 'm',
          PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        }),
      ),
      'LimitExceededException',
      409,
      'Cannot exceed quota for PoliciesPerRole: 10',
    );
    await expectError(
      env.iam.send(new DeleteRoleCommand({ RoleName: 'm' })),
      'DeleteConflictException',
      409,
      'Cannot delete entity, must detach all policies first.',
    );
    for (const p of (await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'm' })))
      .AttachedPolicies!)
      await env.iam.send(new DetachRolePolicyCommand({ RoleName: 'm', PolicyArn: p.PolicyArn }));
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'm', PolicyName: 'inline', PolicyDocument: POLICY }),
    );
    await expectError(
      env.iam.send(new DeleteRoleCommand({ RoleName: 'm' })),
      'DeleteConflictException',
      409,
      'Cannot delete entity, must delete policies first.',
    );
  });

  it("a service-linked role's policy exists but is not attachable, to a role or as a boundary", async () => {
    const arn = 'arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy';
    const { Policy } = await env.iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(Policy).toMatchObject({ Path: '/aws-service-role/', IsAttachable: false });
    expect((await env.iam.send(new GetPolicyCommand({ PolicyArn: S3 }))).Policy!.IsAttachable).toBe(
      true,
    );
    await createRole('s');
    for (const attach of [
      () => env.iam.send(new AttachRolePolicyCommand({ RoleName: 's', PolicyArn: arn })),
      () =>
        env.iam.send(
          new PutRolePermissionsBoundaryCommand({ RoleName: 's', PermissionsBoundary: arn }),
        ),
    ])
      await expectError(
        attach(),
        'PolicyNotAttachableException',
        400,
        'Cannot attach a Service Role Policy to a Customer Role.',
      );
  });

  it('puts, reads (URL-encoded), lists and deletes inline policies within 10,240 characters', async () => {
    await createRole('i');
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'i', PolicyName: 'p1', PolicyDocument: POLICY }),
    );
    const got = await env.iam.send(new GetRolePolicyCommand({ RoleName: 'i', PolicyName: 'p1' }));
    expect(got.PolicyDocument).toMatch(/^%7B/);
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(POLICY);
    expect(
      (await env.iam.send(new ListRolePoliciesCommand({ RoleName: 'i' }))).PolicyNames,
    ).toEqual(['p1']);
    await expectError(
      env.iam.send(new GetRolePolicyCommand({ RoleName: 'i', PolicyName: 'nope' })),
      'NoSuchEntityException',
      404,
      'The role policy with name nope cannot be found.',
    );
    await expectError(
      env.iam.send(
        new PutRolePolicyCommand({
          RoleName: 'i',
          PolicyName: 'p2',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*' }],
          }),
        }),
      ),
      'MalformedPolicyDocumentException',
      400,
      'Policy statement must contain resources.',
    );
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::bucket-${i}`),
        },
      ],
    });
    await expectError(
      env
        .clients({ maxAttempts: 1 })
        .iam.send(
          new PutRolePolicyCommand({ RoleName: 'i', PolicyName: 'big', PolicyDocument: big }),
        ),
      'LimitExceededException',
      409,
      'Maximum policy size of 10240 bytes exceeded for role i',
    );
    await env.iam.send(new DeleteRolePolicyCommand({ RoleName: 'i', PolicyName: 'p1' }));
    expect(
      (await env.iam.send(new ListRolePoliciesCommand({ RoleName: 'i' }))).PolicyNames,
    ).toEqual([]);
  });

  it('customer managed policies, versions and permissions boundaries', async () => {
    const created = (
      await env.iam.send(new CreatePolicyCommand({ PolicyName: 'mine', PolicyDocument: POLICY }))
    ).Policy!;
    expect(created.Arn).toBe('arn:aws:iam::111122223333:policy/mine');
    expect(created.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    const version = await env.iam.send(
      new GetPolicyVersionCommand({ PolicyArn: created.Arn, VersionId: 'v1' }),
    );
    expect(decodeURIComponent(version.PolicyVersion!.Document!)).toBe(POLICY);
    expect((await env.iam.send(new GetPolicyCommand({ PolicyArn: S3 }))).Policy!.PolicyName).toBe(
      'AmazonS3ReadOnlyAccess',
    );
    const local = await env.iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(local.Policies!.map((p) => p.PolicyName)).toEqual(['mine']);
    await createRole('b', { PermissionsBoundary: created.Arn });
    expect(
      (await env.iam.send(new GetRoleCommand({ RoleName: 'b' }))).Role!.PermissionsBoundary,
    ).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: created.Arn,
    });
    await env.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'b' }));
    await env.iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: 'b', PermissionsBoundary: S3 }),
    );
    expect(
      (await env.iam.send(new GetRoleCommand({ RoleName: 'b' }))).Role!.PermissionsBoundary!
        .PermissionsBoundaryArn,
    ).toBe(S3);
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: 'b', PolicyArn: created.Arn }));
    await expectError(
      env.iam.send(new DeletePolicyCommand({ PolicyArn: created.Arn })),
      'DeleteConflictException',
      409,
      'Cannot delete a policy attached to entities.',
    );
    await env.iam.send(new DetachRolePolicyCommand({ RoleName: 'b', PolicyArn: created.Arn }));
    await env.iam.send(new DeletePolicyCommand({ PolicyArn: created.Arn }));
    await expectError(
      env.iam.send(new GetPolicyCommand({ PolicyArn: created.Arn })),
      'NoSuchEntityException',
      404,
      `Policy ${created.Arn} was not found.`,
    );
  });

  it('OpenID Connect providers', async () => {
    const url = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789';
    const { OpenIDConnectProviderArn: arn } = await env.iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: url,
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      }),
    );
    expect(arn).toBe(
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789',
    );
    const got = await env.iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }),
    );
    expect(got.Url).toBe('oidc.eks.us-west-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789');
    expect(got.ClientIDList).toEqual(['sts.amazonaws.com']);
    await expectError(
      env.iam.send(new CreateOpenIDConnectProviderCommand({ Url: url, ClientIDList: ['x'] })),
      'EntityAlreadyExistsException',
      409,
      `Provider with url ${url} already exists.`,
    );
    expect(
      (await env.iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList,
    ).toEqual([{ Arn: arn }]);
    await env.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await expectError(
      env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn! })),
      'NoSuchEntityException',
      404,
      `OpenIDConnect Provider not found for arn ${arn}`,
    );
  });
});
