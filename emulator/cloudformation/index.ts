// CloudFormation (awsQuery, API version 2010-05-15): stacks of IAM resources that live in the
// emulator's IAM store, with statuses that move over simulated time, and change sets.

import type { ServiceModule, World } from '../core/types.js';
import type { IamService } from '../iam/index.js';
import { queryService } from '../query/service.js';
import { stackResourceArn } from '../iam/resources.js';
import { changeSetOperations } from './changesets.js';
import { Engine } from './engine.js';
import { stackOperations } from './operations.js';
import { dumpStacks, seedStacks } from './seed.js';
import { StackStore } from './stacks.js';

export const CFN_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/**
 * `iam` is the IAM module (server.ts passes the object createIamService returned): stacks create
 * their roles in its store, and it asks us to advance due stacks before answering.
 */
export interface CloudFormationService extends ServiceModule {
  /** A live stack's output value (the IRSA seed reads its role ARN from `Role1`). */
  outputOf(stackName: string, key: string): string | undefined;
}

export function createCloudFormationService(world: World, iam: IamService): CloudFormationService {
  const stacks = new StackStore();
  const engine = new Engine(world, iam.store, stacks);
  iam.beforeRequest = () => engine.advanceAll();
  return {
    ...queryService(
      'cloudformation',
      CFN_NAMESPACE,
      { ...stackOperations(engine), ...changeSetOperations(engine) },
      () => engine.advanceAll(),
    ),
    resourceArn: (req) => stackResourceArn(req, world.accountId, req.region ?? world.defaultRegion),
    reset: () => {
      engine.reset();
      stacks.clear();
    },
    dump: () => {
      engine.advanceAll();
      return dumpStacks(stacks);
    },
    seed: (data) => seedStacks(engine, data),
    outputOf: (stackName, key) =>
      stacks.live.get(stackName)?.outputs?.find((o) => o.OutputKey === key)?.OutputValue,
  };
}
