// Fault injection: per-operation errors with a probability, throttling, added latency.
// Configured through POST /_emulator/faults; consulted by the HTTP core before each call.

import type { AddonFailure, ServiceName } from './types.js';

export interface FaultRule {
  /** Service to match; any when absent. */
  service?: ServiceName;
  /** Operation name to match (e.g. `CreateStack`); `*` or absent = every operation. */
  operation?: string;
  /** Chance in [0, 1] that the rule fires on a matching call. Default 1. */
  probability?: number;
  /** Answer with this error instead of handling the call. */
  error?: { status: number; code: string; message?: string };
  /** Shorthand for the service's throttling error (429 ThrottlingException on EKS, 400 Throttling on query services). */
  throttle?: boolean;
  /** Real milliseconds to wait before answering. */
  latencyMs?: number;
  /** Fire at most this many times, then the rule is spent. */
  times?: number;
}

export interface FaultDocument {
  rules?: FaultRule[];
  /** Stack name → status reason: that stack's next create or update fails and rolls back. */
  failingStacks?: Record<string, string>;
  /** `addon` or `cluster/addon` → how its next create/update ends instead of ACTIVE. */
  failingAddons?: Record<string, AddonFailure>;
  /** Seed for the random choices, so a fault run can be repeated. */
  seed?: number;
}

export interface FaultDecision {
  latencyMs: number;
  error?: { status: number; code: string; message: string };
}

/** A small deterministic PRNG (mulberry32) so a seeded fault run repeats exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: (FaultRule & { fired: number })[] = [];
  private random: () => number = Math.random;

  configure(doc: FaultDocument): void {
    this.rules = (doc.rules ?? []).map((r) => ({ ...r, fired: 0 }));
    this.random = doc.seed === undefined ? Math.random : mulberry32(doc.seed);
  }

  clear(): void {
    this.rules = [];
    this.random = Math.random;
  }

  /** The rules in force, each with how often it has fired (a test can tell its fault was hit). */
  list(): (FaultRule & { fired: number })[] {
    return this.rules.map((r) => ({ ...r }));
  }

  decide(service: ServiceName, operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const rule of this.rules) {
      if (rule.service && rule.service !== service) continue;
      if (rule.operation && rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      rule.fired++;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (!decision.error && rule.throttle) decision.error = throttlingError(service);
      if (!decision.error && rule.error) {
        decision.error = {
          status: rule.error.status,
          code: rule.error.code,
          message: rule.error.message ?? defaultMessage(rule.error.status),
        };
      }
    }
    return decision;
  }
}

function throttlingError(service: ServiceName): { status: number; code: string; message: string } {
  // EKS models ThrottlingException as a 429; the query services answer 400 `Throttling`.
  if (service === 'eks')
    return { status: 429, code: 'ThrottlingException', message: 'Rate exceeded' };
  // The Kubernetes API server's priority-and-fairness rejection.
  if (service === 'kubernetes')
    return {
      status: 429,
      code: 'TooManyRequests',
      message: 'Too many requests, please try again later.',
    };
  return { status: 400, code: 'Throttling', message: 'Rate exceeded' };
}

function defaultMessage(status: number): string {
  if (status >= 500) return 'We encountered an internal error. Please try again.';
  return 'Injected fault';
}
