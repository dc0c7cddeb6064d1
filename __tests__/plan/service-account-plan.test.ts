// createServiceAccount and the service accounts of pruned associations, with eksctl's semantics
// (reference §2.2 b, §5 b, scenario 22), as plain data: what is planned, in which order, and what
// the plan says when the cluster's Kubernetes API could not be read or would refuse a change.
import { describe, expect, it } from 'vitest';
import type { LiveKubernetes, LiveServiceAccount } from '../../src/live/model.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { kubernetesPermissions } from '../../src/plan/kubernetes-access.js';
import { namespacesToRead } from '../../src/plan/service-account-plan.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { renderTaskTree } from '../../src/render/task-tree.js';
import { OPTIONS, association, entry, live, ownerTags, roleArn, spec } from './fixtures.js';

const LABEL = { 'app.kubernetes.io/managed-by': 'eksctl' };
const sa = (
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
): LiveServiceAccount => ({
  namespace,
  name,
  labels,
  annotations: {},
});
const kube = (
  namespaces: Record<string, boolean>,
  accounts: LiveServiceAccount[] = [],
): LiveKubernetes => ({
  namespaces,
  serviceAccounts: accounts,
});
const app = () => entry('team', 'app', { roleARN: roleArn('app'), createServiceAccount: true });

describe('createServiceAccount', () => {
  it('in a missing namespace: creates both before the association (scenario 22 order)', () => {
    const plan = planCluster(spec([app()]), live({ kubernetes: kube({ team: false }) }), OPTIONS);
    expect(plan.errors).toEqual([]);
    const [create, associate] = plan.tasks.filter((t) => t.target === 'team/app');
    expect(create).toMatchObject({
      id: 'create-service-account:team/app',
      kind: 'create-service-account',
      change: 'create',
      description: 'create service account "team/app", if it does not already exist',
      reason: 'not in cluster, nor is namespace "team"',
      params: { namespace: 'team', serviceAccount: 'app', createNamespace: true, labels: LABEL },
      after: { labels: LABEL, createNamespace: 'team' },
    });
    expect(associate.kind).toBe('create-association');
    expect(associate.dependsOn).toContain(create.id);
    expect(renderTaskTree(plan, { planMode: true })).toContain(
      '2 sequential sub-tasks: { \n        create service account "team/app", if it does not already exist,\n        create pod identity association for service account "team/app",',
    );
  });

  it('exists without the label: merges the label in (an update), keeping its labels', () => {
    const existing = sa('team', 'app', { app: 'web' });
    const state = live({
      kubernetes: kube({ team: true }, [existing]),
      associations: [association('team', 'app', roleArn('app'), { tags: ownerTags() })],
    });
    const plan = planCluster(spec([app()]), state, OPTIONS);
    expect(plan.tasks.map((t) => [t.id, t.change])).toEqual([
      ['create-service-account:team/app', 'update'],
    ]);
    expect(plan.tasks[0]).toMatchObject({
      reason: 'exists without the label app.kubernetes.io/managed-by=eksctl',
      before: { labels: { app: 'web' } },
      after: { labels: { app: 'web', ...LABEL } },
      params: { createNamespace: false },
    });
    expect(renderPlanText({ version: 1, clusters: [plan] })).toContain(
      '~ create service account "team/app", if it does not already exist',
    );
  });

  it('exists with the label: nothing to do, and the entry counts as unchanged', () => {
    const state = live({
      kubernetes: kube({ team: true }, [sa('team', 'app', LABEL)]),
      associations: [association('team', 'app', roleArn('app'), { tags: ownerTags() })],
    });
    const plan = planCluster(spec([app()]), state, OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('is not read, nor planned, for entries without it', () => {
    const plain = entry('team', 'other', { roleARN: roleArn('o') });
    expect(namespacesToRead([plain], [], OPTIONS)).toEqual([]);
    expect(namespacesToRead([app(), plain], [], OPTIONS)).toEqual(['team']);
  });
});

describe('the service account of a pruned association', () => {
  const ours = association('team', 'gone', roleArn('g'), { tags: ownerTags() });
  const theirs = association('other', 'x', roleArn('x'), { tags: { team: 'x' } });

  it('is read only for associations prune deletes', () => {
    expect(namespacesToRead([], [ours, theirs], OPTIONS)).toEqual(['team']);
    expect(namespacesToRead([], [ours, theirs], { ...OPTIONS, prune: 'all' })).toEqual([
      'other',
      'team',
    ]);
    expect(namespacesToRead([], [ours, theirs], { ...OPTIONS, prune: 'none' })).toEqual([]);
  });

  it("carrying eksctl's label: deleted before the association", () => {
    const state = live({
      associations: [ours],
      kubernetes: kube({ team: true }, [sa('team', 'gone', LABEL)]),
    });
    const plan = planCluster(spec([]), state, OPTIONS);
    const ids = plan.tasks.map((t) => t.id);
    expect(ids).toEqual(['delete-service-account:team/gone', 'delete-association:team/gone']);
    expect(plan.tasks[0].description).toBe(
      'delete service account "team/gone", if it exists and is managed by eksctl',
    );
    expect(plan.tasks[1].dependsOn).toContain('delete-service-account:team/gone');
  });

  it('without the label: left alone, and the plan says so', () => {
    const state = live({
      associations: [ours],
      kubernetes: kube({ team: true }, [sa('team', 'gone')]),
    });
    const plan = planCluster(spec([]), state, OPTIONS);
    expect(plan.tasks.map((t) => t.id)).toEqual(['delete-association:team/gone']);
    expect(plan.tasks[0].reason).toBe(
      'not in config (prune: managed); service account "team/gone" is left alone: it was not created by eksctl (no label app.kubernetes.io/managed-by=eksctl)',
    );
  });
});

describe('Kubernetes access at plan time', () => {
  const principal = 'arn:aws:sts::111122223333:assumed-role/podid-plan/run-1';

  it('no access entry: one error naming the principal, with the commands that grant it', () => {
    const failure = {
      kind: 'unauthorized' as const,
      message: 'Unauthorized (Unauthorized, HTTP 401)',
      principal,
    };
    const plan = planCluster(
      spec([app()]),
      live({ kubernetes: { ...kube({}), failure } }),
      OPTIONS,
    );
    expect(plan.tasks.filter((t) => t.kind === 'create-service-account')).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    const [error] = plan.errors;
    expect(error.path).toBe('iam.podIdentityAssociations[0].createServiceAccount');
    expect(error.message).toContain(
      'refused the IAM principal arn:aws:iam::111122223333:role/podid-plan (401 Unauthorized)',
    );
    expect(error.hint).toContain(
      'aws eks create-access-entry --cluster-name test-cluster --principal-arn arn:aws:iam::111122223333:role/podid-plan --region us-west-2',
    );
    expect(error.hint).toContain(
      '--policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=namespace,namespaces=team',
    );
  });

  it('an unreachable endpoint: an error with the private-endpoint hint', () => {
    const failure = {
      kind: 'unreachable' as const,
      message: 'cannot reach the Kubernetes API at https://x: ETIMEDOUT',
    };
    const plan = planCluster(
      spec([app()]),
      live({ kubernetes: { ...kube({}), failure } }),
      OPTIONS,
    );
    expect(plan.errors[0].message).toContain(
      'could not be reached: cannot reach the Kubernetes API at https://x: ETIMEDOUT',
    );
    expect(plan.errors[0].hint).toContain('private-only endpoint');
  });

  it('a denied change: an error when this identity applies next, a warning when it only plans', () => {
    const access = [
      { verb: 'create', resource: 'namespaces', namespace: '', allowed: false },
      { verb: 'create', resource: 'serviceaccounts', namespace: 'team', allowed: false },
    ];
    const state = live({ kubernetes: { ...kube({ team: false }), access, principal } });
    const applying = planCluster(spec([app()]), state, {
      ...OPTIONS,
      kubernetesAccess: 'required',
    });
    expect(applying.errors.map((e) => e.message)).toEqual([
      'the IAM principal arn:aws:iam::111122223333:role/podid-plan may not create namespaces at the cluster scope on cluster "test-cluster"; the plan needs it',
      'the IAM principal arn:aws:iam::111122223333:role/podid-plan may not create serviceaccounts in namespace "team" on cluster "test-cluster"; the plan needs it',
    ]);
    expect(applying.errors[1].hint).toContain(
      'AmazonEKSEditPolicy --access-scope type=namespace,namespaces=team',
    );
    const planning = planCluster(spec([app()]), state, {
      ...OPTIONS,
      kubernetesAccess: 'advisory',
    });
    expect(planning.errors).toEqual([]);
    expect(planning.warnings.filter((w) => w.message.includes(' may not '))).toHaveLength(2);
    // The same tasks either way: the review binds what is done, not who may do it.
    expect(planning.fingerprint).toBe(applying.fingerprint);
  });

  it('asks for each permission the tasks need, once', () => {
    const plan = planCluster(spec([app()]), live({ kubernetes: kube({ team: false }) }), OPTIONS);
    expect(kubernetesPermissions(plan.tasks)).toEqual([
      { verb: 'create', resource: 'namespaces', namespace: '' },
      { verb: 'create', resource: 'serviceaccounts', namespace: 'team' },
    ]);
  });
});
