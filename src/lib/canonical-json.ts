// Canonical JSON: object keys sorted, `undefined` members dropped, no whitespace.
// Shared by the role templates (so a template body is byte-stable) and the plan fingerprint
// (so the same intent always hashes the same, whatever order the keys were built in).

export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalize(item ?? null));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = canonicalize(member);
    }
    return out;
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}
