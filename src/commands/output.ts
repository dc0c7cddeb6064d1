// The CLI's only way to print: stdout carries a command's answer, stderr progress and problems, both
// through the log sink (lib/log-line.ts). podid often runs in a GitHub Actions step, where a file or
// add-on name could otherwise forge a line ("Plan: 0 to create, …") or a workflow command; on a
// terminal the sink keeps escape sequences in a name from steering the terminal. A JSON answer keeps
// its meaning (every escape the sink writes is a JSON escape); tabs pass.

import { logLines } from '../lib/log-line.js';

export function printOut(text: string): void {
  process.stdout.write(logLines(text));
}

export function printErr(text: string): void {
  process.stderr.write(logLines(text));
}

/** `podid get | head`: a reader that stops early is not an error. */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
