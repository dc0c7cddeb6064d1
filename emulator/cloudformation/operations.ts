// Stack operations (awsQuery handlers): create, update, delete, describe, list, template, events,
// resources, termination protection, template validation.

import { QueryError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { QueryOperation } from '../query/service.js';
import type { XmlValue } from '../query/xml.js';
import type { Engine } from './engine.js';
import { checkStackName, definitionOf, sameDefinition } from './inputs.js';
import { startCreate, startDelete } from './lifecycle.js';
import { newStack, stackNotFound, type Stack, type StackResource } from './stacks.js';
import { IAM_TYPES, parseTemplate, requiredCapability } from './template.js';
import { startUpdate } from './update.js';

const PAGE = 100;
const UPDATABLE = [
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
];
const MAX_STACKS = 2000;

/** Opaque NextToken over an offset; AWS's tokens are opaque too. */
function offsetOf(token: string | undefined): number {
  if (token === undefined) return 0;
  const start = Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(start) || start < 0)
    throw new QueryError(400, 'ValidationError', 'Invalid NextToken');
  return start;
}

const tokenFor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

export function paginate<T>(
  items: T[],
  token: string | undefined,
  size = PAGE,
): { items: T[]; NextToken?: string } {
  const start = offsetOf(token);
  const end = start + size;
  return {
    items: items.slice(start, end),
    NextToken: end < items.length ? tokenFor(end) : undefined,
  };
}

/**
 * A page of an iterable without copying it (DescribeStacks / ListStacks over every stack): walks
 * to the offset and stops one item past the page, so no array of all stacks is built per call
 * and nothing past the page is looked at.
 */
export function paginateIterable<T>(
  items: Iterable<T>,
  token: string | undefined,
  keep: (item: T) => boolean = () => true,
  size = PAGE,
): { items: T[]; NextToken?: string } {
  const start = offsetOf(token);
  const page: T[] = [];
  let index = 0;
  for (const item of items) {
    if (!keep(item)) continue;
    if (index >= start + size) return { items: page, NextToken: tokenFor(start + size) };
    if (index >= start) page.push(item);
    index++;
  }
  return { items: page };
}

export function stackXml(stack: Stack): Record<string, XmlValue> {
  const def = stack.def;
  const declared = def?.template.Parameters ?? {};
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ChangeSetId: stack.changeSets.find((c) => c.execution === 'EXECUTE_COMPLETE')?.id,
    Description: def?.template.Description,
    Parameters: Object.entries(def?.parameters ?? {}).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: String(declared[k]?.NoEcho) === 'true' ? '****' : v,
    })),
    CreationTime: new Date(stack.creationTime),
    DeletionTime: stack.deletionTime === undefined ? undefined : new Date(stack.deletionTime),
    LastUpdatedTime:
      stack.lastUpdatedTime === undefined ? undefined : new Date(stack.lastUpdatedTime),
    RollbackConfiguration: {},
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: stack.disableRollback,
    NotificationARNs: stack.notificationArns,
    TimeoutInMinutes: stack.timeoutInMinutes,
    Capabilities: def?.capabilities ?? [],
    // Left out when empty, as AWS (and moto) do.
    Outputs: stack.outputs.length > 0 ? stack.outputs : undefined,
    RoleARN: stack.roleArn,
    Tags: def?.tags ?? [],
    EnableTerminationProtection: stack.terminationProtection,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

function resourceXml(stack: Stack, r: StackResource): Record<string, XmlValue> {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId,
    ResourceType: r.type,
    Timestamp: new Date(r.updatedAt),
    ResourceStatus: r.status,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

function resourcesOf(engine: Engine, p: QueryParams): { stack: Stack; resources: StackResource[] } {
  const stack = engine.stacks.get(p.required('StackName'));
  return { stack, resources: [...stack.resources.values()] };
}

export function stackOperations(engine: Engine): Record<string, QueryOperation> {
  const { stacks, world } = engine;
  const regionOf = (req: { region?: string }): string => req.region ?? world.defaultRegion;
  return {
    CreateStack: {
      mutating: true,
      handler: (p, req) => {
        const name = p.required('StackName');
        checkStackName(name);
        if (stacks.live.has(name))
          throw new QueryError(400, 'AlreadyExistsException', `Stack [${name}] already exists`);
        const def = definitionOf(p);
        const onFailure = p.str('OnFailure') as Stack['onFailure'] | undefined;
        if (onFailure !== undefined && p.str('DisableRollback') !== undefined)
          throw new QueryError(
            400,
            'ValidationError',
            'You can specify either DisableRollback or OnFailure, but not both.',
          );
        if (stacks.live.size >= MAX_STACKS)
          throw new QueryError(
            400,
            'LimitExceededException',
            `Limit on the number of stacks has been exceeded (${MAX_STACKS}).`,
          );
        const stack = newStack(name, regionOf(req), world.accountId, engine.now(), {
          def,
          disableRollback: p.bool('DisableRollback') ?? false,
          onFailure: onFailure ?? 'ROLLBACK',
          terminationProtection: p.bool('EnableTerminationProtection') ?? false,
          roleArn: p.str('RoleARN'),
          callerAccessKeyId: req.accessKeyId,
          timeoutInMinutes: p.int('TimeoutInMinutes'),
          notificationArns: p.list('NotificationARNs') ?? [],
        });
        stacks.add(stack);
        startCreate(engine, stack);
        return { StackId: stack.stackId };
      },
    },
    UpdateStack: {
      mutating: true,
      handler: (p, req) => {
        const stack = stacks.get(p.required('StackName'));
        if (!UPDATABLE.includes(stack.status))
          throw new QueryError(
            400,
            'ValidationError',
            `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
          );
        const def = definitionOf(p, stack.def);
        if (sameDefinition(def, stack.def as NonNullable<Stack['def']>))
          throw new QueryError(400, 'ValidationError', 'No updates are to be performed.');
        const disableRollback = p.bool('DisableRollback');
        if (disableRollback !== undefined) stack.disableRollback = disableRollback;
        if (p.str('RoleARN') !== undefined) stack.roleArn = p.str('RoleARN');
        stack.callerAccessKeyId = req.accessKeyId;
        startUpdate(engine, stack, def);
        return { StackId: stack.stackId };
      },
    },
    DeleteStack: {
      mutating: true,
      handler: (p, req) => {
        const stack = stacks.find(p.required('StackName'));
        // Deleting a stack that does not exist (any more) succeeds quietly.
        if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS')
          return;
        if (stack.terminationProtection)
          throw new QueryError(
            400,
            'ValidationError',
            `Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`,
          );
        if (stack.status === 'REVIEW_IN_PROGRESS') {
          engine.stackEvent(stack, engine.now(), 'DELETE_COMPLETE');
          stack.deletionTime = engine.now();
          stacks.markDeleted(stack);
          return;
        }
        if (stack.status.endsWith('_IN_PROGRESS'))
          throw new QueryError(
            400,
            'ValidationError',
            `Stack [${stack.stackName}] cannot be deleted while in status ${stack.status}`,
          );
        stack.callerAccessKeyId = req.accessKeyId;
        startDelete(engine, stack);
      },
    },
    DescribeStacks: {
      mutating: false,
      handler: (p) => {
        const name = p.str('StackName');
        if (name !== undefined) return { Stacks: [stackXml(stacks.get(name))] };
        const page = paginateIterable(stacks.live.values(), p.str('NextToken'));
        return { Stacks: page.items.map(stackXml), NextToken: page.NextToken };
      },
    },
    ListStacks: {
      mutating: false,
      handler: (p) => {
        const filter = p.list('StackStatusFilter') ?? [];
        const page = paginateIterable(
          stacks.all.values(),
          p.str('NextToken'),
          (s) => filter.length === 0 || filter.includes(s.status),
        );
        return {
          StackSummaries: page.items.map((s) => ({
            StackId: s.stackId,
            StackName: s.stackName,
            TemplateDescription: s.def?.template.Description,
            CreationTime: new Date(s.creationTime),
            LastUpdatedTime:
              s.lastUpdatedTime === undefined ? undefined : new Date(s.lastUpdatedTime),
            DeletionTime: s.deletionTime === undefined ? undefined : new Date(s.deletionTime),
            StackStatus: s.status,
            StackStatusReason: s.statusReason,
            DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
          })),
          NextToken: page.NextToken,
        };
      },
    },
    GetTemplate: {
      mutating: false,
      handler: (p) => {
        const name = p.str('StackName');
        const changeSetName = p.str('ChangeSetName');
        let body: string | undefined;
        if (changeSetName !== undefined) {
          const cs = [...stacks.all.values()]
            .filter((s) => name === undefined || s === stacks.find(name))
            .flatMap((s) => s.changeSets)
            .find((c) => c.name === changeSetName || c.id === changeSetName);
          if (!cs)
            throw new QueryError(
              404,
              'ChangeSetNotFound',
              `ChangeSet [${changeSetName}] does not exist`,
            );
          body = cs.def.templateBody;
        } else {
          if (name === undefined) throw stackNotFound('null');
          body = stacks.get(name).def?.templateBody;
          if (body === undefined) throw stackNotFound(name);
        }
        return { TemplateBody: body, StagesAvailable: ['Original', 'Processed'] };
      },
    },
    DescribeStackEvents: {
      mutating: false,
      handler: (p) => {
        const stack = stacks.get(p.required('StackName'));
        const page = paginate([...stack.events].reverse(), p.str('NextToken'));
        return { StackEvents: page.items, NextToken: page.NextToken };
      },
    },
    DescribeStackResources: {
      mutating: false,
      handler: (p) => {
        const { stack, resources } = resourcesOf(engine, p);
        const logical = p.str('LogicalResourceId');
        return {
          StackResources: resources
            .filter((r) => logical === undefined || r.logicalId === logical)
            .map((r) => resourceXml(stack, r)),
        };
      },
    },
    DescribeStackResource: {
      mutating: false,
      handler: (p) => {
        const { stack } = resourcesOf(engine, p);
        const logical = p.required('LogicalResourceId');
        const r = stack.resources.get(logical);
        if (!r)
          throw new QueryError(
            400,
            'ValidationError',
            `Resource ${logical} does not exist for stack ${stack.stackName}`,
          );
        return {
          StackResourceDetail: {
            ...resourceXml(stack, r),
            Timestamp: undefined,
            LastUpdatedTimestamp: new Date(r.updatedAt),
          },
        };
      },
    },
    ListStackResources: {
      mutating: false,
      handler: (p) => {
        const { resources } = resourcesOf(engine, p);
        const page = paginate(resources, p.str('NextToken'));
        return {
          StackResourceSummaries: page.items.map((r) => ({
            LogicalResourceId: r.logicalId,
            PhysicalResourceId: r.physicalId,
            ResourceType: r.type,
            LastUpdatedTimestamp: new Date(r.updatedAt),
            ResourceStatus: r.status,
            DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
          })),
          NextToken: page.NextToken,
        };
      },
    },
    UpdateTerminationProtection: {
      mutating: true,
      handler: (p) => {
        const enable = p.required('EnableTerminationProtection') === 'true';
        const stack = stacks.get(p.required('StackName'));
        stack.terminationProtection = enable;
        return { StackId: stack.stackId };
      },
    },
    ValidateTemplate: {
      mutating: false,
      handler: (p) => {
        const body = p.str('TemplateBody');
        if (body === undefined)
          throw new QueryError(
            400,
            'ValidationError',
            'Either Template URL or Template Body must be specified.',
          );
        const template = parseTemplate(body);
        const capability = requiredCapability(template);
        const iamTypes = [...new Set(Object.values(template.Resources).map((r) => r.Type))].filter(
          (t) => IAM_TYPES.includes(t),
        );
        return {
          Parameters: Object.entries(template.Parameters ?? {}).map(([k, v]) => ({
            ParameterKey: k,
            DefaultValue: v.Default === undefined ? undefined : String(v.Default),
            NoEcho: String(v.NoEcho) === 'true',
            Description: v.Description,
          })),
          Description: template.Description,
          Capabilities: capability ? [capability] : [],
          CapabilitiesReason: capability
            ? `The following resource(s) require capabilities: [${iamTypes.join(', ')}]`
            : undefined,
          DeclaredTransforms: [],
        };
      },
    },
  };
}
