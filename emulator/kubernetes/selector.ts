// Label selectors as `labelSelector=` takes them: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
// `a in (x,y)`, `a notin (x,y)`, comma-separated (all must hold).

import { badRequest } from './status.js';

type Requirement = (labels: Record<string, string>) => boolean;

/** Splits on commas outside parentheses. */
function terms(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((t) => t.trim());
}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function requirement(term: string): Requirement {
  const bad = () =>
    badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const [, key, op, list] = set;
    const values = list.split(',').map((v) => v.trim());
    if (!KEY.test(key) || values.some((v) => !VALUE.test(v))) throw bad();
    return op === 'in'
      ? (l) => key in l && values.includes(l[key])
      : (l) => !(key in l) || !values.includes(l[key]);
  }
  const cmp = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (cmp) {
    const [, key, op, value] = cmp;
    if (!KEY.test(key) || !VALUE.test(value)) throw bad();
    return op === '!=' ? (l) => l[key] !== value : (l) => key in l && l[key] === value;
  }
  const absent = /^!\s*(\S+)$/.exec(term);
  if (absent) {
    if (!KEY.test(absent[1])) throw bad();
    return (l) => !(absent[1] in l);
  }
  if (KEY.test(term)) return (l) => term in l;
  throw bad();
}

/** A predicate over labels; an empty selector matches everything. */
export function parseSelector(selector: string | null): Requirement {
  if (!selector || selector.trim() === '') return () => true;
  const requirements = terms(selector).map(requirement);
  return (labels) => requirements.every((r) => r(labels));
}
