// IAM wildcards: `*` (any run of characters) and `?` (one character), nothing else special.

const cache = new Map<string, RegExp>();

export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    const source = pattern
      .split('')
      .map((ch) =>
        ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(key, regex);
  }
  return regex.test(value);
}
