// Admin routes (JSON) under /_emulator: state, reset, seed, calls, faults.
// Other modules (GitHub, OIDC, STS) contribute their own routes as `AdminRoute`s, so this file
// does not grow with every service. A seed's `accounts` key places state in other AWS accounts.

import { parse as parseYaml } from 'yaml';
import type { CallLog } from './call-log.js';
import type { FaultInjector } from './faults.js';
import { parseFaultDocument } from './fault-document.js';
import { ACCOUNT_ID } from './static-keys.js';
import type {
  EmulatorRequest,
  EmulatorResponse,
  ServiceModule,
  ServiceName,
  World,
} from './types.js';

export interface AdminContext {
  /** The default account's services and the shared ones: the state dump and the reset. */
  modules: ServiceModule[];
  calls: CallLog;
  faults: FaultInjector;
  /** The default account's world (its faults are every account's). */
  world: World;
  /** Routes contributed by modules (GitHub pulls/comments, the OIDC token endpoint, …). */
  routes?: AdminRoute[];
  /**
   * Applies one account's keys of a seed document, in dependency order: IAM roles before stacks
   * before clusters, the IRSA conveniences, Kubernetes objects and static credentials.
   */
  seedAccount(accountId: string, doc: Record<string, unknown>): void;
  /** The accounts other than the default: their state by id, and forgetting them on a reset. */
  extraAccounts: { dump(): Record<string, unknown>; forget(): void };
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

/** Services whose seed keys belong to no account. */
const SHARED_SEEDS: ServiceName[] = ['sts', 'github', 'oidc'];
/** Top-level keys an account's part of the seed may not hold. */
const NOT_PER_ACCOUNT = ['accounts', 'github'];

type SeedDocument = Record<string, unknown>;
const isDocument = (value: unknown): value is SeedDocument =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `accounts: { <id>: <seed of that account> }`, checked whole before anything is seeded. */
function accountSeeds(value: unknown): [string, SeedDocument][] {
  if (value === undefined) return [];
  if (!isDocument(value)) throw new Error('seed: accounts must map account ids to seeds');
  return Object.entries(value).map(([id, doc]) => {
    if (!ACCOUNT_ID.test(id)) throw new Error(`seed: accounts.${id}: an account id is 12 digits`);
    if (!isDocument(doc)) throw new Error(`seed: accounts.${id} must be an object`);
    const shared = NOT_PER_ACCOUNT.find((key) => key in doc);
    if (shared)
      throw new Error(`seed: accounts.${id}.${shared}: not an account's key (seed it at the top)`);
    return [id, doc];
  });
}

export function applySeed(ctx: AdminContext, doc: unknown): void {
  if (!isDocument(doc)) {
    throw new Error('a seed is a YAML/JSON object (see the README, "Emulator")');
  }
  const accounts = accountSeeds(doc.accounts);
  ctx.seedAccount(ctx.world.accountId, doc);
  for (const module of ctx.modules) if (SHARED_SEEDS.includes(module.service)) module.seed(doc);
  for (const [id, accountDoc] of accounts) ctx.seedAccount(id, accountDoc);
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
        return json(200, {
          ...Object.fromEntries(ctx.modules.map((m) => [m.service, m.dump()])),
          accounts: ctx.extraAccounts.dump(),
        });
      case 'POST /_emulator/reset':
        for (const m of ctx.modules) m.reset();
        ctx.extraAccounts.forget();
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
