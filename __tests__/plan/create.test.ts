// Creating associations (reference §2, scenarios 21–25) and the agent prerequisite (§2.2.3).
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import type { Task } from '../../src/plan/model.js';
import { OWNER_TAG } from '../../src/names/tags.js';
import { OPTIONS, addon, entry, live, roleArn, spec, trustedRole } from './fixtures.js';

const byId = (tasks: Task[], id: string): Task => {
  const t = tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id} in ${tasks.map((x) => x.id).join(', ')}`);
  return t;
};

describe('create', () => {
  // Scenario 21: an entry without roleARN → role stack with eksctl's exact name, then the association.
  it('plans a role stack then the association, pointing at the stack output', () => {
    const e = entry('test-namespace', 'test-service-account-name-1', {
      permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      tags: { team: 'a' },
    });
    const plan = planCluster(spec([e]), live(), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tasks.map((t) => t.id)).toEqual([
      'create-role-stack:test-namespace/test-service-account-name-1',
      'create-association:test-namespace/test-service-account-name-1',
    ]);
    const [stack, assoc] = plan.tasks;
    if (stack.kind !== 'create-role-stack' || assoc.kind !== 'create-association')
      throw new Error();
    const stackName =
      'eksctl-test-cluster-podidentityrole-test-namespace-test-service-account-name-1';
    expect(stack.params.stackName).toBe(stackName);
    expect(stack.params.capabilities).toEqual(['CAPABILITY_IAM']);
    expect(stack.params.tags[OWNER_TAG]).toBe('org/infra');
    expect(stack.description).toBe(
      'create IAM role for pod identity association for service account "test-namespace/test-service-account-name-1"',
    );
    expect(assoc.params.roleArn).toEqual({ stackName, output: 'Role1' });
    expect(assoc.dependsOn).toEqual([stack.id]);
    expect(assoc.params.tags).toEqual({
      team: 'a',
      'alpha.eksctl.io/podidentityassociation-name': 'test-namespace/test-service-account-name-1',
      [OWNER_TAG]: 'org/infra',
    });
    expect(assoc.description).toBe(
      'create pod identity association for service account "test-namespace/test-service-account-name-1"',
    );
  });

  // Scenarios 23/24: roleARN given → association only, cross-account fields carried, no stack.
  it('carries targetRoleArn and disableSessionTags, creates no stack for a user role', () => {
    const arn = roleArn('source-role');
    const e = entry('default', 'app', {
      roleARN: arn,
      targetRoleARN: 'arn:aws:iam::444455556666:role/TargetRole',
      disableSessionTags: true,
    });
    const plan = planCluster(spec([e]), live({ roles: { [arn]: trustedRole(arn) } }), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tasks).toHaveLength(1);
    const t = plan.tasks[0];
    if (t.kind !== 'create-association') throw new Error(t.kind);
    expect(t.params).toEqual({
      clusterName: 'test-cluster',
      namespace: 'default',
      serviceAccount: 'app',
      roleArn: arn,
      targetRoleArn: 'arn:aws:iam::444455556666:role/TargetRole',
      disableSessionTags: true,
      tags: { [OWNER_TAG]: 'org/infra' },
    });
  });

  // Scenario 25: two entries, one with roleARN → exactly one stack, two associations.
  it('plans one stack and two associations for a mixed pair', () => {
    const arn = roleArn('r');
    const plan = planCluster(
      spec([
        entry('default', 'b', { roleARN: arn }),
        entry('default', 'a', { permissionPolicyARNs: ['p'] }),
      ]),
      live({ roles: { [arn]: trustedRole(arn) } }),
      OPTIONS,
    );
    expect(plan.tasks.filter((t) => t.kind === 'create-role-stack')).toHaveLength(1);
    expect(plan.tasks.filter((t) => t.kind === 'create-association')).toHaveLength(2);
    // sorted by namespace/sa regardless of config order
    expect(plan.tasks.map((t) => t.target)).toEqual(['default/a', 'default/a', 'default/b']);
  });

  it('omits unset optional fields (unset disableSessionTags is not false)', () => {
    const plan = planCluster(
      spec([entry('ns', 'sa', { permissionPolicyARNs: ['p'] })]),
      live(),
      OPTIONS,
    );
    const t = byId(plan.tasks, 'create-association:ns/sa');
    expect(Object.keys(t.params).sort()).toEqual([
      'clusterName',
      'namespace',
      'roleArn',
      'serviceAccount',
      'tags',
    ]);
  });
});

describe('agent prerequisite', () => {
  const noAgent = () => live({ addons: {} });
  const e = () => entry('default', 'app', { permissionPolicyARNs: ['p'] });

  it('installs the agent first when the config lists it, and associations wait for it', () => {
    const plan = planCluster(
      spec([e()], { addons: [addon('eks-pod-identity-agent')] }),
      noAgent(),
      OPTIONS,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.tasks[0].id).toBe('create-addon:eks-pod-identity-agent');
    expect(plan.tasks[0].description).toBe('install eks-pod-identity-agent addon');
    expect(byId(plan.tasks, 'create-association:default/app').dependsOn).toContain(
      'create-addon:eks-pod-identity-agent',
    );
    // the role stack does not need the agent
    expect(byId(plan.tasks, 'create-role-stack:default/app').dependsOn).toEqual([]);
  });

  it('is a plan error with eksctl message when the config does not list it', () => {
    const plan = planCluster(spec([e()]), noAgent(), OPTIONS);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0].message).toBe(
      'the "eks-pod-identity-agent" addon must be installed to create pod identity associations; please add "eks-pod-identity-agent" to addons in the config file',
    );
    expect(plan.errors[0].file).toBe('clusters/test.yaml');
  });

  it('counts Auto Mode as installed', () => {
    const plan = planCluster(spec([e()]), live({ addons: {}, autoMode: true }), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tasks.some((t) => t.kind === 'create-addon')).toBe(false);
  });

  it('does not ask for the agent when nothing is created', () => {
    const plan = planCluster(spec([]), noAgent(), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.tasks).toEqual([]);
  });
});

describe('cluster state', () => {
  it('reports a missing cluster as one error with no tasks', () => {
    const plan = planCluster(
      spec([entry('a', 'b', { permissionPolicyARNs: ['p'] })]),
      {
        name: 'test-cluster',
        region: 'us-west-2',
        missing: true,
        reason: 'No cluster found for name: test-cluster.',
      },
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    // About the cluster, named with its file, not pinned to metadata.name as if the file were wrong.
    expect(plan.errors[0]).toMatchObject({
      message:
        'cluster "test-cluster" (us-west-2) could not be read: No cluster found for name: test-cluster.',
      line: 0,
    });
  });

  it('suggests the closest cluster of the region when EKS says it does not exist', () => {
    const missing = (clustersInRegion?: string[]) =>
      planCluster(
        spec([]),
        {
          name: 'test-cluster',
          region: 'us-west-2',
          missing: true,
          reason: 'No cluster found for name: test-cluster.',
          notFound: { clustersInRegion },
        },
        OPTIONS,
      ).errors;
    expect(missing(['prod', 'test-clusters', 'staging'])).toEqual([
      expect.objectContaining({
        message: 'cluster "test-cluster" was not found in us-west-2',
        hint: 'did you mean "test-clusters"? clusters in us-west-2: "prod", "test-clusters", "staging"; fix metadata.name, or metadata.region if the cluster is in another region',
        line: 0,
      }),
    ]);
    expect(missing([])[0].hint).toBe(
      'no cluster in us-west-2 is visible to these credentials: check metadata.region and the AWS account',
    );
    expect(missing(undefined)[0].hint).toBe(
      'fix metadata.name, or metadata.region if the cluster is in another region',
    );
  });

  it('names the account the cluster was looked for in, and the fix when it is in another', () => {
    const missing = (clustersInRegion?: string[]) =>
      planCluster(
        spec([]),
        {
          name: 'test-cluster',
          region: 'us-west-2',
          missing: true,
          reason: 'No cluster found for name: test-cluster.',
          notFound: { clustersInRegion, account: '444455556666' },
        },
        OPTIONS,
      ).errors[0].hint;
    expect(missing(['staging'])).toBe(
      'clusters in us-west-2 of account 444455556666: "staging"; fix metadata.name, metadata.region if the cluster is in another region, or the credentials if it is in another account',
    );
    expect(missing([])).toBe(
      'no cluster in us-west-2 of account 444455556666 is visible to these credentials: check metadata.region and the AWS account',
    );
    expect(missing(undefined)).toBe(
      'fix metadata.name, metadata.region if the cluster is in another region, or the credentials if it is in another account than 444455556666',
    );
  });

  it('shows no fingerprint for a plan that cannot be applied', () => {
    const failed = planCluster(
      spec([]),
      { name: 'test-cluster', region: 'us-west-2', missing: true, reason: 'x' },
      OPTIONS,
    );
    const text = renderPlanText({ version: 1, clusters: [failed] });
    const markdown = renderMarkdown({ version: 1, clusters: [failed] });
    expect(text).not.toContain('fingerprint');
    expect(markdown).not.toContain('Fingerprint');
    const fine = planCluster(spec([]), live(), OPTIONS);
    expect(renderPlanText({ version: 1, clusters: [fine] })).toContain(
      `fingerprint ${fine.fingerprint}`,
    );
  });

  it('refuses a cluster that is not ACTIVE', () => {
    const plan = planCluster(spec([]), live({ status: 'UPDATING' }), OPTIONS);
    expect(plan.errors[0].message).toContain("Cluster 'test-cluster' is not in ACTIVE status");
  });

  it('reports duplicate entries', () => {
    const plan = planCluster(
      spec([
        entry('a', 'b', { permissionPolicyARNs: ['p'] }),
        entry('a', 'b', { permissionPolicyARNs: ['q'] }),
      ]),
      live(),
      OPTIONS,
    );
    expect(plan.errors.map((p) => p.message)).toEqual([
      'duplicate pod identity association for service account "a/b"; EKS allows one per service account',
    ]);
  });
});
