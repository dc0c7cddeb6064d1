// The triggering event, read from the runner's event payload: which mode `auto` means, and the
// pull request (number, head commit, fork or not) when there is one. Pure: payload in, data out.

/**
 * Matrix fan-out, never chosen by auto: `list` only reads the config (the `clusters` output feeds
 * the matrix), `report` merges the legs' plans into one comment.
 */
export type Mode = 'plan' | 'apply' | 'check' | 'migrate' | 'report' | 'list';

export interface PullRequestContext {
  number: number;
  headSha: string;
  /** The head branch lives in another repository: its token is read-only and has no id-token. */
  fork: boolean;
}

export interface ModeDecision {
  mode: Mode;
  /** Why this mode, for the log (e.g. "push to a branch that is not the default branch"). */
  reason: string;
}

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;

/** The pull request of a `pull_request` payload; undefined for other events. */
export function pullRequestOf(payload: unknown): PullRequestContext | undefined {
  const pr = obj(obj(payload)?.pull_request);
  if (!pr || typeof pr.number !== 'number') return undefined;
  const head = obj(pr.head);
  const headRepo = obj(head?.repo);
  const baseRepo = obj(obj(pr.base)?.repo) ?? obj(obj(payload)?.repository);
  // A deleted fork has head.repo = null: still a fork as far as permissions go.
  const fork =
    headRepo === undefined ||
    headRepo.fork === true ||
    (headRepo.id !== undefined && baseRepo?.id !== undefined && headRepo.id !== baseRepo.id);
  return {
    number: pr.number,
    headSha: typeof head?.sha === 'string' ? head.sha : '',
    fork,
  };
}

/** `refs/heads/main` when the payload names the repository's default branch. */
export function defaultBranchRef(payload: unknown): string | undefined {
  const branch = obj(obj(payload)?.repository)?.default_branch;
  return typeof branch === 'string' && branch !== '' ? `refs/heads/${branch}` : undefined;
}

/**
 * What `mode: auto` means for an event (DESIGN §8). Throws (with the fix) for events we refuse or
 * cannot interpret.
 */
export function resolveAutoMode(eventName: string, ref: string, payload: unknown): ModeDecision {
  switch (eventName) {
    case 'pull_request':
      return { mode: 'plan', reason: 'pull_request event' };
    case 'push': {
      const defaultRef = defaultBranchRef(payload);
      if (defaultRef === undefined) {
        return {
          mode: 'plan',
          reason: `push to ${ref || 'an unknown ref'}: the event payload does not name the default branch, so nothing is applied`,
        };
      }
      if (ref === defaultRef)
        return { mode: 'apply', reason: `push to the default branch (${ref})` };
      return {
        mode: 'plan',
        reason: `push to ${ref}, which is not the default branch (${defaultRef}): planning only, nothing is applied`,
      };
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { mode: 'check', reason: `${eventName} event: drift check` };
    case 'pull_request_target':
      throw new Error(
        'mode "auto" refuses the pull_request_target event: it runs with the base repository\'s write token ' +
          "and secrets, and planning a fork's config there hands them to the fork. Trigger the plan with " +
          '`on: pull_request` (see docs/action.md, "Fork pull requests").',
      );
    default:
      throw new Error(
        `mode "auto" does not know what to do on the "${eventName || 'unknown'}" event; ` +
          'run on pull_request (plan), push to the default branch (apply), schedule or workflow_dispatch (check), ' +
          'or set the `mode` input explicitly',
      );
  }
}
