// The CLI's contract without AWS: validate, usage errors, get's eksctl messages.

import { describe, expect, it } from 'vitest';
import { runCli } from './harness.js';

// No emulator: these commands must fail before any AWS call (the endpoint refuses connections).
const NOWHERE = 'http://127.0.0.1:9';

describe('podid CLI without AWS', () => {
  it('validate shows every problem of the broken example with file:line:col and exits 1', async () => {
    const result = await runCli(['validate', '-f', 'examples/broken.yaml'], NOWHERE);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .split('\n')
      .filter((l) => /^examples\/broken\.yaml:\d+:\d+: error: /.test(l));
    expect(lines).toHaveLength(10);
    expect(result.stdout).toContain('10 errors, 0 warnings in 1 file');
  });

  it('validate accepts the valid examples and prints JSON on request', async () => {
    expect((await runCli(['validate', '-f', 'examples/*.eksctl.yaml'], NOWHERE)).code).toBe(0);
    const json = await runCli(
      ['validate', '-f', 'examples/broken.yaml', '--output', 'json'],
      NOWHERE,
    );
    const doc = JSON.parse(json.stdout) as { problems: { line: number; message: string }[] };
    expect(doc.problems).toHaveLength(10);
    expect(doc.problems.every((p) => p.line > 0)).toBe(true);
  });

  it.each(['plan', 'apply', 'validate', 'get', 'emulator'])(
    '%s --help prints the usage and exits 0, touching nothing',
    async (command) => {
      const result = await runCli([command, '--help'], NOWHERE);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage:');
      expect(result.stderr).toBe('');
    },
  );

  it.each([
    [['plan'], /^Error: no config files given/],
    [['plan', '-f', 'x.yaml', '--bogus'], /^Error: Unknown option '--bogus'/],
    [
      ['plan', '-f', 'x.yaml', '--prune', 'some'],
      /^Error: --prune must be one of managed, all, none; got "some"/,
    ],
    [
      ['apply', '-f', 'x.yaml', '--concurrency', '0'],
      /^Error: --concurrency must be an integer from 1 to 100/,
    ],
    [['get'], /^Error: --cluster must be set/],
    [
      ['get', '--cluster', 'c', '--service-account-name', 's'],
      /^Error: --namespace must be set in order to specify --service-account-name/,
    ],
    [
      ['get', '--cluster', 'c', '-o', 'xml'],
      /^Error: unknown output printer type: expected \{"yaml","json","table"\} but got "xml"/,
    ],
    [['frobnicate'], /^Error: unknown command "frobnicate"/],
  ])('%j is a one-line usage error, no stack trace', async (args, message) => {
    const result = await runCli(args, NOWHERE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing config file is a positioned problem, not a crash', async () => {
    const result = await runCli(['plan', '-f', 'does/not/exist.yaml'], NOWHERE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does\/not\/exist\.yaml: error: /);
  });

  it('an unreachable AWS endpoint is reported per cluster without a stack trace', async () => {
    const result = await runCli(['plan', '-f', 'examples/prod-cluster.eksctl.yaml'], NOWHERE);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /cluster "prod-platform" could not be read: could not read its live state in us-west-2: connect ECONNREFUSED/,
    );
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });
});
