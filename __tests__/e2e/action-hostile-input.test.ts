// The action end to end against hostile workspaces (issue 12, items 6 and 7): a config file that is a
// link out of the workspace is refused and its content goes nowhere; file names carrying line breaks
// and workflow commands never reach the runner as commands.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { withEmulator } from '../emulator/helpers.js';
import { REGION, seedCluster } from './harness.js';
import {
  SUB_PR,
  createDocumentedRoles,
  listComments,
  pullRequestEvent,
  registerPull,
  runAction,
  tempWorkspace,
  type ActionRun,
} from './action-harness.js';

const env = withEmulator();
const PR = { number: 31, headSha: '3'.repeat(40) };

const planRun = (workspace: string): Promise<ActionRun> =>
  runAction(env.url, {
    eventName: 'pull_request',
    event: pullRequestEvent(PR),
    workspace,
    sha: PR.headSha,
    oidcSub: SUB_PR,
  });

interface RunnerCommand {
  name: string;
  data: string;
}

/**
 * The workflow commands the runner would act on in this output: it reads lines (LF, CR or CRLF),
 * takes `::name …::data` at the start of a line after leading white space, and the legacy
 * `##[name …]data` anywhere in a line (actions/runner ActionCommand.TryParseV2 / TryParse).
 */
function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    const v2 = /^::([^\s:]+)[^:]*::(.*)$/.exec(trimmed);
    if (v2) {
      found.push({ name: v2[1], data: v2[2] });
      continue;
    }
    const v1 = /##\[([^\s\]]+)[^\]]*\](.*)$/.exec(line);
    if (v1) found.push({ name: v1[1], data: v1[2] });
  }
  return found;
}

const cluster = (name: string): string =>
  stringify({
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name, region: REGION },
  });

describe('action: config files that lead out of the workspace', () => {
  beforeEach(async () => {
    await registerPull(env, PR);
  });

  it('refuses a link to a file outside the workspace; its content and target go nowhere', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'podid-outside-'));
    const SECRET = 'AKIAOUTSIDESECRET000 aws_secret_access_key=wJalrXUtnFEMI/K7MDENG';
    writeFileSync(join(outside, 'credentials'), `root:x:0:0:root:/root:/bin/bash\n${SECRET}\n`);
    const workspace = tempWorkspace();
    symlinkSync(join(outside, 'credentials'), join(workspace, 'leak.eksctl.yaml'));
    // Directory links out of the workspace: never walked, nothing in them listed.
    symlinkSync(outside, join(workspace, 'linked'));
    symlinkSync('/', join(workspace, 'root'));
    writeFileSync(join(outside, 'other.eksctl.yaml'), `${SECRET}\n`);

    const run = await runAction(env.url, {
      eventName: 'pull_request',
      event: pullRequestEvent(PR),
      workspace,
      sha: PR.headSha,
      oidcSub: SUB_PR,
      inputs: { config: '**/*.eksctl.yaml\nlinked/*.eksctl.yaml' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('invalid-config');
    expect(run.stdout).toMatch(
      /^::error title=Invalid eksctl ClusterConfig,file=leak\.eksctl\.yaml::"leak\.eksctl\.yaml" leads outside the workspace/m,
    );
    expect(run.stdout).toMatch(
      /^::error [^:]*file=linked\/\*\.eksctl\.yaml::"linked\/\*\.eksctl\.yaml" leads into a directory outside the workspace/m,
    );
    expect(run.stdout.match(/^::error title=/gm)).toHaveLength(2);
    expect(run.stdout).not.toContain('other.eksctl.yaml');
    const comments = (await listComments(env.url, PR.number)).map((c) => c.body).join('\n');
    expect(comments).toContain('leak.eksctl.yaml');
    for (const text of [run.stdout, run.stderr, run.summary, comments]) {
      expect(text).not.toContain('AKIAOUTSIDESECRET');
      expect(text).not.toContain('root:x:0:0');
      expect(text).not.toContain(outside);
    }
    const calls = await env.admin<{ service: string }[]>('GET', 'calls');
    // GitHub's calls only: the comment, and the job's OIDC token (requested as the run starts).
    expect(calls.filter((c) => c.service !== 'github' && c.service !== 'oidc')).toEqual([]);
  });

  it('quotes nothing from a file in the workspace that is not a ClusterConfig', async () => {
    const workspace = tempWorkspace();
    writeFileSync(join(workspace, 'passwd.eksctl.yaml'), 'root:x:0:0:root:/root:/bin/bash\n');
    writeFileSync(join(workspace, 'env.eksctl.yaml'), 'DB_PASSWORD: hunter2-in-the-workspace\n');
    writeFileSync(join(workspace, 'binary.eksctl.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]));
    const run = await planRun(workspace);
    expect(run.code).toBe(1);
    expect(run.outputs['failure-reason']).toBe('invalid-config');
    expect(run.stdout.match(/^::error title=Invalid eksctl ClusterConfig,/gm)).toHaveLength(3);
    const comments = (await listComments(env.url, PR.number)).map((c) => c.body).join('\n');
    for (const text of [run.stdout, run.summary, comments]) {
      expect(text).not.toContain('root:x');
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('DB_PASSWORD');
    }
    expect(run.stdout).toContain('not an eksctl ClusterConfig');
  });

  it('follows a link that stays inside the workspace', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    mkdirSync(join(workspace, 'clusters'));
    writeFileSync(join(workspace, 'clusters', 'prod.yaml'), cluster('prod'));
    symlinkSync(join('clusters', 'prod.yaml'), join(workspace, 'prod.eksctl.yaml'));
    const run = await planRun(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.clusters)).toEqual([
      { name: 'prod', region: REGION, file: 'prod.eksctl.yaml' },
    ]);
  });
});

describe('action: file names that carry workflow commands', () => {
  beforeEach(async () => {
    await registerPull(env, PR);
  });

  it('no file name becomes a workflow command, in the plan log or in the annotations', async () => {
    const names = ['c1', 'c2', 'c3', 'c4'];
    await env.admin('POST', 'seed', {
      ...seedCluster([]),
      clusters: names.map((name) => ({
        name,
        region: REGION,
        version: '1.32',
        addons: [{ name: 'eks-pod-identity-agent' }],
      })),
    });
    await createDocumentedRoles(env);
    const workspace = tempWorkspace();
    const files = [
      'a\n::notice::forged.eksctl.yaml',
      'b\n::add-mask::x.eksctl.yaml',
      '::warning::c.eksctl.yaml',
      'd ##[add-mask]y.eksctl.yaml',
    ];
    files.forEach((file, i) => writeFileSync(join(workspace, file), cluster(names[i])));
    const run = await planRun(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.clusters).map((c: { file: string }) => c.file)).toEqual(
      expect.arrayContaining(files),
    );
    // The plan text (with each file name) is in the log …
    expect(run.stdout).toContain('forged.eksctl.yaml');
    // … and the runner finds no command but the action's own.
    const commands = runnerCommands(run.stdout);
    expect(commands.filter((c) => c.name === 'notice' || c.name === 'warning')).toEqual([]);
    // The action masks its credentials (random text), so only a mask of a file name is a leak.
    expect(commands.filter((c) => c.name === 'add-mask' && /eksctl\.yaml/.test(c.data))).toEqual(
      [],
    );
    expect(commands.map((c) => c.name)).not.toContain('add-mask]y.eksctl.yaml');

    // An invalid file with a hostile name: the annotation's file property is escaped.
    const bad = tempWorkspace();
    writeFileSync(join(bad, 'e\n::notice::forged,line=1.eksctl.yaml'), 'kind: Nope\n');
    const invalid = await planRun(bad);
    expect(invalid.code).toBe(1);
    const annotations = runnerCommands(invalid.stdout);
    expect(annotations.filter((c) => c.name === 'notice')).toEqual([]);
    expect(invalid.stdout).toMatch(/^::error [^\n]*file=e%0A%3A%3Anotice%3A%3Aforged%2Cline=1/m);
  });
});
