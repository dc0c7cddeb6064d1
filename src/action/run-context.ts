// What a mode's flow needs from the outside world, injected so flows can run against fakes, and
// what it reports back to run().

import type { CredentialRequest, Credentials } from '../aws/credentials.js';
import type { DesiredState, LoadResult } from '../config/model.js';
import type { GitHubApi } from '../github/api.js';
import type { LiveIrsa } from '../live/irsa.js';
import type { Plan, PlanOptions } from '../plan/model.js';
import type { ClusterApplyResult } from '../plan/results.js';
import type { ClusterAccess } from './plan-step.js';
import type { ActionIO } from './runner-io.js';
import type { FailureReason } from './outputs.js';
import type { Settings } from './settings.js';

export interface PlanEngine {
  plan(state: DesiredState, options: PlanOptions): Promise<Plan>;
  apply(plan: Plan): Promise<ClusterApplyResult[]>;
  /** What a cluster runs on IRSA (mode migrate; read-only). */
  readIrsa(cluster: string, region: string): Promise<LiveIrsa>;
  close(): void;
}

export interface RunDeps {
  io: ActionIO;
  /** Undefined when there is no GitHub token: no comment, no PR lookup. */
  api?: GitHubApi;
  loadConfig(patterns: readonly string[], cwd: string): Promise<LoadResult>;
  /** One role's credentials (renewed before they end), or undefined for the SDK default chain. */
  credentials(request: CredentialRequest): Promise<Credentials | undefined>;
  createEngine(access: ClusterAccess): PlanEngine;
}

export interface RunContext extends RunDeps {
  settings: Settings;
}

/** How a run ended: nothing (success) or why it failed, with the full message for setFailed. */
export interface RunOutcome {
  failure?: { reason: FailureReason; message: string };
}

export const succeeded: RunOutcome = {};

export const failed = (reason: FailureReason, message: string): RunOutcome => ({
  failure: { reason, message },
});
