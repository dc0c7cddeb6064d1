// The action's orchestration: settings → (per mode) config → credentials → plan/apply → publish.
// Errors carry actionable text and are caught once here; user mistakes print no stack trace.

import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { renewingCredentials, resolveCredentials } from '../aws/credentials.js';
import { loadConfigFiles } from '../config/load.js';
import { Engine } from '../engine/engine.js';
import { createGitHubApi } from '../github/api.js';
import { applyFlow } from './apply-flow.js';
import { listFlow } from './config-step.js';
import { Outputs, type FailureReason } from './outputs.js';
import { migrateFlow } from './migrate-flow.js';
import { planFlow } from './plan-flow.js';
import { reportFlow } from './report-flow.js';
import type { RunDeps } from './run-context.js';
import { coreIO, type ActionIO } from './runner-io.js';
import { resolveSettings, SettingsError, type Settings } from './settings.js';

function readEvent(): unknown {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
}

function realDeps(settings: Settings, io: ActionIO): RunDeps {
  return {
    io,
    api: settings.githubToken
      ? createGitHubApi(settings.githubToken, settings.repository.owner, settings.repository.repo)
      : undefined,
    loadConfig: (patterns, cwd) => loadConfigFiles([...patterns], { cwd }),
    credentials: async (request) => {
      const resolve = () =>
        resolveCredentials(request, {
          getIDToken: io.getIDToken,
          setSecret: io.setSecret,
          info: io.info,
          idTokenAvailable: Boolean(
            process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
          ),
        });
      // Sessions last an hour: each role is assumed again on its own when its session nears its end.
      const first = await resolve();
      return first && renewingCredentials(first, resolve);
    },
    createEngine: (access) =>
      new Engine({
        concurrency: settings.concurrency,
        credentials: access.credentials,
        identityOf: access.identityOf,
        log: io.info,
      }),
  };
}

/** The action's entry (called by index.ts; exported for @github/local-action). */
export async function run(): Promise<void> {
  const io = coreIO();
  try {
    const settings = resolveSettings({
      input: (name) => core.getInput(name),
      env: process.env,
      event: readEvent(),
    });
    io.setOutput(Outputs.mode, settings.mode);
    io.info(`podid-action: mode ${settings.mode} (${settings.modeReason})`);
    const deps = realDeps(settings, io);
    const ctx = { ...deps, settings };
    const outcome =
      settings.mode === 'apply'
        ? await applyFlow(ctx)
        : settings.mode === 'migrate'
          ? await migrateFlow(ctx)
          : settings.mode === 'report'
            ? await reportFlow(ctx)
            : settings.mode === 'list'
              ? await listFlow(ctx)
              : await planFlow(ctx);
    if (outcome.failure) {
      io.setOutput(Outputs.failureReason, outcome.failure.reason);
      io.fail(outcome.failure.message);
    }
  } catch (error) {
    if (error instanceof SettingsError) {
      for (const problem of error.problems)
        io.error(problem, { title: 'podid-action: invalid input' });
      io.setOutput(Outputs.failureReason, 'invalid-input' satisfies FailureReason);
      io.fail(`podid-action: ${error.problems.length} invalid input(s); see the errors above`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.fail(`podid-action: ${message}`);
    if (error instanceof Error && error.stack) io.debug(error.stack);
  }
}
