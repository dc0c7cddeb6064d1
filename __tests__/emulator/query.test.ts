// Protocol edges of awsQuery that the SDK cannot produce on purpose: hand-built form bodies.
import { describe, expect, it } from 'vitest';
import { GetRoleCommand, ListRoleTagsCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { QueryParams } from '../../emulator/query/parse.js';
import { escapeXml, queryResponseBody, toXml } from '../../emulator/query/xml.js';
import { POD_IDENTITY_TRUST, withEmulator } from './helpers.js';
import { eksctlRoleTemplate } from './cloudformation-fixtures.js';

const env = withEmulator();

async function post(
  body: string,
): Promise<{ status: number; text: string; requestId: string | null }> {
  const response = await fetch(env.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return {
    status: response.status,
    text: await response.text(),
    requestId: response.headers.get('x-amzn-requestid'),
  };
}

describe('awsQuery protocol', () => {
  it('parses members, structures, maps and the empty list `X=`', () => {
    const p = new QueryParams(
      'Action=A&L.member.2=b&L.member.1=a&S.member.1.Key=k&S.member.1.Value=v&M.entry.1.key=x&M.entry.1.value=y&E=',
    );
    expect(p.list('L')).toEqual(['a', 'b']);
    expect(p.structList('S')).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(p.map('M')).toEqual({ x: 'y' });
    expect(p.list('E')).toEqual([]);
    expect(p.list('Missing')).toBeUndefined();
  });

  it('writes results, empty lists and escaped text', () => {
    expect(toXml('Tags', [])).toBe('<Tags/>');
    expect(toXml('L', ['a<b'])).toBe('<L><member>a&lt;b</member></L>');
    expect(escapeXml(`"&'`)).toBe("&quot;&amp;'");
    expect(queryResponseBody('DeleteRole', 'ns', 'id')).toBe(
      '<DeleteRoleResponse xmlns="ns"><ResponseMetadata><RequestId>id</RequestId></ResponseMetadata></DeleteRoleResponse>',
    );
  });

  it('reads `Tags=` as an empty list and answers the error envelope with the namespace', async () => {
    const created = await post(
      `Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=${encodeURIComponent(POD_IDENTITY_TRUST)}&Tags=`,
    );
    expect(created.status).toBe(200);
    expect(created.text).toContain(
      '<CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><CreateRoleResult>',
    );
    expect(created.text).toContain(`<RequestId>${created.requestId}</RequestId>`);
    await env.iam.send(new TagRoleCommand({ RoleName: 'r', Tags: [] }));
    const tags = await env.iam.send(new ListRoleTagsCommand({ RoleName: 'r' }));
    expect(tags.Tags).toEqual([]);
    const missing = await post('Action=GetRole&Version=2010-05-08&RoleName=nope');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(
      `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name nope cannot be found.</Message></Error><RequestId>${missing.requestId}</RequestId></ErrorResponse>`,
    );
    const cfn = await post('Action=DescribeStacks&Version=2010-05-15&StackName=x');
    expect(cfn.text).toContain(
      '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">',
    );
    const unknown = await post('Action=Frobnicate&Version=2010-05-08');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<Code>InvalidAction</Code>');
    const required = await post('Action=GetRole&Version=2010-05-08');
    expect(required.text).toContain(
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('seeds roles, policies, OIDC providers and stacks; state and reset cover them', async () => {
    await env.admin('POST', 'seed', {
      policies: [
        {
          policyName: 'seeded',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          },
        },
      ],
      roles: [
        {
          roleName: 'seeded-role',
          assumeRolePolicyDocument: JSON.parse(POD_IDENTITY_TRUST),
          managedPolicyArns: ['arn:aws:iam::111122223333:policy/seeded'],
          inlinePolicies: {
            extra: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
            },
          },
          tags: { team: 'a' },
        },
      ],
      oidcProviders: [{ url: 'https://token.actions.githubusercontent.com' }],
      stacks: [
        { stackName: 'seeded-stack', template: JSON.parse(eksctlRoleTemplate()), tags: { k: 'v' } },
      ],
    });
    const role = await env.iam.send(new GetRoleCommand({ RoleName: 'seeded-role' }));
    expect(role.Role!.Tags).toEqual([{ Key: 'team', Value: 'a' }]);
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'seeded-stack' })))
      .Stacks![0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const state = await env.admin<{
      iam: { roles: unknown[]; oidcProviders: unknown[] };
      cloudformation: { stacks: unknown[] };
    }>('GET', 'state');
    expect(state.iam.roles).toHaveLength(2);
    expect(state.iam.oidcProviders).toHaveLength(1);
    expect(state.cloudformation.stacks).toHaveLength(1);
    await env.reset();
    const empty = await env.admin<{
      iam: { roles: unknown[] };
      cloudformation: { stacks: unknown[] };
    }>('GET', 'state');
    expect(empty.iam.roles).toEqual([]);
    expect(empty.cloudformation.stacks).toEqual([]);
  });
});
