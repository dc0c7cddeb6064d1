// What `podid migrate` hands the planner (the discovered IRSA as a desired state), what it keeps of
// the plan, and what `migrate -f` writes, from plain data.
import { describe, expect, it } from 'vitest';
import type { LiveIrsa } from '../../src/live/irsa.js';
import type { MigrationDecision } from '../../src/plan/migration-discovery.js';
import { migrationPlan, migrationSpec, rewriteFacts } from '../../src/plan/migration-desired.js';
import type { ClusterPlan, Task } from '../../src/plan/model.js';

const ROLE = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

const sa1 = {
  namespace: 'default',
  serviceAccount: 'sa1',
  roleArn: ROLE('r1'),
  roleName: 'r1',
};
const cni = {
  addon: 'vpc-cni',
  version: 'v1.20.4-eksbuild.1',
  configurationValues: '{"env":{}}',
  roleArn: ROLE('cni'),
  roleName: 'cni',
  serviceAccount: 'aws-node',
  namespace: 'kube-system',
};

describe('migrationSpec', () => {
  it('names the existing roles, keeps the add-on as it is, and adds the agent when missing', () => {
    const spec = migrationSpec({
      cluster: 'c',
      region: 'us-west-2',
      agentInstalled: false,
      serviceAccounts: [sa1],
      addons: [cni],
    });
    expect(spec.file).toBe('cluster "c"');
    expect(
      spec.podIdentityAssociations.map((p) => [p.namespace, p.serviceAccountName, p.roleARN]),
    ).toEqual([['default', 'sa1', ROLE('r1')]]);
    expect(spec.addons.map((a) => a.name)).toEqual(['eks-pod-identity-agent', 'vpc-cni']);
    const addon = spec.addons[1];
    expect(addon.version).toBe('v1.20.4-eksbuild.1');
    expect(addon.configurationValues).toBe('{"env":{}}');
    expect(
      addon.podIdentityAssociations?.map((p) => [p.namespace, p.serviceAccountName, p.roleARN]),
    ).toEqual([['kube-system', 'aws-node', ROLE('cni')]]);
  });

  it('adds no agent when it runs, or when there is nothing to migrate', () => {
    const base = { cluster: 'c', region: 'r', serviceAccounts: [sa1], addons: [] };
    expect(migrationSpec({ ...base, agentInstalled: true }).addons).toEqual([]);
    expect(migrationSpec({ ...base, serviceAccounts: [], agentInstalled: false }).addons).toEqual(
      [],
    );
  });
});

describe('migrationPlan', () => {
  it('drops tag tasks (no adoption) and the dependencies on them', () => {
    const task = (id: string, kind: string, dependsOn: string[] = []) =>
      ({ id, kind, target: 'addon:vpc-cni', dependsOn }) as unknown as Task;
    const plan = {
      tasks: [
        task('update-trust-policy:addon:vpc-cni', 'update-trust-policy'),
        task('tag-addon:vpc-cni', 'tag-addon'),
        task('update-addon:vpc-cni', 'update-addon', [
          'update-trust-policy:addon:vpc-cni',
          'tag-addon:vpc-cni',
        ]),
      ],
    } as ClusterPlan;
    expect(migrationPlan(plan).tasks.map((t) => [t.id, t.dependsOn])).toEqual([
      ['update-trust-policy:addon:vpc-cni', []],
      ['update-addon:vpc-cni', ['update-trust-policy:addon:vpc-cni']],
    ]);
  });
});

describe('rewriteFacts', () => {
  it("takes the annotation's role over the stack's, and sets aside an add-on's iamserviceaccount", () => {
    const irsa = {
      cluster: 'c',
      agentInstalled: true,
      irsaStacks: [
        { stackName: 's1', roleArn: ROLE('stack-r1'), serviceAccount: 'default/sa1' },
        { stackName: 's2', roleArn: ROLE('only-stack'), serviceAccount: 'jobs/roleonly' },
        { stackName: 's3', roleArn: ROLE('cni'), serviceAccount: 'kube-system/aws-node' },
      ],
      addons: [{ name: 'vpc-cni', serviceAccountRoleArn: ROLE('cni') }],
    } as unknown as LiveIrsa;
    const decision = {
      serviceAccounts: [sa1],
      addons: [cni],
      skippedAddons: { 'kube-proxy': 'why' },
      log: [],
    } as MigrationDecision;
    expect(rewriteFacts(irsa, decision)).toEqual({
      serviceAccountRoles: { 'default/sa1': ROLE('r1'), 'jobs/roleonly': ROLE('only-stack') },
      addons: {
        'vpc-cni': { namespace: 'kube-system', serviceAccount: 'aws-node', roleArn: ROLE('cni') },
      },
      addonReasons: { 'kube-proxy': 'why' },
      addonServiceAccounts: { 'kube-system/aws-node': 'vpc-cni' },
      agentInstalled: true,
    });
  });
});
