// Test helpers: `»` marks where each expected problem must point (line and column).
import { expect } from 'vitest';
import type { Problem } from '../../src/config/model.js';
import { parseClusterConfig } from '../../src/config/parse.js';

export const HEAD = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: demo
  region: us-west-2
`;

export interface Marked {
  text: string;
  marks: { line: number; column: number }[];
}

export function marked(src: string): Marked {
  const marks: Marked['marks'] = [];
  const lines = src.split('\n').map((l, i) => {
    let out = '';
    for (const ch of l) {
      if (ch === '»') marks.push({ line: i + 1, column: out.length + 1 });
      else out += ch;
    }
    return out;
  });
  return { text: lines.join('\n'), marks };
}

export type Expected = string | { warning: string };

/** Parses `src` (with `»` marks) and asserts the exact problems, in order, at the marks. */
export function expectProblems(src: string, expected: Expected[]): Problem[] {
  const { text, marks } = marked(src);
  const { problems } = parseClusterConfig(text, 'c.yaml');
  const got = problems.map((p) => ({
    severity: p.severity,
    line: p.line,
    column: p.column,
    message: p.message,
  }));
  const want = expected.map((e, i) => ({
    severity: typeof e === 'string' ? 'error' : 'warning',
    line: marks[i]?.line,
    column: marks[i]?.column,
    message: typeof e === 'string' ? e : e.warning,
  }));
  expect(marks.length, 'one mark per expected problem').toBe(expected.length);
  expect(got).toEqual(want);
  for (const p of problems) {
    expect(p.file).toBe('c.yaml');
    expect(p.hint, `hint for: ${p.message}`).toMatch(/\S/);
    expect(p.hint).not.toContain('\n');
  }
  return problems;
}

export function pia(body: string): string {
  return `${HEAD}iam:\n  podIdentityAssociations:\n${body}`;
}
