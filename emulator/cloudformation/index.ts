// Placeholder: replaced by the real cloudformation module.
import type { IamRoleReader, ServiceModule, World } from '../core/types.js';

export function createCloudFormationService(world: World, iam: IamRoleReader): ServiceModule {
  void world;
  void iam;
  return {
    service: 'cloudformation',
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
