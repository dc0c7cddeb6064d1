// The one sink for text that reaches a log: everything the action writes to the runner and everything
// the CLI prints passes through `logLine` (one line) or `logLines` (text of several lines), so a file
// name, a cluster or add-on name, or an AWS or GitHub message cannot start a line of its own, cannot
// steer a terminal, and cannot be read by the GitHub runner as a workflow command.
//
// What the runner acts on (actions/runner, ActionCommand.TryParseV2 and TryParse): it reads its output
// line by line (LF, CR and CRLF each end a line); `::name props::data` counts at the start of a line
// after leading white space, the legacy `##[name props]data` anywhere in a line. Its comparisons may be
// culture-aware, which skips zero-width characters, so those are made visible first.

/** Characters that would break a line, steer a terminal or hide between the characters of a command:
 * C0/C1 controls (tab excepted), format characters (bidi overrides, zero-width), default-ignorable
 * code points, and the Unicode line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

/** A JSON-style escape (`\n`, `\u001b`), so escaped text pasted into a JSON string means the same. */
function escapeChar(c: string): string {
  if (c === '\t') return c;
  if (NAMED[c]) return NAMED[c];
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `::` at the start of the line (combining marks between the colons count as nothing). */
const COMMAND_START = /^(\s*):(\p{M}*):/u;
/** `##[` anywhere in the line, the same way. */
const LEGACY_COMMAND = /#(\p{M}*)#(\p{M}*)\[/gu;

/**
 * One line, safe for any log: line breaks and other invisible characters become visible escapes
 * (`\n`, `\u202e`), and what the runner would read as a workflow command has its first `:` (or the
 * `[` of `##[`) written as `\u003a` (`\u005b`). Text with none of these is returned unchanged, and
 * `logLine(logLine(s)) === logLine(s)`.
 */
export function logLine(text: string): string {
  return text
    .replace(INVISIBLE, escapeChar)
    .replace(COMMAND_START, '$1\\u003a$2:')
    .replace(LEGACY_COMMAND, '#$1#$2\\u005b');
}

/** Text of several lines (LF or CRLF between them, kept as LF), each line through `logLine`. */
export function logLines(text: string): string {
  return text.split(/\r?\n/).map(logLine).join('\n');
}
