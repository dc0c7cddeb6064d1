// Placeholder: replaced by the real eks module.
import type { ServiceModule, World } from '../core/types.js';

export function createEksService(world: World): ServiceModule {
  void world;
  return {
    service: 'eks',
    operationOf: () => undefined,
    handle: () => ({ status: 501, body: '' }),
    errorResponse: (_req, status, code, message) => ({
      status,
      body: JSON.stringify({ code, message }),
    }),
    reset: () => {},
    dump: () => ({}),
    seed: () => {},
  };
}
