// The action's real outside world. Each heavy part (the config reader, the AWS SDK, the engine,
// Octokit) is imported when first used, so a run loads only what its path needs: a refused input
// loads none of them, an invalid config no AWS SDK or Octokit. When the run will assume a role, the
// job's OIDC token is requested at once, while the flow and the config load, and before the SDK is.

import {
  renewingCredentials,
  resolveCredentials,
  tokenRequestedAhead,
} from '../aws/credentials.js';
import { lazyGitHubApi } from '../github/lazy-api.js';
import type { Mode } from './event.js';
import { hasRoles } from './roles.js';
import type { PlanEngine, RunDeps } from './run-context.js';
import type { ActionIO } from './runner-io.js';
import type { Settings } from './settings.js';

/** The modes whose flow assumes the roles of role-to-assume (report and list make no AWS call). */
const ASSUMES_ROLES: ReadonlySet<Mode> = new Set(['plan', 'check', 'apply', 'migrate']);

/** An engine made on first use; close() before any use has nothing to close. */
function lazyEngine(make: () => Promise<PlanEngine>): PlanEngine {
  let made: Promise<PlanEngine> | undefined;
  let engine: PlanEngine | undefined;
  const load = (): Promise<PlanEngine> => (made ??= make().then((e) => (engine = e)));
  return {
    plan: async (state, options) => (await load()).plan(state, options),
    apply: async (plan) => (await load()).apply(plan),
    readIrsa: async (cluster, region) => (await load()).readIrsa(cluster, region),
    close: () => engine?.close(),
  };
}

export function realDeps(settings: Settings, io: ActionIO): RunDeps {
  const idTokenAvailable = Boolean(
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  );
  const getIDToken =
    idTokenAvailable && hasRoles(settings.roles) && ASSUMES_ROLES.has(settings.mode)
      ? tokenRequestedAhead(io.getIDToken)
      : io.getIDToken;
  return {
    io,
    api: settings.githubToken
      ? lazyGitHubApi(settings.githubToken, settings.repository.owner, settings.repository.repo)
      : undefined,
    loadConfig: async (patterns, cwd) => {
      const { loadConfigFiles } = await import('../config/load.js');
      return loadConfigFiles([...patterns], { cwd });
    },
    credentials: async (request) => {
      const resolve = () =>
        resolveCredentials(request, {
          getIDToken,
          setSecret: io.setSecret,
          info: io.info,
          idTokenAvailable,
        });
      // Sessions last an hour: each role is assumed again on its own when its session nears its end.
      const first = await resolve();
      return first && renewingCredentials(first, resolve);
    },
    createEngine: (access) =>
      lazyEngine(async () => {
        const { Engine } = await import('../engine/engine.js');
        return new Engine({
          concurrency: settings.concurrency,
          credentials: access.credentials,
          identityOf: access.identityOf,
          log: io.info,
        });
      }),
  };
}
