// Settings: inputs + GITHUB_* environment + event payload → one validated object; mode resolution.
import { describe, expect, it } from 'vitest';
import { resolveSettings, SettingsError, fingerprintSalt } from '../../src/action/settings.js';
import { pullRequestOf } from '../../src/action/event.js';

const ENV = {
  GITHUB_REPOSITORY: 'org/infra',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_SHA: 'abc',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.example',
  RUNNER_TEMP: '/tmp/runner',
};

const PR_EVENT = {
  pull_request: {
    number: 7,
    head: { sha: 'head7', repo: { id: 1, fork: false } },
    base: { repo: { id: 1 } },
  },
  repository: { id: 1, default_branch: 'main' },
};

function settings(
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  event: unknown = PR_EVENT,
) {
  return resolveSettings({ input: (n) => inputs[n] ?? '', env: { ...ENV, ...env }, event });
}

function problems(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  event: unknown = PR_EVENT,
): string[] {
  try {
    settings(inputs, env, event);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('settings', () => {
  it('reads take-over and clusters as lists; a clusters selection keys its own comment', () => {
    const s = settings({ 'take-over': 'org/old\n# note\n', clusters: 'staging, prod' });
    expect(s.takeOver).toEqual(['org/old']);
    expect(s.clusters).toEqual(['staging', 'prod']);
    expect(s.commentKey).toBe('**/*.eksctl.yaml\nclusters: prod, staging');
    expect(settings().commentKey).toBe('**/*.eksctl.yaml');
    expect(settings().ownerIdSource).toBe('GITHUB_REPOSITORY');
    expect(settings({ 'owner-id': 'team' }).ownerIdSource).toBe('input');
  });

  it('mode report needs plan-dir and a pull request; plan-dir is relative to the workspace', () => {
    const s = settings(
      { mode: 'report', 'plan-dir': 'plans', clusters: 'prod' },
      { GITHUB_WORKSPACE: '/ws' },
    );
    expect(s.mode).toBe('report');
    expect(s.planDir).toBe('/ws/plans');
    // Every leg shares the config set, whatever its clusters.
    expect(s.configKey).toBe('**/*.eksctl.yaml');
    expect(problems({ mode: 'report' })).toEqual([
      'input "plan-dir" must name the directory the plan legs\' artifacts were downloaded to (mode: report)',
    ]);
    expect(problems({ mode: 'report', 'plan-dir': '/p' }, { GITHUB_EVENT_NAME: 'push' })).toEqual([
      'input "mode" is report, which posts the plan of a pull request: run it on the pull_request event (got "push")',
    ]);
  });

  it('applies defaults and derives names from the environment', () => {
    const s = settings();
    expect(s.mode).toBe('plan');
    expect(s.configPatterns).toEqual(['**/*.eksctl.yaml']);
    expect(s.roleSessionName).toBe('podid-action-42');
    expect(s.ownerId).toBe('org/infra');
    expect(s.prune).toBe('managed');
    expect(s.concurrency).toBe(10);
    expect(s.comment).toBe(true);
    expect(s.onPlanChange).toBe('fail');
    expect(s.requireReviewedPlan).toBe(true);
    expect(s.runUrl).toBe('https://github.example/org/infra/actions/runs/42');
    expect(s.pullRequest).toEqual({ number: 7, headSha: 'head7', fork: false });
    expect(s.tempDir).toBe('/tmp/runner');
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('reads multi-line config globs, skipping blanks and comments', () => {
    const s = settings({ config: 'clusters/*.yaml\n\n# old\n  prod/**/*.eksctl.yaml  ' });
    expect(s.configPatterns).toEqual(['clusters/*.yaml', 'prod/**/*.eksctl.yaml']);
  });

  it.each([
    ['push', 'refs/heads/main', 'apply'],
    ['push', 'refs/heads/feature', 'plan'],
    ['schedule', '', 'check'],
    ['workflow_dispatch', 'refs/heads/main', 'check'],
    ['pull_request', 'refs/pull/7/merge', 'plan'],
  ])('auto mode on %s %s → %s', (event, ref, mode) => {
    const s = settings(
      {},
      { GITHUB_EVENT_NAME: event, GITHUB_REF: ref },
      { repository: { default_branch: 'main' } },
    );
    expect(s.mode).toBe(mode);
  });

  it('says why a push elsewhere only plans', () => {
    const s = settings(
      {},
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/x' },
      { repository: { default_branch: 'main' } },
    );
    expect(s.modeReason).toContain('not the default branch (refs/heads/main)');
  });

  it('refuses pull_request_target and unknown events in auto mode, naming the fix', () => {
    expect(problems({}, { GITHUB_EVENT_NAME: 'pull_request_target' })[0]).toContain(
      'on: pull_request',
    );
    expect(problems({}, { GITHUB_EVENT_NAME: 'issue_comment' })[0]).toContain(
      'set the `mode` input',
    );
    expect(settings({ mode: 'check' }, { GITHUB_EVENT_NAME: 'issue_comment' }).mode).toBe('check');
  });

  it('takes mode: migrate only when set (auto never means it)', () => {
    const s = settings({ mode: 'migrate' }, { GITHUB_EVENT_NAME: 'workflow_dispatch' });
    expect([s.mode, s.modeReason]).toEqual(['migrate', 'set by the "mode" input']);
    expect(settings({}, { GITHUB_EVENT_NAME: 'workflow_dispatch' }).mode).toBe('check');
  });

  it('refuses mode: apply on pull request events, whatever the workflow says', () => {
    for (const event of ['pull_request', 'pull_request_target', 'pull_request_review']) {
      expect(problems({ mode: 'apply' }, { GITHUB_EVENT_NAME: event })).toEqual([
        `input "mode" is apply, which is refused on the ${event} event: a pull request's configuration is not reviewed and merged yet. Plan on pull requests (mode: auto or plan) and apply on push to the default branch.`,
      ]);
    }
    expect(settings({ mode: 'apply' }, { GITHUB_EVENT_NAME: 'push' }).mode).toBe('apply');
  });

  it('reports every invalid input at once, one message each', () => {
    const list = problems({
      mode: 'destroy',
      prune: 'some',
      concurrency: '0',
      comment: 'yes',
      'on-plan-change': 'ignore',
      'require-reviewed-plan': '1',
      'role-to-assume': 'podid-apply',
      'role-session-name': 'has space',
      'aws-region': 'Mars',
    });
    expect(list).toHaveLength(9);
    expect(list).toContain(
      'input "mode" must be one of auto, plan, apply, check, migrate, report, list; got "destroy"',
    );
    expect(list).toContain('input "concurrency" must be an integer from 1 to 100; got "0"');
    expect(list).toContain('input "comment" must be true or false; got "yes"');
    expect(list.find((p) => p.startsWith('input "role-to-assume"'))).toContain(
      'arn:aws:iam::123456789012:role/',
    );
  });

  it('accepts an explicit role ARN and region, and TRUE/False booleans', () => {
    const s = settings({
      'role-to-assume': 'arn:aws:iam::111122223333:role/podid-plan',
      'aws-region': 'eu-west-1',
      comment: 'FALSE',
      'require-reviewed-plan': 'False',
    });
    expect(s.roleToAssume).toBe('arn:aws:iam::111122223333:role/podid-plan');
    expect(s.awsRegion).toBe('eu-west-1');
    expect(s.comment).toBe(false);
    expect(s.requireReviewedPlan).toBe(false);
  });

  it('needs GITHUB_REPOSITORY', () => {
    expect(problems({}, { GITHUB_REPOSITORY: '' })[0]).toContain(
      'GITHUB_REPOSITORY must be "owner/repo"',
    );
  });

  it('detects fork pull requests (other repo id, fork flag, deleted fork)', () => {
    const pr = (head: unknown) =>
      pullRequestOf({ pull_request: { number: 1, head, base: { repo: { id: 1 } } } });
    expect(pr({ sha: 's', repo: { id: 2 } })?.fork).toBe(true);
    expect(pr({ sha: 's', repo: { id: 1, fork: true } })?.fork).toBe(true);
    expect(pr({ sha: 's', repo: null })?.fork).toBe(true);
    expect(pr({ sha: 's', repo: { id: 1 } })?.fork).toBe(false);
    expect(pullRequestOf({ ref: 'refs/heads/main' })).toBeUndefined();
  });

  it('salts fingerprints with the repository and PR number', () => {
    expect(fingerprintSalt('org/infra', 7)).toBe('org/infra#7');
    expect(fingerprintSalt('org/infra', undefined)).toBe('org/infra');
  });
});
