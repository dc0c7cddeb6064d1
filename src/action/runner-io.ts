// The runner side of the action (logs, annotations, outputs, job summary, OIDC token) behind one
// small interface: the flows take it as a parameter, so tests pass a recording fake instead of
// mocking @actions/core. The only file of the action that writes to the runner's log: every message
// goes through the log sink (lib/log-line.ts) here, and @actions/core escapes the annotations'
// properties (file, title) itself; ESLint's `log-sink` rule keeps other files from writing directly.

import * as core from '@actions/core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logLines } from '../lib/log-line.js';

export interface Annotation {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionIO {
  /** Text for the log; several lines are fine (each goes through the log sink). */
  info(text: string): void;
  debug(text: string): void;
  notice(message: string): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  /** Marks the step failed with this message (an error annotation). */
  fail(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  getIDToken(audience: string): Promise<string>;
  /** Appends Markdown to the job summary; false (with a debug line) when there is no summary file. */
  appendSummary(markdown: string): Promise<boolean>;
  writeTextFile(path: string, text: string): Promise<void>;
  /** Every `*.json` file under `dir` (its subdirectories too), in path order. */
  readJsonFiles(dir: string): Promise<{ path: string; text: string }[]>;
}

export function coreIO(): ActionIO {
  return {
    info: (text) => core.info(logLines(text)),
    debug: (text) => core.debug(logLines(text)),
    notice: (message) => core.notice(logLines(message)),
    warning: (message, annotation) => core.warning(logLines(message), annotation ?? {}),
    error: (message, annotation) => core.error(logLines(message), annotation ?? {}),
    fail: (message) => core.setFailed(logLines(message)),
    group: (name, fn) => core.group(logLines(name), fn),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    getIDToken: (audience) => core.getIDToken(audience),
    async appendSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return false;
      }
      await core.summary.addRaw(markdown, true).write();
      core.summary.emptyBuffer();
      return true;
    },
    async writeTextFile(path, text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    async readJsonFiles(dir) {
      // download-artifact puts each artifact in a directory of its own unless merge-multiple is set.
      const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      return Promise.all(names.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
    },
  };
}

/**
 * Ends the process with its exit code once stdout and stderr have passed on what was written to
 * them: writes to a pipe are asynchronous on POSIX, and exiting at once could cut the log's end.
 */
export async function exitOnceLogged(): Promise<never> {
  for (const stream of [process.stdout, process.stderr])
    await new Promise<void>((written) => stream.write('', () => written()));
  process.exit();
}
