// The apply's last line agrees with its exit code: clusters that could not be read or planned count.

import { describe, expect, it } from 'vitest';
import { planAll } from '../../src/plan/plan-cluster.js';
import type { ClusterApplyResult } from '../../src/plan/results.js';
import { applyVerdict } from '../../src/render/apply-results.js';
import { OPTIONS, entry, live, roleArn, spec, trustedRole } from '../plan/fixtures.js';

const arn = roleArn('app');
const readable = () => spec([entry('apps', 'app', { roleARN: arn })]);
const good = () => live({ roles: { [arn]: trustedRole(arn) } });
const missing = { name: 'test-cluster', region: 'us-west-2', missing: true as const, reason: 'x' };

const ran = (failed: number): ClusterApplyResult => ({
  cluster: 'test-cluster',
  region: 'us-west-2',
  failed,
  results: [
    {
      id: 'create-association:apps/app',
      kind: 'create-association',
      description: 'create pod identity association',
      status: failed > 0 ? 'failed' : 'succeeded',
      durationMs: 1,
    },
  ],
});

describe('applyVerdict', () => {
  it('says "Nothing to apply." only of a plan without errors', () => {
    expect(applyVerdict(planAll([spec([])], [live()], OPTIONS), [])).toEqual({
      ok: true,
      line: 'Nothing to apply.',
    });
  });

  it('counts a cluster that could not be read as a failure, also when it was the only one', () => {
    const plan = planAll([readable()], [missing], OPTIONS);
    expect(applyVerdict(plan, [])).toEqual({
      ok: false,
      line: 'Nothing was applied: 1 of 1 cluster(s) not applied because their plan has errors; fix them and re-run to converge.',
    });
  });

  it('names failed tasks and clusters left out together', () => {
    const plan = planAll(
      [readable(), spec([], { name: 'other', file: 'other.eksctl.yaml' })],
      [good(), { ...missing, name: 'other' }],
      OPTIONS,
    );
    expect(applyVerdict(plan, [ran(1)])).toEqual({
      ok: false,
      line: 'Apply finished with errors: 1 failed task(s), 1 of 2 cluster(s) not applied because their plan has errors; fix them and re-run to converge.',
    });
    expect(applyVerdict(planAll([readable()], [good()], OPTIONS), [ran(0)])).toEqual({
      ok: true,
      line: 'all tasks were completed successfully',
    });
  });
});
