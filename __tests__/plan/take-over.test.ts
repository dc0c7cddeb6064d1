// Ownership take-over: what another owner manages is an error naming the way out, unless the run
// takes that owner over; then the owner tag's change is a reviewed task of the plan.

import { describe, expect, it } from 'vitest';
import { AGENT_ADDON } from '../../src/names/addons.js';
import { OWNER_TAG } from '../../src/names/tags.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { taskLines } from '../../src/render/task-lines.js';
import {
  OPTIONS,
  OWNER,
  addon,
  agentCatalog,
  association,
  entry,
  live,
  liveAddon,
  roleArn,
  spec,
  trustedRole,
} from './fixtures.js';

const OTHER = 'org/other';
const r = roleArn('r');
const theirs = () =>
  live({
    associations: [association('ns', 'sa', r, { tags: { [OWNER_TAG]: OTHER } })],
    roles: { [r]: trustedRole(r) },
  });
const desired = () => spec([entry('ns', 'sa', { roleARN: r })]);

describe('take-over', () => {
  it('without it, another owner’s association is an error that names --take-over', () => {
    const plan = planCluster(desired(), theirs(), OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.errors[0]).toMatchObject({
      message: `pod identity association ns/sa is managed by "${OTHER}" (tag ${OWNER_TAG}), not by "${OWNER}"`,
      hint: `remove it from this config, or take it over on purpose: --take-over "${OTHER}" (action input take-over)`,
    });
  });

  it('with it, the association is planned with the owner tag moved, said as a take-over', () => {
    const plan = planCluster(desired(), theirs(), { ...OPTIONS, takeOver: [OTHER] });
    expect(plan.errors).toEqual([]);
    expect(plan.tasks.map((t) => `${t.id}/${t.change}`)).toEqual(['tag-association:ns/sa/adopt']);
    const [task] = plan.tasks;
    expect(task.reason).toBe(
      `take over from "${OTHER}" (take-over): managed by this owner from now on`,
    );
    expect(taskLines(task)).toContain(`~     tag ${OWNER_TAG}: ${OTHER} -> ${OWNER}`);
  });

  it('takes over only the owners it names', () => {
    const plan = planCluster(desired(), theirs(), { ...OPTIONS, takeOver: ['org/third'] });
    expect(plan.errors).toHaveLength(1);
  });

  it('applies to add-ons as well', () => {
    const state = live({
      addons: { [AGENT_ADDON]: liveAddon(AGENT_ADDON, { tags: { [OWNER_TAG]: OTHER } }) },
      addonNames: [AGENT_ADDON],
      addonCatalog: { [AGENT_ADDON]: agentCatalog() },
    });
    const config = spec([], { addons: [addon(AGENT_ADDON)] });
    expect(planCluster(config, state, OPTIONS).errors[0].hint).toContain(`--take-over "${OTHER}"`);
    const plan = planCluster(config, state, { ...OPTIONS, takeOver: [OTHER] });
    expect(plan.errors).toEqual([]);
    expect(plan.tasks.map((t) => t.reason)).toEqual([
      `take over from "${OTHER}" (take-over): managed by this owner from now on`,
    ]);
  });
});
