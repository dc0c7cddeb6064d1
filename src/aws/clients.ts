// AWS SDK clients for one region. Endpoints come from the SDK's own resolution
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EKS, …), which is also how tests reach the emulator.

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import pLimit, { type LimitFunction } from 'p-limit';
import { quietSdkNodeReminder } from './sdk-reminder.js';
import { httpSettings, nameTimeouts, type HttpTimeouts } from './timeouts.js';

export interface AwsClients {
  region: string;
  eks: EKSClient;
  iam: IAMClient;
  cloudformation: CloudFormationClient;
  sts: STSClient;
}

export interface ClientOptions {
  region: string;
  /** Explicit credentials (from OIDC); the SDK default chain when absent. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** SDK attempts per call, including the first. */
  maxAttempts?: number;
  /**
   * Bounds the HTTP requests in flight across all clients that share it. Waiting (for a stack, a
   * retry backoff) holds no slot, so a hundred stacks can be created in the time of one.
   */
  limit?: LimitFunction;
  /** Connection and request timeouts; from PODID_HTTP_TIMEOUT_MS or the defaults when absent. */
  timeouts?: HttpTimeouts;
}

type Handler = (args: unknown) => Promise<unknown>;

interface MiddlewareClient {
  middlewareStack: {
    addRelativeTo(
      middleware: (next: Handler) => Handler,
      options: { relation: 'before'; toMiddleware: string; name: string },
    ): void;
  };
}

function bound<C>(client: C, limit: LimitFunction | undefined, timeouts: HttpTimeouts): C {
  nameTimeouts(client as object, timeouts);
  if (limit) {
    // Between the retry middleware and signing: each attempt takes a slot (backoff sleeps do not),
    // and is signed only once it has one. The SigV4 signer reads the credentials provider when it
    // signs, so an attempt that waited in the queue past the renewal point goes out with renewed
    // keys; waiting after signing sent it with the old ones (ExpiredToken). A renewal runs while its
    // attempt holds a slot, which is why the renewing STS client is never behind this limiter.
    (client as unknown as MiddlewareClient).middlewareStack.addRelativeTo(
      (next) => (args) => limit(() => next(args)),
      { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'podidConcurrencyLimit' },
    );
  }
  return client;
}

export function createClients(options: ClientOptions): AwsClients {
  quietSdkNodeReminder();
  const http = httpSettings(options.timeouts);
  const config = {
    region: options.region,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: 'standard',
    ...http.config,
  };
  const ready = <C>(client: C): C => bound(client, options.limit, http.timeouts);
  return {
    region: options.region,
    eks: ready(new EKSClient(config)),
    iam: ready(new IAMClient(config)),
    cloudformation: ready(new CloudFormationClient(config)),
    sts: ready(new STSClient(config)),
  };
}

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Whose calls a set of clients makes: `key` names the identity (a role ARN), one pool entry each. */
export interface Identity {
  key: string;
  credentials?: Credentials;
}

/**
 * One set of clients per region and identity, shared by every cluster of that region reached with
 * that identity in a run (with many accounts, each account's role has its own). All of them share
 * one request limiter.
 */
export class ClientPool {
  private readonly byRegion = new Map<string, AwsClients>();

  private readonly base: Omit<ClientOptions, 'region'>;

  constructor(base: Omit<ClientOptions, 'region' | 'limit'> & { concurrency?: number } = {}) {
    const { concurrency, ...rest } = base;
    // Read once, so a bad PODID_HTTP_TIMEOUT_MS fails the run before any call.
    const timeouts = rest.timeouts ?? httpSettings().timeouts;
    this.base = {
      ...rest,
      // Without explicit credentials, one default chain for every client of the run: an AssumeRole
      // profile, SSO or the instance's metadata is asked once, not once per client and region.
      credentials: rest.credentials ?? defaultProvider(),
      timeouts,
      limit: pLimit(Math.max(1, concurrency ?? 10)),
    };
  }

  /** The clients of a region, signing with `identity` (the pool's own credentials when absent). */
  get(region: string, identity?: Identity): AwsClients {
    const key = identity ? `${identity.key}\n${region}` : region;
    let clients = this.byRegion.get(key);
    if (!clients) {
      const credentials = identity ? identity.credentials : this.base.credentials;
      clients = createClients({ ...this.base, credentials, region });
      this.byRegion.set(key, clients);
    }
    return clients;
  }

  destroy(): void {
    for (const c of this.byRegion.values()) {
      c.eks.destroy();
      c.iam.destroy();
      c.cloudformation.destroy();
      c.sts.destroy();
    }
    this.byRegion.clear();
  }
}

/**
 * Where this region's STS is, as the STS client resolves it (AWS_ENDPOINT_URL and friends first,
 * then the regional endpoint): the EKS token is a presigned request to it.
 */
export async function stsEndpoint(clients: AwsClients): Promise<URL> {
  const config = clients.sts.config as typeof clients.sts.config & {
    serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  };
  const configured = config.endpoint
    ? await config.endpoint()
    : await config.serviceConfiguredEndpoint?.();
  if (configured) {
    if (typeof configured === 'string') return new URL(configured);
    const { protocol, hostname, port, path } = configured;
    return new URL(`${protocol}//${hostname}${port ? `:${port}` : ''}${path}`);
  }
  const resolved = config.endpointProvider({
    Region: clients.region,
    UseFIPS: false,
    UseDualStack: false,
    UseGlobalEndpoint: false,
  });
  return new URL(resolved.url.href);
}

/**
 * The region the SDK would use when none is given (AWS_REGION, then the profile's `region`), or
 * undefined when it finds none.
 */
export async function profileRegion(): Promise<string | undefined> {
  quietSdkNodeReminder();
  const client = new STSClient({});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
