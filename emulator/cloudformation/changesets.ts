// Change sets: CreateChangeSet computes resource-level changes against the deployed stack;
// the set is CREATE_PENDING for a moment, then CREATE_COMPLETE, or FAILED when nothing changes.

import { randomUUID } from 'node:crypto';
import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { QueryOperation } from '../query/service.js';
import type { XmlValue } from '../query/xml.js';
import type { Engine } from './engine.js';
import { checkStackName, definitionOf, sameDefinition } from './inputs.js';
import { startCreate } from './lifecycle.js';
import {
  newStack,
  type Change,
  type ChangeSet,
  type Stack,
  type StackDefinition,
} from './stacks.js';
import { checkCapabilities } from './template.js';
import { changeKind, startUpdate } from './update.js';

const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";
const UPDATABLE = [
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
];
/** How long (simulated) a change set takes to compute, capped: AWS takes a few seconds. */
const MAX_COMPUTE_MS = 5000;

function computeChanges(engine: Engine, stack: Stack, def: StackDefinition): Change[] {
  const order = engine.activeResources(stack, def);
  const tagsChanged = JSON.stringify(def.tags) !== JSON.stringify(stack.def?.tags ?? []);
  const changes: Change[] = [];
  for (const id of order) {
    const type = def.template.Resources[id].Type;
    const current = stack.resources.get(id);
    let kind: ReturnType<typeof changeKind>;
    try {
      kind = changeKind(current, type, engine.resolveProps(stack, def, id), tagsChanged);
    } catch {
      // It refers to a resource that does not exist yet: it changes with that resource.
      kind = current ? 'modify' : 'add';
    }
    if (kind === 'none') continue;
    if (kind === 'add') {
      changes.push({ Action: 'Add', LogicalResourceId: id, ResourceType: type, Scope: [] });
    } else {
      changes.push({
        Action: 'Modify',
        LogicalResourceId: id,
        PhysicalResourceId: current?.physicalId,
        ResourceType: type,
        Replacement: kind === 'replace' ? 'True' : 'False',
        Scope: ['Properties'],
      });
    }
  }
  for (const [id, r] of stack.resources) {
    if (!order.includes(id))
      changes.push({
        Action: 'Remove',
        LogicalResourceId: id,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        Scope: [],
      });
  }
  return changes;
}

function status(engine: Engine, cs: ChangeSet): string {
  const now = engine.now();
  if (now < cs.readyAt)
    return now < (cs.createdAt + cs.readyAt) / 2 ? 'CREATE_PENDING' : 'CREATE_IN_PROGRESS';
  return cs.noChanges ? 'FAILED' : 'CREATE_COMPLETE';
}

function executionStatus(engine: Engine, cs: ChangeSet): string {
  return cs.execution ?? (status(engine, cs) === 'CREATE_COMPLETE' ? 'AVAILABLE' : 'UNAVAILABLE');
}

function findChangeSet(engine: Engine, p: QueryParams): { stack: Stack; cs: ChangeSet } {
  const name = p.required('ChangeSetName');
  const stackName = p.str('StackName');
  const notFound = new QueryError(404, 'ChangeSetNotFound', `ChangeSet [${name}] does not exist`);
  if (name.startsWith('arn:')) {
    for (const stack of engine.stacks.all.values()) {
      const cs = stack.changeSets.find((c) => c.id === name);
      if (cs) return { stack, cs };
    }
    throw notFound;
  }
  if (stackName === undefined)
    throw new QueryError(
      400,
      'ValidationError',
      'StackName must be specified if ChangeSetName is not specified as an ARN.',
    );
  const stack = engine.stacks.find(stackName);
  const cs = stack?.changeSets.find((c) => c.name === name);
  if (!stack || !cs) throw notFound;
  return { stack, cs };
}

export function changeSetOperations(engine: Engine): Record<string, QueryOperation> {
  const { stacks, world } = engine;
  return {
    CreateChangeSet: {
      mutating: true,
      handler: (p, req) => {
        const stackName = p.required('StackName');
        const name = p.required('ChangeSetName');
        if (name.length > 128 || !/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name))
          throw constraintError(
            name,
            'changeSetName',
            'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*',
          );
        const type = p.str('ChangeSetType') ?? 'UPDATE';
        if (type !== 'CREATE' && type !== 'UPDATE')
          throw new QueryError(
            400,
            'ValidationError',
            `ChangeSetType ${type} is not supported by the emulator`,
          );
        let stack = stacks.find(stackName);
        let def: StackDefinition;
        if (type === 'CREATE') {
          if (!stackName.startsWith('arn:')) checkStackName(stackName);
          if (stack && stack.status !== 'REVIEW_IN_PROGRESS')
            throw new QueryError(
              400,
              'AlreadyExistsException',
              `Stack [${stack.stackName}] already exists`,
            );
          def = definitionOf(p);
          if (!stack) {
            stack = newStack(
              stackName,
              req.region ?? world.defaultRegion,
              world.accountId,
              engine.now(),
              { status: 'REVIEW_IN_PROGRESS' },
            );
            engine.stackEvent(stack, engine.now(), 'REVIEW_IN_PROGRESS', 'User Initiated');
            stacks.add(stack);
          }
        } else {
          if (!stack || stack.status === 'REVIEW_IN_PROGRESS')
            throw new QueryError(400, 'ValidationError', `Stack [${stackName}] does not exist`);
          if (!UPDATABLE.includes(stack.status))
            throw new QueryError(
              400,
              'ValidationError',
              `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
            );
          def = definitionOf(p, stack.def);
        }
        if (stack.changeSets.some((c) => c.name === name))
          throw new QueryError(400, 'AlreadyExistsException', `ChangeSet [${name}] already exists`);
        const now = engine.now();
        const cs: ChangeSet = {
          id: `arn:aws:cloudformation:${stack.region}:${world.accountId}:changeSet/${name}/${randomUUID()}`,
          name,
          stackId: stack.stackId,
          type,
          description: p.str('Description'),
          def,
          createdAt: now,
          readyAt: now + engine.span(Math.min(world.durations.stackUpdate, MAX_COMPUTE_MS)),
          changes: computeChanges(engine, stack, def),
          noChanges: type === 'UPDATE' && sameDefinition(def, stack.def as StackDefinition),
        };
        stack.changeSets.push(cs);
        return { Id: cs.id, StackId: stack.stackId };
      },
    },
    DescribeChangeSet: {
      mutating: false,
      handler: (p) => {
        const { stack, cs } = findChangeSet(engine, p);
        const st = status(engine, cs);
        const complete = st === 'CREATE_COMPLETE' || st === 'FAILED';
        return {
          ChangeSetName: cs.name,
          ChangeSetId: cs.id,
          StackId: stack.stackId,
          StackName: stack.stackName,
          Description: cs.description,
          Parameters: Object.entries(cs.def.parameters).map(([k, v]) => ({
            ParameterKey: k,
            ParameterValue: v,
          })),
          CreationTime: new Date(cs.createdAt),
          ExecutionStatus: executionStatus(engine, cs),
          Status: st,
          StatusReason: st === 'FAILED' ? NO_CHANGES : undefined,
          NotificationARNs: [],
          Capabilities: cs.def.capabilities,
          Tags: cs.def.tags,
          Changes: (complete ? cs.changes : []).map((c) => ({
            Type: 'Resource',
            ResourceChange: changeXml(c),
          })),
          IncludeNestedStacks: false,
        };
      },
    },
    ExecuteChangeSet: {
      mutating: true,
      handler: (p, req) => {
        const { stack, cs } = findChangeSet(engine, p);
        stack.callerAccessKeyId = req.accessKeyId;
        const st = status(engine, cs);
        if (st !== 'CREATE_COMPLETE')
          throw new QueryError(
            400,
            'InvalidChangeSetStatus',
            `ChangeSet [${cs.id}] cannot be executed in its current status of [${st}]`,
          );
        const exec = executionStatus(engine, cs);
        if (exec !== 'AVAILABLE')
          throw new QueryError(
            400,
            'InvalidChangeSetStatus',
            `ChangeSet [${cs.id}] cannot be executed in its current execution status of [${exec}]`,
          );
        checkCapabilities(cs.def.template, cs.def.capabilities);
        const creating = cs.type === 'CREATE';
        if (creating ? stack.status !== 'REVIEW_IN_PROGRESS' : !UPDATABLE.includes(stack.status))
          throw new QueryError(
            400,
            'ValidationError',
            `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
          );
        const disableRollback = p.bool('DisableRollback');
        if (disableRollback !== undefined) stack.disableRollback = disableRollback;
        // CloudFormation drops the stack's other change sets once one is executed.
        stack.changeSets = [cs];
        cs.execution = 'EXECUTE_IN_PROGRESS';
        stack.executing = cs;
        if (creating) {
          stack.def = cs.def;
          startCreate(engine, stack);
        } else startUpdate(engine, stack, cs.def);
      },
    },
    DeleteChangeSet: {
      mutating: true,
      handler: (p) => {
        const { stack, cs } = findChangeSet(engine, p);
        if (cs.execution === 'EXECUTE_IN_PROGRESS')
          throw new QueryError(
            400,
            'InvalidChangeSetStatus',
            `Cannot delete ChangeSet in status ${cs.execution}`,
          );
        stack.changeSets = stack.changeSets.filter((c) => c !== cs);
        return {};
      },
    },
    ListChangeSets: {
      mutating: false,
      handler: (p) => {
        const stack = stacks.get(p.required('StackName'));
        return {
          Summaries: stack.changeSets.map((cs) => ({
            StackId: stack.stackId,
            StackName: stack.stackName,
            ChangeSetId: cs.id,
            ChangeSetName: cs.name,
            ExecutionStatus: executionStatus(engine, cs),
            Status: status(engine, cs),
            StatusReason: status(engine, cs) === 'FAILED' ? NO_CHANGES : undefined,
            CreationTime: new Date(cs.createdAt),
            Description: cs.description,
            IncludeNestedStacks: false,
          })),
        };
      },
    },
  };
}

function changeXml(c: Change): Record<string, XmlValue> {
  return {
    PolicyAction: c.Action === 'Remove' ? 'Delete' : undefined,
    Action: c.Action,
    LogicalResourceId: c.LogicalResourceId,
    PhysicalResourceId: c.PhysicalResourceId,
    ResourceType: c.ResourceType,
    Replacement: c.Replacement,
    Scope: c.Scope,
    Details: [],
  };
}
