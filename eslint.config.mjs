import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// The house's import rules (docs/architecture.md, "Import rules"). Each folder of src/ lists what it
// may not import; a violation fails `npm run lint` with a message that starts with the rule's name.
const folder = (name) => new RegExp(`(^|/)${name}/`).source;
const FOLDERS = {
  io: ['aws', 'kube', 'state', 'apply', 'engine', 'action', 'github', 'commands'].map(folder),
  sdk: ['^@aws-sdk/', '^@smithy/', '^@actions/', '^@octokit/', '^@kubernetes/'],
  network: ['^node:(net|http|https|http2|tls|dgram|child_process)$'],
};
const rule = (name, regexes, why) =>
  regexes.map((regex) => ({ regex, message: `[${name}] ${why} (docs/architecture.md)` }));

const pureCore = [
  ...rule('pure-core', FOLDERS.io, 'the pure core does no I/O: pass data in instead'),
  ...rule('pure-core', FOLDERS.sdk, 'the pure core never talks to AWS, GitHub or Kubernetes'),
  ...rule('pure-core', FOLDERS.network, 'the pure core opens no connections and runs no process'),
];
const emulatorApart = rule(
  'emulator-apart',
  [folder('emulator')],
  'the product reaches the emulator only over HTTP, like AWS',
);
const cliOnly = rule(
  'cli-commands',
  [folder('commands')],
  'only the CLI entry (src/cli.ts) imports the CLI commands',
);
const above = (name, ...folders) =>
  rule(`layers: ${name}`, folders.map(folder), `${name}/ sits below ${folders.join(', ')}/`);

/** Per folder of src/: what it may not import, besides emulator/ and the CLI commands. */
const LAYERS = {
  names: [], // no imports at all: see the ground-floor rule below
  lib: [...pureCore, ...above('lib', 'names', 'config', 'live', 'review', 'cfn', 'plan', 'render')],
  live: [...pureCore, ...above('live', 'config', 'review', 'cfn', 'plan', 'render')],
  review: [...pureCore, ...above('review', 'config', 'live', 'cfn', 'plan', 'render')],
  config: [...pureCore, ...above('config', 'live', 'review', 'cfn', 'plan', 'render')],
  cfn: [...pureCore, ...above('cfn', 'live', 'review', 'plan', 'render')],
  plan: [...pureCore, ...above('plan', 'render')],
  render: [...pureCore],
  aws: [
    ...above('aws', 'kube', 'state', 'apply', 'engine', 'action', 'github', 'plan', 'render'),
    ...above('aws', 'review'),
  ],
  // Kubernetes sits beside aws/: it borrows the AWS credentials and endpoints to make its token.
  kube: [
    ...above('kube', 'state', 'apply', 'engine', 'action', 'github', 'plan', 'render', 'review'),
  ],
  state: [...above('state', 'apply', 'engine', 'action', 'github', 'plan', 'render', 'review')],
  apply: [...above('apply', 'state', 'engine', 'action', 'github', 'render', 'review')],
  engine: [...above('engine', 'action', 'github', 'render')],
  github: [...above('github', 'action', 'engine', 'apply', 'state', 'aws', 'kube')],
  action: [],
  commands: [...above('commands', 'action', 'github')],
};

// [log-sink] Everything the product prints passes through the log sink (src/lib/log-line.ts), so a
// name cannot forge a line or a GitHub workflow command: only the action's runner I/O and the CLI's
// output module write to stdout or stderr or call @actions/core's logging functions.
const SINK_FILES = ['src/action/runner-io.ts', 'src/commands/output.ts'];
const CORE_LOG = `^(${[
  'info',
  'debug',
  'notice',
  'warning',
  'error',
  'setFailed',
  'group',
  'startGroup',
  'endGroup',
  'issue',
  'issueCommand',
  'setCommandEcho',
].join('|')})$`;
const sinkMessage = `[log-sink] print through ${SINK_FILES.join(' or ')}: they pass every line through the log sink (docs/architecture.md)`;
const logSink = [
  "MemberExpression[object.name='console']",
  "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]",
  `MemberExpression[object.name='core'][property.name=/${CORE_LOG}/]`,
  `ImportDeclaration[source.value='@actions/core'] ImportSpecifier[imported.name=/${CORE_LOG}/]`,
].map((selector) => ({ selector, message: sinkMessage }));

const layerConfigs = Object.entries(LAYERS).map(([name, patterns]) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...patterns, ...emulatorApart, ...(name === 'commands' ? [] : cliOnly)] },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [...emulatorApart, ...cliOnly] }],
    },
  },
  ...layerConfigs,
  {
    files: ['src/**/*.ts'],
    ignores: SINK_FILES,
    rules: { 'no-restricted-syntax': ['error', ...logSink] },
  },
  {
    files: ['src/names/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...logSink,
        {
          selector: 'ImportDeclaration, ExportAllDeclaration, ExportNamedDeclaration[source]',
          message:
            '[names-ground-floor] the names module imports nothing: every other file uses it (docs/architecture.md)',
        },
      ],
    },
  },
  {
    files: ['src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: emulatorApart }] },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: rule(
            'emulator-apart',
            [folder('src')],
            'the emulator is an independent implementation of AWS: it never imports the product',
          ),
        },
      ],
    },
  },
);
