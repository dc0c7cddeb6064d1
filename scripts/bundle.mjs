// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Both are ESM; ncc writes a package.json {"type":"module"} next to each bundle.
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
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' });
