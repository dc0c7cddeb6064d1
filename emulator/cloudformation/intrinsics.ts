// Intrinsic functions: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If and the
// condition functions, Fn::FindInMap, Fn::Base64, plus the pseudo parameters.

import { QueryError } from '../query/errors.js';

/** `Ref: AWS::NoValue` removes the property or list element it stands in. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolveContext {
  params: Record<string, string>;
  paramTypes: Record<string, string>;
  pseudo: Record<string, string>;
  mappings: Record<string, Record<string, Record<string, unknown>>>;
  conditions: Record<string, unknown>;
  /** Ref of a resource (its physical id / name / ARN, per type). */
  ref(logicalId: string): string;
  getAtt(logicalId: string, attribute: string): string;
}

const templateError = (message: string): QueryError =>
  new QueryError(400, 'ValidationError', `Template error: ${message}`);

const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

/** Names (resources, parameters, pseudo parameters) a value refers to, for dependency order. */
export function referencesOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referencesOf(v, out);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof obj.Ref === 'string') out.add(obj.Ref);
    else if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const target = obj['Fn::GetAtt'];
      const id = Array.isArray(target) ? target[0] : String(target).split('.')[0];
      if (typeof id === 'string') out.add(id);
    } else if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const arg = obj['Fn::Sub'];
      const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
      referencesOf(vars, out);
      for (const m of String(text).matchAll(SUB_VARIABLE)) {
        const name = m[1].trim().split('.')[0];
        if (!(name in (vars as object))) out.add(name);
      }
    } else for (const v of Object.values(obj)) referencesOf(v, out);
  }
  return out;
}

function refValue(name: string, ctx: ResolveContext): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in ctx.pseudo) return ctx.pseudo[name];
  if (name in ctx.params) {
    const type = ctx.paramTypes[name] ?? 'String';
    return type === 'CommaDelimitedList' || type.startsWith('List<')
      ? ctx.params[name].split(',').map((s) => s.trim())
      : ctx.params[name];
  }
  if (name.startsWith('AWS::')) throw templateError(`Unresolved resource dependencies [${name}]`);
  return ctx.ref(name);
}

export function evaluateCondition(name: string, ctx: ResolveContext): boolean {
  if (!(name in ctx.conditions))
    throw templateError(`Unresolved condition dependency ${name} in Fn::If`);
  return Boolean(resolve(ctx.conditions[name], ctx));
}

function str(value: unknown, fn: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw templateError(`every value of the list must be a string in ${fn}`);
}

export function resolve(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx)).filter((v) => v !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const [key] = keys;
    const arg = obj[key];
    switch (key) {
      case 'Ref':
        return refValue(String(arg), ctx);
      case 'Condition':
        return evaluateCondition(String(arg), ctx);
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/s);
        return ctx.getAtt(String(id), String(resolve(attr, ctx)));
      }
      case 'Fn::Sub':
        return sub(arg, ctx);
      case 'Fn::Join': {
        const [sep, list] = arg as [string, unknown];
        const items = resolve(list, ctx);
        if (!Array.isArray(items)) throw templateError('Fn::Join requires a list');
        return items.map((i) => str(i, 'Fn::Join')).join(String(sep));
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = resolve(list, ctx);
        const i = Number(resolve(index, ctx));
        if (!Array.isArray(items) || !(i >= 0 && i < items.length))
          throw templateError('Fn::Select cannot select nonexistent value at index ' + i);
        return items[i];
      }
      case 'Fn::Split': {
        const [sep, text] = arg as [string, unknown];
        return str(resolve(text, ctx), 'Fn::Split').split(sep);
      }
      case 'Fn::If': {
        const [cond, yes, no] = arg as [string, unknown, unknown];
        return resolve(evaluateCondition(cond, ctx) ? yes : no, ctx);
      }
      case 'Fn::Equals': {
        const [a, b] = (arg as unknown[]).map((v) => resolve(v, ctx));
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case 'Fn::Not':
        return !resolve((arg as unknown[])[0], ctx);
      case 'Fn::And':
        return (arg as unknown[]).every((v) => Boolean(resolve(v, ctx)));
      case 'Fn::Or':
        return (arg as unknown[]).some((v) => Boolean(resolve(v, ctx)));
      case 'Fn::Base64':
        return Buffer.from(str(resolve(arg, ctx), 'Fn::Base64')).toString('base64');
      case 'Fn::FindInMap': {
        const [map, top, second] = (arg as unknown[]).map((v) => String(resolve(v, ctx)));
        const found = ctx.mappings[map]?.[top]?.[second];
        if (found === undefined)
          throw templateError(`Unable to get mapping for ${map}::${top}::${second}`);
        return found;
      }
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((z) => `${ctx.pseudo['AWS::Region']}${z}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const r = resolve(v, ctx);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function sub(arg: unknown, ctx: ResolveContext): string {
  const [text, rawVars] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
  const vars = resolve(rawVars, ctx) as Record<string, unknown>;
  const replaced = String(text).replace(SUB_VARIABLE, (_m, expr: string) => {
    const name = expr.trim();
    if (name in vars) return str(vars[name], 'Fn::Sub');
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::'))
      return ctx.getAtt(name.slice(0, dot), name.slice(dot + 1));
    return str(refValue(name, ctx), 'Fn::Sub');
  });
  // `${!Literal}` writes `${Literal}`.
  return replaced.replace(/\$\{!/g, '${');
}
