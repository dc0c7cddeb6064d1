// GitHub (REST JSON like api.github.com, plus GraphQL minimizeComment and comment edit histories):
// the subset the action uses to find its PR, keep one sticky comment and tell who edited it. See
// docs/emulator.md, "GitHub".

import type { AdminRoute } from '../core/admin.js';
import type { EmulatorRequest, ServiceModule, World } from '../core/types.js';
import { githubAdminRoutes, seedGithub } from './admin.js';
import { graphqlOperation, handleGraphql } from './graphql.js';
import { GithubError, ghErrorResponse } from './http.js';
import { handleRest, restOperation } from './rest.js';
import { GithubState } from './state.js';

export interface GithubService extends ServiceModule {
  state: GithubState;
  adminRoutes: AdminRoute[];
}

const isGraphql = (req: EmulatorRequest): boolean => req.path.replace(/\/+$/, '') === '/graphql';

export function createGithubService(world: World): GithubService {
  const state = new GithubState();
  const now = (): number => world.clock.now();
  return {
    service: 'github',
    state,
    adminRoutes: githubAdminRoutes(state, now),
    operationOf(req) {
      if (isGraphql(req) && req.method === 'POST') return graphqlOperation(req);
      // Unknown paths still reach handle(), which answers GitHub's 404.
      return restOperation(state, req) ?? { name: 'unknown', mutating: false };
    },
    handle(req) {
      try {
        if (isGraphql(req) && req.method === 'POST') return handleGraphql(state, req);
        return handleRest({ state, now }, req);
      } catch (error) {
        if (error instanceof GithubError) return ghErrorResponse(req, error);
        if (error instanceof Error && /is not OWNER\/NAME/.test(error.message))
          return ghErrorResponse(req, new GithubError(404, 'Not Found'));
        throw error;
      }
    },
    // Injected faults: GitHub's envelope with the rule's message (e.g. a 502 or a secondary rate limit).
    errorResponse: (req, status, _code, message) =>
      ghErrorResponse(req, new GithubError(status, message)),
    reset: () => state.reset(),
    dump: () => ({
      repos: [...state.repos.values()],
      pulls: [...state.pulls.values()],
      comments: [...state.comments.values()],
      tokens: Object.fromEntries(state.tokens),
      deletedUsers: [...state.deletedUsers],
    }),
    seed: (doc) => seedGithub(state, doc, now()),
  };
}
