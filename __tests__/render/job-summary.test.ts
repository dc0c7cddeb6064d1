// The job summary of a fan-out's report: everything up to GitHub's 1 MiB, then a cut that says
// where the rest of the plan is.
import { describe, expect, it } from 'vitest';
import { renderJobSummary, SUMMARY_BUDGET_BYTES } from '../../src/render/job-summary.js';
import type { Plan } from '../../src/plan/model.js';
import { planWithCreates } from '../plan/sample-plans.js';

describe('job summary', () => {
  it("cuts a report of 1,200 clusters × 3 tasks at its budget, naming the plan JSON and the run's plan artifacts", () => {
    const three = planWithCreates(3).clusters[0];
    const plan: Plan = {
      version: 1,
      clusters: Array.from({ length: 1200 }, (_, i) => ({
        ...three,
        cluster: `team-${String(i).padStart(4, '0')}-production`,
      })),
    };
    const summary = renderJobSummary(
      {
        status: 'planned',
        headSha: 'f'.repeat(40),
        mode: 'report',
        runUrl: 'https://github.com/org/infra/actions/runs/42',
        planFiles: "the run's plan artifacts",
        plan,
      },
      '/runner/temp/podid-plan-42.json',
    );
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(summary.trimEnd()).toMatch(
      /… \d+ more line\(s\) cut \(job summaries are limited to 1 MiB\); the full plan is in the plan JSON \(\/runner\/temp\/podid-plan-42\.json, output plan-json\) and the run's plan artifacts$/,
    );
  });
});
