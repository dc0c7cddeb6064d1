import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFiles } from '../../src/config/load.js';
import type { Problem } from '../../src/config/model.js';
import { parseClusterConfig } from '../../src/config/parse.js';
import { checkAcrossFiles } from '../../src/config/rules/cluster.js';
import { formatProblem, summarizeProblems } from '../../src/render/problems.js';
import { HEAD } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '../..');
let dir: string;

const cluster = (name: string, region = 'us-west-2') =>
  HEAD.replace('name: demo', `name: ${name}`).replace('region: us-west-2', `region: ${region}`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'podid-config-'));
  await mkdir(path.join(dir, 'clusters'));
  await writeFile(path.join(dir, 'clusters/b.yaml'), cluster('bravo'));
  await writeFile(path.join(dir, 'clusters/a.yaml'), cluster('alpha'));
  await writeFile(path.join(dir, 'clusters/a-copy.yml'), cluster('alpha'));
  await writeFile(path.join(dir, 'clusters/a-eu.yml'), cluster('alpha', 'eu-west-1'));
  await writeFile(path.join(dir, 'big.yaml'), `${HEAD}# ${'x'.repeat(1024 * 1024)}\n`);
  await writeFile(
    path.join(dir, 'warn.yaml'),
    `${HEAD}iam:\n  podIdentityAssociations:\n    - namespace: a\n      serviceAccountName: b\n      roleARN: arn:aws:iam::111122223333:role/x\n      roleName: ignored\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfigFiles', () => {
  it('expands globs sorted and de-duplicated, and loads the clusters in that order', async () => {
    const res = await loadConfigFiles(['clusters/b.yaml', 'clusters/*.yaml', 'clusters/b.yaml'], {
      cwd: dir,
    });
    expect(res.problems).toEqual([]);
    expect(res.state?.clusters.map((c) => [c.file, c.name])).toEqual([
      ['clusters/a.yaml', 'alpha'],
      ['clusters/b.yaml', 'bravo'],
    ]);
  });

  it('reports the same cluster and region declared in two files, naming both', async () => {
    const res = await loadConfigFiles(['clusters/*.{yaml,yml}'], { cwd: dir });
    expect(res.state).toBeUndefined();
    expect(res.problems.map(formatProblem)).toEqual([
      'clusters/a.yaml:4:9: error: cluster "alpha" in region "us-west-2" is declared in both clusters/a-copy.yml and clusters/a.yaml (one file = one cluster: merge the two files or remove one)',
    ]);
  });

  it('a pattern or path that matches nothing is an error', async () => {
    const res = await loadConfigFiles(['clusters/*.json', 'nope.yaml', 'clusters'], { cwd: dir });
    expect(res.state).toBeUndefined();
    expect(res.problems.map((p) => [p.file, p.message])).toEqual([
      ['clusters', '"clusters" is a directory'],
      ['clusters/*.json', 'no file matches "clusters/*.json"'],
      ['nope.yaml', 'file "nope.yaml" not found'],
    ]);
    expect(formatProblem(res.problems[2])).toBe(
      'nope.yaml: error: file "nope.yaml" not found (check the path; it is relative to the working directory)',
    );
  });

  it('refuses files over 1 MiB without parsing them', async () => {
    const res = await loadConfigFiles(['big.yaml', 'clusters/a.yaml'], { cwd: dir });
    expect(res.state).toBeUndefined();
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0].message).toMatch(/^file is \d+ bytes; files over 1 MiB are refused$/);
  });

  it('warnings accompany a model', async () => {
    // The CLI reads a path named on its command line wherever it is.
    const res = await loadConfigFiles([path.join(dir, 'warn.yaml')], { confine: 'cli' });
    expect(res.state?.clusters).toHaveLength(1);
    expect(res.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(res.problems[0].file).toBe(path.join(dir, 'warn.yaml'));
  });

  it('reports the problems of every file at once', async () => {
    await writeFile(path.join(dir, 'x1.yaml'), `${HEAD}iam: {withOIDC: 1}\n`);
    await writeFile(path.join(dir, 'x2.yaml'), `${cluster('other')}bogus: 1\n`);
    const res = await loadConfigFiles(['x*.yaml'], { cwd: dir });
    expect(res.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['x1.yaml:6', 'x2.yaml:6']);
    expect(summarizeProblems(res.problems)).toBe('2 errors, 0 warnings in 2 files');
  });
});

describe('loadConfigFiles: which files may be read', () => {
  const SECRET = 'AKIAOUTSIDE0SECRET00';
  let ws: string;
  let outside: string;
  const messages = (res: { problems: Problem[] }) =>
    res.problems.map((p) => [p.file, p.line, p.message]);

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'podid-confine-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    await mkdir(path.join(ws, 'clusters'), { recursive: true });
    await mkdir(outside);
    await writeFile(
      path.join(outside, 'credentials'),
      `root:x:0:0
${SECRET}
`,
    );
    await writeFile(path.join(outside, 'prod.yaml'), cluster('outside'));
    await writeFile(path.join(ws, 'clusters', 'real.yaml'), cluster('inside'));
    await symlink(path.join(outside, 'credentials'), path.join(ws, 'leak.yaml'));
    await symlink('clusters/real.yaml', path.join(ws, 'inside.yaml'));
    await symlink(outside, path.join(ws, 'linked'));
    await symlink('../ws/clusters/real.yaml', path.join(outside, 'back.yaml'));
    execFileSync('mkfifo', [path.join(ws, 'pipe.yaml')]);
    await symlink('pipe.yaml', path.join(ws, 'to-pipe.yaml'));
    await writeFile(path.join(ws, 'latin1.yaml'), Buffer.from(`${HEAD}# caf\xe9\n`, 'latin1'));
  });

  it('refuses a link out of the workspace, naming neither its target nor its content', async () => {
    // A glob lists no FIFO; named, it is refused without waiting for a writer.
    const res = await loadConfigFiles(['*.yaml', 'linked/*.yaml', 'pipe.yaml'], { cwd: ws });
    expect(res.state).toBeUndefined();
    expect(messages(res)).toEqual([
      ['latin1.yaml', 0, '"latin1.yaml" is not UTF-8 text; it was not read'],
      ['leak.yaml', 0, '"leak.yaml" leads outside the workspace; it was not read'],
      // A linked directory outside is not even listed: no name from there is shown.
      [
        'linked/*.yaml',
        0,
        '"linked/*.yaml" leads into a directory outside the workspace; nothing there was read',
      ],
      [
        'pipe.yaml',
        0,
        '"pipe.yaml" is not a regular file (a directory, FIFO, socket or device); it was not read',
      ],
      [
        'to-pipe.yaml',
        0,
        '"to-pipe.yaml" is not a regular file (a directory, FIFO, socket or device); it was not read',
      ],
    ]);
    const text = JSON.stringify(res.problems);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(outside);
    expect(res.problems.every((p) => p.hint)).toBe(true);
  });

  it('walks no linked directory out of the workspace, however deep (no crawl of the disk)', async () => {
    const deep = path.join(ws, 'a', 'b');
    await mkdir(deep, { recursive: true });
    await symlink(outside, path.join(deep, 'up'));
    await symlink('/', path.join(deep, 'root'));
    const res = await loadConfigFiles(['a/**/*.yaml', 'a/**/credentials'], { cwd: ws });
    expect(res.problems.map((p) => p.message)).toEqual([
      'no file matches "a/**/*.yaml"',
      'no file matches "a/**/credentials"',
    ]);
    await rm(path.join(ws, 'a'), { recursive: true });
  });

  it('follows a link that stays inside the workspace', async () => {
    const res = await loadConfigFiles(['inside.yaml'], { cwd: ws });
    expect(res.problems).toEqual([]);
    expect(res.state?.clusters.map((c) => [c.file, c.name])).toEqual([['inside.yaml', 'inside']]);
  });

  it('in the action, a path named outside the workspace is refused too', async () => {
    const res = await loadConfigFiles([path.join(outside, 'prod.yaml'), '../outside/*.yaml'], {
      cwd: ws,
    });
    expect(res.problems.map((p) => p.message)).toEqual([
      '"../outside/*.yaml" leads into a directory outside the workspace; nothing there was read',
      `${JSON.stringify(path.join(outside, 'prod.yaml'))} leads outside the workspace; it was not read`,
    ]);
  });

  it('the CLI reads what its -f names, but follows no link out of it', async () => {
    const named = await loadConfigFiles(['../outside/*.yaml'], { cwd: ws, confine: 'cli' });
    expect(named.problems).toEqual([]);
    expect(named.state?.clusters.map((c) => [c.file, c.name])).toEqual([
      ['../outside/back.yaml', 'inside'],
      ['../outside/prod.yaml', 'outside'],
    ]);
    // Named explicitly, it is read: and, not being a ClusterConfig, quoted nowhere.
    const explicit = await loadConfigFiles([path.join(outside, 'credentials')], { confine: 'cli' });
    expect(explicit.problems.map((p) => p.message)).toEqual([
      'this file is not an eksctl ClusterConfig: its top level is not a mapping',
    ]);
    expect(JSON.stringify(explicit.problems)).not.toContain(SECRET);
    const linked = await loadConfigFiles(['leak.yaml', 'linked/*.yaml'], {
      cwd: ws,
      confine: 'cli',
    });
    expect(messages(linked)).toEqual([
      [
        'leak.yaml',
        0,
        '"leak.yaml" leads outside the working directory (and any directory named outside it by -f); it was not read',
      ],
      [
        'linked/*.yaml',
        0,
        '"linked/*.yaml" leads into a directory outside the working directory (and any directory named outside it by -f); nothing there was read',
      ],
    ]);
    expect(JSON.stringify(linked.problems)).not.toContain(SECRET);
  });
});

describe('examples', () => {
  it('the two example clusters validate with no problems', async () => {
    const res = await loadConfigFiles(['examples/*.eksctl.yaml'], { cwd: repo });
    expect(res.problems).toEqual([]);
    expect(res.state?.clusters.map((c) => `${c.name}/${c.region}`)).toEqual([
      'staging-apps/eu-west-1',
      'prod-platform/us-west-2',
    ]);
  });

  it('examples/broken.yaml has exactly ten problems, one per mistake, at the right lines', async () => {
    const res = await loadConfigFiles(['examples/broken.yaml'], { cwd: repo });
    expect(res.state).toBeUndefined();
    expect(res.problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [7, 3, 'metadata.owner'],
      [9, 13, 'iam.withOIDC'],
      [11, 7, 'iam.podIdentityAssociations[0].namespace'],
      [13, 18, 'iam.podIdentityAssociations[1].namespace'],
      [19, 7, 'iam.podIdentityAssociations[2].permissionPolicyARNs'],
      [23, 16, 'iam.podIdentityAssociations[3].roleARN'],
      [27, 7, 'iam.podIdentityAssociations[4].policy'],
      [28, 7, 'iam.podIdentityAssociations[5]'],
      [34, 9, 'addons[0].podIdentityAssociations[0].namespace'],
      [37, 1, 'nodeGroup'],
    ]);
    expect(res.problems.every((p) => p.severity === 'error' && p.hint)).toBe(true);
    const lines = res.problems.map(formatProblem);
    for (const l of lines) expect(l).toMatch(/^examples\/broken\.yaml:\d+:\d+: error: .+ \(.+\)$/);
    expect(summarizeProblems(res.problems)).toBe('10 errors, 0 warnings in 1 file');
  });
});

describe('formatProblem / summarizeProblems', () => {
  const p: Problem = { severity: 'warning', file: 'a.yaml', line: 3, column: 5, message: 'm' };
  it('formats with and without hint', () => {
    expect(formatProblem(p)).toBe('a.yaml:3:5: warning: m');
    expect(formatProblem({ ...p, severity: 'error', hint: 'h' })).toBe('a.yaml:3:5: error: m (h)');
  });
  it('summarizes', () => {
    expect(summarizeProblems([])).toBe('no problems');
    expect(
      summarizeProblems([
        p,
        { ...p, severity: 'error' },
        { ...p, severity: 'error', file: 'b' },
        { ...p, file: 'c' },
      ]),
    ).toBe('2 errors, 2 warnings in 3 files');
  });
});

describe('checkAcrossFiles', () => {
  it('is empty for distinct clusters and names both files for a repeat', () => {
    const a = parseClusterConfig(cluster('x'), 'a.yaml').cluster!;
    const b = parseClusterConfig(cluster('x'), 'b.yaml').cluster!;
    const c = parseClusterConfig(cluster('x', 'eu-west-1'), 'c.yaml').cluster!;
    expect(checkAcrossFiles([a, c])).toEqual([]);
    expect(checkAcrossFiles([a, b, c])).toEqual([
      {
        severity: 'error',
        file: 'b.yaml',
        line: 4,
        column: 9,
        path: 'metadata.name',
        message: 'cluster "x" in region "us-west-2" is declared in both a.yaml and b.yaml',
        hint: 'one file = one cluster: merge the two files or remove one',
      },
    ]);
  });
});

it('reads the example file text as is', async () => {
  expect(await readFile(path.join(repo, 'examples/broken.yaml'), 'utf8')).toContain('nodeGroup:');
});
