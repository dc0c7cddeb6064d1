// The action's orchestration: settings → (per mode) config → credentials → plan/apply → publish.
// Errors carry actionable text and are caught once here; user mistakes print no stack trace.

import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { Outputs, type FailureReason } from './outputs.js';
import { realDeps } from './real-deps.js';
import { coreIO } from './runner-io.js';
import { resolveSettings, SettingsError } from './settings.js';

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
    // Imported once the inputs are accepted: a refused input loads nothing more.
    const flows = await import('./flows.js');
    const outcome =
      settings.mode === 'apply'
        ? await flows.applyFlow(ctx)
        : settings.mode === 'migrate'
          ? await flows.migrateFlow(ctx)
          : settings.mode === 'report'
            ? await flows.reportFlow(ctx)
            : settings.mode === 'list'
              ? await flows.listFlow(ctx)
              : await flows.planFlow(ctx);
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
