import { describe, expect, it } from 'vitest';
import {
  type Capability,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { sdkError, withEmulator } from './helpers.js';
import { eksctlRoleTemplate } from './cloudformation-fixtures.js';

const env = withEmulator();
const wait = { maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 };
const STACK = 'eksctl-c1-podidentityrole-kube-system-ebs-csi-controller-sa';

describe('CloudFormation: an eksctl pod identity role stack', () => {
  it('creates the role with exactly the template managed and inline policies, then deletes it', async () => {
    const created = await env.cfn.send(
      new CreateStackCommand({
        StackName: STACK,
        TemplateBody: eksctlRoleTemplate(),
        Capabilities: ['CAPABILITY_IAM'],
        Tags: [{ Key: 'alpha.eksctl.io/cluster-name', Value: 'c1' }],
      }),
    );
    expect(created.StackId).toMatch(
      new RegExp(`^arn:aws:cloudformation:us-west-2:111122223333:stack/${STACK}/[0-9a-f-]{36}$`),
    );
    const done = await waitUntilStackCreateComplete(
      { client: env.cfn, ...wait },
      { StackName: STACK },
    );
    expect(done.state).toBe('SUCCESS');
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks![0];
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Capabilities).toEqual(['CAPABILITY_IAM']);
    const arn = stack.Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
    const roleName = arn.split('/').pop() ?? '';
    // Generated name over 64 characters: 13 kept for `-` + suffix, the short logical id whole, the
    // stack name cut to the remaining 45.
    expect(roleName).toMatch(new RegExp(`^${STACK.slice(0, 45)}-Role1-[A-Za-z0-9]{12}$`));
    expect(roleName.length).toBeLessThanOrEqual(64);

    const role = (await env.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
    expect(role.Arn).toBe(arn);
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))).toMatchObject({
      Statement: [{ Principal: { Service: 'pods.eks.amazonaws.com' } }],
    });
    // Stack tags propagate to the role.
    expect(role.Tags).toEqual([{ Key: 'alpha.eksctl.io/cluster-name', Value: 'c1' }]);
    const attached = await env.iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: roleName }),
    );
    expect(attached.AttachedPolicies).toEqual([
      {
        PolicyName: 'AmazonEBSCSIDriverPolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
      },
    ]);
    const inline = await env.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
    expect(inline.PolicyNames).toEqual([`${STACK}-Policy1`]);
    const doc = await env.iam.send(
      new GetRolePolicyCommand({ RoleName: roleName, PolicyName: `${STACK}-Policy1` }),
    );
    expect(JSON.parse(decodeURIComponent(doc.PolicyDocument!))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }],
    });

    const template = await env.cfn.send(new GetTemplateCommand({ StackName: STACK }));
    expect(template.TemplateBody).toBe(eksctlRoleTemplate());

    await env.cfn.send(new DeleteStackCommand({ StackName: STACK }));
    const gone = await waitUntilStackDeleteComplete(
      { client: env.cfn, ...wait },
      { StackName: STACK },
    );
    expect(gone.state).toBe('SUCCESS');
    expect((await env.iam.send(new ListRolesCommand({}))).Roles).toEqual([]);
    const err = await sdkError(env.cfn.send(new DescribeStacksCommand({ StackName: STACK })));
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe(`Stack with id ${STACK} does not exist`);
    expect(err.$metadata.httpStatusCode).toBe(400);
    // By stack id the deleted stack is still there.
    const byId = await env.cfn.send(new DescribeStacksCommand({ StackName: created.StackId }));
    expect(byId.Stacks![0].StackStatus).toBe('DELETE_COMPLETE');
    const events = await env.cfn.send(
      new DescribeStackEventsCommand({ StackName: created.StackId }),
    );
    expect(events.StackEvents![0].ResourceStatus).toBe('DELETE_COMPLETE');
    expect(events.StackEvents!.at(-1)).toMatchObject({
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
      ResourceType: 'AWS::CloudFormation::Stack',
    });
  });
});

describe('CloudFormation: validation and errors', () => {
  const create = (name: string, body: string, caps?: Capability[]) =>
    env.cfn.send(
      new CreateStackCommand({ StackName: name, TemplateBody: body, Capabilities: caps }),
    );

  it('requires CAPABILITY_IAM, or CAPABILITY_NAMED_IAM when the role is named', async () => {
    let err = await sdkError(create('s1', eksctlRoleTemplate()));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InsufficientCapabilitiesException',
      400,
      'Requires capabilities : [CAPABILITY_IAM]',
    ]);
    err = await sdkError(
      create('s1', eksctlRoleTemplate({ roleName: 'named' }), ['CAPABILITY_IAM']),
    );
    expect(err.message).toBe('Requires capabilities : [CAPABILITY_NAMED_IAM]');
    await create('s1', eksctlRoleTemplate({ roleName: 'named' }), ['CAPABILITY_NAMED_IAM']);
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 's1' });
    const role = await env.iam.send(new GetRoleCommand({ RoleName: 'named' }));
    expect(role.Role?.Arn).toBe('arn:aws:iam::111122223333:role/named');
  });

  it('refuses a second stack of the same name and bad names', async () => {
    await create('dup', eksctlRoleTemplate(), ['CAPABILITY_IAM']);
    const err = await sdkError(create('dup', eksctlRoleTemplate(), ['CAPABILITY_IAM']));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'AlreadyExistsException',
      400,
      'Stack [dup] already exists',
    ]);
    const bad = await sdkError(create('1bad_name', eksctlRoleTemplate(), ['CAPABILITY_IAM']));
    expect(bad.name).toBe('ValidationError');
    expect(bad.message).toBe(
      "1 validation error detected: Value '1bad_name' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*",
    );
  });

  it('reports template errors', async () => {
    let err = await sdkError(create('t1', '{"Resources": {}}'));
    expect(err.message).toBe(
      'Template format error: At least one Resources member must be defined.',
    );
    err = await sdkError(create('t1', '{"Resources": {"B": {"Type": "AWS::S3::Nope"}}}'));
    expect(err.message).toBe('Template format error: Unrecognized resource types: [AWS::S3::Nope]');
    err = await sdkError(create('t1', '{not json'));
    expect(err.message).toMatch(/^Template format error: JSON not well-formed/);
    err = await sdkError(
      create(
        't1',
        JSON.stringify({
          Parameters: { P: { Type: 'String' } },
          Resources: { H: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
        }),
      ),
    );
    expect(err.message).toBe('Parameters: [P] must have values');
  });

  it('enforces termination protection', async () => {
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'protected',
        TemplateBody: eksctlRoleTemplate(),
        Capabilities: ['CAPABILITY_IAM'],
        EnableTerminationProtection: true,
      }),
    );
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'protected' });
    const err = await sdkError(env.cfn.send(new DeleteStackCommand({ StackName: 'protected' })));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'ValidationError',
      400,
      'Stack [protected] cannot be deleted while TerminationProtection is enabled',
    ]);
    const { UpdateTerminationProtectionCommand } = await import('@aws-sdk/client-cloudformation');
    const out = await env.cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: 'protected',
        EnableTerminationProtection: false,
      }),
    );
    expect(out.StackId).toContain(':stack/protected/');
    await env.cfn.send(new DeleteStackCommand({ StackName: 'protected' }));
    await waitUntilStackDeleteComplete({ client: env.cfn, ...wait }, { StackName: 'protected' });
  });

  it('deleting a stack that does not exist succeeds quietly', async () => {
    await env.cfn.send(new DeleteStackCommand({ StackName: 'never-was' }));
  });

  it('paginates DescribeStacks and ListStacks with NextToken', async () => {
    const { ListStacksCommand } = await import('@aws-sdk/client-cloudformation');
    const body = JSON.stringify({
      Resources: { H: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
    });
    for (let i = 0; i < 105; i++) await create(`p${i}`, body);
    const first = await env.cfn.send(new DescribeStacksCommand({}));
    expect(first.Stacks).toHaveLength(100);
    expect(first.NextToken).toBeTruthy();
    const second = await env.cfn.send(new DescribeStacksCommand({ NextToken: first.NextToken }));
    expect(second.Stacks).toHaveLength(5);
    expect(second.NextToken).toBeUndefined();
    const names = new Set([...first.Stacks!, ...second.Stacks!].map((s) => s.StackName));
    expect(names.size).toBe(105);
    await env.cfn.send(new DeleteStackCommand({ StackName: 'p0' }));
    let listed = 0;
    let token: string | undefined;
    do {
      const page = await env.cfn.send(
        new ListStacksCommand({ NextToken: token, StackStatusFilter: ['CREATE_COMPLETE'] }),
      );
      listed += page.StackSummaries!.length;
      token = page.NextToken;
    } while (token);
    expect(listed).toBe(104);
    const deleted = await env.cfn.send(
      new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }),
    );
    expect(deleted.StackSummaries!.map((s) => s.StackName)).toEqual(['p0']);
  });

  it('reads YAML templates with the short forms and parameters', async () => {
    const yaml = [
      'Parameters:',
      '  Suffix: { Type: String, Default: x }',
      'Resources:',
      '  R:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: !Sub "${AWS::StackName}-${Suffix}"',
      '      Path: /team/',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: { Service: pods.eks.amazonaws.com }',
      '            Action: [sts:AssumeRole, sts:TagSession]',
      '      ManagedPolicyArns:',
      '        - !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/AmazonS3ReadOnlyAccess"]]',
      'Outputs:',
      '  Arn: { Value: !GetAtt R.Arn }',
      '  Id: { Value: !GetAtt [R, RoleId] }',
      '  Name: { Value: !Ref R }',
      '  Region: { Value: !Select [0, !Split [",", !Sub "${AWS::Region},${AWS::AccountId}"]] }',
    ].join('\n');
    await env.cfn.send(
      new CreateStackCommand({
        StackName: 'yaml',
        TemplateBody: yaml,
        Parameters: [{ ParameterKey: 'Suffix', ParameterValue: 'sa' }],
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      }),
    );
    await waitUntilStackCreateComplete({ client: env.cfn, ...wait }, { StackName: 'yaml' });
    const stack = (await env.cfn.send(new DescribeStacksCommand({ StackName: 'yaml' }))).Stacks![0];
    const outputs = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.Arn).toBe('arn:aws:iam::111122223333:role/team/yaml-sa');
    expect(outputs.Id).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(outputs.Name).toBe('yaml-sa');
    expect(outputs.Region).toBe('us-west-2');
    expect(stack.Parameters).toEqual([{ ParameterKey: 'Suffix', ParameterValue: 'sa' }]);
    const attached = await env.iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'yaml-sa' }),
    );
    expect(attached.AttachedPolicies?.[0]?.PolicyName).toBe('AmazonS3ReadOnlyAccess');
    const t = await env.cfn.send(
      new GetTemplateCommand({ StackName: 'yaml', TemplateStage: 'Original' }),
    );
    expect(t.TemplateBody).toBe(yaml);
    expect(t.StagesAvailable).toEqual(['Original', 'Processed']);
  });
});
