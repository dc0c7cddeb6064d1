// Every wait of the product: stacks (many at once, sharing polls: a few described by name, many by
// one paginated DescribeStacks of the region), change sets, and add-ons.

import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { LiveAddon, LiveStack } from '../live/model.js';
import { describeAllStacks, describeChangeSet, describeStack } from './cloudformation.js';
import { describeAddon } from './eks.js';
import { isTransient } from './errors.js';
import { ProgressClock, progressEveryMs } from './progress.js';

export type StackGoal = 'create' | 'update' | 'delete' | 'settle';

export interface StackWaitResult {
  /** The final stack; undefined once deleted. */
  stack?: LiveStack;
  ok: boolean;
}

/** Where a wait's progress lines go, and the stack's name for them (a wait may be by stack id). */
export interface StackProgress {
  stackName: string;
  log(line: string): void;
}

interface Pending {
  nameOrId: string;
  goal: StackGoal;
  deadline: number;
  progress?: StackProgress & { clock: ProgressClock };
  resolve(result: StackWaitResult): void;
  reject(error: Error): void;
}

export interface StackWatcherOptions {
  /** Delays between polls (ms); the last one repeats. */
  schedule?: number[];
  /** Above this many pending stacks one region-wide DescribeStacks replaces per-stack calls. */
  batchThreshold?: number;
  timeoutMs?: number;
  /** A progress line at most this often while waiting (default: PODID_PROGRESS_SECONDS, 15 s). */
  progressEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_SCHEDULE = [250, 1000, 2000, 4000, 8000, 10000];

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS');
}

/** Decides, for a stack status, whether the wait is over and whether it succeeded. */
function verdict(goal: StackGoal, stack: LiveStack | undefined): StackWaitResult | undefined {
  if (!stack || stack.status === 'DELETE_COMPLETE') {
    return { ok: goal === 'delete' || goal === 'settle', stack: undefined };
  }
  if (isInProgress(stack.status)) return undefined;
  const ok =
    goal === 'settle' ||
    (goal === 'create' && stack.status === 'CREATE_COMPLETE') ||
    (goal === 'update' && stack.status === 'UPDATE_COMPLETE');
  return { ok, stack };
}

const STACK_GOAL_TEXT: Record<StackGoal, string> = {
  create: 'be created',
  update: 'be updated',
  delete: 'be deleted',
  settle: 'settle',
};

export class StackWatcher {
  private pending: Pending[] = [];
  private loop?: Promise<void>;
  private readonly schedule: number[];
  private readonly batchThreshold: number;
  private readonly timeoutMs: number;
  private readonly progressEveryMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly cfn: CloudFormationClient,
    options: StackWatcherOptions = {},
  ) {
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
    this.batchThreshold = options.batchThreshold ?? 5;
    this.timeoutMs = options.timeoutMs ?? 25 * 60_000;
    this.progressEveryMs = options.progressEveryMs ?? progressEveryMs();
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Resolves when the stack leaves its *_IN_PROGRESS states (or is gone); with `progress`, a line
   * about every interval while it has not.
   */
  wait(nameOrId: string, goal: StackGoal, progress?: StackProgress): Promise<StackWaitResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({
        nameOrId,
        goal,
        deadline: Date.now() + this.timeoutMs,
        ...(progress
          ? { progress: { ...progress, clock: new ProgressClock(this.progressEveryMs) } }
          : {}),
        resolve,
        reject,
      });
      this.loop ??= this.run().finally(() => {
        this.loop = undefined;
      });
    });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (this.pending.length > 0) {
      await this.sleep(this.schedule[Math.min(attempt++, this.schedule.length - 1)]);
      // A copy: waiters that join while this poll is in flight are judged by the next one, not by
      // a listing taken before their stack existed.
      const batch = [...this.pending];
      try {
        const found = await this.describe(batch);
        for (const p of batch) {
          const stack = found.get(p.nameOrId);
          const result = verdict(p.goal, stack);
          if (result) {
            this.settle(p);
            p.resolve(result);
          } else if (Date.now() > p.deadline) {
            this.settle(p);
            p.reject(new Error(`timed out waiting for CloudFormation stack "${p.nameOrId}"`));
          } else if (p.progress?.clock.due()) {
            p.progress.log(
              `waiting for CloudFormation stack "${p.progress.stackName}" to ${STACK_GOAL_TEXT[p.goal]} (status ${stack?.status ?? 'unknown'}, ${p.progress.clock.elapsed()} so far)`,
            );
          }
        }
      } catch (error) {
        // Throttling or a 5xx is not a failed stack: poll again, until the deadline. Anything else
        // (expired credentials, access denied) will not get better by waiting.
        for (const p of batch) {
          if (!isTransient(error) || Date.now() > p.deadline) {
            this.settle(p);
            p.reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      }
      // New waiters joined: start the delays over so a fresh stack is seen quickly.
      if (this.pending.some((p) => !batch.includes(p))) attempt = 0;
    }
  }

  private settle(p: Pending): void {
    this.pending = this.pending.filter((x) => x !== p);
  }

  private async describe(batch: Pending[]): Promise<Map<string, LiveStack | undefined>> {
    const found = new Map<string, LiveStack | undefined>();
    let unresolved = batch;
    if (batch.length > this.batchThreshold) {
      const byKey = new Map<string, LiveStack>();
      for (const s of await describeAllStacks(this.cfn)) {
        byKey.set(s.stackName, s);
        byKey.set(s.stackId, s);
      }
      for (const p of batch) {
        const stack = byKey.get(p.nameOrId);
        if (stack) found.set(p.nameOrId, stack);
      }
      // The region-wide listing leaves out deleted stacks (and may lag a fresh one): ask for those
      // by name or id, which also answers for a deleted stack.
      unresolved = batch.filter((p) => !found.has(p.nameOrId));
    }
    const single = await Promise.all(unresolved.map((p) => describeStack(this.cfn, p.nameOrId)));
    unresolved.forEach((p, i) => found.set(p.nameOrId, single[i]));
    return found;
  }
}

/** Polls a change set until CloudFormation has computed it (CREATE_COMPLETE) or gave up (FAILED). */
export async function waitChangeSet(
  cfn: CloudFormationClient,
  stackName: string,
  changeSetId: string,
  options: {
    /** Wraps each poll, e.g. with retries of transient errors. */
    call: <T>(fn: () => Promise<T>) => Promise<T>;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<{ status: string; reason?: string }> {
  const sleep = options.sleep ?? defaultSleep;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5000)) {
    const status = await options.call(() => describeChangeSet(cfn, stackName, changeSetId));
    if (status.status === 'CREATE_COMPLETE' || status.status === 'FAILED') return status;
    await sleep(delay);
  }
}

export interface AddonWaitTarget {
  clusterName: string;
  addonName: string;
}

/** What an add-on wait ends on: ACTIVE (create, update), gone (delete), or any settled state. */
export type AddonGoal = 'active' | 'deleted' | 'settle';

const ADDON_IN_PROGRESS = new Set(['CREATING', 'UPDATING', 'DELETING']);
const ADDON_FAILED = new Set(['CREATE_FAILED', 'UPDATE_FAILED', 'DEGRADED', 'DELETE_FAILED']);

/** The health issues of a failed or degraded add-on, as one readable clause. */
export function addonIssuesText(addon: LiveAddon): string {
  return addon.issues
    .map(
      (i) =>
        `${i.code}: ${i.message}${i.resourceIds.length ? ` (${i.resourceIds.join(', ')})` : ''}`,
    )
    .join('; ');
}

export interface AddonWatcherOptions {
  /** Delays between polls (ms); the last one repeats. */
  schedule?: number[];
  timeoutMs?: number;
  /** A progress line at most this often while waiting. */
  progressEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Waits for add-ons: DescribeAddon until the goal is reached, the add-on fails (CREATE_FAILED,
 * UPDATE_FAILED, DEGRADED, DELETE_FAILED: the error carries its health issues) or the time runs
 * out, with a progress line now and then. Throttling and 5xx while polling are polled through.
 */
export class AddonWatcher {
  private readonly schedule: number[];
  private readonly timeoutMs: number;
  private readonly progressEveryMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly eks: EKSClient,
    options: AddonWatcherOptions = {},
  ) {
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
    this.timeoutMs = options.timeoutMs ?? 25 * 60_000;
    this.progressEveryMs = options.progressEveryMs ?? progressEveryMs();
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** The add-on once the goal is reached (undefined once it is gone). */
  async wait(
    target: AddonWaitTarget,
    goal: AddonGoal,
    progress: (line: string) => void = () => {},
  ): Promise<LiveAddon | undefined> {
    const started = this.now();
    const clock = new ProgressClock(this.progressEveryMs, this.now);
    let status = 'unknown';
    for (let attempt = 0; ; attempt++) {
      let addon: LiveAddon | undefined;
      try {
        addon = await describeAddon(this.eks, target.clusterName, target.addonName);
        status = addon?.status ?? 'gone';
        const done = addonVerdict(target.addonName, goal, addon);
        if (done) return done.addon;
      } catch (error) {
        if (!isTransient(error)) throw error;
      }
      const elapsed = this.now() - started;
      if (elapsed > this.timeoutMs) {
        throw new Error(
          `timed out waiting for addon "${target.addonName}" to ${GOAL_TEXT[goal]}, status: "${status}"`,
        );
      }
      if (clock.due()) {
        progress(
          `waiting for addon "${target.addonName}" to ${GOAL_TEXT[goal]} (status ${status}, ${clock.elapsed()} so far)`,
        );
      }
      await this.sleep(this.schedule[Math.min(attempt, this.schedule.length - 1)]);
    }
  }
}

const GOAL_TEXT: Record<AddonGoal, string> = {
  active: 'become active',
  deleted: 'be deleted',
  settle: 'settle',
};

/** Whether the wait is over: `{ addon }` when it is, an error when the add-on failed. */
function addonVerdict(
  name: string,
  goal: AddonGoal,
  addon: LiveAddon | undefined,
): { addon: LiveAddon | undefined } | undefined {
  if (!addon) {
    if (goal === 'active') throw new Error(`addon "${name}" was deleted while waiting for it`);
    return { addon };
  }
  if (ADDON_IN_PROGRESS.has(addon.status)) return undefined;
  if (goal === 'settle') return { addon };
  if (goal === 'active' && addon.status === 'ACTIVE') return { addon };
  // A delete only fails as DELETE_FAILED; any other state means it has not begun to show yet.
  if (goal === 'deleted' && addon.status !== 'DELETE_FAILED') return undefined;
  if (!ADDON_FAILED.has(addon.status)) return undefined;
  const issues = addonIssuesText(addon);
  throw new Error(
    `addon status transitioned to "${addon.status}"${issues ? `: ${issues}` : ''} (addon "${name}")`,
  );
}
