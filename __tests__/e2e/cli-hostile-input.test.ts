// The CLI end to end against hostile input (issue 12, item 7): an add-on name cannot forge the plan's
// lines, and file names cannot become GitHub workflow commands when podid runs in an Actions step.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { withEmulator } from '../emulator/helpers.js';
import { CLI, REGION, cliEnv, collect, runCli, seedCluster } from './harness.js';

const env = withEmulator();

/** Lines the GitHub runner would act on: `::` at the start after white space, `##[` anywhere. */
const commandLines = (output: string): string[] =>
  output
    .split(/\r\n|\r|\n/)
    .filter((line) => /^::[^\s:]+[^:]*::/.test(line.trimStart()) || /##\[[^\s\]]+/.test(line));

const FORGED = 'Plan: 0 to create, 0 to update, 0 to delete, 0 to adopt.';

describe('podid against hostile names', () => {
  it('an add-on name that would forge a plan line is refused at its line', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const dir = mkdtempSync(join(tmpdir(), 'podid-hostile-'));
    const file = join(dir, 'prod.eksctl.yaml');
    writeFileSync(
      file,
      stringify({
        apiVersion: 'eksctl.io/v1alpha5',
        kind: 'ClusterConfig',
        metadata: { name: 'prod', region: REGION },
        addons: [{ name: 'eks-pod-identity-agent' }, { name: `x\n\n${FORGED}` }],
      }),
    );
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code).toBe(1);
    const lines = `${plan.stdout}\n${plan.stderr}`.split('\n');
    expect(lines.filter((l) => l.startsWith('Plan: 0 to create'))).toEqual([]);
    expect(plan.stderr).toContain(
      `${file}:8:11: error: addon name "x\\n\\n${FORGED}" is not an EKS add-on name (use the add-on's name as EKS lists it`,
    );
  });

  it('file names carrying workflow commands or escape sequences stay text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podid-hostile-'));
    const bad = 'kind: ClusterConfig\nmetadata: {name: a}\n';
    for (const name of [
      'a\n::add-mask::x.eksctl.yaml',
      '::notice::n.eksctl.yaml',
      'b ##[warning]w.eksctl.yaml',
      'c\u001b[2Jclear.eksctl.yaml',
    ])
      writeFileSync(join(dir, name), bad);
    const child = spawn(process.execPath, [CLI, 'validate', '-f', '*.eksctl.yaml'], {
      cwd: dir,
      env: cliEnv(env.url),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = await collect(child);
    expect(run.code).toBe(1);
    // Each problem line starts with its file name, kept on its own line.
    expect(run.stdout).toContain(
      '\\u003a:notice::n.eksctl.yaml:1:1: error: apiVersion must be set',
    );
    expect(run.stdout).toContain('a\\n::add-mask::x.eksctl.yaml:1:1: error:');
    expect(commandLines(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).not.toContain('\u001b');
  });
});
