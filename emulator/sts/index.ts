// Placeholder: replaced by the real sts module.
import type { ServiceModule, World } from '../core/types.js';

export function createStsService(world: World): ServiceModule {
  void world;
  return {
    service: 'sts',
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
