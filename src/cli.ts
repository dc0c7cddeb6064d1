#!/usr/bin/env node
// `podid` CLI entry: validate, plan, apply, get, migrate, emulator, demo (DESIGN §10). The
// hashbang stays first in dist/cli/index.js (esbuild keeps it), which package.json's `bin` names:
// the `podid` npm links runs the file itself.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  UsageError,
  configPatterns,
  ownerIdFlag,
  parseConcurrency,
  parsePrune,
  requireChoice,
} from './commands/args.js';
import { applyCommand } from './commands/apply.js';
import { demoCommand } from './commands/demo.js';
import { emulatorCommand } from './commands/emulator.js';
import { getCommand } from './commands/get.js';
import { migrateCommand } from './commands/migrate.js';
import { exitQuietlyWhenStdoutCloses, printErr, printOut } from './commands/output.js';
import { planCommand } from './commands/plan.js';
import { PLAN_OUTPUTS } from './engine/options.js';
import { commandUsage, isCommand, overview, VERSION } from './commands/usage.js';
import { validateCommand } from './commands/validate.js';

const selection = {
  file: { type: 'string', short: 'f', multiple: true },
  cluster: { type: 'string' },
  prune: { type: 'string' },
  'owner-id': { type: 'string' },
  'take-over': { type: 'string', multiple: true },
  'remove-oidc-trust': { type: 'boolean', default: false },
  concurrency: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `podid plan --help` is a question, not a mistake (`--` ends the flags, so a file may be `-h`).
  const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (isCommand(command) && flags.some((a) => a === '--help' || a === '-h')) {
    printOut(commandUsage(command));
    return 0;
  }
  switch (command) {
    case 'validate': {
      const { values, positionals } = parse(rest, {
        file: selection.file,
        output: { type: 'string', short: 'o', default: 'text' },
      });
      const output = requireChoice('--output', values.output, ['text', 'json'] as const);
      return validateCommand(configPatterns(values.file, positionals), output);
    }
    case 'plan':
    case 'apply': {
      const { values, positionals } = parse(rest, {
        ...selection,
        output: { type: 'string', short: 'o', default: 'text' },
        'detailed-exitcode': { type: 'boolean', default: false },
      });
      const owner = ownerIdFlag(values['owner-id']);
      const common = {
        patterns: configPatterns(values.file, positionals),
        cluster: values.cluster,
        concurrency: parseConcurrency(values.concurrency),
        owner,
        plan: {
          prune: parsePrune(values.prune),
          ownerId: owner.id,
          salt: process.env.GITHUB_REPOSITORY ?? '',
          takeOver: values['take-over'] ?? [],
          removeOidcTrust: values['remove-oidc-trust'],
        },
      };
      if (command === 'apply') return applyCommand(common);
      return planCommand({
        ...common,
        output: requireChoice('--output', values.output, PLAN_OUTPUTS),
        detailedExitCode: values['detailed-exitcode'],
      });
    }
    case 'get': {
      const { values } = parse(rest, {
        file: { type: 'string', short: 'f' },
        cluster: { type: 'string', short: 'c' },
        region: { type: 'string', short: 'r' },
        namespace: { type: 'string' },
        'service-account-name': { type: 'string' },
        output: { type: 'string', short: 'o', default: 'table' },
        concurrency: selection.concurrency,
      });
      return getCommand({
        file: values.file,
        cluster: values.cluster,
        region: values.region,
        namespace: values.namespace,
        serviceAccountName: values['service-account-name'],
        output: values.output,
        concurrency: parseConcurrency(values.concurrency),
      });
    }
    case 'migrate': {
      const { values } = parse(rest, {
        file: { type: 'string', short: 'f' },
        write: { type: 'boolean', default: false },
        cluster: { type: 'string', short: 'c' },
        region: { type: 'string', short: 'r' },
        'remove-oidc-provider-trust-relationship': { type: 'boolean', default: false },
        approve: { type: 'boolean', default: false },
        'owner-id': selection['owner-id'],
        concurrency: selection.concurrency,
      });
      return migrateCommand({
        file: values.file,
        write: values.write,
        cluster: values.cluster,
        region: values.region,
        removeOidcTrust: values['remove-oidc-provider-trust-relationship'],
        approve: values.approve,
        ownerId: values['owner-id'],
        concurrency: parseConcurrency(values.concurrency),
      });
    }
    case 'emulator':
      return emulatorCommand(rest);
    case 'demo':
      return demoCommand();
    case 'help': {
      const topic = rest[0];
      if (topic === undefined) printOut(overview());
      else if (isCommand(topic)) printOut(commandUsage(topic));
      else throw new UsageError(`unknown command "${topic}"; run "podid help"`);
      return 0;
    }
    case '--help':
    case '-h':
      printOut(overview());
      return 0;
    case '--version':
    case 'version':
      printOut(`podid ${VERSION}\n`);
      return 0;
    case undefined:
      printErr(overview());
      return 1;
    default:
      throw new UsageError(`unknown command "${command}"; run "podid help"`);
  }
}

/** Node's parseArgs reports unknown or malformed flags with these codes: user mistakes, not crashes. */
function isArgumentError(error: unknown): error is Error {
  const code = (error as { code?: string } | null)?.code ?? '';
  return error instanceof Error && code.startsWith('ERR_PARSE_ARGS');
}

exitQuietlyWhenStdoutCloses();

/** Node's texts, made one balanced line that says where to look. */
function argumentErrorText(error: Error, command: string | undefined): string {
  const help = isCommand(command) ? `podid help ${command}` : 'podid help';
  const unknown = error.message.match(/^Unknown option '([^']+)'/);
  if (unknown) {
    return `unknown option "${unknown[1]}"; run "${help}" (a file name starting with "-" goes after "--")`;
  }
  return `${error.message.replace(/\.$/, '')}; run "${help}"`;
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isArgumentError(error)) {
      printErr(`Error: ${argumentErrorText(error, argv[0])}\n`);
    } else if (error instanceof UsageError) {
      printErr(`Error: ${error.message}\n`);
    } else {
      // Unexpected: keep the message first; the stack only on request.
      const message = error instanceof Error ? error.message : String(error);
      printErr(`Error: ${message}\n`);
      if (process.env.PODID_DEBUG && error instanceof Error) printErr(`${error.stack}\n`);
    }
    process.exitCode = 1;
  },
);
