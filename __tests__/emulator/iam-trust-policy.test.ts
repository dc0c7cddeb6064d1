// Trust-policy writes as IRSA → pod identity migration makes them: OIDC principals resolved against
// the account's providers, validation and the ACLSizePerRole quota on CreateRole and UpdateAssumeRolePolicy.

import { describe, expect, it } from 'vitest';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { POD_IDENTITY_TRUST, TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';

const env = withEmulator();
const ISSUER_HOST = 'oidc.eks.us-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
const PROVIDER = `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${ISSUER_HOST}`;
const UNRESOLVED = 'Federated principals must be valid domain names or SAML metadata ARNs';

const irsaStatement = (provider = PROVIDER, sa = 'system:serviceaccount:default:sa1') => ({
  Effect: 'Allow',
  Principal: { Federated: provider },
  Action: ['sts:AssumeRoleWithWebIdentity'],
  Condition: {
    StringEquals: { [`${ISSUER_HOST}:aud`]: 'sts.amazonaws.com', [`${ISSUER_HOST}:sub`]: sa },
  },
});
const podIdentityStatement = JSON.parse(POD_IDENTITY_TRUST).Statement[0];
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

const createProvider = () =>
  env.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${ISSUER_HOST}`,
      ClientIDList: ['sts.amazonaws.com'],
    }),
  );
const createRole = (RoleName: string, AssumeRolePolicyDocument: string) =>
  env.iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument }));
const update = (RoleName: string, PolicyDocument: string) =>
  env.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument }));
const trustOf = async (RoleName: string) =>
  decodeURIComponent(
    (await env.iam.send(new GetRoleCommand({ RoleName }))).Role!.AssumeRolePolicyDocument!,
  );

async function expectMalformed(p: Promise<unknown>, message: string) {
  const err = await sdkError(p);
  expect(err.name).toBe('MalformedPolicyDocumentException');
  expect(err.$metadata.httpStatusCode).toBe(400);
  expect(err.message).toBe(message);
}

describe('OIDC (Federated) principals', () => {
  it('refuses a provider the account does not have, on CreateRole and UpdateAssumeRolePolicy', async () => {
    await expectMalformed(createRole('irsa', doc(irsaStatement())), UNRESOLVED);
    await createRole('pi', POD_IDENTITY_TRUST);
    await expectMalformed(update('pi', doc(podIdentityStatement, irsaStatement())), UNRESOLVED);
    expect(await trustOf('pi')).toBe(POD_IDENTITY_TRUST);

    await createProvider();
    await createRole('irsa', doc(irsaStatement()));
    await update('pi', doc(podIdentityStatement, irsaStatement()));
    expect(JSON.parse(await trustOf('pi')).Statement).toHaveLength(2);
  });

  it("refuses another account's provider and a malformed Federated value", async () => {
    await createProvider();
    const foreign = PROVIDER.replace(TEST_ACCOUNT, '444455556666');
    await expectMalformed(createRole('r', doc(irsaStatement(foreign))), UNRESOLVED);
    await expectMalformed(createRole('r', doc(irsaStatement('oidc-provider/x'))), UNRESOLVED);
    await expectMalformed(createRole('r', doc(irsaStatement(''))), UNRESOLVED);
  });

  it('a stack whose role trusts a missing provider fails and rolls back', async () => {
    const template = JSON.stringify({
      Resources: {
        Role1: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: JSON.parse(doc(irsaStatement())) },
        },
      },
    });
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'irsa',
        TemplateBody: template,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await expect(
      waitUntilStackCreateComplete(
        { client: env.cfn, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.2 },
        { StackName: 'irsa' },
      ),
    ).rejects.toThrow();
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'irsa' }))).Stacks![0];
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await env.cfn.send(new DescribeStackEventsCommand({ StackName: 'irsa' })))
      .StackEvents!;
    const failed = events.find(
      (e) => e.LogicalResourceId === 'Role1' && /FAILED/.test(e.ResourceStatus!),
    );
    expect(failed?.ResourceStatusReason).toContain(UNRESOLVED);
  });
});

describe('trust policy validation', () => {
  it('refuses invalid JSON, a wrong Version and an unknown principal type', async () => {
    await createRole('r', POD_IDENTITY_TRUST);
    await expectMalformed(update('r', '{"Version":'), 'This policy contains invalid Json');
    await expectMalformed(
      update('r', JSON.stringify({ Version: '2013-01-01', Statement: [podIdentityStatement] })),
      'Syntax errors in policy.',
    );
    await expectMalformed(
      update('r', doc({ ...podIdentityStatement, Principal: { Robot: 'x' } })),
      'Syntax errors in policy.',
    );
    await expectMalformed(
      update('r', doc({ ...podIdentityStatement, Principal: { Service: 'pods eks' } })),
      'Invalid principal in policy: "SERVICE":"pods eks"',
    );
    expect(await trustOf('r')).toBe(POD_IDENTITY_TRUST);
  });

  it('takes a Service principal as a string or a list', async () => {
    await createRole('r', POD_IDENTITY_TRUST);
    const listed = doc({
      ...podIdentityStatement,
      Principal: { Service: ['pods.eks.amazonaws.com'] },
    });
    await update('r', listed);
    expect(await trustOf('r')).toBe(listed);
  });

  it('NoSuchEntity for a missing role', async () => {
    const err = await sdkError(update('nope', POD_IDENTITY_TRUST));
    expect(err.name).toBe('NoSuchEntityException');
    expect(err.$metadata.httpStatusCode).toBe(404);
    expect(err.message).toBe('The role with name nope cannot be found.');
  });

  it('counts 2,048 characters without whitespace (ACLSizePerRole)', async () => {
    await createProvider();
    await createRole('r', POD_IDENTITY_TRUST);
    // Whitespace does not count: a pretty-printed document over 2,048 characters is accepted.
    const statements = [podIdentityStatement, irsaStatement()];
    let n = 2;
    while (
      doc(...statements, irsaStatement(PROVIDER, `system:serviceaccount:ns:sa${n}`)).length <= 2048
    )
      statements.push(irsaStatement(PROVIDER, `system:serviceaccount:ns:sa${n++}`));
    const fits = JSON.stringify(JSON.parse(doc(...statements)), null, 4);
    expect(fits.length).toBeGreaterThan(2048);
    await update('r', fits);
    const tooBig = doc(...statements, irsaStatement(PROVIDER, 'system:serviceaccount:ns:last'));
    const err = await sdkError(update('r', tooBig));
    expect(err.name).toBe('LimitExceededException');
    expect(err.$metadata.httpStatusCode).toBe(409);
    expect(err.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048');
    expect(await trustOf('r')).toBe(fits);
  });

  it('GetRole returns the document URL-encoded, exactly as written', async () => {
    await createProvider();
    const written = doc(irsaStatement(), podIdentityStatement);
    await createRole('r', written);
    const raw = (await env.iam.send(new GetRoleCommand({ RoleName: 'r' }))).Role!
      .AssumeRolePolicyDocument!;
    expect(raw).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(decodeURIComponent(raw)).toBe(written);
  });
});
