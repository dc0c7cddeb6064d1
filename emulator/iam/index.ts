// Placeholder: replaced by the real iam module.
import type { IamRoleReader, ServiceModule, World } from '../core/types.js';

export function createIamService(world: World): ServiceModule & IamRoleReader {
  void world;
  return {
    service: 'iam',
    operationOf: () => undefined,
    handle: () => ({ status: 501, body: '' }),
    errorResponse: (_req, status, code, message) => ({
      status,
      body: JSON.stringify({ code, message }),
    }),
    reset: () => {},
    dump: () => ({}),
    seed: () => {},
    getRoleByArn: () => undefined,
  };
}
