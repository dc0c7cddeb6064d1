// The documentation names only files the repository has: every relative Markdown link, and every
// file path written in backticks (`emulator/server.ts`, `docs/plan-json.md`), resolves.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Where a path in a doc may be relative to: the doc's folder, the root, `src/` (architecture.md). */
function resolves(doc: string, target: string): boolean {
  const bases = [dirname(join(ROOT, doc)), ROOT, join(ROOT, 'src')];
  return bases.some((base) => existsSync(join(base, target)));
}

function referencedPaths(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z]+:/.test(t));
  const backticked = [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:md|ts|json|ya?ml|mjs))`/g)].map(
    (m) => m[1],
  );
  return [...new Set([...links, ...backticked])];
}

describe('documentation references', () => {
  it.each(DOCS)('%s names only files that exist', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    expect(referencedPaths(text).filter((p) => !resolves(doc, p))).toEqual([]);
  });
});
