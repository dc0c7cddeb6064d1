import * as core from '@actions/core';

/** The action's entry: settings → credentials → load → plan/apply → publish. */
export async function run(): Promise<void> {
  try {
    core.setFailed('podid-action: the action mode is not implemented yet; use the podid CLI');
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
