// The Kubernetes API of every EKS cluster, served on the emulator's HTTPS port under
// /_k8s/<cluster> (DESIGN §9): EKS token authentication (token.ts), access-entry authorization
// (access.ts), then the latency profile and fault rules like any other service, and the call log.
// Also the admin routes and seed keys that reach into clusters' Kubernetes objects, and the static
// access keys whose signatures the emulator can check. One front door for every account: another
// account's clusters are served under /<account>/_k8s/<cluster>. See docs/emulator.md, "Kubernetes API".

import type { AdminRoute } from '../core/admin.js';
import { json } from '../core/admin.js';
import type { CallLog } from '../core/call-log.js';
import type { FaultInjector } from '../core/faults.js';
import { ACCOUNT_ID, staticUserArn, type StaticKeys } from '../core/static-keys.js';
import type { EmulatorRequest, EmulatorResponse, ServiceModule, World } from '../core/types.js';
import { findCluster, segments } from '../eks/context.js';
import type { Cluster, EksState } from '../eks/state.js';
import type { StsSession } from '../sts/session.js';
import { callerFor, forbidden, allowedReason } from './access.js';
import { operationName, routeOf } from './api.js';
import { keyOf, type KubeObject } from './store.js';
import { KubeError, errorResponse, routeNotFound, statusResponse, unauthorized } from './status.js';
import { DEFAULT_TOKEN_LIFETIME_MS, verifyToken, type KnownKey } from './token.js';

export const K8S_PREFIX = '/_k8s/';

export interface KubernetesDeps {
  /** The default account's world (the clock and the default region are every account's). */
  world: World;
  /** An account's world and clusters; undefined for an account that holds nothing. */
  account(accountId: string): { world: World; eks: EksState } | undefined;
  sessions: Map<string, StsSession>;
  calls: CallLog;
  faults: FaultInjector;
  /** Real ms of per-call latency (the latency profile's, time-scaled). */
  callLatencyMs: number;
  stall(ms: number): Promise<void>;
  /** The static keys (the emulator's `credentials` option, kept across resets, and seeded ones). */
  keys: StaticKeys;
}

export interface KubernetesService extends ServiceModule {
  adminRoutes: AdminRoute[];
  /** Answers one request that arrived on the HTTPS port. */
  serve(req: EmulatorRequest): Promise<EmulatorResponse>;
  /** host:port values of the emulator's own STS endpoint (tokens may presign it over http). */
  setStsHosts(hosts: string[]): void;
  /** Seeds an account's `kubernetes` and `credentials` keys (`seed` is the default account's). */
  seedIn(accountId: string, doc: unknown): void;
  /** An account's clusters' namespaces and service accounts, for GET /_emulator/state. */
  dumpClusters(accountId: string): Record<string, unknown>;
}

interface SeedServiceAccount {
  namespace?: string;
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function createKubernetesService(deps: KubernetesDeps): KubernetesService {
  const { world, keys } = deps;
  let lifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
  let stsHosts = new Set<string>();

  const lookup = (accessKeyId: string): KnownKey | undefined => {
    const session = deps.sessions.get(accessKeyId);
    if (session) {
      return {
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiresAt: session.expiresAt,
        principalArn: session.roleArn,
        callerArn: session.assumedRoleArn,
        sessionName: session.sessionName,
      };
    }
    const key = keys.get(accessKeyId);
    if (!key) return undefined;
    const user = staticUserArn(key.accountId);
    return { secretAccessKey: key.secretAccessKey, principalArn: user, callerArn: user };
  };

  /** Cluster names are unique per account and region; the default region's wins. */
  const clusterNamed = (name: string, accountId = keys.defaultAccount): Cluster | undefined => {
    const account = deps.account(accountId);
    if (!account) return undefined;
    const regions = [
      world.defaultRegion,
      ...[...account.eks.regions.keys()].filter((r) => r !== world.defaultRegion),
    ];
    for (const region of regions) {
      const cluster = findCluster({ world: account.world, state: account.eks }, region, name);
      if (cluster) return cluster;
    }
    return undefined;
  };

  const serve = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
    const started = Date.now();
    const path = segments(req.path);
    const accountId = ACCOUNT_ID.test(path[0] ?? '') ? path[0] : keys.defaultAccount;
    const parts = accountId === path[0] ? path.slice(1) : path;
    const cluster = parts[0] === '_k8s' && parts[1] ? clusterNamed(parts[1], accountId) : undefined;
    const route = cluster ? routeOf(req.method, parts.slice(2)) : undefined;
    const op = operationName(route);
    let accessKeyId: string | undefined;
    let principal: string | undefined;
    let denied: boolean | undefined;
    let injected: boolean | undefined;
    let response: EmulatorResponse;
    try {
      if (!cluster || !route) throw routeNotFound();
      const token = verifyToken(req.headers.authorization, {
        cluster: cluster.name,
        now: world.clock.now(),
        lifetimeMs,
        plainHttpHosts: stsHosts,
        lookup,
      });
      accessKeyId = token.accessKeyId;
      const caller = token.ok
        ? callerFor(cluster, token.key.principalArn, token.key.callerArn, token.key.sessionName)
        : undefined;
      if (!token.ok || !caller) {
        denied = true;
        throw unauthorized();
      }
      principal = caller.username;
      if (!route.open && allowedReason(caller, route.attrs) === undefined) {
        denied = true;
        throw forbidden(caller, route.attrs);
      }
      const decision = deps.faults.decide('kubernetes', op);
      const latency = decision.latencyMs + deps.callLatencyMs;
      if (latency > 0) await deps.stall(latency);
      if (decision.error) {
        injected = true;
        response = statusResponse(
          decision.error.status,
          decision.error.code,
          decision.error.message,
        );
      } else {
        response = route.handle(cluster.kubernetes, req, caller);
      }
    } catch (error) {
      if (!(error instanceof KubeError)) {
        response = statusResponse(
          500,
          'InternalError',
          `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`,
        );
      } else response = errorResponse(error);
    }
    deps.calls.add({
      time: new Date(started).toISOString(),
      service: 'kubernetes',
      operation: op,
      // Reads, SelfSubjectAccessReviews and dry runs change nothing.
      mutating: route
        ? !['get', 'list', 'watch'].includes(route.attrs.verb) &&
          !route.open &&
          !req.query.getAll('dryRun').includes('All')
        : req.method !== 'GET',
      status: response.status,
      errorCode: response.status >= 400 ? reasonOf(response) : undefined,
      durationMs: Date.now() - started,
      accessKeyId,
      account: cluster ? accountId : undefined,
      principal,
      denied,
      injected,
    });
    return response;
  };

  /** Admin: a service account (and its namespace when missing), as an operator's kubectl would. */
  const putServiceAccount = (cluster: Cluster, spec: SeedServiceAccount): KubeObject => {
    const store = cluster.kubernetes;
    const namespace = spec.namespace ?? 'default';
    if (typeof spec.name !== 'string' || spec.name === '')
      throw new Error('a service account needs a name');
    if (!store.namespaces.has(namespace)) store.addNamespace(namespace);
    const existing = store.serviceAccounts.get(keyOf(namespace, spec.name));
    if (existing) {
      // Seeding a service account that exists (e.g. `default`) sets its labels and annotations.
      existing.metadata.labels = { ...existing.metadata.labels, ...spec.labels };
      existing.metadata.annotations = { ...existing.metadata.annotations, ...spec.annotations };
      for (const k of ['labels', 'annotations'] as const) {
        if (Object.keys(existing.metadata[k] ?? {}).length === 0) delete existing.metadata[k];
      }
      existing.metadata.resourceVersion = store.nextVersion();
      return existing;
    }
    return store.addServiceAccount(namespace, spec.name, spec.labels, spec.annotations);
  };

  const accountView = (o: KubeObject) => ({
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    labels: o.metadata.labels ?? {},
    annotations: o.metadata.annotations ?? {},
    uid: o.metadata.uid,
    resourceVersion: o.metadata.resourceVersion,
  });

  const sortedAccounts = (cluster: Cluster) =>
    [...cluster.kubernetes.serviceAccounts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, o]) => accountView(o));

  const ADMIN_K8S = /^\/_emulator\/k8s\/([^/]+)\/(serviceaccounts|namespaces)$/;
  /** The route's cluster, in the account of `?account=` (default: the default account). */
  const adminCluster = (req: EmulatorRequest): Cluster | EmulatorResponse => {
    const name = decodeURIComponent(ADMIN_K8S.exec(req.path.replace(/\/+$/, ''))?.[1] ?? '');
    const account = req.query.get('account') ?? keys.defaultAccount;
    const where = account === keys.defaultAccount ? '' : ` in account ${account}`;
    return (
      clusterNamed(name, account) ?? json(404, { message: `no cluster named ${name}${where}` })
    );
  };
  const body = (req: EmulatorRequest): Json => {
    const value: unknown = req.body ? JSON.parse(req.body) : {};
    if (!isObject(value)) throw new Error('the body must be a JSON object');
    return value;
  };

  const adminRoutes: AdminRoute[] = [
    {
      method: 'POST',
      path: '/_emulator/credentials',
      handle: (req) => {
        const { accessKeyId, secretAccessKey, accountId = keys.defaultAccount } = body(req);
        if (
          typeof accessKeyId !== 'string' ||
          typeof secretAccessKey !== 'string' ||
          !accessKeyId
        ) {
          return json(400, { message: 'accessKeyId and secretAccessKey are required strings' });
        }
        if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId))
          return json(400, { message: 'accountId must be 12 digits' });
        keys.set({ accessKeyId, secretAccessKey, accountId });
        return json(200, { accessKeyId, arn: staticUserArn(accountId) });
      },
    },
    {
      method: 'POST',
      path: '/_emulator/k8s/token-lifetime',
      handle: (req) => {
        const { seconds } = body(req);
        if (typeof seconds !== 'number' || !(seconds >= 0)) {
          return json(400, { message: 'seconds must be a number >= 0' });
        }
        lifetimeMs = seconds * 1000;
        return json(200, { seconds });
      },
    },
    {
      method: 'GET',
      path: '/_emulator/k8s/<cluster>/serviceaccounts',
      pattern: /^\/_emulator\/k8s\/[^/]+\/serviceaccounts$/,
      handle: (req) => {
        const cluster = adminCluster(req);
        if ('body' in cluster) return cluster;
        return json(200, { serviceAccounts: sortedAccounts(cluster) });
      },
    },
    {
      method: 'POST',
      path: '/_emulator/k8s/<cluster>/serviceaccounts',
      pattern: /^\/_emulator\/k8s\/[^/]+\/serviceaccounts$/,
      handle: (req) => {
        const cluster = adminCluster(req);
        if ('body' in cluster) return cluster;
        const spec = body(req) as unknown as SeedServiceAccount;
        return json(201, { serviceAccount: accountView(putServiceAccount(cluster, spec)) });
      },
    },
    {
      method: 'GET',
      path: '/_emulator/k8s/<cluster>/namespaces',
      pattern: /^\/_emulator\/k8s\/[^/]+\/namespaces$/,
      handle: (req) => {
        const cluster = adminCluster(req);
        if ('body' in cluster) return cluster;
        return json(200, { namespaces: [...cluster.kubernetes.namespaces.keys()].sort() });
      },
    },
  ];

  const seedIn = (accountId: string, doc: unknown): void => {
    const d = doc as { credentials?: unknown; kubernetes?: unknown };
    if (d.credentials !== undefined) {
      if (!Array.isArray(d.credentials)) throw new Error('seed: credentials must be a list');
      for (const c of d.credentials as Json[]) {
        if (typeof c?.accessKeyId !== 'string' || typeof c.secretAccessKey !== 'string') {
          throw new Error('seed: credentials need accessKeyId and secretAccessKey');
        }
        keys.set({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, accountId });
      }
    }
    if (d.kubernetes === undefined) return;
    if (!isObject(d.kubernetes))
      throw new Error('seed: kubernetes must map cluster names to objects');
    for (const [name, spec] of Object.entries(d.kubernetes)) {
      const cluster = clusterNamed(name, accountId);
      if (!cluster)
        throw new Error(`seed: kubernetes.${name}: no such cluster (seed it under clusters)`);
      const s = (spec ?? {}) as { namespaces?: unknown; serviceAccounts?: unknown };
      for (const ns of (s.namespaces ?? []) as (
        string | { name: string; labels?: Record<string, string> }
      )[]) {
        const nsName = typeof ns === 'string' ? ns : ns?.name;
        if (typeof nsName !== 'string')
          throw new Error(`seed: kubernetes.${name}.namespaces: a name is required`);
        if (!cluster.kubernetes.namespaces.has(nsName)) {
          cluster.kubernetes.addNamespace(nsName, typeof ns === 'string' ? {} : ns.labels);
        }
      }
      for (const sa of (s.serviceAccounts ?? []) as SeedServiceAccount[])
        putServiceAccount(cluster, sa);
    }
  };

  const dumpClusters = (accountId: string): Record<string, unknown> => {
    const clusters: Record<string, unknown> = {};
    for (const cluster of deps.account(accountId)?.eks.allClusters() ?? []) {
      clusters[cluster.name] = {
        namespaces: [...cluster.kubernetes.namespaces.keys()].sort(),
        serviceAccounts: sortedAccounts(cluster),
      };
    }
    return clusters;
  };

  return {
    service: 'kubernetes',
    // Not routed from the HTTP port: the HTTPS port calls serve() directly.
    operationOf: () => undefined,
    handle: () => routeNotFoundResponse(),
    errorResponse: (_req, status, code, message) => statusResponse(status, code, message),
    reset: () => {
      keys.reset();
      lifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
    },
    dump: () => ({
      clusters: dumpClusters(keys.defaultAccount),
      credentials: keys.ids(),
      tokenLifetimeSeconds: lifetimeMs / 1000,
    }),
    seed: (doc) => seedIn(keys.defaultAccount, doc),
    seedIn,
    dumpClusters,
    adminRoutes,
    serve,
    setStsHosts: (hosts) => {
      stsHosts = new Set(hosts);
    },
  };
}

const routeNotFoundResponse = (): EmulatorResponse => errorResponse(routeNotFound());

function reasonOf(response: EmulatorResponse): string | undefined {
  try {
    return (JSON.parse(response.body) as { reason?: string }).reason;
  } catch {
    return undefined;
  }
}
