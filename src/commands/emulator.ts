// `podid emulator` and the demo's emulator: the emulator lives in the checkout (emulator/, run with
// tsx); the product never imports it, it only talks to it over HTTP like to AWS.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args.js';

/** The checkout root: the nearest ancestor of this module (src/ or dist/cli/) holding emulator/main.ts. */
export function checkoutRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'emulator', 'main.ts'))) return dir;
    dir = dirname(dir);
  }
  throw new UsageError(
    'the emulator ships with the podid-action repository: run this from a checkout (npm ci first)',
  );
}

export function spawnEmulator(args: string[], stdio: 'inherit' | 'pipe'): ChildProcess {
  const root = checkoutRoot();
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator', 'main.ts'), ...args], {
    cwd: root,
    // The IPC channel closes when this process dies, however it dies: the emulator then exits too.
    stdio: ['ignore', stdio, 'inherit', 'ipc'],
  });
}

/** Starts the emulator and resolves with its URL once it prints `listening on …`. */
export function startEmulatorProcess(
  args: string[],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawnEmulator(args, 'pipe');
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(/listening on (http:\/\/\S+)/);
      if (match) resolve({ url: match[1], child });
    });
    child.once('exit', (code) =>
      reject(new Error(`the emulator exited (code ${code}) before listening`)),
    );
    child.once('error', reject);
  });
}

export async function emulatorCommand(args: string[]): Promise<number> {
  const child = spawnEmulator(args, 'inherit');
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.once('SIGINT', forward('SIGINT'));
  process.once('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)));
}
