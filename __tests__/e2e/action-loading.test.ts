// What the bundled action loads on each path, read from the modules Node actually resolved (module
// hooks log every file it loads, imported or required), not from timings: a refused input or an
// invalid config loads no AWS SDK client, no Octokit and no undici; a plan loads the SDK, Octokit
// and undici (Octokit's fetch) when it has a pull request to comment on, and the Kubernetes client
// only when a plan needs Kubernetes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  actionJobs,
  mixedWorkspace,
  registerPull,
  runAction,
  tempWorkspace,
  type PullRequestSpec,
  type RunOptions,
} from './action-harness.js';

const env = withEmulator();
const PR: PullRequestSpec = { number: 31, headSha: 'e'.repeat(40) };
const { planRun } = actionJobs(env, PR, 'f'.repeat(40));

/** A class, as it reads in the bundle: declared, or named by esbuild's keepNames. */
const defines = (...names: string[]): RegExp =>
  new RegExp(names.map((name) => `\\bclass ${name}\\b|__name\\(this, ?"${name}"\\)`).join('|'));

/** What each library defines. */
const LIBRARIES = {
  'AWS SDK': defines('EKSClient', 'IAMClient', 'STSClient', 'CloudFormationClient'),
  Octokit: defines('Octokit'),
  'Kubernetes client': defines('KubeConfig'),
  undici: defines('DispatcherBase'),
};
type Library = keyof typeof LIBRARIES;

/**
 * Hooks that append every file Node loads to the file named by LOADED_LOG, as a file: URL: a module
 * hook (`--import`) for what is imported, and one on require() (`--require`) for what is required
 * (the bundle requires undici, dist/undici.cjs, on first use).
 */
function loadLogger(): { nodeOptions: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'podid-loaded-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
  );
  writeFileSync(
    join(dir, 'required.cjs'),
    `const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const { isAbsolute } = require('node:path');
const { pathToFileURL } = require('node:url');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (isAbsolute(file)) appendFileSync(process.env.LOADED_LOG, pathToFileURL(file).href + '\\n');
  return file;
};
`,
  );
  return {
    nodeOptions: [
      `--import=${pathToFileURL(join(dir, 'register.mjs')).href}`,
      `--require=${join(dir, 'required.cjs')}`,
    ].join(' '),
    log,
  };
}

/** Runs the action and names the libraries among the files it loaded. */
async function loadedLibraries(
  run: (extra: Partial<RunOptions>) => Promise<{ code: number | null; stdout: string }>,
): Promise<{ code: number | null; stdout: string; loaded: Library[]; files: string[] }> {
  const { nodeOptions, log } = loadLogger();
  const result = await run({ env: { NODE_OPTIONS: nodeOptions, LOADED_LOG: log } });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((url) =>
    fileURLToPath(url),
  );
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const loaded = (Object.keys(LIBRARIES) as Library[]).filter((name) => LIBRARIES[name].test(code));
  return { ...result, loaded, files };
}

describe('action: what each path loads', () => {
  beforeEach(async () => {
    await registerPull(env, PR);
  });

  it('a refused input loads no AWS SDK, no Octokit and no undici', async () => {
    const { workspace } = await mixedWorkspace(env);
    const run = await loadedLibraries((extra) =>
      planRun(workspace, PR, { ...extra, inputs: { concurrency: 'lots' } }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 invalid input(s)');
    expect(run.files.some((f) => f.endsWith(join('dist', 'index.js')))).toBe(true);
    expect(run.loaded).toEqual([]);
  });

  it('an invalid config loads no AWS SDK (and no Octokit or undici when there is no PR to comment on)', async () => {
    const workspace = tempWorkspace();
    writeFileSync(
      join(workspace, 'prod.eksctl.yaml'),
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod}\n',
    );
    const run = await loadedLibraries((extra) =>
      runAction(env.url, {
        eventName: 'workflow_dispatch',
        event: { repository: { default_branch: 'main' } },
        workspace,
        sha: 'f'.repeat(40),
        ...extra,
        inputs: { mode: 'plan' },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invalid eksctl ClusterConfig');
    expect(run.loaded).toEqual([]);
  });

  it('a plan loads the AWS SDK, Octokit and undici, and no Kubernetes client when it needs none', async () => {
    const { workspace } = await mixedWorkspace(env);
    const run = await loadedLibraries((extra) => planRun(workspace, PR, extra));
    expect(run.code, run.stdout).toBe(0);
    expect(run.loaded).toEqual(['AWS SDK', 'Octokit', 'undici']);
    expect(run.files.some((f) => f.endsWith(join('dist', 'undici.cjs')))).toBe(true);
  });
});
