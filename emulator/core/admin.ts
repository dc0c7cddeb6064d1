// Admin routes (JSON) under /_emulator: state, reset, seed, calls, faults.
// Other modules (GitHub, OIDC, STS) contribute their own routes as `AdminRoute`s, so this file
// does not grow with every service.

import { parse as parseYaml } from 'yaml';
import type { CallLog } from './call-log.js';
import type { FaultInjector } from './faults.js';
import { parseFaultDocument } from './fault-document.js';
import type {
  EmulatorRequest,
  EmulatorResponse,
  ServiceModule,
  ServiceName,
  World,
} from './types.js';

export interface AdminContext {
  modules: ServiceModule[];
  calls: CallLog;
  faults: FaultInjector;
  world: World;
  /** Routes contributed by modules (GitHub pulls/comments, the OIDC token endpoint, …). */
  routes?: AdminRoute[];
  /** Seed keys that span services (the IRSA conveniences), each run right after `after`'s seed. */
  seedSteps?: SeedStep[];
}

export interface SeedStep {
  after: ServiceName;
  seed(doc: unknown): void;
}

/** A route under /_emulator/ that a module contributes. */
export interface AdminRoute {
  method: string;
  /** Full path, e.g. `/_emulator/github/pulls`. */
  path: string;
  /** Matches paths with a variable part instead of `path` (e.g. `/_emulator/k8s/<cluster>/…`). */
  pattern?: RegExp;
  handle(req: EmulatorRequest): EmulatorResponse;
  /**
   * Set for routes that stand in for a real endpoint (the OIDC token endpoint): the call is
   * recorded in the call log like a service call.
   */
  logAs?: { service: ServiceName; operation: string };
}

export function json(status: number, value: unknown): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value, null, 2),
  };
}

/** Seeds are applied in dependency order: IAM roles before stacks before clusters and associations. */
const SEED_ORDER = ['iam', 'cloudformation', 'sts', 'eks', 'kubernetes', 'github', 'oidc'];

export function applySeed(ctx: AdminContext, doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('a seed is a YAML/JSON object (see the README, "Emulator")');
  }
  const ordered = [...ctx.modules].sort(
    (a, b) => SEED_ORDER.indexOf(a.service) - SEED_ORDER.indexOf(b.service),
  );
  for (const module of ordered) {
    module.seed(doc);
    for (const step of ctx.seedSteps ?? []) if (step.after === module.service) step.seed(doc);
  }
}

export function parseSeedText(text: string): unknown {
  // YAML is a superset of JSON, so one parser takes both formats.
  return parseYaml(text, { maxAliasCount: 100 });
}

export function handleAdmin(ctx: AdminContext, req: EmulatorRequest): EmulatorResponse {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /_emulator/state':
        return json(200, Object.fromEntries(ctx.modules.map((m) => [m.service, m.dump()])));
      case 'POST /_emulator/reset':
        for (const m of ctx.modules) m.reset();
        ctx.calls.clear();
        clearFaults(ctx);
        return json(200, { reset: true });
      case 'POST /_emulator/seed':
        applySeed(ctx, parseSeedText(req.body));
        return json(200, { seeded: true });
      case 'GET /_emulator/calls':
        return json(200, ctx.calls.list(Number(req.query.get('since') ?? 0)));
      case 'DELETE /_emulator/calls':
        ctx.calls.clear();
        return json(200, { cleared: true });
      case 'GET /_emulator/faults':
        return json(200, {
          rules: ctx.faults.list(),
          failingStacks: Object.fromEntries(ctx.world.failingStacks),
          failingAddons: Object.fromEntries(ctx.world.failingAddons),
        });
      case 'POST /_emulator/faults': {
        // Parsed in full before anything changes: a refused document leaves the faults in force.
        const doc = parseFaultDocument(req.body ? JSON.parse(req.body) : {});
        clearFaults(ctx);
        ctx.faults.configure(doc);
        for (const [name, reason] of Object.entries(doc.failingStacks ?? {})) {
          ctx.world.failingStacks.set(name, reason);
        }
        for (const [key, failure] of Object.entries(doc.failingAddons ?? {})) {
          ctx.world.failingAddons.set(key, failure);
        }
        return json(200, { configured: true });
      }
      case 'DELETE /_emulator/faults':
        clearFaults(ctx);
        return json(200, { cleared: true });
      default:
        return contributed(ctx, req, route);
    }
  } catch (error) {
    return json(400, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** Fault rules, failing stacks and failing add-ons (state already caught by a fault stays). */
function clearFaults(ctx: AdminContext): void {
  ctx.faults.clear();
  ctx.world.failingStacks.clear();
  ctx.world.failingAddons.clear();
}

function contributed(ctx: AdminContext, req: EmulatorRequest, route: string): EmulatorResponse {
  const path = req.path.replace(/\/+$/, '');
  const found = ctx.routes?.find(
    (r) => r.method === req.method && (r.pattern ? r.pattern.test(path) : r.path === path),
  );
  if (!found) return json(404, { message: `no admin route ${route}` });
  const started = Date.now();
  const response = found.handle(req);
  if (found.logAs) {
    ctx.calls.add({
      time: new Date(started).toISOString(),
      service: found.logAs.service,
      operation: found.logAs.operation,
      mutating: false,
      status: response.status,
      durationMs: Date.now() - started,
    });
  }
  return response;
}
