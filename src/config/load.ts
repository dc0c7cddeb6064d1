// Globs → files → clusters. The only module here that touches the file system.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ClusterSpec, LoadResult, Problem } from './model.js';
import { parseInternal } from './parse.js';
import { hasErrors, sortProblems } from './problems.js';
import { checkAcrossFiles } from './rules/cluster.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadOptions {
  cwd?: string;
}

function fileProblem(file: string, message: string, hint: string): Problem {
  return { severity: 'error', file, line: 0, column: 0, message, hint };
}

/** Files for one pattern, as paths relative to cwd (absolute when the pattern was absolute). */
async function expand(pattern: string, cwd: string, problems: Problem[]): Promise<string[]> {
  if (!isDynamicPattern(pattern)) {
    // A plain path is taken literally, so names with [ ] or ( ) need no escaping.
    const s = await stat(path.resolve(cwd, pattern)).catch(() => undefined);
    if (s?.isFile()) return [path.normalize(pattern)];
    if (s?.isDirectory()) {
      problems.push(
        fileProblem(
          pattern,
          `${JSON.stringify(pattern)} is a directory`,
          `pass a glob such as ${path.join(pattern, '*.yaml')}`,
        ),
      );
    } else {
      problems.push(
        fileProblem(
          pattern,
          `file ${JSON.stringify(pattern)} not found`,
          'check the path; it is relative to the working directory',
        ),
      );
    }
    return [];
  }
  const files = await glob(pattern, {
    cwd,
    onlyFiles: true,
    absolute: path.isAbsolute(pattern),
    expandDirectories: false,
  });
  if (files.length === 0) {
    problems.push(
      fileProblem(
        pattern,
        `no file matches ${JSON.stringify(pattern)}`,
        'check the glob; it is relative to the working directory',
      ),
    );
  }
  return files.map((f) => path.normalize(f));
}

/** Reads at most MAX_FILE_BYTES + 1 bytes, so a huge file is refused without reading it whole. */
async function readBounded(file: string, cwd: string): Promise<string | Problem> {
  let handle;
  try {
    handle = await open(path.resolve(cwd, file), 'r');
    const size = (await handle.stat()).size;
    if (size > MAX_FILE_BYTES) {
      return fileProblem(
        file,
        `file is ${size} bytes; files over 1 MiB are refused`,
        'a ClusterConfig is far smaller; check that this is the right file',
      );
    }
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > MAX_FILE_BYTES) {
      return fileProblem(
        file,
        'file grew past 1 MiB while being read; refused',
        'a ClusterConfig is far smaller; check that this is the right file',
      );
    }
    return buf.subarray(0, bytesRead).toString('utf8');
  } catch (e) {
    return fileProblem(
      file,
      `cannot read file: ${(e as Error).message}`,
      'check that the file exists and is readable',
    );
  } finally {
    await handle?.close();
  }
}

export async function loadConfigFiles(
  patterns: string[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  if (patterns.length === 0) {
    problems.push(
      fileProblem('(no files)', 'no config files given', 'pass one or more files or globs with -f'),
    );
  }
  const found = new Set<string>();
  for (const pattern of patterns)
    for (const f of await expand(pattern, cwd, problems)) found.add(f);
  const files = [...found].sort();

  const texts = await Promise.all(files.map((f) => readBounded(f, cwd)));
  const clusters: ClusterSpec[] = [];
  const identified: ClusterSpec[] = [];
  files.forEach((file, i) => {
    const text = texts[i];
    if (typeof text !== 'string') {
      problems.push(text);
      return;
    }
    const parsed = parseInternal(text, file);
    problems.push(...parsed.problems);
    if (!parsed.raw) return;
    if (parsed.raw.identified) identified.push(parsed.raw.spec);
    if (!hasErrors(parsed.problems)) clusters.push(parsed.raw.spec);
  });
  problems.push(...checkAcrossFiles(identified));

  const sorted = sortProblems(problems);
  return hasErrors(sorted) ? { problems: sorted } : { state: { clusters }, problems: sorted };
}
