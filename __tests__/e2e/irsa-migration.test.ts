// Migration from IRSA the GitOps way, end to end (issue 11): a cluster with eksctl's IRSA state (an
// owned iamserviceaccount stack, an unowned role, annotated service accounts), a config that names
// those roles in iam.podIdentityAssociations; plan shows the migrate tasks, apply carries them out,
// the roles trust both principals (or only pod identity with remove-oidc-trust), the next plan is
// empty, and a run that dies half-way converges with exactly one pod identity statement.

import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { REGION, runCli, writeClusterConfig } from './harness.js';

const env = withEmulator();
const OWNED_STACK = 'eksctl-prod-addon-iamserviceaccount-default-sa1';
const UNOWNED_ROLE = 'prod-irsa-default-sa2';

async function seed(): Promise<{ owned: string; unowned: string }> {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: 'prod',
        region: REGION,
        version: '1.32',
        withOIDC: true,
        addons: [{ name: 'eks-pod-identity-agent' }],
        iamServiceAccounts: [
          {
            namespace: 'default',
            name: 'sa1',
            owned: true,
            attachPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
          },
          { namespace: 'default', name: 'sa2', owned: false },
        ],
      },
    ],
  });
  const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: OWNED_STACK }));
  const owned = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
  return { owned, unowned: `arn:aws:iam::111122223333:role/${UNOWNED_ROLE}` };
}

async function trustOf(
  roleName: string,
): Promise<{ Statement: { Principal: Record<string, unknown> }[] }> {
  const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: roleName }));
  return JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '{}'));
}

const principals = (trust: { Statement: { Principal: Record<string, unknown> }[] }) =>
  trust.Statement.map((s) => Object.keys(s.Principal)[0]).sort();

async function annotations(name: string): Promise<Record<string, string>> {
  const { serviceAccounts } = await env.admin<{
    serviceAccounts: { namespace: string; name: string; annotations: Record<string, string> }[];
  }>('GET', 'k8s/prod/serviceaccounts');
  return (
    serviceAccounts.find((s) => s.namespace === 'default' && s.name === name)?.annotations ?? {}
  );
}

const config = (roles: { owned: string; unowned: string }) =>
  writeClusterConfig([
    { namespace: 'default', serviceAccountName: 'sa1', roleARN: roles.owned },
    { namespace: 'default', serviceAccountName: 'sa2', roleARN: roles.unowned },
  ]);

describe('IRSA roles named by iam.podIdentityAssociations', () => {
  it('plan shows the migrate tasks; apply keeps OIDC trust and adds pod identity; the next plan is empty', async () => {
    const roles = await seed();
    const file = config(roles);
    const ownedName = roles.owned.slice(roles.owned.lastIndexOf('/') + 1);

    const plan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    expect(plan.stdout).toContain(`~ update trust policy for owned role "${ownedName}"`);
    expect(plan.stdout).toContain(`~ update trust policy for unowned role "${UNOWNED_ROLE}"`);
    expect(plan.stdout).toContain(
      '+ create pod identity association for service account "default/sa1"',
    );

    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(principals(await trustOf(ownedName))).toEqual(['Federated', 'Service']);
    expect(principals(await trustOf(UNOWNED_ROLE))).toEqual(['Federated', 'Service']);
    // The owned stack is now eksctl's pod identity role stack of default/sa1.
    const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: OWNED_STACK }));
    const tags = Object.fromEntries((Stacks?.[0]?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags['alpha.eksctl.io/podidentityassociation-name']).toBe('default/sa1');
    expect(tags['alpha.eksctl.io/iamserviceaccount-name']).toBe('default/sa1');
    // OIDC trust kept: the IRSA annotation stays, so reverting the config is a way back.
    expect(await annotations('sa2')).toHaveProperty('eks.amazonaws.com/role-arn', roles.unowned);

    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);

    // Later, remove-oidc-trust: only the OIDC statements and annotations go.
    const remove = await runCli(['apply', '-f', file, '--remove-oidc-trust'], env.url);
    expect(remove.code, remove.stdout + remove.stderr).toBe(0);
    expect(remove.stdout).toContain(
      'remove iamserviceaccount EKS role annotation for "default/sa1"',
    );
    expect(principals(await trustOf(ownedName))).toEqual(['Service']);
    expect(principals(await trustOf(UNOWNED_ROLE))).toEqual(['Service']);
    expect(await annotations('sa1')).not.toHaveProperty('eks.amazonaws.com/role-arn');
    expect(await annotations('sa2')).not.toHaveProperty('eks.amazonaws.com/role-arn');
    const last = await runCli(
      ['plan', '-f', file, '--remove-oidc-trust', '--detailed-exitcode'],
      env.url,
    );
    expect(last.code, last.stdout).toBe(0);
  });

  it('a run that fails after the trust update converges on re-run, with one pod identity statement', async () => {
    const roles = await seed();
    const file = config(roles);
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'eks',
          operation: 'CreatePodIdentityAssociation',
          error: { status: 400, code: 'InvalidRequestException', message: 'injected' },
        },
      ],
    });
    const failed = await runCli(['apply', '-f', file], env.url);
    expect(failed.code).toBe(1);
    expect(principals(await trustOf(UNOWNED_ROLE))).toEqual(['Federated', 'Service']);

    await env.admin('POST', 'faults', { rules: [] });
    const rerun = await runCli(['apply', '-f', file], env.url);
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    for (const role of [UNOWNED_ROLE, roles.owned.slice(roles.owned.lastIndexOf('/') + 1)]) {
      const service = (await trustOf(role)).Statement.filter((s) => 'Service' in s.Principal);
      expect(service).toHaveLength(1);
    }
    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
  });

  it("an add-on on IRSA (eksctl's addon stack): trust migrated through its stack, then 'migrate addon'", async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'prod',
          region: REGION,
          version: '1.32',
          withOIDC: true,
          addons: [{ name: 'eks-pod-identity-agent' }, { name: 'vpc-cni', irsa: { owned: true } }],
        },
      ],
    });
    const { Stacks } = await env.cfn.send(
      new DescribeStacksCommand({ StackName: 'eksctl-prod-addon-vpc-cni' }),
    );
    const role = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
    const file = writeClusterConfig([], {
      addons: [
        { name: 'eks-pod-identity-agent' },
        {
          name: 'vpc-cni',
          podIdentityAssociations: [
            { namespace: 'kube-system', serviceAccountName: 'aws-node', roleARN: role },
          ],
        },
      ],
    });
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.stdout).toMatch(/~ update trust policy for owned role "[^"]+"/);
    expect(plan.stdout).toContain('~ migrate addon vpc-cni to pod identity');
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    // As eksctl: the add-on role no longer trusts the OIDC provider; its stack stays (the role is in it).
    expect(principals(await trustOf(role.slice(role.lastIndexOf('/') + 1)))).toEqual(['Service']);
    const after = await env.cfn.send(
      new DescribeStacksCommand({ StackName: 'eksctl-prod-addon-vpc-cni' }),
    );
    expect(after.Stacks?.[0]?.StackStatus).toBe('UPDATE_COMPLETE');
    const again = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(again.code, again.stdout).toBe(0);
  });
});
