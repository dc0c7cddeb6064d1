// Stack operations over simulated time. Each operation is a queue of timed steps (Engine.advance):
// resources are created/updated/deleted in the IAM store when their step runs, and a failing step
// replaces the rest of the queue with the rollback. With zero durations every step is due at once.

import { HANDLERS } from './resources.js';
import { handlerMessage, type Engine } from './engine.js';
import type { Stack, StackDefinition, StackResource, Step } from './stacks.js';

/** The failure the fault registry asks for (consumed: it applies to the next create or update). */
function takeFailure(engine: Engine, stack: Stack): string | undefined {
  const reason = engine.world.failingStacks.get(stack.stackName);
  if (reason !== undefined) engine.world.failingStacks.delete(stack.stackName);
  return reason;
}

function finishChangeSet(stack: Stack, ok: boolean): void {
  if (stack.executing) stack.executing.execution = ok ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED';
  stack.executing = undefined;
}

/** `enforce`: DeleteStack makes its IAM calls with the caller's permissions; rollbacks do not check. */
function deleteResource(
  engine: Engine,
  stack: Stack,
  r: StackResource,
  at: number,
  enforce = false,
): void {
  engine.event(stack, at, r.logicalId, r.type, 'DELETE_IN_PROGRESS', r.physicalId);
  const def = stack.def?.template.Resources[r.logicalId];
  if (def?.DeletionPolicy === 'Retain') {
    engine.event(stack, at, r.logicalId, r.type, 'DELETE_SKIPPED', r.physicalId);
  } else {
    HANDLERS[r.type].delete(
      r,
      r.props,
      engine.provisionContext(stack, stack.def as StackDefinition, enforce),
    );
    engine.event(stack, at, r.logicalId, r.type, 'DELETE_COMPLETE', r.physicalId);
  }
  stack.resources.delete(r.logicalId);
}

export function startCreate(engine: Engine, stack: Stack): void {
  const def = stack.def as StackDefinition;
  const t0 = engine.now();
  engine.stackEvent(stack, t0, 'CREATE_IN_PROGRESS', 'User Initiated');
  const order = engine.activeResources(stack, def);
  const failure = takeFailure(engine, stack);
  const times = engine.spread(t0, engine.world.durations.stackCreate, order.length);
  const steps: Step[] = order.map((id, i) => ({
    at: times[i],
    run: () => {
      const type = def.template.Resources[id].Type;
      engine.event(stack, times[i], id, type, 'CREATE_IN_PROGRESS');
      let reason = i === order.length - 1 ? failure : undefined;
      if (reason === undefined) {
        try {
          const props = engine.resolveProps(stack, def, id);
          const made = HANDLERS[type].create(id, props, engine.provisionContext(stack, def));
          stack.resources.set(id, {
            ...made,
            logicalId: id,
            type,
            props,
            status: 'CREATE_COMPLETE',
            updatedAt: times[i],
          });
          engine.event(
            stack,
            times[i],
            id,
            type,
            'CREATE_IN_PROGRESS',
            made.physicalId,
            'Resource creation Initiated',
          );
          engine.event(stack, times[i], id, type, 'CREATE_COMPLETE', made.physicalId);
          return;
        } catch (error) {
          reason = handlerMessage(error);
        }
      }
      engine.event(stack, times[i], id, type, 'CREATE_FAILED', '', reason);
      createFailed(engine, stack, id, times[i]);
    },
  }));
  steps.push({
    at: t0 + engine.span(engine.world.durations.stackCreate),
    run: () => {
      stack.outputs = engine.outputs(stack, def);
      engine.stackEvent(
        stack,
        t0 + engine.span(engine.world.durations.stackCreate),
        'CREATE_COMPLETE',
      );
      stack.statusReason = undefined;
      finishChangeSet(stack, true);
    },
  });
  stack.pending = steps;
  engine.schedule(stack);
}

function createFailed(engine: Engine, stack: Stack, failedId: string, at: number): void {
  const reason = `The following resource(s) failed to create: [${failedId}]. `;
  if (stack.disableRollback || stack.onFailure === 'DO_NOTHING') {
    engine.stackEvent(stack, at, 'CREATE_FAILED', reason);
    stack.pending = [];
    finishChangeSet(stack, false);
    return;
  }
  engine.stackEvent(stack, at, 'ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`);
  const created = [...stack.resources.values()].reverse();
  const duration = engine.world.durations.stackDelete;
  const times = engine.spread(at, duration, created.length);
  const end = at + engine.span(duration);
  stack.pending = [
    ...created.map((r, i) => ({
      at: times[i],
      run: () => deleteResource(engine, stack, r, times[i]),
    })),
    {
      at: end,
      run: () => {
        const kept = stack.statusReason;
        engine.stackEvent(stack, end, 'ROLLBACK_COMPLETE');
        // The reason of the rollback stays visible on the stack, as in the console.
        stack.statusReason = kept;
        finishChangeSet(stack, false);
        if (stack.onFailure === 'DELETE') {
          engine.stackEvent(stack, end, 'DELETE_COMPLETE');
          stack.deletionTime = end;
          engine.stacks.markDeleted(stack);
        }
      },
    },
  ];
  engine.schedule(stack);
}

export function startDelete(engine: Engine, stack: Stack): void {
  const t0 = engine.now();
  engine.stackEvent(stack, t0, 'DELETE_IN_PROGRESS', 'User Initiated');
  stack.statusReason = undefined;
  const order = stack.def ? engine.activeResources(stack, stack.def) : [];
  const ids = [...order.filter((id) => stack.resources.has(id))];
  for (const id of stack.resources.keys()) if (!ids.includes(id)) ids.push(id);
  ids.reverse();
  const duration = engine.world.durations.stackDelete;
  const times = engine.spread(t0, duration, ids.length);
  const end = t0 + engine.span(duration);
  const steps: Step[] = ids.map((id, i) => ({
    at: times[i],
    run: () => {
      const r = stack.resources.get(id);
      if (!r) return;
      try {
        deleteResource(engine, stack, r, times[i], true);
      } catch (error) {
        engine.event(
          stack,
          times[i],
          id,
          r.type,
          'DELETE_FAILED',
          r.physicalId,
          handlerMessage(error),
        );
        engine.stackEvent(
          stack,
          times[i],
          'DELETE_FAILED',
          `The following resource(s) failed to delete: [${id}]. `,
        );
        stack.pending = [];
      }
    },
  }));
  steps.push({
    at: end,
    run: () => {
      engine.stackEvent(stack, end, 'DELETE_COMPLETE');
      stack.deletionTime = end;
      engine.stacks.markDeleted(stack);
    },
  });
  stack.pending = steps;
  engine.schedule(stack);
}
