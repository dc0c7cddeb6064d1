// The import rules of eslint.config.mjs (docs/architecture.md): a file that breaks one fails
// `npm run lint` with a message naming the rule. Checked on in-memory files at real paths.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import rules', () => {
  it.each([
    ['src/plan/x.ts', "import { isAwsError } from '../aws/errors.js';", '[pure-core]'],
    ['src/render/x.ts', "import * as core from '@actions/core';", '[pure-core]'],
    ['src/config/x.ts', "import { request } from 'node:http';", '[pure-core]'],
    ['src/cfn/x.ts', "import type { Plan } from '../plan/model.js';", '[layers: cfn]'],
    ['src/config/x.ts', "import type { LiveCluster } from '../live/model.js';", '[layers: config]'],
    ['src/review/x.ts', "import type { Task } from '../plan/model.js';", '[layers: review]'],
    ['src/aws/x.ts', "import type { Plan } from '../plan/model.js';", '[layers: aws]'],
    ['src/names/x.ts', "import { quote } from '../config/yaml.js';", '[names-ground-floor]'],
    [
      'src/state/x.ts',
      "import type { World } from '../../emulator/core/types.js';",
      '[emulator-apart]',
    ],
    [
      'emulator/eks/x.ts',
      "import { AGENT_ADDON } from '../../src/names/addons.js';",
      '[emulator-apart]',
    ],
    ['src/action/x.ts', "import { UsageError } from '../commands/args.js';", '[cli-commands]'],
    ['src/action/x.ts', "import * as core from '@actions/core';\ncore.info('x');", '[log-sink]'],
    ['src/action/x.ts', "import { warning } from '@actions/core';", '[log-sink]'],
    ['src/commands/x.ts', "process.stdout.write('x');", '[log-sink]'],
    ['src/cli.ts', "process.stderr.write('x');", '[log-sink]'],
    ['src/engine/x.ts', "console.log('x');", '[log-sink]'],
    ['src/names/x.ts', "console.warn('x');", '[log-sink]'],
  ])('%s: %s is refused', async (file, code, rule) => {
    const found = await messages(file, `${code}\nexport {};\n`);
    expect(
      found.some((m) => m.includes(rule)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['src/plan/x.ts', "import { OWNER_TAG } from '../names/tags.js';"],
    ['src/render/x.ts', "import type { Plan } from '../plan/model.js';"],
    ['src/action/x.ts', "import { Engine } from '../engine/engine.js';"],
    ['src/cli.ts', "import { planCommand } from './commands/plan.js';"],
    ['src/action/x.ts', "import * as core from '@actions/core';\ncore.getInput('x');"],
    ['src/action/runner-io.ts', "import * as core from '@actions/core';\ncore.info('x');"],
    ['src/commands/output.ts', "process.stdout.write('x');"],
  ])('%s: %s is allowed', async (file, code) => {
    const found = await messages(file, `${code}\nexport {};\n`);
    expect(found.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
  });
});
