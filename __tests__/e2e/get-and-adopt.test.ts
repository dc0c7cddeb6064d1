// eksctl interchangeability: `podid get` behaves as `eksctl get podidentityassociation` (scenarios
// 26–31 of the reference), and a setup made the way eksctl makes it is only adopted, never rebuilt.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CreateStackCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import {
  CreatePodIdentityAssociationCommand,
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import {
  CLI,
  OWNER,
  POD_TRUST,
  REGION,
  cliEnv,
  collect,
  runCli,
  seedCluster,
  userRoleArn,
  writeClusterConfig,
} from './harness.js';

const env = withEmulator();

/** The CLI with no AWS_REGION in its environment. */
function runWithoutRegion(args: string[], extra: Record<string, string> = {}) {
  const environment = cliEnv(env.url, extra);
  delete environment.AWS_REGION;
  return collect(
    spawn(process.execPath, [CLI, ...args], {
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** The role stack as `eksctl create podidentityassociation` deploys it (reference §1.6). */
const EKSCTL_TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'IAM role for pod identity association [created and managed by eksctl]',
  Resources: {
    Role1: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['sts:AssumeRole', 'sts:TagSession'],
              Principal: { Service: 'pods.eks.amazonaws.com' },
            },
          ],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
    },
  },
  Outputs: { Role1: { Value: { 'Fn::GetAtt': 'Role1.Arn' } } },
});

async function eksctlCreate(namespace: string, sa: string): Promise<string> {
  const stackName = `eksctl-prod-podidentityrole-${namespace}-${sa}`;
  await env.cfn.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: EKSCTL_TEMPLATE,
      Capabilities: ['CAPABILITY_IAM'],
      EnableTerminationProtection: true,
      Tags: [
        { Key: 'alpha.eksctl.io/cluster-name', Value: 'prod' },
        { Key: 'eksctl.cluster.k8s.io/v1alpha1/cluster-name', Value: 'prod' },
        { Key: 'alpha.eksctl.io/eksctl-version', Value: '0.215.0' },
        { Key: 'alpha.eksctl.io/podidentityassociation-name', Value: `${namespace}/${sa}` },
      ],
    }),
  );
  await waitUntilStackCreateComplete(
    { client: env.cfn, maxWaitTime: 10, minDelay: 0.1, maxDelay: 0.2 },
    { StackName: stackName },
  );
  const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  const roleArn = Stacks?.[0].Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
  await env.eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: 'prod',
      namespace,
      serviceAccount: sa,
      roleArn,
      tags: { 'alpha.eksctl.io/podidentityassociation-name': `${namespace}/${sa}` },
    }),
  );
  return roleArn;
}

async function describe1(namespace: string, sa: string) {
  const { associations } = await env.eks.send(
    new ListPodIdentityAssociationsCommand({ clusterName: 'prod', namespace, serviceAccount: sa }),
  );
  const { association } = await env.eks.send(
    new DescribePodIdentityAssociationCommand({
      clusterName: 'prod',
      associationId: associations?.[0].associationId,
    }),
  );
  return association!;
}

describe('an eksctl-made setup', () => {
  it('plans as adopt only, applies by tagging, and then follows the config like any other', async () => {
    await env.admin('POST', 'seed', seedCluster(['api-role', 'target-source']));
    const webRole = await eksctlCreate('apps', 'web');
    // Made by hand, untagged, with the role the config names.
    await env.eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'prod',
        namespace: 'apps',
        serviceAccount: 'api',
        roleArn: userRoleArn('api-role'),
      }),
    );
    const stackBefore = (
      await env.cfn.send(
        new DescribeStacksCommand({ StackName: 'eksctl-prod-podidentityrole-apps-web' }),
      )
    ).Stacks?.[0];

    const entries = [
      {
        namespace: 'apps',
        serviceAccountName: 'web',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      },
      { namespace: 'apps', serviceAccountName: 'api', roleARN: userRoleArn('api-role') },
    ];
    const file = writeClusterConfig(entries);
    const plan = await runCli(['plan', '-f', file, '--output', 'json'], env.url);
    expect(plan.code).toBe(0);
    const doc = JSON.parse(plan.stdout) as {
      clusters: { tasks: { kind: string; change: string }[] }[];
    };
    expect(doc.clusters[0].tasks.map((t) => `${t.kind}:${t.change}`)).toEqual([
      'tag-association:adopt',
      'tag-association:adopt',
    ]);

    expect((await runCli(['apply', '-f', file], env.url)).code).toBe(0);
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
    const web = await describe1('apps', 'web');
    expect(web.roleArn).toBe(webRole);
    expect(web.tags).toEqual({
      'alpha.eksctl.io/podidentityassociation-name': 'apps/web',
      'podid-action/managed-by': OWNER,
    });
    // The stack itself was left exactly as eksctl made it.
    const stackAfter = (
      await env.cfn.send(
        new DescribeStacksCommand({ StackName: 'eksctl-prod-podidentityrole-apps-web' }),
      )
    ).Stacks?.[0];
    expect(stackAfter?.StackId).toBe(stackBefore?.StackId);
    expect(stackAfter?.LastUpdatedTime).toBeUndefined();

    // Cross-account: set a target role with session tags off and a session policy, then clear them.
    const target = 'arn:aws:iam::444455556666:role/shared-reader';
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const crossAccount = writeClusterConfig([
      entries[0],
      { ...entries[1], targetRoleARN: target, disableSessionTags: true, policy },
    ]);
    expect((await runCli(['apply', '-f', crossAccount], env.url)).code).toBe(0);
    const chained = await describe1('apps', 'api');
    expect(chained).toMatchObject({ targetRoleArn: target, disableSessionTags: true, policy });
    expect(chained.externalId).toMatch(/\S/);

    const cleared = await runCli(['plan', '-f', file], env.url);
    expect(cleared.stdout).toContain('targetRoleARN removed');
    expect((await runCli(['apply', '-f', file], env.url)).code).toBe(0);
    const back = await describe1('apps', 'api');
    expect(back.targetRoleArn ?? '').toBe('');
    expect(back.externalId ?? '').toBe('');
    expect(back.disableSessionTags ?? false).toBe(false);
    expect(back.policy ?? '').toBe('');
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
    expect(Object.keys((await liveSummary(env)).stacks)).toEqual([
      'eksctl-prod-podidentityrole-apps-web',
    ]);
  });
});

describe('podid get (eksctl scenarios 26–31)', () => {
  async function seedThree(): Promise<void> {
    await env.admin('POST', 'seed', {
      roles: ['one', 'two', 'cni'].map((roleName) => ({
        roleName,
        assumeRolePolicyDocument: POD_TRUST,
      })),
      clusters: [
        {
          name: 'prod',
          region: REGION,
          version: '1.32',
          addons: [
            { name: 'eks-pod-identity-agent' },
            {
              name: 'vpc-cni',
              podIdentityAssociations: [
                { serviceAccount: 'aws-node', roleArn: userRoleArn('cni') },
              ],
            },
          ],
          podIdentityAssociations: [
            { namespace: 'apps', serviceAccount: 'one', roleArn: userRoleArn('one') },
            { namespace: 'apps', serviceAccount: 'two', roleArn: userRoleArn('two') },
          ],
        },
      ],
    });
  }

  it('28: lists every association; only the add-on-owned one has an owner ARN', async () => {
    await seedThree();
    const result = await runCli(['get', '--cluster', 'prod', '-o', 'json'], env.url);
    const rows = JSON.parse(result.stdout) as Record<string, string>[];
    expect(rows.map((r) => Object.keys(r))).toEqual(
      rows.map(() => ['AssociationARN', 'Namespace', 'ServiceAccountName', 'RoleARN', 'OwnerARN']),
    );
    expect(rows).toHaveLength(3);
    const owned = rows.filter((r) => r.OwnerARN !== '');
    expect(owned).toEqual([expect.objectContaining({ ServiceAccountName: 'aws-node' })]);
    expect(owned[0].OwnerARN).toMatch(/^arn:aws:eks:us-west-2:111122223333:addon\/prod\/vpc-cni\//);
  });

  it('29–30: namespace and service-account filters; yaml output sorts keys', async () => {
    await seedThree();
    const byNamespace = JSON.parse(
      (await runCli(['get', '--cluster', 'prod', '--namespace', 'apps', '-o', 'json'], env.url))
        .stdout,
    );
    expect(byNamespace).toHaveLength(2);
    const one = await runCli(
      [
        'get',
        '--cluster',
        'prod',
        '--namespace',
        'apps',
        '--service-account-name',
        'two',
        '-o',
        'yaml',
      ],
      env.url,
    );
    expect(one.stdout).toMatch(
      /^- AssociationARN: .+\n {2}Namespace: apps\n {2}OwnerARN: ""\n {2}RoleARN: .+\n {2}ServiceAccountName: two\n$/,
    );
  });

  it("-f FILE takes the cluster and region from the file, as eksctl's get -f does", async () => {
    await seedThree();
    const file = writeClusterConfig([], { name: 'prod' });
    // No region anywhere but in the file.
    const result = await runWithoutRegion(['get', '-f', file, '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
  });

  it('--region is optional: the SDK finds it in AWS_REGION or the AWS profile, else one line says so', async () => {
    await seedThree();
    const dir = mkdtempSync(join(tmpdir(), 'podid-aws-config-'));
    const config = join(dir, 'config');
    writeFileSync(config, `[default]\nregion = ${REGION}\n`);
    const fromProfile = await runWithoutRegion(['get', '--cluster', 'prod', '-o', 'json'], {
      AWS_CONFIG_FILE: config,
    });
    expect(fromProfile.code).toBe(0);
    expect(JSON.parse(fromProfile.stdout)).toHaveLength(3);
    const nowhere = await runWithoutRegion(['get', '--cluster', 'prod'], {
      AWS_CONFIG_FILE: join(dir, 'missing'),
    });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toBe(
      'Error: --region must be set (or AWS_REGION, or a region in the AWS profile), or use -f FILE\n',
    );
  });

  it('31: nothing found', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    expect((await runCli(['get', '--cluster', 'prod'], env.url)).stdout).toBe(
      'No podidentityassociations found\n',
    );
    expect((await runCli(['get', '--cluster', 'prod', '-o', 'json'], env.url)).stdout).toBe('[]\n');
  });

  it('26–27: list and describe failures say which call failed', async () => {
    await seedThree();
    const fault = (operation: string) => ({
      rules: [
        { operation, error: { status: 400, code: 'InvalidRequestException', message: 'boom' } },
      ],
    });
    await env.admin('POST', 'faults', fault('ListPodIdentityAssociations'));
    const list = await runCli(['get', '--cluster', 'prod'], env.url);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/^Error: failed to list pod identity associations: boom/);
    await env.admin('POST', 'faults', fault('DescribePodIdentityAssociation'));
    const describeFailure = await runCli(['get', '--cluster', 'prod'], env.url);
    expect(describeFailure.code).toBe(1);
    expect(describeFailure.stderr).toMatch(
      /^Error: failed to describe pod identity association with associationID: a-[a-z0-9]{17}: boom/,
    );
  });
});
