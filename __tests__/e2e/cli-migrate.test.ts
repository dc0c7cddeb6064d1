// `podid migrate` end to end (issue 11), the CLI bundle against the emulator's eksctl IRSA state:
// the seed's example (2 iamserviceaccounts, one owned, one unowned; 2 add-ons; agent missing) prints
// eksctl's plan text and task tree exactly, applies with --approve, and a second run finds nothing;
// discovery's messages; and `migrate -f FILE --write`, the GitOps way, into plan and apply.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeAddonCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { REGION, runCli } from './harness.js';

const env = withEmulator();
const CLUSTER = 'my-cluster';
const UNOWNED = 'Unowned-Role1';
const EBS_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';

/** The seed's migration example: sa1 owned by its eksctl stack, sa2 a role of its own, two add-ons on IRSA. */
async function seedExample(options: { agent?: boolean; withOIDC?: boolean } = {}) {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: CLUSTER,
        region: REGION,
        version: '1.32',
        withOIDC: options.withOIDC ?? true,
        ...(options.withOIDC === false
          ? {}
          : {
              iamServiceAccounts: [
                {
                  namespace: 'default',
                  name: 'sa1',
                  owned: true,
                  attachPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
                },
                { namespace: 'default', name: 'sa2', owned: false, roleName: UNOWNED },
              ],
            }),
        addons: [
          ...(options.agent ? [{ name: 'eks-pod-identity-agent' }] : []),
          ...(options.withOIDC === false
            ? []
            : [
                { name: 'vpc-cni', irsa: { owned: true } },
                {
                  name: 'aws-ebs-csi-driver',
                  irsa: {
                    owned: true,
                    serviceAccount: 'ebs-csi-controller-sa',
                    attachPolicyARNs: [EBS_POLICY],
                  },
                },
              ]),
        ],
      },
    ],
  });
}

/** eksctl create cluster with withOIDC: vpc-cni runs on the kube-system/aws-node iamserviceaccount's role. */
async function seedCreateClusterCni(): Promise<void> {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: CLUSTER,
        region: REGION,
        version: '1.32',
        withOIDC: true,
        iamServiceAccounts: [
          {
            namespace: 'kube-system',
            name: 'aws-node',
            owned: true,
            attachPolicyARNs: ['arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'],
          },
        ],
        addons: [
          { name: 'eks-pod-identity-agent' },
          { name: 'vpc-cni', irsa: { iamServiceAccount: true } },
        ],
      },
    ],
  });
}

async function roleOfStack(stackName: string): Promise<string> {
  const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'Role1')?.OutputValue ?? '';
}

const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

async function trustPrincipals(roleName: string): Promise<string[]> {
  const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: roleName }));
  const trust = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '{}')) as {
    Statement: { Principal: Record<string, unknown> }[];
  };
  return trust.Statement.map((s) => Object.keys(s.Principal)[0]).sort();
}

async function annotations(name: string): Promise<Record<string, string>> {
  const { serviceAccounts } = await env.admin<{
    serviceAccounts: { namespace: string; name: string; annotations: Record<string, string> }[];
  }>('GET', `k8s/${CLUSTER}/serviceaccounts`);
  return (
    serviceAccounts.find((s) => s.namespace === 'default' && s.name === name)?.annotations ?? {}
  );
}

async function roles() {
  return {
    sa1: await roleOfStack(`eksctl-${CLUSTER}-addon-iamserviceaccount-default-sa1`),
    cni: await roleOfStack(`eksctl-${CLUSTER}-addon-vpc-cni`),
    ebs: await roleOfStack(`eksctl-${CLUSTER}-addon-aws-ebs-csi-driver`),
  };
}

describe('podid migrate --cluster', () => {
  it("prints eksctl's plan exactly, applies with --approve, and a second run finds nothing", async () => {
    await seedExample();
    const r = await roles();
    const plan = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toBe(
      [
        '[ℹ]  found IAM role for service account default/sa1',
        '[ℹ]  found IAM role for service account default/sa2',
        '[ℹ]  found IAM role for service account aws-node associated with EKS addon vpc-cni',
        '[ℹ]  found IAM role for service account ebs-csi-controller-sa associated with EKS addon aws-ebs-csi-driver',
        `[ℹ]  will migrate addon aws-ebs-csi-driver with serviceAccountRoleARN "${r.ebs}" to pod identity; OIDC provider trust relationship will also be removed`,
        `[ℹ]  will migrate addon vpc-cni with serviceAccountRoleARN "${r.cni}" to pod identity; OIDC provider trust relationship will also be removed`,
        '[ℹ]  (plan) would migrate 2 iamserviceaccount(s) and 2 addon(s) to pod identity by executing the following tasks',
        '[ℹ]  (plan) ',
        '3 sequential tasks: { install eks-pod-identity-agent addon, ',
        '    2 parallel sub-tasks: { ',
        '        2 sequential sub-tasks: { ',
        `            update trust policy for owned role "${nameOf(r.ebs)}",`,
        '            migrate addon aws-ebs-csi-driver to pod identity,',
        '        },',
        '        2 sequential sub-tasks: { ',
        `            update trust policy for owned role "${nameOf(r.cni)}",`,
        '            migrate addon vpc-cni to pod identity,',
        '        },',
        '    }, ',
        '    2 parallel sub-tasks: { ',
        '        2 sequential sub-tasks: { ',
        `            update trust policy for owned role "${nameOf(r.sa1)}",`,
        '            create pod identity association for service account "default/sa1",',
        '        },',
        '        2 sequential sub-tasks: { ',
        `            update trust policy for unowned role "${UNOWNED}",`,
        '            create pod identity association for service account "default/sa2",',
        '        },',
        '    } ',
        '}',
        '[ℹ]  all tasks were skipped',
        "[!]  no changes were applied, run again with '--approve' to apply the changes",
        '',
      ].join('\n'),
    );
    // A plan changes nothing.
    const none = await env.eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: CLUSTER }),
    );
    expect(none.associations).toEqual([]);

    const apply = await runCli(['migrate', '--cluster', CLUSTER, '--approve'], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout).toContain(
      '[ℹ]  will migrate 2 iamserviceaccount(s) and 2 addon(s) to pod identity by executing the following tasks\n[ℹ]  \n3 sequential tasks: {',
    );
    expect(apply.stdout.trimEnd().split('\n').pop()).toBe(
      '[ℹ]  all tasks were completed successfully',
    );
    const { associations } = await env.eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: CLUSTER }),
    );
    expect(associations?.map((a) => `${a.namespace}/${a.serviceAccount}`).sort()).toEqual([
      'default/sa1',
      'default/sa2',
      'kube-system/aws-node',
      'kube-system/ebs-csi-controller-sa',
    ]);
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: CLUSTER, addonName: 'vpc-cni' }),
    );
    expect(addon?.podIdentityAssociations).toHaveLength(1);
    // iamserviceaccount roles keep OIDC trust by default; add-on roles lose it, as with eksctl.
    expect(await trustPrincipals(nameOf(r.sa1))).toEqual(['Federated', 'Service']);
    expect(await trustPrincipals(UNOWNED)).toEqual(['Federated', 'Service']);
    expect(await trustPrincipals(nameOf(r.cni))).toEqual(['Service']);

    const again = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      '[ℹ]  addon vpc-cni is already using pod identity; skipping migration to pod identity\n',
    );
    expect(again.stdout.trimEnd().split('\n').pop()).toBe(
      '[ℹ]  no iamserviceaccounts or addons found to migrate to pod identity',
    );
  });

  it('with --remove-oidc-provider-trust-relationship: the annotation goes too, and only pod identity is trusted', async () => {
    await seedExample({ agent: true });
    const r = await roles();
    const flag = '--remove-oidc-provider-trust-relationship';
    const plan = await runCli(['migrate', '--cluster', CLUSTER, flag], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      [
        '        3 sequential sub-tasks: { ',
        `            update trust policy for owned role "${nameOf(r.sa1)}",`,
        '            remove iamserviceaccount EKS role annotation for "default/sa1",',
        '            create pod identity association for service account "default/sa1",',
        '        },',
      ].join('\n'),
    );
    expect(plan.stdout).toContain('[ℹ]  (plan) \n2 sequential tasks: { \n    2 parallel sub-tasks');

    const apply = await runCli(['migrate', '--cluster', CLUSTER, flag, '--approve'], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(await trustPrincipals(nameOf(r.sa1))).toEqual(['Service']);
    expect(await trustPrincipals(UNOWNED)).toEqual(['Service']);
    expect(await annotations('sa1')).not.toHaveProperty('eks.amazonaws.com/role-arn');
    expect(await annotations('sa2')).not.toHaveProperty('eks.amazonaws.com/role-arn');

    const again = await runCli(['migrate', '--cluster', CLUSTER, flag], env.url);
    expect(again.stdout.trimEnd().split('\n').pop()).toBe(
      '[ℹ]  no iamserviceaccounts or addons found to migrate to pod identity',
    );
  });

  it('a run that fails half-way converges on re-run, each role trusting pod identity once', async () => {
    await seedExample({ agent: true });
    const r = await roles();
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'eks',
          operation: 'CreatePodIdentityAssociation',
          times: 1,
          error: { status: 400, code: 'InvalidRequestException', message: 'injected' },
        },
      ],
    });
    const failed = await runCli(['migrate', '--cluster', CLUSTER, '--approve'], env.url);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /Error: create pod identity association for service account "default\/sa[12]": .*injected/,
    );
    expect(failed.stdout).not.toContain('all tasks were completed successfully');

    const rerun = await runCli(['migrate', '--cluster', CLUSTER, '--approve'], env.url);
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    // Only what is left: one association (its role already trusts pod identity).
    expect(rerun.stdout).toContain(
      '[ℹ]  will migrate 1 iamserviceaccount(s) and 0 addon(s) to pod identity',
    );
    for (const role of [nameOf(r.sa1), UNOWNED, nameOf(r.cni), nameOf(r.ebs)]) {
      const { Role } = await env.iam.send(new GetRoleCommand({ RoleName: role }));
      const trust = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '{}')) as {
        Statement: { Principal: Record<string, unknown> }[];
      };
      expect(
        trust.Statement.filter((s) => 'Service' in s.Principal),
        role,
      ).toHaveLength(1);
    }
    const again = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(again.stdout.trimEnd().split('\n').pop()).toBe(
      '[ℹ]  no iamserviceaccounts or addons found to migrate to pod identity',
    );
  });

  it("migrates vpc-cni running on eksctl create cluster's aws-node iamserviceaccount role through that stack (scenario 89)", async () => {
    await seedCreateClusterCni();
    const stack = `eksctl-${CLUSTER}-addon-iamserviceaccount-kube-system-aws-node`;
    const role = await roleOfStack(stack);
    const plan = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      '[ℹ]  found IAM role for service account aws-node associated with EKS addon vpc-cni\n',
    );
    expect(plan.stdout).toContain(
      '[ℹ]  (plan) would migrate 0 iamserviceaccount(s) and 1 addon(s) to pod identity',
    );
    expect(plan.stdout).toContain(`update trust policy for owned role "${nameOf(role)}"`);

    const apply = await runCli(['migrate', '--cluster', CLUSTER, '--approve'], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const { addon } = await env.eks.send(
      new DescribeAddonCommand({ clusterName: CLUSTER, addonName: 'vpc-cni' }),
    );
    expect(addon?.podIdentityAssociations).toHaveLength(1);
    const { Stacks } = await env.cfn.send(new DescribeStacksCommand({ StackName: stack }));
    const tags = Object.fromEntries((Stacks?.[0]?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags['alpha.eksctl.io/podidentityassociation-name']).toBeDefined();
    expect(await trustPrincipals(nameOf(role))).toEqual(['Service']);
  });

  it("warns and stops without an IAM OIDC provider, in eksctl's words", async () => {
    await seedExample({ withOIDC: false });
    const result = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      '[!]  no IAM OIDC provider associated with cluster, hence no iamserviceaccounts to be migrated\n',
    );
    // The file form leaves the file alone.
    const file = join(mkdtempSync(join(tmpdir(), 'podid-migrate-')), 'cluster.yaml');
    const text = `metadata: {name: ${CLUSTER}, region: ${REGION}}
iam:
  serviceAccounts:
    - metadata: {name: a}
      attachRoleARN: arn:aws:iam::111122223333:role/a
`;
    writeFileSync(file, `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n${text}`);
    const write = await runCli(['migrate', '-f', file, '--write'], env.url);
    expect(write.code, write.stderr).toBe(0);
    expect(write.stderr).toContain('[!]  no IAM OIDC provider associated with cluster');
    expect(write.stdout).toBe(`${file}: nothing to migrate; the file is unchanged\n`);
    expect(readFileSync(file, 'utf8')).toBe(
      `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n${text}`,
    );
  });

  it("fails with eksctl's wording when the agent, the stacks or the service accounts cannot be read (scenarios 50, 51)", async () => {
    await seedExample();
    const fail = (service: string, operation: string) =>
      env.admin('POST', 'faults', {
        rules: [
          {
            service,
            operation,
            error: { status: 400, code: 'InvalidRequestException', message: 'injected' },
          },
        ],
      });
    for (const [service, operation, message] of [
      ['eks', 'DescribeAddon', 'Error: calling "EKS::DescribeAddon::eks-pod-identity-agent": '],
      ['cloudformation', 'DescribeStacks', 'Error: getting iamserviceaccount role stacks: '],
      ['kubernetes', 'list:serviceaccounts', 'Error: listing k8s service accounts: '],
    ]) {
      await fail(service, operation);
      const result = await runCli(['migrate', '--cluster', CLUSTER], env.url);
      expect(result.code, `${operation}: ${result.stderr}`).toBe(1);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
    }
  });

  it('skips an add-on without pod identity support, as eksctl says (scenario 58)', async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: CLUSTER,
          region: REGION,
          version: '1.32',
          withOIDC: true,
          addons: [
            { name: 'eks-pod-identity-agent' },
            { name: 'kube-proxy', irsa: { owned: false } },
          ],
        },
      ],
    });
    const result = await runCli(['migrate', '--cluster', CLUSTER], env.url);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '[ℹ]  addon kube-proxy does not support pod identity; skipping migration to pod identity',
        '[ℹ]  no iamserviceaccounts or addons found to migrate to pod identity',
        '',
      ].join('\n'),
    );
  });

  it('refuses a missing --cluster and flags of the other form', async () => {
    const none = await runCli(['migrate'], env.url);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('Error: --cluster must be set (or -f FILE --write)\n');
    const mixed = await runCli(['migrate', '-f', 'x.yaml', '--approve'], env.url);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('cannot use --approve with -f');
  });
});

describe('podid migrate -f FILE --write (the GitOps way)', () => {
  it('rewrites the file, whose plan shows the migrate tasks and whose apply converges', async () => {
    await seedExample();
    const r = await roles();
    const file = join(mkdtempSync(join(tmpdir(), 'podid-migrate-')), 'cluster.yaml');
    writeFileSync(
      file,
      `# my cluster, on IRSA
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: ${REGION}
iam:
  withOIDC: true
  serviceAccounts:
    # the uploader
    - metadata: { name: sa1, namespace: default }
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
    - metadata: { name: sa2, namespace: default }
      attachRoleARN: arn:aws:iam::111122223333:role/${UNOWNED}
addons:
  - name: vpc-cni # the CNI
    serviceAccountRoleARN: ${r.cni}
  - name: aws-ebs-csi-driver
    attachPolicyARNs: [${EBS_POLICY}]
`,
    );

    const dry = await runCli(['migrate', '-f', file], env.url);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`${file} not written: run again with --write to rewrite it`);

    const write = await runCli(['migrate', '-f', file, '--write'], env.url);
    expect(write.code, write.stderr).toBe(0);
    expect(write.stdout).toContain(
      `${file}: iam.serviceAccounts[0] (default/sa1) → iam.podIdentityAssociations with roleARN ${r.sa1}`,
    );
    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten).toContain('  podIdentityAssociations:\n    # the uploader\n');
    expect(rewritten).toContain('  - name: vpc-cni # the CNI\n    podIdentityAssociations:\n');
    expect(rewritten).toContain('  - name: eks-pod-identity-agent\n');
    expect(rewritten).not.toContain('serviceAccountRoleARN');

    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`~ update trust policy for owned role "${nameOf(r.sa1)}"`);
    expect(plan.stdout).toContain(`~ update trust policy for unowned role "${UNOWNED}"`);
    expect(plan.stdout).toContain('~ migrate addon vpc-cni to pod identity');
    expect(plan.stdout).toContain('~ migrate addon aws-ebs-csi-driver to pod identity');

    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const next = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(next.code, next.stdout).toBe(0);

    const twice = await runCli(['migrate', '-f', file, '--write'], env.url);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout).toContain(`${file}: nothing to migrate; the file is unchanged`);
    expect(readFileSync(file, 'utf8')).toBe(rewritten);
  });

  it('moves that vpc-cni to pod identity in the file, leaving its aws-node iamserviceaccount (scenario 89, GitOps)', async () => {
    await seedCreateClusterCni();
    const file = join(mkdtempSync(join(tmpdir(), 'podid-migrate-')), 'cluster.yaml');
    writeFileSync(
      file,
      `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: ${REGION}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: { name: aws-node, namespace: kube-system }
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy]
addons:
  - name: eks-pod-identity-agent
  - name: vpc-cni
`,
    );
    const write = await runCli(['migrate', '-f', file, '--write'], env.url);
    expect(write.code, write.stderr).toBe(0);
    expect(write.stdout).toContain(
      "iam.serviceAccounts[0] (kube-system/aws-node): its role is addon vpc-cni's",
    );
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('~ migrate addon vpc-cni to pod identity');
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const next = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(next.code, next.stdout).toBe(0);
  });
});
