// UpdateStack / ExecuteChangeSet(UPDATE): apply resource changes in dependency order, clean up
// removed and replaced resources, or roll everything back to the previous definition on failure.

import { QueryError } from '../query/errors.js';
import { handlerMessage, type Engine } from './engine.js';
import { HANDLERS, type Props } from './resources.js';
import type { Stack, StackDefinition, StackResource, Step } from './stacks.js';

interface Applied {
  kind: 'add' | 'modify' | 'replace';
  id: string;
  old?: StackResource;
  /** The properties being applied (a rollback diffs from them back to the old ones). */
  newProps?: Props;
}

const NAME_PROPERTY: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How a resource changes between the deployed state and new properties (also used by change sets). */
export function changeKind(
  current: StackResource | undefined,
  type: string,
  props: Props,
  tagsChanged: boolean,
): 'add' | 'replace' | 'modify' | 'none' {
  if (!current) return 'add';
  if (current.type !== type || HANDLERS[type].replaces(current.props, props)) return 'replace';
  if (!same(current.props, props)) return 'modify';
  return tagsChanged && type === 'AWS::IAM::Role' ? 'modify' : 'none';
}

export function startUpdate(engine: Engine, stack: Stack, def: StackDefinition): void {
  const prevDef = stack.def as StackDefinition;
  const prevOutputs = stack.outputs;
  const t0 = engine.now();
  stack.def = def;
  stack.lastUpdatedTime = t0;
  engine.stackEvent(stack, t0, 'UPDATE_IN_PROGRESS', 'User Initiated');
  stack.statusReason = undefined;
  const tagsChanged = !same(def.tags, prevDef.tags);
  const order = engine.activeResources(stack, def);
  const removed = [...stack.resources.keys()].filter((id) => !order.includes(id)).reverse();
  const failure = engine.world.failingStacks.get(stack.stackName);
  engine.world.failingStacks.delete(stack.stackName);
  const duration = engine.world.durations.stackUpdate;
  const times = engine.spread(t0, duration, order.length + 1);
  const applied: Applied[] = [];
  const replaced: StackResource[] = [];
  const ctx = engine.provisionContext(stack, def);

  const steps: Step[] = order.map((id, i) => ({
    at: times[i],
    run: () => {
      const at = times[i];
      const type = def.template.Resources[id].Type;
      const current = stack.resources.get(id);
      let reason = i === order.length - 1 ? failure : undefined;
      try {
        const props = engine.resolveProps(stack, def, id);
        const kind = changeKind(current, type, props, tagsChanged);
        if (reason !== undefined) throw new Error(reason);
        if (kind === 'none') return;
        if (kind === 'add') {
          engine.event(stack, at, id, type, 'CREATE_IN_PROGRESS');
          const made = HANDLERS[type].create(id, props, ctx);
          stack.resources.set(id, {
            ...made,
            logicalId: id,
            type,
            props,
            status: 'CREATE_COMPLETE',
            updatedAt: at,
          });
          applied.push({ kind, id });
          engine.event(stack, at, id, type, 'CREATE_COMPLETE', made.physicalId);
          return;
        }
        const cur = current as StackResource;
        engine.event(stack, at, id, type, 'UPDATE_IN_PROGRESS', cur.physicalId);
        if (kind === 'replace') {
          const nameProp = NAME_PROPERTY[type];
          if (nameProp && props[nameProp] !== undefined && props[nameProp] === cur.props[nameProp])
            throw new QueryError(
              400,
              'ValidationError',
              `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${String(props[nameProp])} and update the stack again.`,
            );
          const made = HANDLERS[type].create(id, props, ctx);
          engine.event(
            stack,
            at,
            id,
            type,
            'UPDATE_IN_PROGRESS',
            made.physicalId,
            'Requested update requires the creation of a new physical resource; hence creating one.',
          );
          stack.resources.set(id, {
            ...made,
            logicalId: id,
            type,
            props,
            status: 'UPDATE_COMPLETE',
            updatedAt: at,
          });
          applied.push({ kind, id, old: cur });
          replaced.push(cur);
          engine.event(stack, at, id, type, 'UPDATE_COMPLETE', made.physicalId);
          return;
        }
        // Recorded before the call: a half-applied update is rolled back like a full one.
        applied.push({ kind, id, old: { ...cur }, newProps: props });
        HANDLERS[type].update(cur, cur.props, props, ctx);
        stack.resources.set(id, { ...cur, props, status: 'UPDATE_COMPLETE', updatedAt: at });
        engine.event(stack, at, id, type, 'UPDATE_COMPLETE', cur.physicalId);
        return;
      } catch (error) {
        reason ??= handlerMessage(error);
      }
      engine.event(
        stack,
        at,
        id,
        type,
        current ? 'UPDATE_FAILED' : 'CREATE_FAILED',
        current?.physicalId ?? '',
        reason,
      );
      updateFailed(engine, stack, id, at, prevDef, prevOutputs, applied);
    },
  }));
  const cleanupAt = times[order.length];
  steps.push({
    at: cleanupAt,
    run: () => {
      engine.stackEvent(stack, cleanupAt, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
      for (const id of removed) {
        const r = stack.resources.get(id);
        if (!r) continue;
        engine.event(stack, cleanupAt, id, r.type, 'DELETE_IN_PROGRESS', r.physicalId);
        safely(() =>
          HANDLERS[r.type].delete(r, r.props, engine.provisionContext(stack, prevDef, false)),
        );
        stack.resources.delete(id);
        engine.event(stack, cleanupAt, id, r.type, 'DELETE_COMPLETE', r.physicalId);
      }
      for (const r of replaced) {
        engine.event(stack, cleanupAt, r.logicalId, r.type, 'DELETE_IN_PROGRESS', r.physicalId);
        safely(() =>
          HANDLERS[r.type].delete(r, r.props, engine.provisionContext(stack, prevDef, false)),
        );
        engine.event(stack, cleanupAt, r.logicalId, r.type, 'DELETE_COMPLETE', r.physicalId);
      }
    },
  });
  const end = t0 + engine.span(duration);
  steps.push({
    at: end,
    run: () => {
      stack.outputs = engine.outputs(stack, def);
      engine.stackEvent(stack, end, 'UPDATE_COMPLETE');
      if (stack.executing) stack.executing.execution = 'EXECUTE_COMPLETE';
      stack.executing = undefined;
    },
  });
  stack.pending = steps;
  engine.schedule(stack);
}

/** Cleanup of old resources is best effort, as CloudFormation's (it never fails the update). */
function safely(action: () => void): void {
  try {
    action();
  } catch {
    // ignored on purpose
  }
}

function updateFailed(
  engine: Engine,
  stack: Stack,
  failedId: string,
  at: number,
  prevDef: StackDefinition,
  prevOutputs: Stack['outputs'],
  applied: Applied[],
): void {
  engine.stackEvent(
    stack,
    at,
    'UPDATE_ROLLBACK_IN_PROGRESS',
    `The following resource(s) failed to update: [${failedId}]. `,
  );
  stack.def = prevDef;
  const ctx = engine.provisionContext(stack, prevDef, false);
  const undo = [...applied].reverse();
  const duration = engine.world.durations.stackUpdate;
  const times = engine.spread(at, duration, undo.length + 1);
  const steps: Step[] = undo.map((a, i) => ({
    at: times[i],
    run: () => {
      const now = stack.resources.get(a.id);
      if (!now) return;
      const type = now.type;
      if (a.kind === 'add') {
        engine.event(stack, times[i], a.id, type, 'DELETE_IN_PROGRESS', now.physicalId);
        safely(() => HANDLERS[type].delete(now, now.props, ctx));
        stack.resources.delete(a.id);
        engine.event(stack, times[i], a.id, type, 'DELETE_COMPLETE', now.physicalId);
        return;
      }
      const old = a.old as StackResource;
      engine.event(stack, times[i], a.id, old.type, 'UPDATE_IN_PROGRESS', old.physicalId);
      if (a.kind === 'replace') safely(() => HANDLERS[type].delete(now, now.props, ctx));
      else safely(() => HANDLERS[type].update(now, a.newProps ?? now.props, old.props, ctx));
      stack.resources.set(a.id, old);
      engine.event(stack, times[i], a.id, old.type, 'UPDATE_COMPLETE', old.physicalId);
    },
  }));
  const cleanupAt = times[undo.length];
  steps.push({
    at: cleanupAt,
    run: () => engine.stackEvent(stack, cleanupAt, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'),
  });
  const end = at + engine.span(duration);
  steps.push({
    at: end,
    run: () => {
      stack.outputs = prevOutputs;
      engine.stackEvent(stack, end, 'UPDATE_ROLLBACK_COMPLETE');
      if (stack.executing) stack.executing.execution = 'EXECUTE_FAILED';
      stack.executing = undefined;
    },
  });
  stack.pending = steps;
  engine.schedule(stack);
}
