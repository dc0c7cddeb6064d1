// `npm run emulator`: runs emulator/main.ts as a child that never outlives this process. npm runs a
// script through `sh -c`, and a `kill <npm pid>` reaches that shell, which dies without passing the
// signal on: a plain `tsx emulator/main.ts` then kept serving, orphaned. Here signals are forwarded,
// the emulator stops when the IPC channel to this process closes (however this process dies), and
// this process stops when it is orphaned itself (its parent shell was killed).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'emulator', 'main.ts'), ...process.argv.slice(2)],
  { cwd: process.cwd(), stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
);

const stop = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

// Orphaned: the shell npm started (or npm itself) is gone, and with it whoever would stop us.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 500);

child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exitCode = code ?? (signal ? 1 : 0);
});
