// Escaping of user-controlled strings for GitHub Markdown (PR comments, job summaries). Tag
// values, names and messages come from config files and AWS: they must render as text, never as
// HTML, links, mentions or Markdown structure.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '@': '&#64;', // no @mentions
};

/**
 * Text outside code: HTML-escaped, Markdown punctuation backslash-escaped, one line. `-`, `.`, `+`
 * and `!` only make structure at the start of a line or before `[`, which is escaped; `://` is broken
 * so a value cannot become a link.
 */
export function escapeMarkdown(text: string): string {
  // One pass, so the `#` of an entity written here is not escaped again.
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>"'@\\`*_{}[\]#|~]|:(?=\/\/)/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}

/** A fenced code block that no line of `body` can close: the fence is longer than any backtick run. */
export function codeBlock(body: string, language = ''): string {
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}

/** The opening fence `codeBlock` would use for these lines (longer than any backtick run in them). */
export function fenceFor(lines: readonly string[]): string {
  return codeBlock(lines.join('\n')).split('\n')[0];
}

/** A value on one line inside a code block: control characters and line breaks made visible. */
export function codeValue(value: unknown): string {
  if (typeof value === 'string') {
    return /^[\x20-\x7e]*$/.test(value) && value.trim() === value ? value : JSON.stringify(value);
  }
  return JSON.stringify(value) ?? 'null';
}
