// The copy-paste workflows of examples/workflows/, parsed: the plan job can be a required status
// check (no trigger filter leaves it pending), every job uploads the plan JSON, every `uses:` of the
// action is pinned to a release line, and the roles they name are the ones docs/iam-policies.md
// documents.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'examples', 'workflows');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
}

interface Workflow {
  on: Record<string, Record<string, unknown> | null | undefined>;
  jobs: Record<string, { steps: Step[] }>;
}

const read = (name: string): Workflow => parse(readFileSync(join(DIR, name), 'utf8')) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const ACTION = /^org\/podid-action@/;

/** Trigger filters that can keep a workflow from running for a pull request at all. */
const SKIPPING_FILTERS = ['paths', 'paths-ignore', 'branches', 'branches-ignore'];

describe('examples/workflows', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));

  it('has the documented workflows', () => {
    expect(files.sort()).toEqual([
      'apply.yml',
      'drift.yml',
      'fanout-apply.yml',
      'fanout-plan.yml',
      'migrate.yml',
      'plan.yml',
    ]);
  });

  it('migrate.yml runs by hand, read-only, and opens a pull request of exactly the changed files', () => {
    const migrate = read('migrate.yml');
    expect(Object.keys(migrate.on)).toEqual(['workflow_dispatch']);
    const all = steps(migrate);
    const podid = all.find((s) => s.id === 'podid');
    expect(podid?.uses).toBe('org/podid-action@v1');
    expect(podid?.with?.mode).toBe('migrate');
    expect(podid?.with?.['role-to-assume']).toBe('arn:aws:iam::111122223333:role/podid-drift');
    const pr = all.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(pr?.if).toBe("steps.podid.outputs.changed-files != ''");
    expect(pr?.with?.['add-paths']).toBe('${{ steps.podid.outputs.changed-files }}');
  });

  it('plan.yml runs on every pull request, so its job can be a required status check', () => {
    const plan = read('plan.yml');
    expect(Object.keys(plan.on)).toEqual(['pull_request']);
    const filters = Object.keys(plan.on.pull_request ?? {});
    expect(filters.filter((f) => SKIPPING_FILTERS.includes(f))).toEqual([]);
    // A skipped step is fine for a required check; a job-level `if` is not (the check is skipped).
    expect(Object.values(plan.jobs).map((j) => (j as { if?: string }).if)).toEqual([undefined]);
  });

  it.each(['plan.yml', 'apply.yml', 'drift.yml'])(
    '%s uploads the plan JSON as an artifact, also when the step fails',
    (name) => {
      const all = steps(read(name));
      const podid = all.find((s) => ACTION.test(s.uses ?? ''));
      expect(podid?.id).toBe('podid');
      const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.with?.path).toBe('${{ steps.podid.outputs.plan-json }}');
      expect(upload?.if).toMatch(/^always\(\)/);
    },
  );

  it.each(['plan.yml', 'apply.yml', 'drift.yml', 'fanout-plan.yml', 'fanout-apply.yml'])(
    "%s pins the action's major version (README: Pinning)",
    (name) => {
      const uses = steps(read(name)).filter((s) => ACTION.test(s.uses ?? ''));
      expect(new Set(uses.map((s) => s.uses))).toEqual(new Set(['org/podid-action@v1']));
    },
  );

  it('fanout-plan.yml: legs from the list job, each uploading its plan-dir; the report downloads them all to its plan-dir', () => {
    const w = read('fanout-plan.yml') as Workflow & {
      jobs: Record<string, { steps: Step[]; needs?: string; strategy?: { matrix: unknown } }>;
    };
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    const podid = (job: string) => w.jobs[job].steps.find((s) => s.id === 'podid')?.with ?? {};
    expect(podid('list').mode).toBe('list');
    expect(w.jobs.plan.strategy?.matrix).toEqual({
      cluster: '${{ fromJSON(needs.list.outputs.clusters) }}',
    });
    const planDir = podid('plan')['plan-dir'];
    expect(podid('plan').clusters).toBe('${{ matrix.cluster.name }}');
    const upload = w.jobs.plan.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe(planDir);
    expect(upload?.if).toMatch(/^always\(\)/);
    const download = w.jobs.report.steps.find((s) =>
      s.uses?.startsWith('actions/download-artifact@'),
    );
    expect(download?.with?.path).toBe(planDir);
    expect(upload?.with?.name.startsWith(download?.with?.pattern.replace('*', '') ?? '?')).toBe(
      true,
    );
    expect(podid('report')).toMatchObject({ mode: 'report', 'plan-dir': planDir });
    // The same config set in every job: the report refuses legs of another.
    expect(new Set(['list', 'plan', 'report'].map((j) => podid(j).config)).size).toBe(1);
  });

  it('fanout-apply.yml: one leg per listed cluster, with the apply role, never cancelling each other', () => {
    const w = read('fanout-apply.yml') as Workflow & {
      jobs: Record<string, { steps: Step[]; strategy?: { 'fail-fast': boolean } }>;
    };
    const podid = w.jobs.apply.steps.find((s) => s.id === 'podid')?.with ?? {};
    expect(podid.clusters).toBe('${{ matrix.cluster.name }}');
    expect(podid['role-to-assume']).toBe('arn:aws:iam::111122223333:role/podid-apply');
    expect(w.jobs.apply.strategy?.['fail-fast']).toBe(false);
  });

  it.each([
    ['plan.yml', 'podid-plan'],
    ['apply.yml', 'podid-apply'],
    ['drift.yml', 'podid-drift'],
  ])('%s assumes %s, whose trust policy is documented', (name, role) => {
    const podid = steps(read(name)).find((s) => s.id === 'podid');
    expect(podid?.with?.['role-to-assume']).toBe(`arn:aws:iam::111122223333:role/${role}`);
    const kind = role.replace('podid-', '');
    const trust = readFileSync(join(ROOT, 'docs', 'policies', `${kind}-role-trust-policy.json`));
    expect(JSON.parse(trust.toString())).toHaveProperty('Statement');
    expect(readFileSync(join(ROOT, 'docs', 'iam-policies.md'), 'utf8')).toContain(
      `${kind}-role-trust-policy.json`,
    );
  });
});
