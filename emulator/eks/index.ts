// EKS (restJson1): clusters, add-ons, add-on catalog, updates, pod identity associations, tags.
// See docs/emulator.md for the seed format and the choices made where AWS's behaviour is unknown.

import type { ServiceModule, World } from '../core/types.js';
import type { EksContext } from './context.js';
import { EksError, eksErrorResponse } from './errors.js';
import { eksResourceArn } from './arns.js';
import { eksPassedRoles } from './passed-roles.js';
import { dispatch, operationOf } from './router.js';
import { dumpEks, seedEks } from './seed.js';
import { EksState } from './state.js';

export interface EksService extends ServiceModule {
  /** Clusters, read by the Kubernetes API (kubernetes/index.ts). */
  state: EksState;
}

export function createEksService(world: World): EksService {
  const ctx: EksContext = { world, state: new EksState() };
  return {
    state: ctx.state,
    service: 'eks',
    operationOf,
    handle: (req) => {
      try {
        return dispatch(ctx, req);
      } catch (error) {
        if (error instanceof EksError) {
          return eksErrorResponse(error.status, error.code, error.message, error.context);
        }
        throw error;
      }
    },
    errorResponse: (_req, status, code, message) => eksErrorResponse(status, code, message),
    resourceArn: (req, op) => eksResourceArn(ctx, req, op),
    passedRoles: eksPassedRoles,
    reset: () => ctx.state.reset(),
    dump: () => dumpEks(ctx),
    seed: (doc) => seedEks(ctx, doc),
  };
}
