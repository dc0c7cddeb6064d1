// Globs → files → clusters. The only module here that touches the file system, and the one that
// decides which files may be read at all: a config file must lead (symbolic links followed) to a
// regular file inside the workspace, so a link in a pull request cannot make the action read
// /etc/passwd or /proc/self/environ and show it in a comment.
import * as fs from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ClusterSpec, LoadResult, Problem } from './model.js';
import { parseInternal } from './parse.js';
import { hasErrors, sortProblems } from './problems.js';
import { checkAcrossFiles } from './rules/cluster.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadOptions {
  /** Where patterns are relative to: the action's workspace, the CLI's working directory. */
  cwd?: string;
  /**
   * Where a file may lead once symbolic links are followed. 'workspace' (the default, the action):
   * inside cwd, nowhere else, whatever the patterns say. 'cli': inside cwd, or inside a directory
   * outside cwd that a pattern names itself (`/etc/eksctl/*.yaml`, `../infra/prod.yaml`): what
   * someone typed is theirs to read, but no link found there, or in cwd, may lead anywhere else. A
   * pattern into cwd (`clusters/*.yaml`) gets no more than cwd, even when `clusters` is a link out.
   */
  confine?: Confine;
}

type Confine = 'workspace' | 'cli';

/** How a problem says where a file may not lead, and what to do. */
const OUTSIDE = {
  workspace: {
    where: 'the workspace',
    hint: 'a config file, or the link to it, must stay inside the workspace: put the file itself in the repository',
  },
  cli: {
    where: 'the working directory (and any directory named outside it by -f)',
    hint: 'podid follows no link out of the directories it is pointed at: name the target itself, or run podid from a directory that holds it',
  },
};

/** A directory's real path (links resolved), or undefined when it does not exist. */
const realDir = (dir: string): Promise<string | undefined> => realpath(dir).catch(() => undefined);

const isInside = (file: string, dir: string): boolean => {
  const rel = path.relative(dir, file);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
};

/** The directory a pattern names before its first wildcard: `../infra` for `../infra/**\/*.yaml`. */
function namedDirectory(pattern: string, cwd: string): string {
  if (!isDynamicPattern(pattern)) return path.dirname(path.resolve(cwd, pattern));
  const fixed: string[] = [];
  for (const part of pattern.split('/')) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return path.resolve(cwd, fixed.join('/') || '.');
}

/** The directory a pattern names, when it lies outside cwd as written (the CLI may read there). */
function namedDirectoryOutside(pattern: string, cwd: string): string | undefined {
  const dir = namedDirectory(pattern, cwd);
  return isInside(dir, path.resolve(cwd)) ? undefined : dir;
}

function fileProblem(file: string, message: string, hint: string): Problem {
  return { severity: 'error', file, line: 0, column: 0, message, hint };
}

/**
 * The file system the glob walks: a directory that leads outside `roots` reads as empty. So a link
 * such as `clusters -> /` makes the glob crawl nothing outside (not the runner's whole disk), and no
 * name from outside is ever listed, let alone shown in a problem. A link to a file outside is still
 * listed, so that the reader refuses it by its name in the workspace.
 */
function confinedFs(cwd: string, roots: readonly string[], named: string | undefined) {
  // The glob may start at a common parent of cwd and a `..` pattern's directory: those parents, as
  // written (not through a link), are walked through; the pattern matches nothing in them.
  const anchors = [path.resolve(cwd), ...(named ? [named] : [])];
  const allowed = (dir: string, real: string) =>
    roots.some((root) => isInside(real, root)) || anchors.some((a) => isInside(a, dir));
  const readdir = ((dir: string, options: unknown, callback: (...args: unknown[]) => void) =>
    fs.realpath(path.resolve(cwd, dir), (error, real) => {
      if (!error && !allowed(path.resolve(cwd, dir), real)) return callback(null, []);
      (fs.readdir as (...args: unknown[]) => void)(dir, options, callback);
    })) as typeof fs.readdir;
  const { readdirSync, realpath, realpathSync, stat: statAsync, statSync } = fs;
  return { readdir, readdirSync, realpath, realpathSync, stat: statAsync, statSync };
}

/** Files for one pattern, as paths relative to cwd (absolute when the pattern was absolute). */
async function expand(
  pattern: string,
  cwd: string,
  roots: readonly string[],
  confine: Confine,
  problems: Problem[],
): Promise<string[]> {
  const named = confine === 'cli' ? namedDirectoryOutside(pattern, cwd) : undefined;
  if (!isDynamicPattern(pattern)) {
    // A plain path is taken literally, so names with [ ] or ( ) need no escaping.
    const s = await stat(path.resolve(cwd, pattern)).catch(() => undefined);
    // Anything but a directory is passed on: the reader refuses what is not a regular file.
    if (s && !s.isDirectory()) return [path.normalize(pattern)];
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
  // A glob whose own directory leads outside: nothing there is listed, and the problem says why.
  const base = await realDir(namedDirectory(pattern, cwd));
  if (base !== undefined && !roots.some((root) => isInside(base, root))) {
    problems.push(
      fileProblem(
        pattern,
        `${JSON.stringify(pattern)} leads into a directory outside ${OUTSIDE[confine].where}; nothing there was read`,
        OUTSIDE[confine].hint,
      ),
    );
    return [];
  }
  const files = await glob(pattern, {
    cwd,
    onlyFiles: true,
    absolute: path.isAbsolute(pattern),
    expandDirectories: false,
    fs: confinedFs(cwd, roots, named),
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

/**
 * Reads a file that leads (links followed) inside one of `roots`, is a regular file and holds at
 * most MAX_FILE_BYTES of UTF-8. Nothing is read from any other file; the problem names the file as
 * matched and never where it leads, which may itself be a secret or hostile text.
 */
async function readConfined(
  file: string,
  cwd: string,
  roots: readonly string[],
  confine: Confine,
): Promise<string | Problem> {
  const name = JSON.stringify(file);
  const real = await realpath(path.resolve(cwd, file)).catch(() => undefined);
  if (real === undefined) {
    return fileProblem(
      file,
      `cannot read ${name}: it does not exist or leads nowhere`,
      'check the file; a symbolic link must point to an existing file',
    );
  }
  if (!roots.some((root) => isInside(real, root))) {
    const outside = OUTSIDE[confine];
    return fileProblem(
      file,
      `${name} leads outside ${outside.where}; it was not read`,
      outside.hint,
    );
  }
  let handle;
  try {
    // The resolved path, without following a link swapped in since; O_NONBLOCK so that opening a
    // FIFO does not wait for a writer (its type is refused below, on the open handle).
    handle = await open(
      real,
      fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0),
    );
    const stats = await handle.stat();
    if (!stats.isFile()) {
      return fileProblem(
        file,
        `${name} is not a regular file (a directory, FIFO, socket or device); it was not read`,
        'config patterns must match only ClusterConfig files',
      );
    }
    const size = stats.size;
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
    return UTF8.decode(buf.subarray(0, bytesRead));
  } catch (e) {
    if (e instanceof TypeError) {
      return fileProblem(
        file,
        `${name} is not UTF-8 text; it was not read`,
        'save the file as UTF-8; if it is not a ClusterConfig, make the config patterns match no other file',
      );
    }
    // The system's message names the resolved path: the code says enough.
    return fileProblem(
      file,
      `cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      'check that the file is readable',
    );
  } finally {
    await handle?.close();
  }
}

/** Throws on bytes that are not UTF-8 (TypeError), where Buffer.toString would replace them. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export async function loadConfigFiles(
  patterns: string[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const confine = options.confine ?? 'workspace';
  const problems: Problem[] = [];
  if (patterns.length === 0) {
    problems.push(
      fileProblem('(no files)', 'no config files given', 'pass one or more files or globs with -f'),
    );
  }
  // Each file with the directories it may lead into (several patterns may match it).
  const home = await realDir(cwd);
  const found = new Map<string, string[]>();
  for (const pattern of patterns) {
    const outside = confine === 'cli' ? namedDirectoryOutside(pattern, cwd) : undefined;
    const named = outside === undefined ? undefined : await realDir(outside);
    const roots = [home, named].filter((root): root is string => root !== undefined);
    for (const f of await expand(pattern, cwd, roots, confine, problems)) {
      const all = found.get(f) ?? [];
      for (const root of roots) if (!all.includes(root)) all.push(root);
      found.set(f, all);
    }
  }
  const files = [...found.keys()].sort();

  const texts = await Promise.all(
    files.map((f) => readConfined(f, cwd, found.get(f) ?? [], confine)),
  );
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
