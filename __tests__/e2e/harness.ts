// End-to-end harness: the committed CLI bundle (dist/cli/index.js) run as a child process against
// an in-process emulator, reached only through AWS_ENDPOINT_URL like real AWS.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');
export const ACCOUNT = '111122223333';
export const REGION = 'us-west-2';
export const OWNER = 'example-org/infra';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'podid-home-'));
  return {
    PATH: process.env.PATH,
    // An empty HOME keeps the developer's ~/.aws out of the test.
    HOME: home,
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAE2ETESTS00000001',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_REGION: REGION,
    GITHUB_REPOSITORY: OWNER,
    ...extra,
  };
}

/**
 * cliEnv for a run whose credentials come from profile `profile` of ~/.aws/config (`config` is its
 * body), its source profile `base` holding the test keys in ~/.aws/credentials; no keys in env.
 */
export function profileCliEnv(url: string, profile: string, config: string): NodeJS.ProcessEnv {
  const environment = cliEnv(url, { AWS_PROFILE: profile });
  delete environment.AWS_ACCESS_KEY_ID;
  delete environment.AWS_SECRET_ACCESS_KEY;
  const aws = join(environment.HOME as string, '.aws');
  mkdirSync(aws);
  writeFileSync(
    join(aws, 'credentials'),
    '[base]\naws_access_key_id = AKIAE2ETESTS00000001\naws_secret_access_key = secret\n',
  );
  writeFileSync(join(aws, 'config'), `[profile ${profile}]\n${config}`);
  return environment;
}

export function spawnCli(
  args: string[],
  url: string,
  extra: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: cliEnv(url, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolvePromise) =>
    child.once('close', (code) => resolvePromise({ code, stdout, stderr })),
  );
}

export function runCli(
  args: string[],
  url: string,
  extra: Record<string, string> = {},
): Promise<CliResult> {
  return collect(spawnCli(args, url, extra));
}

export interface AssociationEntry {
  namespace: string;
  serviceAccountName: string;
  roleARN?: string;
  permissionPolicyARNs?: string[];
  tags?: Record<string, string>;
  [key: string]: unknown;
}

/** Writes an eksctl ClusterConfig to a fresh temp dir; returns its path. */
export function writeClusterConfig(
  associations: AssociationEntry[],
  options: { name?: string; addons?: unknown[]; dir?: string; accountID?: string } = {},
): string {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'podid-config-'));
  const file = join(dir, `${options.name ?? 'prod'}.eksctl.yaml`);
  const doc: Record<string, unknown> = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: {
      name: options.name ?? 'prod',
      region: REGION,
      ...(options.accountID ? { accountID: options.accountID } : {}),
    },
    iam: { podIdentityAssociations: associations },
  };
  if (options.addons) doc.addons = options.addons;
  writeFileSync(file, stringify(doc));
  return file;
}

export const POD_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
};

export function userRoleArn(name: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

/** A cluster with the agent add-on and the given pre-existing user roles. */
export function seedCluster(userRoles: string[], options: { name?: string; agent?: boolean } = {}) {
  return {
    roles: userRoles.map((roleName) => ({ roleName, assumeRolePolicyDocument: POD_TRUST })),
    clusters: [
      {
        name: options.name ?? 'prod',
        region: REGION,
        version: '1.32',
        addons: options.agent === false ? [] : [{ name: 'eks-pod-identity-agent' }],
      },
    ],
  };
}

/** `n` entries: even ones get their own role (a stack), odd ones use a pre-made user role. */
export function mixedEntries(
  n: number,
  prefix = 'app',
): { entries: AssociationEntry[]; userRoles: string[] } {
  const entries: AssociationEntry[] = [];
  const userRoles: string[] = [];
  for (let i = 0; i < n; i++) {
    const serviceAccountName = `${prefix}-${String(i).padStart(4, '0')}`;
    if (i % 2 === 0) {
      entries.push({
        namespace: 'apps',
        serviceAccountName,
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      });
    } else {
      const roleName = `user-${serviceAccountName}`;
      userRoles.push(roleName);
      entries.push({ namespace: 'apps', serviceAccountName, roleARN: userRoleArn(roleName) });
    }
  }
  return { entries, userRoles };
}
