// Shared test helper: an emulator on a free port and the real SDK clients pointed at it.
// Used by every emulator test (EKS, IAM, CloudFormation, STS, scenario); keep this API stable.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STSClient } from '@aws-sdk/client-sts';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/server.js';

export const TEST_REGION = 'us-west-2';
export const TEST_ACCOUNT = '111122223333';
/**
 * Dummy credentials: AWS calls are not signature-checked, but Kubernetes tokens are, so the test
 * emulator knows these keys' secrets (and the e2e CLI's, e2e/harness.ts) across resets.
 */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAEMULATORTEST0001', secretAccessKey: 'secret' };
const E2E_CREDENTIALS = { accessKeyId: 'AKIAE2ETESTS00000001', secretAccessKey: 'secret' };

export interface ClientOptions {
  region?: string;
  /** SDK retry attempts (1 = no retries). Default 3 like the SDK. */
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface Clients {
  eks: EKSClient;
  iam: IAMClient;
  cfn: CloudFormationClient;
  sts: STSClient;
}

/** SDK clients for an emulator URL (any region/credentials work). */
export function makeClients(url: string, options: ClientOptions = {}): Clients {
  const config = {
    endpoint: url,
    region: options.region ?? TEST_REGION,
    credentials: options.credentials ?? TEST_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 3,
  };
  return {
    eks: new EKSClient(config),
    iam: new IAMClient(config),
    cfn: new CloudFormationClient(config),
    sts: new STSClient(config),
  };
}

export interface EmulatorHandle extends Clients {
  emulator: RunningEmulator;
  url: string;
  /** Clients with other settings (e.g. `{ maxAttempts: 1 }` to see a single error). */
  clients(options?: ClientOptions): Clients;
  /** POST /_emulator/reset (state, call log, faults). */
  reset(): Promise<void>;
  /** Calls an admin route under /_emulator/ and parses the JSON answer. */
  admin<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts an emulator now (callers close it). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const emulator = await startEmulator({
    port: 0,
    credentials: [TEST_CREDENTIALS, E2E_CREDENTIALS],
    ...options,
  });
  const base = makeClients(emulator.url);
  const admin = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const path = route.replace(/^\/?(_emulator\/)?/, '');
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    ...base,
    emulator,
    url: emulator.url,
    clients: (options?: ClientOptions) => makeClients(emulator.url, options),
    reset: async () => {
      await admin('POST', 'reset');
    },
    admin,
    close: () => emulator.close(),
  };
}

/**
 * Registers vitest hooks: one emulator for the file (beforeAll), reset before each test unless
 * `resetEachTest: false`, closed afterAll. Fields are read lazily, so call it at describe/file level
 * and use `env.eks` etc. inside tests.
 */
export function withEmulator(
  options: EmulatorOptions & { resetEachTest?: boolean } = {},
): EmulatorHandle {
  const { resetEachTest = true, ...emulatorOptions } = options;
  let handle: EmulatorHandle | undefined;
  const get = (): EmulatorHandle => {
    if (!handle) throw new Error('emulator not started yet (use it inside a test or hook)');
    return handle;
  };
  beforeAll(async () => {
    handle = await startTestEmulator(emulatorOptions);
  });
  beforeEach(async () => {
    if (resetEachTest && handle) {
      await handle.reset();
      if (emulatorOptions.seed !== undefined)
        await handle.admin('POST', 'seed', emulatorOptions.seed);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });
  return new Proxy({} as EmulatorHandle, {
    get: (_target, key) => get()[key as keyof EmulatorHandle],
  });
}

/** A trust policy letting EKS Pod Identity assume the role (AssumeRole + TagSession). */
export const POD_IDENTITY_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
});

/** Catches the SDK error a promise rejects with (fails when it resolves). */
export async function sdkError(
  promise: Promise<unknown>,
): Promise<
  Error & { name: string; $metadata: { httpStatusCode?: number } } & Record<string, unknown>
> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}
