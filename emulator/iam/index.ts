// IAM (awsQuery, API version 2010-05-08): roles, managed and inline policies, OIDC providers.

import type { IamRoleReader, ServiceModule, World } from '../core/types.js';
import { queryService } from '../query/service.js';
import { policyOperations } from './policies.js';
import { iamResourceArn } from './resources.js';
import { roleOperations } from './roles.js';
import { dumpIam, seedIam } from './seed.js';
import { IamStore } from './store.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface IamService extends ServiceModule, IamRoleReader {
  store: IamStore;
  /**
   * Called before each IAM operation. CloudFormation sets it so that stacks whose time has come
   * have created/removed their roles before IAM answers.
   */
  beforeRequest?: () => void;
}

export function createIamService(world: World): IamService {
  const store = new IamStore(world.accountId, () => world.clock.now());
  const service: IamService = {
    ...queryService(
      'iam',
      IAM_NAMESPACE,
      { ...roleOperations(store), ...policyOperations(store) },
      () => service.beforeRequest?.(),
    ),
    store,
    resourceArn: (req) => iamResourceArn(store, req),
    reset: () => store.clear(),
    dump: () => dumpIam(store),
    seed: (data) => seedIam(store, data),
    getRoleByArn(arn) {
      service.beforeRequest?.();
      const role = store.roleByArn(arn);
      return role
        ? {
            arn: role.arn,
            roleName: role.roleName,
            assumeRolePolicyDocument: role.assumeRolePolicyDocument,
            createdAt: role.createDate,
          }
        : undefined;
    },
  };
  return service;
}
