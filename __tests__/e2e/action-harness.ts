// End-to-end harness for the action: the committed bundle (dist/index.js) run as a child process
// with a runner-like environment (INPUT_* with hyphens, GITHUB_* files, OIDC token URL) against an
// in-process emulator that answers AWS, GitHub REST and the OIDC token endpoint.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreatePodIdentityAssociationCommand } from '@aws-sdk/client-eks';
import type { Clients, EmulatorHandle } from '../emulator/helpers.js';
import {
  ACCOUNT,
  OWNER,
  REGION,
  mixedEntries,
  seedCluster,
  userRoleArn,
  writeClusterConfig,
  type AssociationEntry,
} from './harness.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ACTION = join(ROOT, 'dist', 'index.js');
export const REPO = OWNER;
export const PLAN_ROLE = `arn:aws:iam::${ACCOUNT}:role/podid-plan`;
export const APPLY_ROLE = `arn:aws:iam::${ACCOUNT}:role/podid-apply`;
export const DRIFT_ROLE = `arn:aws:iam::${ACCOUNT}:role/podid-drift`;
export const SUB_PR = `repo:${REPO}:pull_request`;
/** A scheduled or workflow_dispatch run on the default branch (drift.yml). */
export const SUB_MAIN = `repo:${REPO}:ref:refs/heads/main`;
export const SUB_PRODUCTION = `repo:${REPO}:environment:production`;

const policy = (name: string): string =>
  readFileSync(join(ROOT, 'docs', 'policies', `${name}.json`), 'utf8');

/**
 * The OIDC provider and the documented plan, apply and drift roles, exactly as docs/policies has
 * them, made with `env`'s credentials; in another `account`, its id replaces the documents' own.
 */
export async function createDocumentedRoles(
  env: Pick<Clients, 'iam'>,
  account = ACCOUNT,
): Promise<void> {
  const documented = (name: string): string => policy(name).replaceAll(ACCOUNT, account);
  await env.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    }),
  );
  // The drift role is read-only: the plan role's permissions, its own trust policy.
  for (const [role, permissions] of [
    ['plan', 'plan'],
    ['apply', 'apply'],
    ['drift', 'plan'],
  ]) {
    await env.iam.send(
      new CreateRoleCommand({
        RoleName: `podid-${role}`,
        AssumeRolePolicyDocument: documented(`${role}-role-trust-policy`),
      }),
    );
    await env.iam.send(
      new PutRolePolicyCommand({
        RoleName: `podid-${role}`,
        PolicyName: `podid-${role}`,
        PolicyDocument: documented(`${permissions}-role-policy`),
      }),
    );
  }
}

export interface PullRequestSpec {
  number: number;
  headSha: string;
  mergeCommitSha?: string;
  fork?: boolean;
  merged?: boolean;
}

export async function registerPull(env: EmulatorHandle, pr: PullRequestSpec): Promise<void> {
  await env.admin('POST', 'github/pulls', {
    repo: REPO,
    number: pr.number,
    head_sha: pr.headSha,
    merge_commit_sha: pr.mergeCommitSha ?? null,
    fork: pr.fork ?? false,
    ...(pr.merged ? { merged: true, state: 'closed' } : {}),
  });
}

export function pullRequestEvent(pr: PullRequestSpec): unknown {
  return {
    action: 'synchronize',
    number: pr.number,
    pull_request: {
      number: pr.number,
      head: { sha: pr.headSha, repo: { id: pr.fork ? 2 : 1, fork: pr.fork ?? false } },
      base: { ref: 'main', repo: { id: 1 } },
    },
    repository: { id: 1, full_name: REPO, default_branch: 'main' },
  };
}

export function pushEvent(sha: string): unknown {
  return {
    ref: 'refs/heads/main',
    after: sha,
    repository: { id: 1, full_name: REPO, default_branch: 'main' },
  };
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** ms from spawn to exit */
  durationMs: number;
}

export interface RunOptions {
  eventName: 'pull_request' | 'push' | 'schedule' | 'workflow_dispatch';
  event: unknown;
  workspace: string;
  sha: string;
  inputs?: Record<string, string>;
  /** OIDC subject for the token endpoint; undefined = no id-token permission. */
  oidcSub?: string;
  /** Extra environment, e.g. static AWS keys for runs without a role. */
  env?: Record<string, string>;
  /** A run still going after this long is killed (its code is then null): for runs that could hang. */
  killAfterMs?: number;
}

/** `name<<delimiter\nvalue\ndelimiter` records of a GITHUB_OUTPUT file. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

export async function runAction(url: string, options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'podid-runner-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    env: join(dir, 'env'),
  };
  writeFileSync(files.event, JSON.stringify(options.event));
  for (const f of [files.output, files.summary, files.env]) writeFileSync(f, '');
  const inputs: Record<string, string> = {
    config: '*.eksctl.yaml',
    mode: 'auto',
    'role-to-assume': options.oidcSub === undefined ? '' : PLAN_ROLE,
    'role-session-name': '',
    'aws-region': REGION,
    'github-token': 'ghs_e2etoken',
    prune: 'managed',
    concurrency: '10',
    'owner-id': '',
    comment: 'true',
    'on-plan-change': 'fail',
    'require-reviewed-plan': '',
    ...options.inputs,
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_API_URL: url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.eventName === 'push' ? 'refs/heads/main' : 'refs/pull/1/merge',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: dir,
    AWS_ENDPOINT_URL: url,
    AWS_REGION: REGION,
    ...(options.oidcSub === undefined
      ? {}
      : {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/_emulator/oidc/token?sub=${encodeURIComponent(options.oidcSub)}`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
        }),
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = Date.now();
  const child = spawn(process.execPath, [ACTION], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const kill =
    options.killAfterMs === undefined
      ? undefined
      : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const code = await new Promise<number | null>((r) => child.once('close', r));
  clearTimeout(kill);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    durationMs: Date.now() - started,
  };
}

export interface GithubComment {
  id: number;
  body: string;
  user: { login: string };
}

/** Every comment of a PR through the emulator's REST API (all pages). */
export async function listComments(url: string, pr: number): Promise<GithubComment[]> {
  const all: GithubComment[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(
      `${url}/repos/${REPO}/issues/${pr}/comments?per_page=100&page=${page}`,
      {
        headers: { authorization: 'token ghs_e2etoken' },
      },
    );
    if (!res.ok) throw new Error(`list comments: ${res.status} ${await res.text()}`);
    const batch = (await res.json()) as GithubComment[];
    all.push(...batch);
    if (batch.length < 100) return all;
  }
}

export async function postComment(
  url: string,
  pr: number,
  body: string,
  token = 'ghs_e2etoken',
): Promise<void> {
  const res = await fetch(`${url}/repos/${REPO}/issues/${pr}/comments`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  });
  if (!res.ok) throw new Error(`post comment: ${res.status} ${await res.text()}`);
}

export const isOurs = (c: GithubComment): boolean =>
  c.body.startsWith('<!-- podid-action:v2 ') && c.user.login === 'github-actions[bot]';

export function tempWorkspace(): string {
  return mkdtempSync(join(tmpdir(), 'podid-ws-'));
}

interface LoggedCall {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
  status: number;
  /** The access key the call was signed with. */
  accessKeyId?: string;
}

const AWS_SERVICES = new Set(['eks', 'iam', 'cloudformation']);

/** The emulator's call log: where it ends now, and the mutating AWS calls made since. */
export function awsCallLog(env: EmulatorHandle) {
  return {
    lastSeq: async (): Promise<number> =>
      (await env.admin<LoggedCall[]>('GET', 'calls')).at(-1)?.seq ?? 0,
    awsMutationsSince: async (seq: number): Promise<LoggedCall[]> =>
      (await env.admin<LoggedCall[]>('GET', `calls?since=${seq}`)).filter(
        (c) => AWS_SERVICES.has(c.service) && c.mutating,
      ),
  };
}

/** The plan job of a pull request and the apply job of its merge commit, as the docs' workflows run them. */
export function actionJobs(env: EmulatorHandle, pr: PullRequestSpec, mergeSha: string) {
  const planRun = (workspace: string, on = pr, extra: Partial<RunOptions> = {}) =>
    runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(on),
      workspace,
      sha: 'c'.repeat(40),
      oidcSub: SUB_PR,
      ...extra,
    });
  const applyRun = (workspace: string, extra: Partial<RunOptions> = {}) =>
    runAction(env.url, {
      eventName: 'push',
      event: pushEvent(mergeSha),
      workspace,
      sha: mergeSha,
      oidcSub: SUB_PRODUCTION,
      ...extra,
      inputs: { 'role-to-assume': APPLY_ROLE, ...extra.inputs },
    });
  return { planRun, applyRun };
}

/** Cluster "prod" with `count` mixed entries, the documented roles, and a workspace holding its config. */
export async function mixedWorkspace(env: EmulatorHandle, count = 4) {
  const { entries, userRoles } = mixedEntries(count);
  await env.admin('POST', 'seed', seedCluster(userRoles));
  await createDocumentedRoles(env);
  const workspace = tempWorkspace();
  writeClusterConfig(entries, { dir: workspace });
  return { workspace, entries };
}

/** Someone creates one configured association by hand, with another (pre-made) user role. */
export async function associateByHand(
  env: EmulatorHandle,
  entry: AssociationEntry,
  userRole: string,
): Promise<void> {
  await env.eks.send(
    new CreatePodIdentityAssociationCommand({
      clusterName: 'prod',
      namespace: entry.namespace,
      serviceAccount: entry.serviceAccountName,
      roleArn: userRoleArn(userRole),
    }),
  );
}
