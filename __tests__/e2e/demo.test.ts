// `podid demo` reads like a tour: titled steps, the plan shown once, plain text (no Markdown or
// HTML entities in a terminal), a closing "what just happened" and "where next", under 120 lines.

import { describe, expect, it } from 'vitest';
import { runCli } from './harness.js';

describe('podid demo', () => {
  it('is a short, plain-text tour that ends with what happened and where to go next', async () => {
    // The demo starts its own emulator; the URL given here is never used.
    const demo = await runCli(['demo'], 'http://127.0.0.1:9');
    expect(demo.code, demo.stdout + demo.stderr).toBe(0);
    const lines = demo.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(120);
    for (const heading of [
      '━━ Step 1/3 · plan: what the pull request comment shows',
      '━━ Step 2/3 · apply: what the merge runs',
      '━━ Step 3/3 · plan again: the clusters now match the config',
      '━━ What just happened',
      '━━ Where next',
    ]) {
      expect(lines).toContain(heading);
    }
    // The plan is shown once: a task's line appears in step 1 only.
    const task = '  + create pod identity association for service account "payments/payments-api"';
    expect(lines.filter((l) => l === task)).toHaveLength(1);
    // Nothing a terminal would show raw.
    expect(demo.stdout).not.toMatch(/\*\*|```|<details|<\/?summary|&[a-z]+;|&#\d+;|\| --- \||\\\[/);
    expect(demo.stderr).toBe('');
  }, 120_000);
});
