import { describe, expect, it } from 'vitest';
import { logLine, logLines } from '../../src/lib/log-line.js';

/** What the runner would read as a command in one line (V2 at the start, V1 anywhere). */
const isCommand = (line: string): boolean =>
  /^::[^\s:]+[^:]*::/.test(line.trimStart()) || /##\[[^\s\]]+[^\]]*\]/.test(line);

describe('logLine', () => {
  it('leaves ordinary text alone', () => {
    for (const s of [
      'cluster "prod" (us-west-2) from clusters/prod.eksctl.yaml',
      'Plan: 1 to create, 0 to update, 0 to delete, 0 to adopt.',
      'a\ttab, ünïcödé, emoji 📋, a URL https://x.example/a::b',
      '## heading [link](x) # not ##, nor #[',
      '',
    ])
      expect(logLine(s)).toBe(s);
  });

  it('makes line breaks and other invisible characters visible, as JSON escapes', () => {
    expect(logLine('a\nb\r\nc\rd')).toBe('a\\nb\\r\\nc\\rd');
    expect(logLine('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(logLine('x\u0000y\u007fz\u0085')).toBe('x\\u0000y\\u007fz\\u0085');
    expect(logLine('evil\u202egnp.yaml')).toBe('evil\\u202egnp.yaml');
    expect(logLine('a\u2028b\u2029c\u200bd\ufeffe')).toBe('a\\u2028b\\u2029c\\u200bd\\ufeffe');
    expect(logLine('tag\u{e0041}')).toBe('tag\\udb40\\udc41');
    // The escapes are JSON's: inside a JSON string they mean the original characters.
    const hostile = 'a\n\u001b\u202e\u2028b';
    expect(JSON.parse(`"${logLine(hostile)}"`)).toBe(hostile);
  });

  it('defuses workflow commands: `::` at the start (after white space), `##[` anywhere', () => {
    expect(logLine('::add-mask::x')).toBe('\\u003a:add-mask::x');
    expect(logLine('   ::notice::forged')).toBe('   \\u003a:notice::forged');
    expect(logLine('\u00a0\u3000::error::x')).toBe('\u00a0\u3000\\u003a:error::x');
    expect(logLine('file ##[add-mask]x.yaml')).toBe('file ##\\u005badd-mask]x.yaml');
    expect(logLine('##[a]##[b]')).toBe('##\\u005ba]##\\u005bb]');
    // a line that is not at the start of the text, or mid-line `::`, is no command
    expect(logLine('see ::notice::x')).toBe('see ::notice::x');
  });

  it('characters a culture-aware comparison would skip do not hide a command', () => {
    for (const s of [
      '\u200b::notice::x',
      '\ufeff::notice::x',
      ':\u200b:notice::x',
      ':\u0301:notice::x',
      ':\ufe0f:notice::x',
      '#\u200b#[add-mask]x',
      '#\u0301#\ufe0f[add-mask]x',
      '\u2028::notice::x',
    ]) {
      const out = logLine(s);
      expect(out, s).not.toMatch(/[\n\r\u200b\ufeff\u2028]/);
      // Even with every character a comparison might skip taken out, no command remains.
      const stripped = out.replace(/[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '');
      expect(isCommand(out) || isCommand(stripped), JSON.stringify(out)).toBe(false);
    }
  });

  it('is idempotent', () => {
    for (const s of ['::a::b', 'x\n::add-mask::y', '##[a]', ':\u0301:n::x', 'plain'])
      expect(logLine(logLine(s))).toBe(logLine(s));
  });
});

describe('logLines', () => {
  it('keeps LF and CRLF as line breaks (as LF) and treats every line like logLine', () => {
    expect(logLines('a\r\nb\n::notice::c\n')).toBe('a\nb\n\\u003a:notice::c\n');
    expect(logLines('x\ry')).toBe('x\\ry');
  });

  it('JSON keeps its meaning: every escape written is a JSON escape', () => {
    const hostile = {
      file: 'a\n::add-mask::x ##[error]y \u001b[2J \u202e \u2028 \u0085 \u007f',
      '::notice::k': ['##[warning]', '\u200b::x'],
    };
    for (const json of [JSON.stringify(hostile), JSON.stringify(hostile, null, 2)])
      expect(JSON.parse(logLines(json))).toEqual(hostile);
  });

  it('no line of the result is a command, whatever the input', () => {
    const hostile = [
      'ok',
      '::set-output name=x::1',
      '  ::add-mask::secret',
      'a ##[error]b',
      '\r::notice::cr',
      '\u0085::notice::nel',
    ].join('\n');
    for (const line of logLines(hostile).split(/\r\n|\r|\n/)) expect(isCommand(line)).toBe(false);
  });
});
