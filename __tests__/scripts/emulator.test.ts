// `npm run emulator` stopped with `kill <npm pid>` leaves nothing serving: npm's shell dies without
// passing the signal on, so scripts/emulator.mjs must stop the emulator itself.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Resolves once `url` refuses connections; polls, so the test asserts an outcome, not a duration. */
async function refused(url: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/_emulator/state`).then(
      () => true,
      () => false,
    );
    if (!up) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('npm run emulator', () => {
  it('stops serving when the npm process is killed', async () => {
    const npm = spawn('npm', ['run', '--silent', 'emulator', '--', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      npm.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = out.match(/listening on (http:\/\/\S+)/);
        if (match) resolve(match[1]);
      });
      npm.once('exit', (code) =>
        reject(new Error(`npm exited (${code}) before listening: ${out}`)),
      );
    });
    expect((await fetch(`${url}/_emulator/state`)).status).toBe(200);
    npm.kill('SIGTERM');
    expect(await refused(url)).toBe(true);
  }, 60_000);
});
