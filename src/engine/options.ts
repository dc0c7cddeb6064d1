// The options the CLI and the action share: their accepted values, defaults and parsing, written
// once. A front end only says how it names an option in messages (`--prune` or `input "prune"`) and
// how it reports a mistake (the CLI stops at the first, the action lists them all).

import { execFileSync } from 'node:child_process';
import type { PruneMode } from '../plan/model.js';

export const PRUNE_MODES: readonly PruneMode[] = ['managed', 'all', 'none'];
export const DEFAULT_PRUNE: PruneMode = 'managed';
export const CONCURRENCY = { default: 10, min: 1, max: 100 } as const;
export const PLAN_OUTPUTS = ['text', 'markdown', 'json'] as const;
export type PlanOutput = (typeof PLAN_OUTPUTS)[number];

/** A value, or why it was refused (a sentence that starts with the option's label). */
export type Parsed<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

/** `raw` undefined means "not given": the default applies. */
export function parseChoice<T extends string>(
  label: string,
  raw: string | undefined,
  choices: readonly T[],
  fallback: T,
): Parsed<T> {
  const value = raw ?? fallback;
  if ((choices as readonly string[]).includes(value)) return { value: value as T };
  return { problem: `${label} must be one of ${choices.join(', ')}; got "${value}"` };
}

export function parsePrune(label: string, raw: string | undefined): Parsed<PruneMode> {
  return parseChoice(label, raw, PRUNE_MODES, DEFAULT_PRUNE);
}

export function parseConcurrency(label: string, raw: string | undefined): Parsed<number> {
  const { min, max } = CONCURRENCY;
  const n = Number(raw ?? String(CONCURRENCY.default));
  if (Number.isInteger(n) && n >= min && n <= max) return { value: n };
  return { problem: `${label} must be an integer from ${min} to ${max}; got "${raw}"` };
}

export type OwnerIdSource = 'flag' | 'input' | 'GITHUB_REPOSITORY' | 'git remote' | 'default';

export interface OwnerId {
  /** Value of the `podid-action/managed-by` tag. */
  id: string;
  source: OwnerIdSource;
}

/** `owner/repo` of a git remote URL (https or ssh form). */
export function repositoryOfRemote(url: string): string | undefined {
  return url.trim().match(/[:/]([^/:]+\/[^/]+?)(\.git)?$/)?.[1];
}

function gitRemoteRepository(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return repositoryOfRemote(url);
  } catch {
    return undefined; // not a git checkout
  }
}

/**
 * The owner id tags what this product manages. Default: the repository (GITHUB_REPOSITORY, as the
 * action uses), so the CLI run in the same repository sees the same resources as ours; locally the
 * git remote names it.
 */
export function resolveOwnerId(given: {
  explicit?: string;
  explicitSource?: 'flag' | 'input';
  env: Readonly<Record<string, string | undefined>>;
  /** Whether to ask git for the remote when GITHUB_REPOSITORY is unset (the CLI does). */
  useGitRemote?: boolean;
}): OwnerId {
  if (given.explicit) return { id: given.explicit, source: given.explicitSource ?? 'flag' };
  if (given.env.GITHUB_REPOSITORY) {
    return { id: given.env.GITHUB_REPOSITORY, source: 'GITHUB_REPOSITORY' };
  }
  const remote = given.useGitRemote ? gitRemoteRepository() : undefined;
  if (remote) return { id: remote, source: 'git remote' };
  return { id: 'podid-cli', source: 'default' };
}
