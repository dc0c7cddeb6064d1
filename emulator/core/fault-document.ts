// Reading POST /_emulator/faults bodies. Strict about what it does not understand (a typo must not
// leave a test running without its fault), lenient about spelling: a single rule may stand at the top
// level, and `errorCode`/`status`, `throttling`, `latency` are accepted next to the canonical keys.

import { readFailingAddons } from './failing-addons.js';
import type { FaultDocument, FaultRule } from './faults.js';
import type { ServiceName } from './types.js';

const SERVICES: readonly ServiceName[] = [
  'eks',
  'iam',
  'cloudformation',
  'sts',
  'github',
  'oidc',
  'kubernetes',
];
const RULE_KEYS = new Set([
  'service',
  'operation',
  'probability',
  'error',
  'errorCode',
  'status',
  'httpStatus',
  'message',
  'throttle',
  'throttling',
  'latencyMs',
  'latency',
  'times',
]);
const DOCUMENT_KEYS = new Set(['rules', 'failingStacks', 'failingAddons', 'seed']);

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The HTTP status AWS uses for a code, when the rule names only the code. */
function defaultStatus(code: string): number {
  if (/ServiceUnavailable/i.test(code)) return 503;
  if (/InternalFailure|InternalError|ServiceFailure|ServerException/i.test(code)) return 500;
  if (/TooManyRequests/i.test(code)) return 429;
  return 400;
}

function readRule(raw: unknown, where: string, problems: string[]): FaultRule | undefined {
  if (!isObject(raw)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.has(key)) problems.push(`${where}: unknown key "${key}"`);
  }
  const rule: FaultRule = {};
  if (raw.service !== undefined) {
    if (!SERVICES.includes(raw.service as ServiceName)) {
      problems.push(`${where}.service must be one of ${SERVICES.join(', ')}`);
    } else rule.service = raw.service as ServiceName;
  }
  if (raw.operation !== undefined) {
    if (typeof raw.operation !== 'string') problems.push(`${where}.operation must be a string`);
    else rule.operation = raw.operation;
  }
  if (raw.probability !== undefined) {
    const p = raw.probability;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      problems.push(`${where}.probability must be a number from 0 to 1`);
    } else rule.probability = p;
  }
  const code = isObject(raw.error) ? raw.error.code : raw.errorCode;
  const status = isObject(raw.error) ? raw.error.status : (raw.status ?? raw.httpStatus);
  const message = isObject(raw.error) ? raw.error.message : raw.message;
  if (raw.error !== undefined && !isObject(raw.error)) {
    problems.push(`${where}.error must be an object {status, code, message?}`);
  } else if (code !== undefined) {
    if (typeof code !== 'string' || code === '')
      problems.push(`${where}: the error code must be a string`);
    else if (status !== undefined && (typeof status !== 'number' || status < 400 || status > 599)) {
      problems.push(`${where}: the error status must be an HTTP error status (400-599)`);
    } else {
      rule.error = {
        code,
        status: (status as number | undefined) ?? defaultStatus(code),
        ...(typeof message === 'string' ? { message } : {}),
      };
    }
  } else if (status !== undefined || message !== undefined) {
    problems.push(`${where}: an error needs a code (error.code or errorCode)`);
  }
  const throttle = raw.throttle ?? raw.throttling;
  if (throttle !== undefined) {
    if (typeof throttle !== 'boolean') problems.push(`${where}.throttle must be true or false`);
    else rule.throttle = throttle;
  }
  const latency = raw.latencyMs ?? raw.latency;
  if (latency !== undefined) {
    if (typeof latency !== 'number' || latency < 0)
      problems.push(`${where}.latencyMs must be a number ≥ 0`);
    else rule.latencyMs = latency;
  }
  if (raw.times !== undefined) {
    if (!Number.isInteger(raw.times) || (raw.times as number) < 1) {
      problems.push(`${where}.times must be an integer ≥ 1`);
    } else rule.times = raw.times as number;
  }
  if (!rule.error && !rule.throttle && rule.latencyMs === undefined) {
    problems.push(`${where} does nothing: give it an error, throttle: true or latencyMs`);
  }
  return rule;
}

/** A fault document, or an error listing every problem of the body. */
export function parseFaultDocument(body: unknown): FaultDocument {
  const problems: string[] = [];
  if (!isObject(body))
    throw new Error('a fault document is a JSON object (see docs/emulator.md, "Fault injection")');
  const single = Object.keys(body).some((k) => RULE_KEYS.has(k));
  const doc: FaultDocument = {};
  for (const key of Object.keys(body)) {
    if (!DOCUMENT_KEYS.has(key) && !RULE_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  }
  const rules: unknown[] = [];
  if (body.rules !== undefined) {
    if (!Array.isArray(body.rules)) problems.push('rules must be a list');
    else rules.push(...body.rules);
  }
  if (single) {
    const ruleKeys = Object.fromEntries(Object.entries(body).filter(([k]) => RULE_KEYS.has(k)));
    rules.push(ruleKeys);
  }
  doc.rules = rules
    .map((r, i) =>
      readRule(
        r,
        single && i === rules.length - 1 && body.rules === undefined ? 'rule' : `rules[${i}]`,
        problems,
      ),
    )
    .filter((r): r is FaultRule => r !== undefined);
  if (body.failingStacks !== undefined) {
    const stacks = body.failingStacks;
    if (Array.isArray(stacks) && stacks.every((s) => typeof s === 'string')) {
      doc.failingStacks = Object.fromEntries(stacks.map((s) => [s, 'Injected failure']));
    } else if (isObject(stacks) && Object.values(stacks).every((v) => typeof v === 'string')) {
      doc.failingStacks = stacks as Record<string, string>;
    } else {
      problems.push('failingStacks must map stack names to failure reasons, or list stack names');
    }
  }
  if (body.failingAddons !== undefined) {
    doc.failingAddons = readFailingAddons(body.failingAddons, problems);
  }
  if (body.seed !== undefined) {
    if (typeof body.seed !== 'number') problems.push('seed must be a number');
    else doc.seed = body.seed;
  }
  if (problems.length > 0) throw new Error(`invalid fault document: ${problems.join('; ')}`);
  return doc;
}
