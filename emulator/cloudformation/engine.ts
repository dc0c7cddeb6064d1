// Shared machinery of stack operations: simulated-time steps, events, resolution of a resource's
// properties, and the failure texts CloudFormation writes into events.

import { randomUUID } from 'node:crypto';
import type { World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import { QueryError } from '../query/errors.js';
import { evaluateCondition, resolve, type ResolveContext } from './intrinsics.js';
import { guardedStore } from './permissions.js';
import { HANDLERS, type Props, type ProvisionContext } from './resources.js';
import type { Output, Stack, StackDefinition, StackStore, Step } from './stacks.js';
import { resourceOrder } from './template.js';

const HANDLER_CODES: Record<string, string> = {
  NoSuchEntity: 'NotFound',
  EntityAlreadyExists: 'AlreadyExists',
  LimitExceeded: 'ServiceLimitExceeded',
  MalformedPolicyDocument: 'InvalidRequest',
  InvalidInput: 'InvalidRequest',
  ValidationError: 'InvalidRequest',
  AccessDenied: 'AccessDenied',
};

export class Engine {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly world: World,
    readonly iam: IamStore,
    readonly stacks: StackStore,
  ) {}

  now(): number {
    return this.world.clock.now();
  }

  /** Simulated duration → the real time the steps are spread over. */
  span(simulatedMs: number): number {
    return this.world.clock.real(simulatedMs);
  }

  reset(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** Runs every step whose time has come (lazy evaluation on each request, plus a timer). */
  advance(stack: Stack): void {
    while (stack.pending.length > 0 && stack.pending[0].at <= this.now()) {
      const step = stack.pending.shift() as Step;
      step.run();
    }
    this.schedule(stack);
  }

  advanceAll(): void {
    for (const stack of this.stacks.all.values()) if (stack.pending.length > 0) this.advance(stack);
  }

  /** A timer so stacks progress (and roles appear/disappear) even when nobody polls. */
  schedule(stack: Stack): void {
    const old = this.timers.get(stack.stackId);
    if (old) clearTimeout(old);
    this.timers.delete(stack.stackId);
    if (stack.pending.length === 0) return;
    const delay = Math.max(0, stack.pending[0].at - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(stack.stackId);
      if (this.stacks.all.get(stack.stackId) === stack) this.advance(stack);
    }, delay);
    timer.unref();
    this.timers.set(stack.stackId, timer);
  }

  stackEvent(stack: Stack, at: number, status: string, reason?: string): void {
    stack.status = status;
    stack.statusReason = reason ?? stack.statusReason;
    this.event(
      stack,
      at,
      stack.stackName,
      'AWS::CloudFormation::Stack',
      status,
      stack.stackId,
      reason,
    );
  }

  event(
    stack: Stack,
    at: number,
    logicalId: string,
    type: string,
    status: string,
    physicalId?: string,
    reason?: string,
    props?: Props,
  ): void {
    stack.events.push({
      EventId:
        logicalId === stack.stackName
          ? randomUUID()
          : `${logicalId}-${status}-${new Date(at).toISOString()}`,
      StackId: stack.stackId,
      StackName: stack.stackName,
      LogicalResourceId: logicalId,
      PhysicalResourceId: physicalId ?? '',
      ResourceType: type,
      Timestamp: new Date(at),
      ResourceStatus: status,
      ResourceStatusReason: reason,
      ResourceProperties: props ? JSON.stringify(props) : undefined,
    });
  }

  /**
   * With `enforce` (forward operations), IAM calls are checked against the permissions of the
   * stack's caller unless the stack has a service role, as CloudFormation does; rollbacks and
   * cleanups are not checked.
   */
  provisionContext(stack: Stack, def: StackDefinition, enforce = true): ProvisionContext {
    const check = this.world.checkPermission;
    const store =
      enforce && check && !stack.roleArn
        ? guardedStore(this.iam, (action, resource) => {
            const denied = check(stack.callerAccessKeyId, action, resource);
            if (denied) throw new QueryError(403, 'AccessDenied', denied);
          })
        : this.iam;
    return { store, stackName: stack.stackName, stackTags: def.tags };
  }

  resolveContext(stack: Stack, def: StackDefinition): ResolveContext {
    const template = def.template;
    return {
      params: def.parameters,
      paramTypes: Object.fromEntries(
        Object.entries(template.Parameters ?? {}).map(([k, v]) => [k, String(v.Type ?? 'String')]),
      ),
      pseudo: {
        'AWS::StackName': stack.stackName,
        'AWS::StackId': stack.stackId,
        'AWS::Region': stack.region,
        'AWS::AccountId': this.world.accountId,
        'AWS::Partition': partitionOf(stack.region),
        'AWS::URLSuffix': stack.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com',
      },
      mappings: template.Mappings ?? {},
      conditions: template.Conditions ?? {},
      ref: (id) => {
        const r = stack.resources.get(id);
        if (!r)
          throw new QueryError(
            400,
            'ValidationError',
            `Template error: instance of ${id} not yet created`,
          );
        return HANDLERS[r.type].ref(r);
      },
      getAtt: (id, attr) => {
        const r = stack.resources.get(id);
        const value = r?.attrs[attr];
        if (value === undefined)
          throw new QueryError(
            400,
            'ValidationError',
            `Template error: resource ${id} does not support attribute type ${attr} in Fn::GetAtt`,
          );
        return value;
      },
    };
  }

  /** Logical ids of the resources whose Condition holds, in dependency order. */
  activeResources(stack: Stack, def: StackDefinition): string[] {
    const ctx = this.resolveContext(stack, def);
    return resourceOrder(def.template).filter((id) => {
      const cond = def.template.Resources[id].Condition;
      return cond === undefined || evaluateCondition(cond, ctx);
    });
  }

  resolveProps(stack: Stack, def: StackDefinition, logicalId: string): Props {
    const raw = def.template.Resources[logicalId].Properties ?? {};
    return resolve(raw, this.resolveContext(stack, def)) as Props;
  }

  outputs(stack: Stack, def: StackDefinition): Output[] {
    const ctx = this.resolveContext(stack, def);
    const out: Output[] = [];
    for (const [key, o] of Object.entries(def.template.Outputs ?? {})) {
      const cond = (o as { Condition?: string }).Condition;
      if (cond !== undefined && !evaluateCondition(cond, ctx)) continue;
      try {
        const value = resolve(o.Value, ctx);
        out.push({
          OutputKey: key,
          OutputValue: Array.isArray(value) ? value.join(',') : String(value),
          Description: o.Description,
          ExportName: o.Export ? String(resolve(o.Export.Name, ctx)) : undefined,
        });
      } catch {
        // An output that cannot be resolved is left out rather than failing the stack.
      }
    }
    return out;
  }

  /** Times for `count` steps spread evenly over `duration`, ending at start + duration. */
  spread(start: number, duration: number, count: number): number[] {
    const span = this.span(duration);
    return Array.from({ length: count }, (_, i) => start + (span * (i + 1)) / (count + 1));
  }
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The status reason CloudFormation writes for a failed resource handler call. */
export function handlerMessage(error: unknown): string {
  if (!(error instanceof QueryError)) return error instanceof Error ? error.message : String(error);
  if (
    error.message.startsWith('Properties validation failed') ||
    error.message.startsWith('Template error') ||
    error.message.startsWith('Resource of type') ||
    error.message.startsWith('At least one of')
  )
    return error.message;
  const code = HANDLER_CODES[error.code] ?? 'GeneralServiceException';
  return (
    `Resource handler returned message: "${error.message} (Service: Iam, Status Code: ${error.status}, ` +
    `Request ID: ${randomUUID()})" (RequestToken: ${randomUUID()}, HandlerErrorCode: ${code})`
  );
}
