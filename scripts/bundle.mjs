// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with esbuild, each with its
// chunks next to it (built apart: sharing chunks would split the action's code into many more files,
// each one more file to read and module to link before its first network request). Both are ESM
// (dist/package.json says so). What the action imports on first use (the flows, the config reader,
// the AWS SDK, the engine, Octokit, the Kubernetes client) is in chunks of its own, loaded only by
// the runs that need them.
//
// Why esbuild and these settings (measured with `npm run bench:action`, docs/architecture.md):
// - The packages' ES module builds (`module` before `main`), which esbuild tree-shakes: of each AWS
//   SDK client only the commands the product sends are bundled, of the Kubernetes client only the
//   two APIs it calls (src/kube/library.ts).
// - Names kept and identifiers not minified, so a stack trace in a bug report names the functions
//   and classes; whitespace and syntax are minified (less code to read and keep in memory).
// - undici (Octokit's fetch, a proxy) is dist/undici.cjs, required on first use
//   (scripts/undici-on-first-use.mjs): @actions/core would otherwise load it on every run.
// - Packages' licences go to dist/licenses.txt (licence comments are not kept in the code).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const OUT = 'dist';
const SHIM = resolve('scripts', 'undici-on-first-use.mjs');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // npm links nothing in node_modules; keeping the paths as written keeps dist/ the same in a
  // checkout whose node_modules is a symbolic link.
  preserveSymlinks: true,
  keepNames: true,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

/** Every `undici` import but the shim's own resolves to the shim. */
const undiciOnFirstUse = {
  name: 'undici-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer === SHIM ? undefined : { path: SHIM },
    );
  },
};

rmSync(OUT, { recursive: true, force: true });
const esm = {
  ...common,
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  mainFields: ['module', 'main'],
  // For the CommonJS packages in the bundle: their require() of Node's modules.
  banner: {
    js: "import { createRequire as __podidCreateRequire } from 'node:module'; const require = __podidCreateRequire(import.meta.url);",
  },
};
const action = await build({
  ...esm,
  entryPoints: ['src/index.ts'],
  outdir: OUT,
  plugins: [undiciOnFirstUse],
});
const cli = await build({ ...esm, entryPoints: { index: 'src/cli.ts' }, outdir: join(OUT, 'cli') });
const undici = await build({
  ...common,
  entryPoints: ['node_modules/undici/index.js'],
  outfile: join(OUT, 'undici.cjs'),
  format: 'cjs',
});
writeFileSync(join(OUT, 'package.json'), '{"type":"module"}\n');

// The shim requires ./undici.cjs next to itself: it must be in a file directly under dist/.
for (const [file, output] of Object.entries(action.metafile.outputs)) {
  const hasShim = Object.keys(output.inputs).some((input) => resolve(input) === SHIM);
  if (hasShim && resolve(dirname(file)) !== resolve(OUT))
    throw new Error(`${file} holds the undici shim outside ${OUT}/`);
}

/** The package a bundled file belongs to: the directory after its last node_modules/. */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

const packages = new Set();
for (const { inputs } of [action, cli, undici].map((r) => r.metafile)) {
  for (const input of Object.keys(inputs)) {
    const dir = packageDir(input);
    if (dir) packages.add(dir);
  }
}
const entries = new Map();
for (const dir of packages) {
  // A package's own files may hold a package.json of their own (e.g. dist/es/package.json).
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file
    ? readFileSync(join(dir, file), 'utf8').trim()
    : '(the package has no licence file)';
  const license =
    typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? null);
  entries.set(`${pkg.name}\n${license}\n${text}`, pkg.name);
}
const licenses = [...entries]
  .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([entry]) => `${entry}\n`)
  .join('\n');
writeFileSync(join(OUT, 'licenses.txt'), licenses);
if (!existsSync(join(OUT, 'index.js'))) throw new Error('no dist/index.js');
