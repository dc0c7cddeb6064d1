// IAM `Condition` blocks: the string operators (with `IfExists`, `ForAnyValue:` / `ForAllValues:`)
// and `Null`. A condition on a key the emulator does not model (it knows only the keys in the
// request context it builds) evaluates to 'unknown'; the caller decides what that means.

import { globMatch } from './glob.js';

export type ConditionResult = true | false | 'unknown';

/** Context key (lower case) → its value(s); `known` lists keys the emulator models (lower case). */
export interface ConditionContext {
  values: Map<string, string[]>;
  known: (key: string) => boolean;
}

type Compare = (conditionValue: string, requestValue: string) => boolean;

const COMPARE: Record<string, { test: Compare; negated: boolean }> = {
  stringequals: { test: (c, v) => c === v, negated: false },
  stringnotequals: { test: (c, v) => c === v, negated: true },
  stringequalsignorecase: { test: (c, v) => c.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { test: (c, v) => c.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { test: (c, v) => globMatch(c, v, false), negated: false },
  stringnotlike: { test: (c, v) => globMatch(c, v, false), negated: true },
};

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map((v) => String(v));

function evaluateOne(
  operator: string,
  key: string,
  conditionValues: string[],
  ctx: ConditionContext,
): ConditionResult {
  const lowerKey = key.toLowerCase();
  if (!ctx.known(lowerKey)) return 'unknown';
  const present = ctx.values.get(lowerKey);
  let op = operator.toLowerCase();
  if (op === 'null') {
    const wantsAbsent = conditionValues.some((v) => v.toLowerCase() === 'true');
    return wantsAbsent === (present === undefined || present.length === 0);
  }
  const set = op.startsWith('foranyvalue:')
    ? 'any'
    : op.startsWith('forallvalues:')
      ? 'all'
      : undefined;
  if (set) op = op.slice(op.indexOf(':') + 1);
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -'ifexists'.length);
  const compare = COMPARE[op];
  if (!compare) return 'unknown';
  if (present === undefined || present.length === 0) {
    // A missing key: ForAllValues over an empty set is true; IfExists and negated operators pass.
    if (set === 'all' || ifExists) return true;
    return compare.negated;
  }
  const matchesSome = (v: string): boolean => conditionValues.some((c) => compare.test(c, v));
  if (set === 'all') {
    return present.every((v) => (compare.negated ? !matchesSome(v) : matchesSome(v)));
  }
  // Single-valued keys and ForAnyValue: some request value satisfies the operator.
  return present.some((v) => (compare.negated ? !matchesSome(v) : matchesSome(v)));
}

/** All operators and keys must hold (AND); values under one key are alternatives (OR). */
export function evaluateConditions(block: unknown, ctx: ConditionContext): ConditionResult {
  if (block === undefined || block === null) return true;
  if (typeof block !== 'object') return false;
  let result: ConditionResult = true;
  for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null) return false;
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      const one = evaluateOne(operator, key, asList(values), ctx);
      if (one === false) return false;
      if (one === 'unknown') result = 'unknown';
    }
  }
  return result;
}
