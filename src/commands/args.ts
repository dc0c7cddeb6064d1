// Flag parsing shared by the CLI commands (node's own parseArgs: no dependency needed); the values
// and defaults themselves are engine/options.ts, shared with the action.

import {
  parseConcurrency as parseConcurrencyOption,
  parsePrune as parsePruneOption,
  parseChoice,
  resolveOwnerId,
  type OwnerId,
  type Parsed,
} from '../engine/options.js';
import type { PruneMode } from '../plan/model.js';

/** A user mistake on the command line: printed as one line, exit 1, no stack trace. */
export class UsageError extends Error {}

function orThrow<T>(parsed: Parsed<T>): T {
  if (parsed.problem !== undefined) throw new UsageError(parsed.problem);
  return parsed.value as T;
}

export function requireChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  return orThrow(parseChoice(flag, value, choices, value as T));
}

export function parsePrune(value: string | undefined): PruneMode {
  return orThrow(parsePruneOption('--prune', value));
}

export function parseConcurrency(value: string | undefined): number {
  return orThrow(parseConcurrencyOption('--concurrency', value));
}

/** Config files: every `-f` value plus positionals (a shell-expanded glob gives several). */
export function configPatterns(files: string[] | undefined, positionals: string[]): string[] {
  const patterns = [...(files ?? []), ...positionals];
  if (patterns.length === 0) {
    throw new UsageError('no config files given; pass -f FILE_OR_GLOB (e.g. -f "clusters/*.yaml")');
  }
  return patterns;
}

/** `--owner-id`, else the repository (GITHUB_REPOSITORY, then the git remote). */
export function ownerIdFlag(value: string | undefined): OwnerId {
  return resolveOwnerId({ explicit: value, env: process.env, useGitRemote: true });
}
