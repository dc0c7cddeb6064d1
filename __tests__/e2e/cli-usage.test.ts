// The CLI's contract without AWS: validate, usage errors, get's eksctl messages.

import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness.js';

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

  it.each(['plan', 'apply', 'validate', 'get', 'migrate', 'emulator', 'demo'])(
    '%s: COMMAND --help, help COMMAND and -h print its usage and exit 0, touching nothing',
    async (command) => {
      for (const args of [
        [command, '--help'],
        ['help', command],
        [command, '-f', 'x.yaml', '-h'],
      ]) {
        const result = await runCli(args, NOWHERE);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^Usage:\\n  podid ${command}\\b`));
        expect(result.stderr).toBe('');
      }
    },
  );

  it('runs as the `podid` npm links from package.json: executed itself, from a copy of dist/ outside the checkout', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
      bin: { podid: string };
    };
    // Outside the checkout, nothing can be found in its node_modules: the bundle must hold it all.
    const installed = mkdtempSync(join(tmpdir(), 'podid-installed-'));
    cpSync(join(ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
    const bin = join(installed, pkg.bin.podid);
    chmodSync(bin, 0o755);
    const { stdout } = await promisify(execFile)(bin, ['--version'], {
      cwd: installed,
      env: { PATH: [dirname(process.execPath), process.env.PATH].join(delimiter) },
    });
    expect(stdout).toBe(`podid ${pkg.version}\n`);
  });

  it('--help and help print every command; no command prints them to stderr and exits 1', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const result = await runCli(args, NOWHERE);
      expect(result.code).toBe(0);
      for (const c of ['validate', 'plan', 'apply', 'get', 'migrate', 'emulator', 'demo']) {
        expect(result.stdout).toContain(`  podid ${c} `.trimEnd());
      }
    }
    const bare = await runCli([], NOWHERE);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('Usage:');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const args of [['--version'], ['version']]) {
      const result = await runCli(args, NOWHERE);
      expect(result).toMatchObject({ code: 0, stdout: `podid ${version}\n`, stderr: '' });
    }
  });

  it('plan --output json prints JSON with every positioned problem when the files are invalid', async () => {
    const result = await runCli(
      ['plan', '-f', 'examples/broken.yaml', '--output', 'json'],
      NOWHERE,
    );
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as {
      version: number;
      clusters: unknown[];
      problems: { file: string; line: number; column: number; message: string }[];
    };
    expect(doc.version).toBe(1);
    expect(doc.clusters).toEqual([]);
    expect(doc.problems).toHaveLength(10);
    expect(doc.problems.every((p) => p.file === 'examples/broken.yaml' && p.line > 0)).toBe(true);
  });

  it.each([
    [['plan'], /^Error: no config files given/],
    [
      ['plan', '-f', 'x.yaml', '--bogus'],
      /^Error: unknown option "--bogus"; run "podid help plan" \(a file name starting with "-" goes after "--"\)\n$/,
    ],
    [
      ['plan', '-f'],
      /^Error: Option '-f, --file <value>' argument missing; run "podid help plan"\n$/,
    ],
    [['help', 'frobnicate'], /^Error: unknown command "frobnicate"; run "podid help"/],
    [
      ['plan', '-f', 'x.yaml', '--prune', 'some'],
      /^Error: --prune must be one of managed, all, none; got "some"/,
    ],
    [
      ['apply', '-f', 'x.yaml', '--concurrency', '0'],
      /^Error: --concurrency must be an integer from 1 to 100/,
    ],
    [['get'], /^Error: --cluster must be set \(or -f FILE\)/],
    [
      ['get', '-f', 'examples/prod-cluster.eksctl.yaml', '--cluster', 'x'],
      /^Error: cannot use --cluster when --config-file\/-f flag is used/,
    ],
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
    expect(result.stdout).toContain(
      'examples/prod-cluster.eksctl.yaml: error: cluster "prod-platform" (us-west-2) could not be read: the EKS endpoint for us-west-2 could not be reached (connect ECONNREFUSED 127.0.0.1:9) (AWS_ENDPOINT_URL is http://127.0.0.1:9: is it right, and is it running?)\n',
    );
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });

  it('on Node 20 the SDK prints no end-of-support reminder (the CLI sets its documented switch)', async () => {
    // cliEnv does not set AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: the product must.
    const result = await runCli(['plan', '-f', 'examples/prod-cluster.eksctl.yaml'], NOWHERE);
    expect(result.stderr).not.toMatch(/NodeVersionSupportWarning|node >=22/);
    const optedIn = await runCli(['plan', '-f', 'examples/prod-cluster.eksctl.yaml'], NOWHERE, {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false',
    });
    if (Number(process.versions.node.split('.')[0]) < 22) {
      expect(optedIn.stderr).toMatch(/NodeVersionSupportWarning/);
    }
  });
});
