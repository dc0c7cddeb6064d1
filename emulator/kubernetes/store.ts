// One cluster's Kubernetes objects (core/v1 namespaces and service accounts), as the API server keeps
// them: a cluster-wide resourceVersion counter bumped by every write, uids, creation timestamps, and
// the namespaces and `default` service accounts a new EKS cluster starts with.

import { randomUUID } from 'node:crypto';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  kind: string;
  apiVersion: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** What a new EKS cluster has before anyone writes to it. */
export const INITIAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The etcd-style key a list is ordered by (namespace, then name). */
export const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;

const nonEmpty = (map: Record<string, string> | undefined): Record<string, string> | undefined =>
  map && Object.keys(map).length > 0 ? { ...map } : undefined;

export class KubeStore {
  /** Starts above 0 like a real cluster's, so no client can take "1" for granted. */
  private version = 1000 + Math.floor(Math.random() * 9000);
  readonly namespaces = new Map<string, KubeObject>();
  /** `namespace/name` → service account. */
  readonly serviceAccounts = new Map<string, KubeObject>();

  constructor(private readonly now: () => number) {
    for (const name of INITIAL_NAMESPACES) this.addNamespace(name);
  }

  /** The next resourceVersion (every write takes one, cluster-wide, as etcd's revision). */
  nextVersion(): string {
    return String(++this.version);
  }

  currentVersion(): string {
    return String(this.version);
  }

  private meta(
    name: string,
    namespace: string | undefined,
    labels?: Record<string, string>,
    annotations?: Record<string, string>,
  ): ObjectMeta {
    return {
      name,
      ...(namespace === undefined ? {} : { namespace }),
      uid: randomUUID(),
      resourceVersion: this.nextVersion(),
      creationTimestamp: new Date(Math.floor(this.now() / 1000) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
      ...(nonEmpty(labels) ? { labels: nonEmpty(labels) } : {}),
      ...(nonEmpty(annotations) ? { annotations: nonEmpty(annotations) } : {}),
    };
  }

  /** A namespace (with the label the API server adds) and its `default` service account. */
  addNamespace(
    name: string,
    labels: Record<string, string> = {},
    annotations?: Record<string, string>,
  ): KubeObject {
    const namespace: KubeObject = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: this.meta(
        name,
        undefined,
        { ...labels, 'kubernetes.io/metadata.name': name },
        annotations,
      ),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    this.namespaces.set(name, namespace);
    // The service-account controller gives every namespace its `default` service account.
    this.addServiceAccount(name, 'default');
    return namespace;
  }

  addServiceAccount(
    namespace: string,
    name: string,
    labels?: Record<string, string>,
    annotations?: Record<string, string>,
  ): KubeObject {
    const account: KubeObject = {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: this.meta(name, namespace, labels, annotations),
    };
    this.serviceAccounts.set(keyOf(namespace, name), account);
    return account;
  }

  /** Removes a namespace and everything in it (the namespace controller's work, done at once). */
  deleteNamespace(name: string): void {
    this.namespaces.delete(name);
    for (const key of [...this.serviceAccounts.keys()]) {
      if (key.startsWith(`${name}/`)) this.serviceAccounts.delete(key);
    }
    this.nextVersion();
  }
}
