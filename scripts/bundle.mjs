// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Both are ESM; ncc writes a package.json {"type":"module"} next to each bundle. What the action
// imports on first use (the config reader, the AWS SDK, the engine, Octokit, the Kubernetes client)
// is in chunks next to it (dist/NNN.index.js), loaded only by the runs that need them. The action's
// entry is minified (ncc -m keeps function and class names, so stack traces stay readable): 9 MiB
// less peak memory per run (`npm run bench:action`); ncc leaves the chunks as they are.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--quiet',
  '--license',
  'licenses.txt',
];
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, '-m', 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' });
