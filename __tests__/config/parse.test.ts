// What a problem may quote (issue 12, item 6): a file a glob matched that is not YAML text or not an
// eksctl ClusterConfig (credentials, /etc/passwd, a binary) is refused in one problem that quotes
// nothing of it; YAML syntax errors point at line and column in the parser's fixed words or ours.

import { describe, expect, it, vi } from 'vitest';
import { parseClusterConfig } from '../../src/config/parse.js';
import { HEAD, expectProblems } from './helpers.js';

const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
const shown = (text: string): string =>
  parseClusterConfig(text, 'x.yaml')
    .problems.map((p) => `${p.message} ${p.hint ?? ''} ${p.path ?? ''}`)
    .join('\n');

describe('a file that is not a ClusterConfig', () => {
  it.each([
    ['/etc/passwd', `root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:${SECRET}:/usr/sbin\n`],
    ['a shell environment', `AWS_SECRET_ACCESS_KEY=${SECRET}\nHOME=/root\n`],
    ['a list', `- ${SECRET}\n- b\n`],
    ['a credentials mapping', `aws_secret_access_key: ${SECRET}\n${SECRET}: x\n`],
    ['a Kubernetes Secret', `apiVersion: v1\nkind: Secret\ndata:\n  ${SECRET}: ${SECRET}\n`],
    ['JSON', `{"password": "${SECRET}", "${SECRET}": [1, 2]}`],
    ['a duplicate key in it', `${SECRET}: 1\n${SECRET}: 2\n`],
  ])('%s: one problem, quoting nothing', (_name, text) => {
    const { problems } = parseClusterConfig(text, 'x.yaml');
    expect(shown(text)).not.toContain(SECRET);
    expect(shown(text)).not.toMatch(/root:x|password|AWS_SECRET|aws_secret/);
    // One refusal, beside the syntax errors (which only point at line and column).
    const refusals = problems.filter((p) => !/^(YAML syntax error|duplicate key$)/.test(p.message));
    expect(refusals.map((p) => p.message)).toEqual([
      expect.stringMatching(/^this file is not an eksctl ClusterConfig: /),
    ]);
  });

  it('is told apart from a ClusterConfig with mistakes, which is read field by field', () => {
    expectProblems(`»- a\n- b\n`, [
      'this file is not an eksctl ClusterConfig: its top level is not a mapping',
    ]);
    expectProblems(`»apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n`, [
      'this file is not an eksctl ClusterConfig: it has neither kind: ClusterConfig nor an apiVersion in eksctl.io/',
    ]);
    // Either marker is enough: the rest is then a ClusterConfig's problems, values quoted.
    expectProblems(`»kind: ClusterConfig\nmetadata: {name: a, region: us-east-1}\n»bogus: 1\n`, [
      'apiVersion must be set',
      'unknown field "bogus" at the top level',
    ]);
    expectProblems(`»apiVersion: »eksctl.io/v1alpha4\nmetadata: {name: a, region: us-east-1}\n`, [
      'kind must be set',
      'unsupported apiVersion "eksctl.io/v1alpha4"',
    ]);
  });
});

describe('a file that is not text', () => {
  it.each([
    ['NUL', `${HEAD}»\u0000${SECRET}`, 'U+0000'],
    ['an ELF header', `»\u007fELF\u0002\u0001${SECRET}`, 'U+007F'],
    ['an escape sequence', `${HEAD}iam:\n  »\u001b[2J: ${SECRET}\n`, 'U+001B'],
    ['a C1 control', `${HEAD}# »\u009b${SECRET}\n`, 'U+009B'],
  ])('%s: refused at the character, quoting nothing', (_name, src, code) => {
    expectProblems(src, [
      `control character ${code}: YAML does not allow control characters, so this file cannot be read`,
    ]);
    expect(shown(src.replace('»', ''))).not.toContain(SECRET);
  });

  it('tabs, CRLF, NEL and a byte order mark are text', () => {
    expect(
      parseClusterConfig(`\ufeff${HEAD.replace(/\n/g, '\r\n')}# \u0085\t\n`, 'x.yaml'),
    ).toEqual(expect.objectContaining({ problems: [] }));
  });
});

describe('YAML syntax errors quote nothing of the file', () => {
  it.each([
    ['an unknown tag', `${HEAD}iam: !${SECRET} x\n`],
    ['a directive', `%${SECRET} 1\n---\n${HEAD}`],
    ['a bad escape', `${HEAD}iam: "\\q${SECRET}"\n`],
    ['an unexpected token', `${HEAD}iam: {a: 1}} ${SECRET}\n`],
    ['a block scalar header', `${HEAD}iam: |${SECRET}\n  x\n`],
    ['a stray indicator', `${HEAD}] ${SECRET}\n`],
    ['not YAML at all', `"${SECRET}\n[{${SECRET}`],
  ])('%s', (_name, text) => {
    // A ClusterConfig's own values may be quoted by its field checks; the syntax errors never are.
    const syntax = parseClusterConfig(text, 'x.yaml').problems.filter((p) =>
      p.message.startsWith('YAML syntax error'),
    );
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((p) => p.line > 0 && p.column > 0)).toBe(true);
    expect(JSON.stringify(syntax)).not.toContain(SECRET);
  });

  it('keeps the parser sentence when it is a fixed one, and names duplicate keys of a ClusterConfig', () => {
    expectProblems(`${HEAD}iam: {withOIDC: true\n»`, [
      'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
    expectProblems(`${HEAD}iam:\n  withOIDC: true\n  »withOIDC: false\n`, [
      'duplicate key "withOIDC"',
    ]);
  });
});

describe('nothing of a file reaches stderr behind the log sink', () => {
  it('YAML warnings on configurationValues are not emitted as process warnings', () => {
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      parseClusterConfig(
        `${HEAD}addons:\n  - name: vpc-cni\n    configurationValues: "env: !${SECRET} x"\n`,
        'x.yaml',
      );
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });
});
