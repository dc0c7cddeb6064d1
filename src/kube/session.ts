// An authenticated connection to one cluster's Kubernetes API: the endpoint and CA from
// DescribeCluster, the EKS token from the run's AWS credentials (renewed before EKS stops accepting
// it, and once more when the server says 401), TLS verified against the cluster's CA. The official
// client is imported on first use: it takes a third of a second to load, and most plans never call
// Kubernetes.

import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type * as K8s from '@kubernetes/client-node';
import type * as KubeLibrary from './library.js';
import { withRetry } from '../aws/retry.js';
import {
  KubernetesUnreachableError,
  isKubernetesStatus,
  isTransientKubernetesError,
  kubernetesError,
} from './errors.js';
import { eksToken, TOKEN_LIFETIME_MS, type EksToken } from './token.js';

type Library = typeof KubeLibrary;

let library: Promise<Library> | undefined;
const loadLibrary = (): Promise<Library> => (library ??= import('./library.js'));

/** A token is replaced when a third of its life is left: a call never starts with one about to expire. */
const RENEW_AFTER_MS = (TOKEN_LIFETIME_MS * 2) / 3;

export interface KubeEndpoint {
  cluster: string;
  region: string;
  /** DescribeCluster's `endpoint`. */
  server: string;
  /** DescribeCluster's `certificateAuthority.data`: base64 PEM. */
  caData: string;
}

export interface KubeSessionDeps {
  credentials(): Promise<AwsCredentialIdentity>;
  /** Where STS is for this region: the token is a request to it. */
  stsEndpoint(): Promise<URL>;
  /** Milliseconds one call may take. */
  timeoutMs: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface KubeApis {
  core: K8s.CoreV1Api;
  authorization: K8s.AuthorizationV1Api;
  library: Library;
  /** Pass to every call: it cancels the request when the call times out. */
  options: K8s.ConfigurationOptions;
}

type Clients = Omit<KubeApis, 'options'>;

/**
 * Cancels the request itself on timeout: a stalled server must not keep the process alive. (The
 * object-parameter API takes the library's observable middleware, as its setHeaderOptions makes.)
 */
function cancellable(k8s: Library, signal: AbortSignal): K8s.ConfigurationOptions {
  const middleware: K8s.ObservableMiddleware = {
    pre: (request) => {
      request.setSignal(signal);
      return new k8s.Observable(Promise.resolve(request));
    },
    post: (response) => new k8s.Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

export class KubeSession {
  private token?: EksToken & { issuedAt: number };
  private apis?: Clients;

  constructor(
    readonly endpoint: KubeEndpoint,
    private readonly deps: KubeSessionDeps,
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async current(renew: boolean): Promise<Clients> {
    const now = this.now();
    const stale = !this.token || now.getTime() - this.token.issuedAt >= RENEW_AFTER_MS;
    if (this.apis && !stale && !renew) return this.apis;
    const [k8s, credentials, stsEndpoint] = await Promise.all([
      loadLibrary(),
      this.deps.credentials(),
      this.deps.stsEndpoint(),
    ]);
    const token = await eksToken({
      cluster: this.endpoint.cluster,
      region: this.endpoint.region,
      stsEndpoint,
      credentials,
      now,
    });
    const config = new k8s.KubeConfig();
    const name = this.endpoint.cluster;
    config.loadFromOptions({
      clusters: [
        { name, server: this.endpoint.server, caData: this.endpoint.caData, skipTLSVerify: false },
      ],
      users: [{ name: 'podid', token: token.token }],
      contexts: [{ name, cluster: name, user: 'podid' }],
      currentContext: name,
    });
    this.token = { ...token, issuedAt: now.getTime() };
    this.apis = {
      core: config.makeApiClient(k8s.CoreV1Api),
      authorization: config.makeApiClient(k8s.AuthorizationV1Api),
      library: k8s,
    };
    return this.apis;
  }

  /** One API call: transient failures retried, a 401 answered with a fresh token once. */
  async call<T>(fn: (apis: KubeApis) => Promise<T>): Promise<T> {
    let renewed = false;
    return withRetry(
      async () => {
        try {
          return await this.attempt(fn, false);
        } catch (error) {
          if (!renewed && isKubernetesStatus(error, 401)) {
            renewed = true;
            return this.attempt(fn, true);
          }
          throw error;
        }
      },
      {
        attempts: 4,
        baseMs: 500,
        maxMs: 4000,
        isRetryable: isTransientKubernetesError,
        sleep: this.deps.sleep,
      },
    );
  }

  private async attempt<T>(fn: (apis: KubeApis) => Promise<T>, renew: boolean): Promise<T> {
    const apis = await this.current(renew);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.deps.timeoutMs);
    try {
      return await fn({ ...apis, options: cancellable(apis.library, controller.signal) });
    } catch (error) {
      if (controller.signal.aborted) {
        const cause = `no answer within ${this.deps.timeoutMs} ms`;
        throw new KubernetesUnreachableError(this.endpoint.server, cause);
      }
      throw kubernetesError(error, this.endpoint.server);
    } finally {
      clearTimeout(timer);
    }
  }
}
