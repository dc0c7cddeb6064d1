// awsQuery request bodies: `Action=Op&Version=V&Name=v&List.member.1=a&Structs.member.1.Key=k&Map.entry.1.key=k`.
// The SDK flattens every input this way; an empty list arrives as `Name=` (aws-api.md §1.3).

import { QueryError } from './errors.js';

export class QueryParams {
  readonly raw: URLSearchParams;

  constructor(body: string) {
    this.raw = new URLSearchParams(body);
  }

  get action(): string | undefined {
    return this.raw.get('Action') ?? undefined;
  }

  has(name: string): boolean {
    return this.raw.has(name) || this.keysUnder(`${name}.`).length > 0;
  }

  /** A scalar parameter; undefined when absent. */
  str(name: string): string | undefined {
    return this.raw.get(name) ?? undefined;
  }

  /** A required scalar: AWS answers a ValidationError naming the member in camelCase. */
  required(name: string): string {
    const value = this.str(name);
    if (value === undefined) {
      const member = name.charAt(0).toLowerCase() + name.slice(1);
      throw new QueryError(
        400,
        'ValidationError',
        `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.str(name);
    return value === undefined ? undefined : value === 'true';
  }

  int(name: string): number | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n)) {
      throw new QueryError(400, 'ValidationError', `Invalid value '${value}' for ${name}`);
    }
    return n;
  }

  /** `Name.member.N` strings. undefined when not sent at all, [] for `Name=`. */
  list(name: string): string[] | undefined {
    const indices = this.indices(`${name}.member.`);
    if (indices.length === 0) return this.raw.has(name) ? [] : undefined;
    return indices.map((i) => this.raw.get(`${name}.member.${i}`) ?? '');
  }

  /** `Name.member.N.Field` structures (one level deep, which is all these services need). */
  structList(name: string): Record<string, string>[] | undefined {
    const prefix = `${name}.member.`;
    const indices = this.indices(prefix);
    if (indices.length === 0) return this.raw.has(name) ? [] : undefined;
    return indices.map((i) => {
      const item: Record<string, string> = {};
      const itemPrefix = `${prefix}${i}.`;
      for (const key of this.keysUnder(itemPrefix)) {
        item[key.slice(itemPrefix.length)] = this.raw.get(key) ?? '';
      }
      return item;
    });
  }

  /** `Name.entry.N.key` / `Name.entry.N.value` maps. */
  map(name: string): Record<string, string> | undefined {
    const prefix = `${name}.entry.`;
    const indices = this.indices(prefix);
    if (indices.length === 0) return this.raw.has(name) ? {} : undefined;
    const out: Record<string, string> = {};
    for (const i of indices) {
      const key = this.raw.get(`${prefix}${i}.key`);
      if (key !== null) out[key] = this.raw.get(`${prefix}${i}.value`) ?? '';
    }
    return out;
  }

  private keysUnder(prefix: string): string[] {
    return [...this.raw.keys()].filter((k) => k.startsWith(prefix));
  }

  /** Distinct N of `<prefix>N[.…]`, in numeric order (the SDK numbers from 1). */
  private indices(prefix: string): number[] {
    const seen = new Set<number>();
    for (const key of this.keysUnder(prefix)) {
      const n = Number.parseInt(key.slice(prefix.length), 10);
      if (Number.isInteger(n)) seen.add(n);
    }
    return [...seen].sort((a, b) => a - b);
  }
}
