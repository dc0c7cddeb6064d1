// The runner side of the action (logs, annotations, outputs, job summary, OIDC token) behind one
// small interface: the flows take it as a parameter, so tests pass a recording fake instead of
// mocking @actions/core.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Annotation {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionIO {
  info(line: string): void;
  debug(line: string): void;
  notice(message: string): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  getIDToken(audience: string): Promise<string>;
  /** Appends Markdown to the job summary; false (with a debug line) when there is no summary file. */
  appendSummary(markdown: string): Promise<boolean>;
  writeTextFile(path: string, text: string): Promise<void>;
}

export function coreIO(): ActionIO {
  return {
    info: (line) => core.info(line),
    debug: (line) => core.debug(line),
    notice: (message) => core.notice(message),
    warning: (message, annotation) => core.warning(message, annotation ?? {}),
    error: (message, annotation) => core.error(message, annotation ?? {}),
    group: (name, fn) => core.group(name, fn),
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
  };
}
