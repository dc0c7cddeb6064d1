// Shared flag parsing for the CLI commands (node's own parseArgs: no dependency needed).

import { execFileSync } from 'node:child_process';
import type { PruneMode } from '../plan/model.js';

/** A user mistake on the command line: printed as one line, exit 1, no stack trace. */
export class UsageError extends Error {}

export function requireChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}; got "${value}"`);
  }
  return value as T;
}

export function parsePrune(value: string | undefined): PruneMode {
  return requireChoice('--prune', value ?? 'managed', ['managed', 'all', 'none'] as const);
}

export function parseConcurrency(value: string | undefined): number {
  const n = Number(value ?? '10');
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new UsageError(`--concurrency must be an integer from 1 to 100; got "${value}"`);
  }
  return n;
}

/** Config files: every `-f` value plus positionals (a shell-expanded glob gives several). */
export function configPatterns(files: string[] | undefined, positionals: string[]): string[] {
  const patterns = [...(files ?? []), ...positionals];
  if (patterns.length === 0) {
    throw new UsageError('no config files given; pass -f FILE_OR_GLOB (e.g. -f "clusters/*.yaml")');
  }
  return patterns;
}

/**
 * The owner id tags what this product manages. Default: the repository, as the action uses
 * (GITHUB_REPOSITORY), so running the CLI in the same repository sees the same resources as ours.
 */
export function defaultOwnerId(): string {
  if (process.env.GITHUB_REPOSITORY) return process.env.GITHUB_REPOSITORY;
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const match = url.match(/[:/]([^/:]+\/[^/]+?)(\.git)?$/);
    if (match) return match[1];
  } catch {
    // Not a git checkout: fall through.
  }
  return 'podid-cli';
}
