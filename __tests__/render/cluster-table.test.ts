// The per-cluster table that opens the comment and the job summary.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/model.js';
import { clusterTableLines } from '../../src/render/cluster-table.js';
import { renderJobSummary } from '../../src/render/job-summary.js';
import { mixedPlan } from '../plan/sample-plans.js';

const withClusters = (n: number): Plan => {
  const one = mixedPlan().clusters[0];
  return {
    version: 1,
    clusters: Array.from({ length: n }, (_, i) => ({ ...one, cluster: `c${i}` })),
  };
};

describe('clusterTableLines', () => {
  it('has a row per cluster: region, create / update / delete / adopt, errors', () => {
    const plan = mixedPlan();
    const failed = {
      ...plan.clusters[0],
      cluster: 'gone|<b>',
      region: 'eu-west-1',
      tasks: [],
      errors: [{ ...plan.clusters[0].warnings[0], severity: 'error' as const, message: 'x' }],
    };
    const lines = clusterTableLines({ version: 1, clusters: [plan.clusters[0], failed] });
    expect(lines).toEqual([
      '| cluster | region | create | update | delete | adopt | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      '| test-cluster | us-west-2 | 2 | 0 | 1 | 1 | 0 |',
      '| gone\\|&lt;b&gt; | eu-west-1 | 0 | 0 | 0 | 0 | **1** |',
      '',
    ]);
  });

  it('is cut after a fixed number of rows, saying how many clusters are left', () => {
    const lines = clusterTableLines(withClusters(7), 5);
    expect(lines.filter((l) => /^\| c\d /.test(l))).toHaveLength(5);
    expect(lines.at(-2)).toBe('| … and 2 more cluster(s) | | | | | | |');
  });

  it('opens the job summary, once', () => {
    const summary = renderJobSummary({
      status: 'planned',
      headSha: 'f'.repeat(40),
      mode: 'plan',
      runUrl: 'https://example.test/run',
      plan: withClusters(2),
    });
    const lines = summary.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# podid plan',
      '',
      '| cluster | region | create | update | delete | adopt | errors |',
    ]);
    expect(summary.match(/\| cluster \| region \|/g)).toHaveLength(1);
  });
});
