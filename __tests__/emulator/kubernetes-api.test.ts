// The clusters' Kubernetes API (core/v1 namespaces and service accounts) through the official
// @kubernetes/client-node, as a cluster admin: endpoint and CA from DescribeCluster, list paging and
// selectors, create / update / patch / delete with Kubernetes' Status errors, faults, the call log,
// and the admin routes and seed keys.

import { describe, expect, it } from 'vitest';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { PatchStrategy, setHeaderOptions, type V1ServiceAccount } from '@kubernetes/client-node';
import { TEST_CREDENTIALS, withEmulator } from './helpers.js';
import {
  eksToken,
  kubeClients,
  kubeError,
  kubeRaw,
  type KubeClients,
} from './kubernetes-helpers.js';

const env = withEmulator({
  seed: { clusters: [{ name: 'alpha' }], credentials: [TEST_CREDENTIALS] },
});

const adminToken = () =>
  eksToken({ cluster: 'alpha', credentials: TEST_CREDENTIALS, stsUrl: env.url });
const clients = async (): Promise<KubeClients> => kubeClients(env, 'alpha', await adminToken());
const sa = (name: string, labels?: Record<string, string>): V1ServiceAccount => ({
  metadata: { name, ...(labels ? { labels } : {}) },
});

describe('cluster endpoint', () => {
  it('DescribeCluster gives the HTTPS endpoint of the cluster and the CA that verifies it', async () => {
    const { cluster } = await env.eks.send(new DescribeClusterCommand({ name: 'alpha' }));
    expect(cluster?.endpoint).toBe(`${env.emulator.kubernetesUrl}/_k8s/alpha`);
    expect(env.emulator.kubernetesUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const pem = Buffer.from(cluster!.certificateAuthority!.data!, 'base64').toString();
    expect(pem).toBe(env.emulator.kubernetesCa);
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('starts with the namespaces of an EKS cluster, each with its default service account', async () => {
    const { core } = await clients();
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(namespaces.items[0].status?.phase).toBe('Active');
    const accounts = await core.listServiceAccountForAllNamespaces();
    expect(accounts.items.map((a) => `${a.metadata?.namespace}/${a.metadata?.name}`)).toEqual([
      'default/default',
      'kube-node-lease/default',
      'kube-public/default',
      'kube-system/default',
    ]);
    expect(accounts.metadata?.resourceVersion).toMatch(/^\d+$/);
  });
});

describe('create', () => {
  it('creates namespaces and service accounts with uid, resourceVersion, timestamp, labels', async () => {
    const { core } = await clients();
    const ns = await core.createNamespace({ body: { metadata: { name: 'team-a' } } });
    expect(ns.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    const created = await core.createNamespacedServiceAccount({
      namespace: 'team-a',
      body: {
        metadata: {
          name: 'app',
          labels: { 'app.kubernetes.io/managed-by': 'eksctl' },
          annotations: { a: 'b' },
        },
      },
    });
    expect(created.metadata).toMatchObject({
      name: 'app',
      namespace: 'team-a',
      labels: { 'app.kubernetes.io/managed-by': 'eksctl' },
      annotations: { a: 'b' },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    const read = await core.readNamespacedServiceAccount({ name: 'app', namespace: 'team-a' });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);
  });

  it('answers AlreadyExists, NotFound for a missing namespace, and Invalid for bad names', async () => {
    const { core } = await clients();
    await core.createNamespacedServiceAccount({ namespace: 'default', body: sa('app') });
    expect(
      await kubeError(
        core.createNamespacedServiceAccount({ namespace: 'default', body: sa('app') }),
      ),
    ).toEqual({
      code: 409,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'serviceaccounts "app" already exists',
        reason: 'AlreadyExists',
        details: { name: 'app', kind: 'serviceaccounts' },
        code: 409,
      },
    });
    const missing = await kubeError(
      core.createNamespacedServiceAccount({ namespace: 'nope', body: sa('app') }),
    );
    expect(missing.code).toBe(404);
    expect(missing.status).toMatchObject({
      message: 'namespaces "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'namespaces' },
    });
    const bad = await kubeError(
      core.createNamespacedServiceAccount({ namespace: 'default', body: sa('Bad_Name') }),
    );
    expect(bad.code).toBe(422);
    expect(bad.status.reason).toBe('Invalid');
    expect(bad.status.message).toMatch(
      /^ServiceAccount "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    const badNs = await kubeError(core.createNamespace({ body: { metadata: { name: 'a.b' } } }));
    expect(badNs.code).toBe(422);
    expect(badNs.status.message).toMatch(/RFC 1123 label/);
    const dupNs = await kubeError(
      core.createNamespace({ body: { metadata: { name: 'default' } } }),
    );
    expect(dupNs.status).toMatchObject({
      code: 409,
      message: 'namespaces "default" already exists',
    });
  });

  it('does not store anything on dryRun=All', async () => {
    const { core } = await clients();
    const preview = await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: sa('dry'),
      dryRun: 'All',
    });
    expect(preview.metadata?.name).toBe('dry');
    expect(
      (await kubeError(core.readNamespacedServiceAccount({ name: 'dry', namespace: 'default' })))
        .code,
    ).toBe(404);
  });
});

describe('list', () => {
  it('pages with limit and continue, counting what remains', async () => {
    const { core } = await clients();
    await core.createNamespace({ body: { metadata: { name: 'many' } } });
    for (let i = 0; i < 7; i++) {
      await core.createNamespacedServiceAccount({ namespace: 'many', body: sa(`sa-${i}`) });
    }
    const names: string[] = [];
    const remaining: (number | undefined)[] = [];
    let cont: string | undefined;
    do {
      const page = await core.listNamespacedServiceAccount({
        namespace: 'many',
        limit: 3,
        _continue: cont,
      });
      names.push(...page.items.map((a) => a.metadata!.name!));
      remaining.push(page.metadata?.remainingItemCount);
      cont = page.metadata?._continue;
      if (cont)
        expect(JSON.parse(Buffer.from(cont, 'base64').toString())).toMatchObject({
          v: 'meta.k8s.io/v1',
        });
    } while (cont);
    expect(names).toEqual(['default', 'sa-0', 'sa-1', 'sa-2', 'sa-3', 'sa-4', 'sa-5', 'sa-6']);
    expect(remaining).toEqual([5, 2, undefined]);
    const bad = await kubeError(
      core.listNamespacedServiceAccount({ namespace: 'many', _continue: 'garbage' }),
    );
    expect(bad.status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('filters by label selector (=, !=, exists, !exists, in, notin) across namespaces', async () => {
    const { core } = await clients();
    await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: sa('a', { tier: 'web', managed: 'eksctl' }),
    });
    await core.createNamespacedServiceAccount({
      namespace: 'kube-system',
      body: sa('b', { tier: 'db' }),
    });
    await core.createNamespacedServiceAccount({
      namespace: 'kube-public',
      body: sa('c', { tier: 'cache', managed: 'helm' }),
    });
    const names = async (labelSelector: string) =>
      (await core.listServiceAccountForAllNamespaces({ labelSelector })).items
        .map((i) => i.metadata!.name)
        .sort();
    expect(await names('tier=web')).toEqual(['a']);
    expect(await names('tier==db')).toEqual(['b']);
    expect(await names('managed')).toEqual(['a', 'c']);
    expect(await names('!managed')).toEqual(['b', 'default', 'default', 'default', 'default']);
    expect(await names('tier!=web,tier')).toEqual(['b', 'c']);
    expect(await names('tier in (web, db)')).toEqual(['a', 'b']);
    expect(await names('tier notin (web,db),tier')).toEqual(['c']);
    expect(await names('managed=eksctl,tier=db')).toEqual([]);
    const paged = await core.listServiceAccountForAllNamespaces({
      labelSelector: 'tier',
      limit: 2,
    });
    expect(paged.items).toHaveLength(2);
    expect(paged.metadata?._continue).toBeTruthy();
    expect(paged.metadata?.remainingItemCount).toBeUndefined();
    const bad = await kubeError(
      core.listServiceAccountForAllNamespaces({ labelSelector: 'a b c' }),
    );
    expect(bad.code).toBe(400);
  });
});

describe('update, patch, delete', () => {
  it('updates with the current resourceVersion and refuses a stale one with Conflict', async () => {
    const { core } = await clients();
    const created = await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: sa('app'),
    });
    const updated = await core.replaceNamespacedServiceAccount({
      name: 'app',
      namespace: 'default',
      body: { metadata: { ...created.metadata, labels: { v: '2' } } },
    });
    expect(updated.metadata?.labels).toEqual({ v: '2' });
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(
      Number(created.metadata?.resourceVersion),
    );
    const stale = await kubeError(
      core.replaceNamespacedServiceAccount({
        name: 'app',
        namespace: 'default',
        body: { metadata: { ...created.metadata, labels: { v: '3' } } },
      }),
    );
    expect(stale).toEqual({
      code: 409,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'Operation cannot be fulfilled on serviceaccounts "app": the object has been modified; please apply your changes to the latest version and try again',
        reason: 'Conflict',
        details: { name: 'app', kind: 'serviceaccounts' },
        code: 409,
      },
    });
    const missing = await kubeError(
      core.replaceNamespacedServiceAccount({
        name: 'ghost',
        namespace: 'default',
        body: sa('ghost'),
      }),
    );
    expect(missing.status).toMatchObject({
      code: 404,
      message: 'serviceaccounts "ghost" not found',
    });
  });

  it('patches with merge, strategic merge and JSON patch, and refuses other types with 415', async () => {
    const { core } = await clients();
    await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: sa('app', { keep: 'me', drop: 'me' }),
    });
    const patch = (body: unknown, type: string) =>
      core.patchNamespacedServiceAccount(
        { name: 'app', namespace: 'default', body },
        setHeaderOptions('Content-Type', type),
      );
    const merged = await patch(
      { metadata: { labels: { 'app.kubernetes.io/managed-by': 'eksctl', drop: null } } },
      PatchStrategy.MergePatch,
    );
    expect(merged.metadata?.labels).toEqual({
      keep: 'me',
      'app.kubernetes.io/managed-by': 'eksctl',
    });
    const strategic = await patch(
      { metadata: { annotations: { note: 'x' } } },
      PatchStrategy.StrategicMergePatch,
    );
    expect(strategic.metadata?.annotations).toEqual({ note: 'x' });
    const jsonPatched = await patch(
      [
        { op: 'test', path: '/metadata/labels/keep', value: 'me' },
        { op: 'remove', path: '/metadata/labels/keep' },
        { op: 'add', path: '/metadata/labels/team', value: 'a' },
      ],
      PatchStrategy.JsonPatch,
    );
    expect(jsonPatched.metadata?.labels).toEqual({
      'app.kubernetes.io/managed-by': 'eksctl',
      team: 'a',
    });
    const stale = await kubeError(
      patch({ metadata: { resourceVersion: '1', labels: { x: 'y' } } }, PatchStrategy.MergePatch),
    );
    expect(stale.status).toMatchObject({ code: 409, reason: 'Conflict' });
    const raw = await kubeRaw(env, '/_k8s/alpha/api/v1/namespaces/default/serviceaccounts/app', {
      token: await adminToken(),
      method: 'PATCH',
      body: '{}',
      contentType: 'text/plain',
    });
    expect(raw.status).toBe(415);
    expect(raw.body).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
  });

  it('deletes a service account, answering the deleted object', async () => {
    const { core } = await clients();
    const created = await core.createNamespacedServiceAccount({
      namespace: 'default',
      body: sa('gone'),
    });
    const deleted = await core.deleteNamespacedServiceAccount({
      name: 'gone',
      namespace: 'default',
    });
    expect(deleted.metadata?.uid).toBe(created.metadata?.uid);
    expect(
      (await kubeError(core.readNamespacedServiceAccount({ name: 'gone', namespace: 'default' })))
        .code,
    ).toBe(404);
    expect(
      (await kubeError(core.deleteNamespacedServiceAccount({ name: 'gone', namespace: 'default' })))
        .code,
    ).toBe(404);
  });

  it('deletes a namespace with what is in it, but not the system ones', async () => {
    const { core } = await clients();
    await core.createNamespace({ body: { metadata: { name: 'temp' } } });
    await core.createNamespacedServiceAccount({ namespace: 'temp', body: sa('x') });
    await core.deleteNamespace({ name: 'temp' });
    expect((await kubeError(core.readNamespace({ name: 'temp' }))).code).toBe(404);
    const protectedNs = await kubeError(core.deleteNamespace({ name: 'kube-system' }));
    expect(protectedNs.status).toMatchObject({
      code: 403,
      message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted',
    });
  });
});

describe('what is not served', () => {
  it('answers 405 for a method it does not serve on its paths and 404 for other resources', async () => {
    const token = await adminToken();
    const put = await kubeRaw(env, '/_k8s/alpha/api/v1/namespaces/default', {
      token,
      method: 'PUT',
      body: '{}',
    });
    expect(put).toEqual({
      status: 405,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server does not allow this method on the requested resource',
        reason: 'MethodNotAllowed',
        details: {},
        code: 405,
      },
    });
    const pods = await kubeRaw(env, '/_k8s/alpha/api/v1/namespaces/default/pods', { token });
    expect(pods.status).toBe(404);
    expect(pods.body).toMatchObject({
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
    });
  });
});

describe('faults, call log, self subject access review', () => {
  it('answers an injected fault as a Status with the rule status, code and message', async () => {
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'kubernetes',
          operation: 'create:serviceaccounts',
          error: { status: 500, code: 'InternalError', message: 'etcdserver: request timed out' },
          times: 1,
        },
        { service: 'kubernetes', operation: 'list:serviceaccounts', throttle: true, times: 1 },
      ],
    });
    const { core } = await clients();
    const failed = await kubeError(
      core.createNamespacedServiceAccount({ namespace: 'default', body: sa('app') }),
    );
    expect(failed).toEqual({
      code: 500,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'etcdserver: request timed out',
        reason: 'InternalError',
        code: 500,
      },
    });
    const throttled = await kubeError(core.listNamespacedServiceAccount({ namespace: 'default' }));
    expect(throttled.status).toMatchObject({ code: 429, reason: 'TooManyRequests' });
    await core.createNamespacedServiceAccount({ namespace: 'default', body: sa('app') });
    const calls = await env.admin<
      {
        service: string;
        operation: string;
        mutating: boolean;
        status: number;
        injected?: boolean;
      }[]
    >('GET', 'calls');
    expect(
      calls
        .filter((c) => c.service === 'kubernetes')
        .map((c) => [c.operation, c.mutating, c.status, c.injected]),
    ).toEqual([
      ['create:serviceaccounts', true, 500, true],
      ['list:serviceaccounts', false, 429, true],
      ['create:serviceaccounts', true, 201, undefined],
    ]);
  });

  it('answers SelfSubjectAccessReview for the caller', async () => {
    const { authz } = await clients();
    const review = await authz.createSelfSubjectAccessReview({
      body: {
        spec: {
          resourceAttributes: {
            namespace: 'default',
            verb: 'create',
            group: '',
            resource: 'serviceaccounts',
          },
        },
      },
    });
    expect(review.status?.allowed).toBe(true);
    expect(review.status?.reason).toMatch(/AmazonEKSClusterAdminPolicy/);
  });
});

describe('admin routes and seed', () => {
  it('creates service accounts (and their namespace) and lists them with labels and annotations', async () => {
    await env.admin('POST', 'k8s/alpha/serviceaccounts', {
      namespace: 'payments',
      name: 'api',
      labels: { 'app.kubernetes.io/managed-by': 'eksctl' },
      annotations: { owner: 'team' },
    });
    const { serviceAccounts } = await env.admin<{ serviceAccounts: Record<string, unknown>[] }>(
      'GET',
      'k8s/alpha/serviceaccounts',
    );
    expect(
      serviceAccounts.find((a) => a.namespace === 'payments' && a.name === 'api'),
    ).toMatchObject({
      labels: { 'app.kubernetes.io/managed-by': 'eksctl' },
      annotations: { owner: 'team' },
    });
    expect(serviceAccounts.filter((a) => a.namespace === 'payments').map((a) => a.name)).toEqual([
      'api',
      'default',
    ]);
    const { core } = await clients();
    const read = await core.readNamespacedServiceAccount({ name: 'api', namespace: 'payments' });
    expect(read.metadata?.annotations).toEqual({ owner: 'team' });
  });

  it('seeds namespaces and service accounts, shows them in the state, and reset clears them', async () => {
    await env.admin('POST', 'seed', {
      kubernetes: {
        alpha: {
          namespaces: ['empty'],
          serviceAccounts: [{ namespace: 'apps', name: 'web', labels: { a: 'b' } }],
        },
      },
    });
    const state = await env.admin<{
      kubernetes: {
        clusters: Record<string, { namespaces: string[]; serviceAccounts: { name: string }[] }>;
      };
    }>('GET', 'state');
    expect(state.kubernetes.clusters.alpha.namespaces).toEqual(
      expect.arrayContaining(['apps', 'empty']),
    );
    expect(state.kubernetes.clusters.alpha.serviceAccounts.map((a) => a.name)).toContain('web');
    await env.reset();
    const after = await env.admin<{
      kubernetes: { clusters: Record<string, unknown>; credentials: string[] };
    }>('GET', 'state');
    expect(after.kubernetes.clusters).toEqual({});
    // Seeded keys go; the keys the emulator was started with (helpers.ts) stay.
    expect(after.kubernetes.credentials.sort()).toEqual(
      ['AKIAE2ETESTS00000001', 'AKIAEMULATORTEST0001'].sort(),
    );
  });
});
