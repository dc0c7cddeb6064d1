// The emulator's HTTP server: one port, routed as DESIGN §9, each call to the account of its
// credentials (accounts.ts).

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { applySeed, handleAdmin, json, parseSeedText, type AdminContext } from './core/admin.js';
import { CallLog } from './core/call-log.js';
import { scaledClock } from './core/clock.js';
import { FaultInjector } from './core/faults.js';
import { queryApiVersion, readRequest } from './core/request.js';
import type {
  EmulatorRequest,
  EmulatorResponse,
  ServiceModule,
  ServiceName,
  World,
} from './core/types.js';
import { latencyProfile, type LatencyProfileName } from './core/latency.js';
import { StaticKeys, type StaticKey } from './core/static-keys.js';
import { Accounts, createAccount, type Account, type SharedSettings } from './accounts.js';
import { createStsService } from './sts/index.js';
import { createGithubService } from './github/index.js';
import { OidcIssuer } from './oidc/issuer.js';
import { oidcAdminRoutes } from './oidc/routes.js';
import { createKubernetesService } from './kubernetes/index.js';
import { makeTls } from './kubernetes/tls.js';
import { seedIrsa } from './irsa/seed.js';

export interface EmulatorOptions {
  /** 0 = any free port. */
  port?: number;
  /** The HTTPS port of the clusters' Kubernetes APIs; 0 (default) = any free port. */
  kubernetesPort?: number;
  host?: string;
  /** Seed document (object) or a path to a YAML/JSON seed file. */
  seed?: unknown;
  seedFile?: string;
  latencyProfile?: LatencyProfileName;
  /** Divides simulated durations (stack creation, add-on activation, per-call latency). Default 1. */
  timeScale?: number;
  /** The default account: of every key not given another, and of a seed's top-level state. */
  accountId?: string;
  region?: string;
  /**
   * Static access keys whose secret the emulator knows from the start, kept across resets (the
   * seed's `credentials` are cleared by a reset): Kubernetes tokens signed with them are verified.
   * Each acts in its `accountId`, the default account when absent.
   */
  credentials?: readonly StaticKey[];
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** `https://127.0.0.1:PORT2`; cluster `c` is served under `<kubernetesUrl>/_k8s/c`. */
  kubernetesUrl: string;
  kubernetesPort: number;
  /** The CA (PEM) that signs the HTTPS port's certificate (DescribeCluster's certificateAuthority). */
  kubernetesCa: string;
  /** The default account's world. */
  world: World;
  calls: CallLog;
  faults: FaultInjector;
  /** The default account's services and the shared ones. */
  modules: ServiceModule[];
  close(): Promise<void>;
}

const QUERY_SERVICES: Record<string, ServiceName> = {
  '2010-05-08': 'iam',
  '2010-05-15': 'cloudformation',
  '2011-06-15': 'sts',
};

function routeService(req: EmulatorRequest): ServiceName | undefined {
  if (/^\/(clusters|addons|tags|access-policies)(\/|$)/.test(req.path)) return 'eks';
  const version = queryApiVersion(req);
  if (version) return QUERY_SERVICES[version];
  if (/^\/(repos|repositories|graphql|user)(\/|$)/.test(req.path)) return 'github';
  return undefined;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const profile = latencyProfile(options.latencyProfile ?? 'none');
  const defaultId = options.accountId ?? '111122223333';
  const shared: SharedSettings = {
    defaultRegion: options.region ?? 'us-west-2',
    clock: scaledClock(options.timeScale ?? 1),
    durations: { ...profile.durations },
    failingStacks: new Map(),
    failingAddons: new Map(),
  };
  const keys = new StaticKeys(defaultId, options.credentials);
  const issuer = new OidcIssuer(() => shared.clock.now());
  // The shared services see the default account's settings; STS finds a role's IAM in the role's
  // account (`accounts` is set below, before any request).
  const sharedWorld: World = { ...shared, accountId: defaultId };
  const sts = createStsService(sharedWorld, {
    iamOf: (id) => accounts.find(id)?.iam.store,
    keys,
    issuer,
  });
  const github = createGithubService(sharedWorld);
  const calls = new CallLog();
  const faults = new FaultInjector();

  // The HTTPS port listens before any account exists: clusters' views carry its endpoint and CA.
  const tls = await makeTls();
  const host = options.host ?? '127.0.0.1';
  const kubeServer = createHttpsServer({ key: tls.key, cert: tls.cert }, (incoming, outgoing) => {
    const write = (response: EmulatorResponse): void => {
      outgoing.writeHead(response.status, {
        'content-length': Buffer.byteLength(response.body),
        ...response.headers,
      });
      outgoing.end(response.body);
    };
    readRequest(incoming).then(
      (req) =>
        kubernetes
          .serve(req)
          .catch((error: unknown) => json(500, { message: String(error) }))
          .then(write),
      (error: unknown) => write(json(400, { message: String(error) })),
    );
  });
  kubeServer.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    kubeServer.once('error', reject);
    kubeServer.listen(options.kubernetesPort ?? 0, host, resolve);
  });
  const kubernetesPort = (kubeServer.address() as AddressInfo).port;
  const kubernetesUrl = `https://127.0.0.1:${kubernetesPort}`;

  const accountDeps = {
    shared,
    sessions: sts.sessions,
    kubernetes: { url: kubernetesUrl, certificate: tls.ca },
    defaultId,
  };
  const accounts = new Accounts(createAccount(defaultId, accountDeps), (id) =>
    createAccount(id, accountDeps),
  );
  const { world } = accounts.main;
  const kubernetes = createKubernetesService({
    world,
    account: (id) => {
      const account = accounts.find(id);
      return account && { world: account.world, eks: account.eks.state };
    },
    sessions: sts.sessions,
    calls,
    faults,
    callLatencyMs: world.clock.real(profile.callLatency.kubernetes ?? 0),
    keys,
    stall: (ms) => stall(ms),
  });
  /** A seed document's keys of one account: its services, eksctl's IRSA state, Kubernetes objects. */
  const seedAccount = (id: string, doc: unknown): void => {
    const account = accounts.get(id);
    for (const module of account.modules) module.seed(doc);
    const kube = { seed: (d: unknown) => kubernetes.seedIn(id, d) };
    const { iam, cloudformation } = account;
    seedIrsa(
      { world: account.world, eks: account.eks.state, iam, cloudformation, kubernetes: kube },
      doc,
    );
    kubernetes.seedIn(id, doc);
  };
  const { iam, cloudformation, eks } = accounts.main;
  const modules: ServiceModule[] = [iam, cloudformation, sts, eks, kubernetes, github];
  const routes = [
    ...github.adminRoutes,
    ...sts.adminRoutes,
    ...oidcAdminRoutes(issuer),
    ...kubernetes.adminRoutes,
  ];
  const extraAccounts = {
    dump: () =>
      Object.fromEntries(
        accounts.extra().map((a) => [
          a.id,
          {
            ...Object.fromEntries(a.modules.map((m) => [m.service, m.dump()])),
            kubernetes: { clusters: kubernetes.dumpClusters(a.id) },
          },
        ]),
      ),
    forget: () => accounts.forgetExtra(),
  };
  const admin: AdminContext = { modules, calls, faults, world, routes, seedAccount, extraAccounts };
  const sharedModules: ServiceModule[] = [sts, github];
  // A request acts in the account of its credentials: a session's role's, a static key's own.
  const accountOf = (accessKeyId: string | undefined): Account =>
    accounts.get(
      (accessKeyId ? sts.sessions.get(accessKeyId)?.accountId : undefined) ??
        keys.accountOf(accessKeyId),
    );

  if (options.seedFile) applySeed(admin, parseSeedText(await readFile(options.seedFile, 'utf8')));
  if (options.seed !== undefined) applySeed(admin, options.seed);

  // Latency in progress, so close() can end it: a stall longer than a test must not keep the process
  // alive after the emulator is gone (its call is then never answered, as a dropped connection).
  const stalls = new Set<NodeJS.Timeout>();
  const stall = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        stalls.delete(timer);
        resolve();
      }, ms);
      stalls.add(timer);
    });

  const dispatch = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
    if (req.path.startsWith('/_emulator/')) return handleAdmin(admin, req);
    const service = routeService(req);
    const account = accountOf(req.accessKeyId);
    const module = [...sharedModules, ...account.modules].find((m) => m.service === service);
    if (!module)
      return json(404, { message: `no emulated service answers ${req.method} ${req.path}` });
    const started = Date.now();
    const op = module.operationOf(req);
    if (!op) {
      return module.errorResponse(
        req,
        400,
        'InvalidAction',
        `The action or operation requested is not supported by the emulator: ${req.method} ${req.path}`,
      );
    }
    // IAM comes first, as in AWS: a refused call never reaches the service or its faults.
    const authz = account.authorize(module, req, op);
    const decision = authz.response ? { latencyMs: 0 } : faults.decide(module.service, op.name);
    const latency = decision.latencyMs + world.clock.real(profile.callLatency[module.service] ?? 0);
    if (latency > 0) await stall(latency);
    let response: EmulatorResponse;
    if (authz.response) {
      response = authz.response;
    } else if (decision.error) {
      const e = decision.error;
      response = module.errorResponse(req, e.status, e.code, e.message);
    } else {
      try {
        response = await module.handle(req, op);
      } catch (error) {
        response = module.errorResponse(
          req,
          500,
          'InternalFailure',
          `emulator fault: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    calls.add({
      time: new Date(started).toISOString(),
      service: module.service,
      operation: op.name,
      mutating: op.mutating,
      status: response.status,
      errorCode: response.status >= 400 ? errorCodeOf(response) : undefined,
      durationMs: Date.now() - started,
      accessKeyId: req.accessKeyId,
      account:
        module.service === 'github' ? undefined : (module.accountOf?.(req, op) ?? account.id),
      principal: authz.principal,
      denied: authz.denied,
      injected: 'error' in decision && decision.error ? true : undefined,
    });
    return response;
  };

  const server: Server = createServer((incoming, outgoing) => {
    const write = (response: EmulatorResponse, requestId: string): void => {
      outgoing.writeHead(response.status, {
        'x-amzn-RequestId': requestId,
        'content-length': Buffer.byteLength(response.body),
        ...response.headers,
      });
      outgoing.end(response.body);
    };
    readRequest(incoming).then(
      (req) =>
        dispatch(req)
          .catch((error: unknown) => json(500, { message: String(error) }))
          .then((response) => write(response, req.requestId)),
      (error: unknown) => write(json(400, { message: String(error) }), randomUUID()),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  }).catch((error: unknown) => {
    kubeServer.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  // Tokens presign the STS endpoint the client uses: this port, over plain http, in tests.
  kubernetes.setStsHosts([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    kubernetesUrl,
    kubernetesPort,
    kubernetesCa: tls.ca,
    world,
    calls,
    faults,
    modules,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of stalls) clearTimeout(timer);
        stalls.clear();
        server.closeAllConnections();
        kubeServer.closeAllConnections();
        let open = 2;
        const done = () => {
          if (--open === 0) resolve();
        };
        server.close(done);
        kubeServer.close(done);
      }),
  };
}

/** Best-effort error code for the call log, from either wire format. */
function errorCodeOf(response: EmulatorResponse): string | undefined {
  const header = response.headers?.['x-amzn-ErrorType'];
  if (header) return header.split(':')[0];
  const xml = response.body.match(/<Code>([^<]+)<\/Code>/);
  if (xml) return xml[1];
  try {
    const body = JSON.parse(response.body) as { __type?: string; code?: string };
    return body.__type ?? body.code;
  } catch {
    return undefined;
  }
}
