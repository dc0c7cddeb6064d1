// Inputs + GITHUB_* environment + event payload → one typed, validated, read-only Settings object.
// Every other module reads settings from here, never from the environment. Each invalid input gets
// its own message naming the input and the accepted values; all are reported at once.

import {
  parseChoice,
  parseConcurrency,
  parsePrune,
  resolveOwnerId,
  type OwnerIdSource,
  type Parsed,
} from '../engine/options.js';
import { resolve } from 'node:path';
import type { PruneMode } from '../plan/model.js';
import { parseRoleMap, type RoleMap } from './roles.js';
import { pullRequestOf, resolveAutoMode, type Mode, type PullRequestContext } from './event.js';

export type { Mode, PullRequestContext } from './event.js';
export type OnPlanChange = 'fail' | 'apply';

export interface Settings {
  /** Globs of eksctl ClusterConfig files, relative to the workspace. */
  readonly configPatterns: readonly string[];
  /** The mode in effect (auto already resolved). */
  readonly mode: Mode;
  /** Why this mode was chosen, for the log. */
  readonly modeReason: string;
  /** The role of every cluster not named otherwise (the input's line without a key). */
  readonly roleToAssume?: string;
  /** IAM roles to assume with the job's OIDC token, per cluster; none = the SDK default chain. */
  readonly roles: RoleMap;
  readonly roleSessionName: string;
  /** Region for STS; undefined = from the environment or the first cluster. */
  readonly awsRegion?: string;
  /** Token for the GitHub API; '' = no comment, no PR lookup. */
  readonly githubToken: string;
  readonly prune: PruneMode;
  readonly concurrency: number;
  /** Value of the `podid-action/managed-by` tag. */
  readonly ownerId: string;
  /** Where the owner id came from (the input, or the repository), for the log. */
  readonly ownerIdSource: OwnerIdSource;
  /** Owner ids whose resources named by the config are taken over (input take-over). */
  readonly takeOver: readonly string[];
  /** Migrating an IRSA role also removes its OIDC trust and the IRSA annotation (input remove-oidc-trust). */
  readonly removeOidcTrust: boolean;
  /** Cluster names this run is limited to (input clusters); empty = every configured cluster. */
  readonly clusters: readonly string[];
  readonly comment: boolean;
  readonly onPlanChange: OnPlanChange;
  readonly requireReviewedPlan: boolean;
  readonly repository: { readonly owner: string; readonly repo: string; readonly fullName: string };
  readonly eventName: string;
  /** The commit the run is for (the merge commit on push). */
  readonly sha: string;
  /** The pull request of a pull_request event. */
  readonly pullRequest?: PullRequestContext;
  readonly runId: string;
  /** Link to this workflow run, for comments and truncation notes. */
  readonly runUrl: string;
  /** Where plan JSON is written. */
  readonly tempDir: string;
  /** Working directory the config globs are relative to. */
  readonly workspace: string;
  /** Identifies the sticky comment of this config set (matrix legs with other configs get their own). */
  readonly commentKey: string;
  /** The config set alone (sorted globs), without `clusters`: what every leg of a fan-out shares. */
  readonly configKey: string;
  /**
   * Matrix fan-out (input plan-dir): where a plan leg writes its plan for the report job, and where
   * the report job reads the legs' plans; undefined = no fan-out.
   */
  readonly planDir?: string;
}

/** A user mistake in the inputs or the workflow: reported without a stack trace. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export type InputReader = (name: string) => string;

export interface SettingsSources {
  input: InputReader;
  env: Readonly<Record<string, string | undefined>>;
  /** Parsed GITHUB_EVENT_PATH payload ({} when absent). */
  event: unknown;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly input: InputReader) {}

  text(name: string, fallback = ''): string {
    return this.input(name).trim() || fallback;
  }

  /** A shared option's value, or its fallback with the problem recorded. */
  option<T>(
    name: string,
    parse: (label: string, raw: string | undefined) => Parsed<T>,
    fallback: T,
  ): T {
    const parsed = parse(`input "${name}"`, this.text(name) || undefined);
    if (parsed.problem === undefined) return parsed.value as T;
    this.problems.push(parsed.problem);
    return fallback;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    return this.option(name, (label, raw) => parseChoice(label, raw, choices, fallback), fallback);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name, String(fallback));
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    this.problems.push(`input "${name}" must be true or false; got "${value}"`);
    return fallback;
  }

  /** An optional list: one value per line (or comma-separated), # comments ignored. */
  list(name: string): string[] {
    return this.text(name)
      .split(/[\r\n,]+/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  }

  lines(name: string, fallback: string): string[] {
    const lines = this.text(name, fallback)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length === 0) this.problems.push(`input "${name}" must list at least one glob`);
    return lines;
  }
}

function repositoryOf(env: SettingsSources['env'], problems: string[]): Settings['repository'] {
  const fullName = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) {
    problems.push(
      `GITHUB_REPOSITORY must be "owner/repo"; got "${fullName}" (it is set by the runner)`,
    );
    return { owner: 'unknown', repo: 'unknown', fullName: 'unknown/unknown' };
  }
  return { owner, repo, fullName };
}

function modeOf(
  requested: 'auto' | Mode,
  sources: SettingsSources,
  problems: string[],
): { mode: Mode; modeReason: string } {
  const event = sources.env.GITHUB_EVENT_NAME ?? '';
  if (requested === 'apply' && event.startsWith('pull_request')) {
    problems.push(
      `input "mode" is apply, which is refused on the ${event} event: a pull request's configuration is not reviewed and merged yet. Plan on pull requests (mode: auto or plan) and apply on push to the default branch.`,
    );
    return { mode: 'plan', modeReason: '' };
  }
  if (requested !== 'auto') return { mode: requested, modeReason: 'set by the "mode" input' };
  try {
    const d = resolveAutoMode(
      sources.env.GITHUB_EVENT_NAME ?? '',
      sources.env.GITHUB_REF ?? '',
      sources.event,
    );
    return { mode: d.mode, modeReason: d.reason };
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return { mode: 'plan', modeReason: '' };
  }
}

/** Validates everything and returns the settings, or throws one SettingsError listing each problem. */
export function resolveSettings(sources: SettingsSources): Settings {
  const { env } = sources;
  const read = new Reader(sources.input);
  const configPatterns = read.lines('config', '**/*.eksctl.yaml');
  const requested = read.choice(
    'mode',
    ['auto', 'plan', 'apply', 'check', 'migrate', 'report', 'list'] as const,
    'auto',
  );
  const roles = parseRoleMap(read.text('role-to-assume'));
  read.problems.push(...roles.problems);
  const runId = env.GITHUB_RUN_ID ?? 'local';
  const roleSessionName = read.text('role-session-name', `podid-action-${runId}`);
  if (!SESSION_NAME.test(roleSessionName)) {
    read.problems.push(
      `input "role-session-name" must be 2–64 characters of letters, digits and _+=,.@-; got "${roleSessionName}"`,
    );
  }
  const awsRegion =
    read.text('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  if (awsRegion && !REGION.test(awsRegion)) {
    read.problems.push(`input "aws-region" must be a region such as us-east-1; got "${awsRegion}"`);
  }
  const prune = read.option<PruneMode>('prune', parsePrune, 'managed');
  const concurrency = read.option('concurrency', parseConcurrency, 10);
  const comment = read.bool('comment', true);
  const onPlanChange = read.choice('on-plan-change', ['fail', 'apply'] as const, 'fail');
  const requireReviewedPlan = read.bool('require-reviewed-plan', true);
  const removeOidcTrust = read.bool('remove-oidc-trust', false);
  const repository = repositoryOf(env, read.problems);
  const { mode, modeReason } = modeOf(requested, sources, read.problems);
  const clusters = read.list('clusters');
  const planDir = read.text('plan-dir') || undefined;
  if (mode === 'report' && !planDir) {
    read.problems.push(
      'input "plan-dir" must name the directory the plan legs\' artifacts were downloaded to (mode: report)',
    );
  }
  if (mode === 'report' && sources.env.GITHUB_EVENT_NAME !== 'pull_request') {
    read.problems.push(
      `input "mode" is report, which posts the plan of a pull request: run it on the pull_request event (got "${sources.env.GITHUB_EVENT_NAME ?? ''}")`,
    );
  }
  if (read.problems.length > 0) throw new SettingsError(read.problems);
  const owner = resolveOwnerId({
    explicit: read.text('owner-id'),
    explicitSource: 'input',
    env: { GITHUB_REPOSITORY: repository.fullName },
  });

  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return Object.freeze({
    configPatterns: Object.freeze(configPatterns),
    mode,
    modeReason,
    roleToAssume: roles.map.fallback,
    roles: roles.map,
    roleSessionName,
    awsRegion,
    githubToken: read.text('github-token'),
    prune,
    concurrency,
    ownerId: owner.id,
    ownerIdSource: owner.source,
    takeOver: Object.freeze(read.list('take-over')),
    removeOidcTrust,
    clusters: Object.freeze(clusters),
    comment,
    onPlanChange,
    requireReviewedPlan,
    repository: Object.freeze(repository),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    pullRequest: pullRequestOf(sources.event),
    runId,
    runUrl: `${serverUrl}/${repository.fullName}/actions/runs/${runId}`,
    tempDir: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    commentKey: commentKey(configPatterns, clusters),
    configKey: commentKey(configPatterns, []),
    ...(planDir === undefined
      ? {}
      : { planDir: resolve(env.GITHUB_WORKSPACE || process.cwd(), planDir) }),
  });
}

/**
 * The sticky comment's key: the config set, and the clusters a run is limited to, so matrix legs
 * with one cluster each keep a comment each (without `clusters` the key is what it always was).
 */
function commentKey(configPatterns: readonly string[], clusters: readonly string[]): string {
  const key = [...configPatterns].sort().join('\n');
  return clusters.length > 0 ? `${key}\nclusters: ${[...clusters].sort().join(', ')}` : key;
}

/** Salt of the plan fingerprints: binds a reviewed plan to its repository and pull request. */
export function fingerprintSalt(repository: string, prNumber: number | undefined): string {
  return prNumber === undefined ? repository : `${repository}#${prNumber}`;
}
