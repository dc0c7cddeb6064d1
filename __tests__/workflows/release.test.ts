// The release workflow (CONTRIBUTING.md: Releasing), parsed: a vX.Y.Z tag push checks dist/ and runs
// the tests before anything is published, and only then moves the major tag users pin (`@v1`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  on: { push: { tags: string[]; branches?: unknown } };
  permissions: Record<string, string>;
  jobs: { release: { steps: Step[] } };
};
const steps = workflow.jobs.release.steps;
const index = (pattern: RegExp): number => steps.findIndex((s) => pattern.test(s.run ?? ''));

describe('.github/workflows/release.yml', () => {
  it('runs on full version tags only', () => {
    expect(workflow.on.push).toEqual({ tags: ['v[0-9]+.[0-9]+.[0-9]+'] });
    expect(workflow.permissions).toEqual({ contents: 'write' });
  });

  it('checks the tag against package.json, dist/ against the sources, and runs the tests first', () => {
    const version = index(/require\("\.\/package\.json"\)\.version/);
    const dist = index(/npm run bundle[\s\S]*git status --porcelain -- dist\//);
    const tests = index(/^npm test$/);
    const publish = index(/gh release create/);
    const move = index(/git tag -f "\$major"/);
    expect(Math.min(version, dist, tests)).toBeGreaterThanOrEqual(0);
    expect(Math.max(version, dist, tests)).toBeLessThan(publish);
    expect(publish).toBeLessThan(move);
    expect(move).toBe(steps.length - 1);
  });

  it('moves the major tag of the pushed version (v1.4.2 → v1)', () => {
    expect(steps.at(-1)?.run).toContain('major="${GITHUB_REF_NAME%%.*}"');
    expect(steps.at(-1)?.run).toContain('git push -f origin "refs/tags/$major"');
  });
});
