// The CloudFormation part of a seed document: `stacks`, created at once (CREATE_COMPLETE, their
// resources in the IAM store) whatever the latency profile. See docs/emulator.md.

import type { Tag } from '../iam/validate.js';
import type { Engine } from './engine.js';
import { startCreate } from './lifecycle.js';
import { newStack, type StackStore } from './stacks.js';
import { parseTemplate, resolveParameters } from './template.js';

interface SeedStack {
  stackName: string;
  /** Template as text (JSON or YAML) or as an object. */
  template?: unknown;
  templateBody?: string;
  parameters?: Record<string, string>;
  tags?: Record<string, string> | Tag[];
  capabilities?: string[];
  terminationProtection?: boolean;
  region?: string;
}

export function seedStacks(engine: Engine, data: unknown): void {
  const list = ((data ?? {}) as { stacks?: SeedStack[] }).stacks ?? [];
  for (const s of list) {
    const body =
      s.templateBody ??
      (typeof s.template === 'string' ? s.template : JSON.stringify(s.template, null, 2));
    if (engine.stacks.live.has(s.stackName))
      throw new Error(`seed: stack ${s.stackName} already exists`);
    const template = parseTemplate(body);
    const tags = Array.isArray(s.tags)
      ? s.tags
      : Object.entries(s.tags ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) }));
    const stack = newStack(
      s.stackName,
      s.region ?? engine.world.defaultRegion,
      engine.world.accountId,
      engine.now(),
      {
        def: {
          templateBody: body,
          template,
          parameters: resolveParameters(
            template,
            Object.entries(s.parameters ?? {}).map(([key, value]) => ({
              key,
              value: String(value),
            })),
          ),
          tags,
          capabilities: s.capabilities ?? ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        },
        terminationProtection: s.terminationProtection ?? false,
      },
    );
    engine.stacks.add(stack);
    startCreate(engine, stack);
    // A seeded stack exists already: run its steps now instead of over simulated time.
    while (stack.pending.length > 0) stack.pending.shift()?.run();
    engine.schedule(stack);
    if (stack.status !== 'CREATE_COMPLETE')
      throw new Error(
        `seed: stack ${s.stackName} ended in ${stack.status}: ${stack.statusReason ?? ''}`,
      );
  }
}

export function dumpStacks(stacks: StackStore): unknown {
  return {
    stacks: [...stacks.all.values()].map((s) => ({
      stackId: s.stackId,
      stackName: s.stackName,
      status: s.status,
      statusReason: s.statusReason,
      creationTime: new Date(s.creationTime).toISOString(),
      lastUpdatedTime: s.lastUpdatedTime ? new Date(s.lastUpdatedTime).toISOString() : undefined,
      deletionTime: s.deletionTime ? new Date(s.deletionTime).toISOString() : undefined,
      terminationProtection: s.terminationProtection,
      parameters: s.def?.parameters,
      tags: s.def?.tags,
      outputs: s.outputs,
      resources: [...s.resources.values()].map((r) => ({
        logicalId: r.logicalId,
        type: r.type,
        physicalId: r.physicalId,
        status: r.status,
      })),
      changeSets: s.changeSets.map((c) => ({ name: c.name, id: c.id, type: c.type })),
    })),
  };
}
