// AWS SDK clients for one region. Endpoints come from the SDK's own resolution
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EKS, …), which is also how tests reach the emulator.

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import pLimit, { type LimitFunction } from 'p-limit';

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
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'finalizeRequest'; priority: 'low'; name: string },
    ): void;
  };
}

function bound<C>(client: C, limit: LimitFunction | undefined): C {
  if (limit) {
    // Inside the retry middleware: each attempt takes a slot, backoff sleeps do not.
    (client as unknown as MiddlewareClient).middlewareStack.add(
      (next) => (args) => limit(() => next(args)),
      { step: 'finalizeRequest', priority: 'low', name: 'podidConcurrencyLimit' },
    );
  }
  return client;
}

export function createClients(options: ClientOptions): AwsClients {
  const config = {
    region: options.region,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: 'standard',
  };
  return {
    region: options.region,
    eks: bound(new EKSClient(config), options.limit),
    iam: bound(new IAMClient(config), options.limit),
    cloudformation: bound(new CloudFormationClient(config), options.limit),
    sts: bound(new STSClient(config), options.limit),
  };
}

/** One set of clients per region, shared by every cluster of that region in a run. */
export class ClientPool {
  private readonly byRegion = new Map<string, AwsClients>();

  private readonly base: Omit<ClientOptions, 'region'>;

  constructor(base: Omit<ClientOptions, 'region' | 'limit'> & { concurrency?: number } = {}) {
    const { concurrency, ...rest } = base;
    this.base = { ...rest, limit: pLimit(Math.max(1, concurrency ?? 10)) };
  }

  get(region: string): AwsClients {
    let clients = this.byRegion.get(region);
    if (!clients) {
      clients = createClients({ ...this.base, region });
      this.byRegion.set(region, clients);
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
