// Progress while waiting: a long wait (a stack, an add-on, IAM propagation) prints one line about
// every 15 s with what is awaited, its status and the time so far, so a minute of CloudFormation is
// never a minute of silence. PODID_PROGRESS_SECONDS changes the 15 s (a quieter or chattier log).

export const PROGRESS_ENV = 'PODID_PROGRESS_SECONDS';
const DEFAULT_SECONDS = 15;

/** The interval, from PODID_PROGRESS_SECONDS when set. A bad value is an error, not ignored. */
export function progressEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[PROGRESS_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new Error(
      `${PROGRESS_ENV} must be a whole number of seconds from 1 to 3600 (default ${DEFAULT_SECONDS}); got "${raw}"`,
    );
  }
  return seconds * 1000;
}

/** Says, each time it is asked, whether a progress line is due, and how long the wait has lasted. */
export class ProgressClock {
  private readonly started: number;
  private last: number;

  constructor(
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.last = this.started;
  }

  /** True at most once per interval. */
  due(): boolean {
    if (this.now() - this.last < this.everyMs) return false;
    this.last = this.now();
    return true;
  }

  /** "15 s", "1 min 5 s": the time since the wait began. */
  elapsed(): string {
    const seconds = Math.round((this.now() - this.started) / 1000);
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }
}
