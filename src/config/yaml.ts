// YAML → AST with positions, and a small typed reader over it.
// We walk the AST ourselves (instead of toJS) so every problem can point at the offending node.
import type { Document } from 'yaml';
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Problem, Severity } from './model.js';

export interface Pos {
  line: number;
  column: number;
}

export interface Entry {
  key: string;
  keyNode: Node;
  /** Null for `key:` with no value; aliases are already resolved. */
  value: Node | null;
}

/** Alias expansions allowed per file: enough for real anchors, far too few for a "billion laughs". */
export const MAX_ALIASES = 100;
/** Deeper than any real config; keeps recursion far from the stack limit. */
const MAX_DEPTH = 64;

export class Reader {
  readonly problems: Problem[] = [];
  private aliasesLeft = MAX_ALIASES;
  private aliasLimitReported = false;

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed | undefined,
    private readonly lc: LineCounter,
  ) {}

  at(offset: number): Pos {
    const { line, col } = this.lc.linePos(Math.max(0, offset));
    return { line, column: col };
  }

  pos(node: Node | null | undefined, fallback?: Pos): Pos {
    const start = node?.range?.[0];
    if (start === undefined) return fallback ?? { line: 1, column: 1 };
    return this.at(start);
  }

  add(severity: Severity, at: Pos, path: string | undefined, message: string, hint?: string): void {
    const p: Problem = { severity, file: this.file, line: at.line, column: at.column, message };
    if (path) p.path = path;
    if (hint) p.hint = hint;
    this.problems.push(p);
  }

  error(at: Pos, path: string | undefined, message: string, hint?: string): void {
    this.add('error', at, path, message, hint);
  }

  warn(at: Pos, path: string | undefined, message: string, hint?: string): void {
    this.add('warning', at, path, message, hint);
  }

  /** Resolves aliases under a per-file budget; null means "no value" (also for a spent budget). */
  deref(node: unknown): Node | null {
    let n = node as Node | null | undefined;
    for (let hops = 0; n && isAlias(n); hops++) {
      if (this.aliasesLeft-- <= 0 || hops > 8 || !this.doc) {
        if (!this.aliasLimitReported) {
          this.aliasLimitReported = true;
          this.error(
            this.pos(n),
            undefined,
            `too many alias expansions (more than ${MAX_ALIASES}) in this file`,
            'expand the anchors by hand; the limit protects against alias bombs',
          );
        }
        return null;
      }
      n = n.resolve(this.doc) as Node | undefined;
    }
    if (!n) return null;
    if (isScalar(n) && n.value === null) return null;
    return n;
  }

  /** A short description of a node's type and value, for "expected X, got Y" messages. */
  describe(node: Node | null): string {
    if (node === null) return 'null';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return `string ${quote(v)}`;
      if (typeof v === 'boolean') return `boolean ${v}`;
      if (typeof v === 'number' || typeof v === 'bigint') return `number ${sourceOf(node)}`;
      return `${typeof v} ${quote(String(v))}`;
    }
    return 'an unsupported value';
  }

  private expected(node: Node, path: string, what: string, hint: string): void {
    this.error(this.pos(node), path, `${path}: expected ${what}, got ${this.describe(node)}`, hint);
  }

  /** Entries of a mapping (merge keys applied, duplicates dropped: the parser already reported them). */
  map(node: Node | null, path: string): Entry[] | undefined {
    if (node === null) return undefined;
    if (!isMap(node)) {
      this.expected(node, path, 'a mapping', `write ${path} as "key: value" lines`);
      return undefined;
    }
    const out: Entry[] = [];
    const seen = new Set<string>();
    const merged: Entry[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as Node | null;
      const keyScalar = this.deref(keyNode);
      if (!keyScalar || !isScalar(keyScalar) || typeof keyScalar.value === 'object') {
        this.error(
          this.pos(keyNode ?? node),
          path,
          `${path}: keys must be plain strings, got ${this.describe(keyScalar)}`,
          'use a plain string as the key',
        );
        continue;
      }
      const key = String(keyScalar.value);
      if (key === '<<' && isScalar(keyNode) && sourceOf(keyNode) === '<<') {
        merged.push(...this.mergeSources(item.value as Node | null, path));
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, keyNode: keyNode as Node, value: this.deref(item.value) });
    }
    for (const e of merged) {
      if (!seen.has(e.key)) {
        seen.add(e.key);
        out.push(e);
      }
    }
    return out;
  }

  private mergeSources(value: Node | null, path: string): Entry[] {
    const v = this.deref(value);
    const sources = v && isSeq(v) ? v.items.map((i) => this.deref(i)) : [v];
    const out: Entry[] = [];
    for (const s of sources) out.push(...(this.map(s, path) ?? []));
    return out;
  }

  seq(node: Node | null, path: string): (Node | null)[] | undefined {
    if (node === null) return undefined;
    if (!isSeq(node)) {
      this.expected(node, path, 'a list', `write ${path} as a list ("- item" lines)`);
      return undefined;
    }
    return node.items.map((i) => this.deref(i));
  }

  str(node: Node | null, path: string): string | undefined {
    if (node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    const hint =
      isScalar(node) && node.value !== null && typeof node.value !== 'object'
        ? `quote the value: ${path.split('.').pop()}: "${sourceOf(node)}"`
        : `${path} takes a single string`;
    this.expected(node, path, 'a string', hint);
    return undefined;
  }

  bool(node: Node | null, path: string): boolean | undefined {
    if (node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.expected(node, path, 'a boolean', 'use true or false, without quotes');
    return undefined;
  }

  strList(node: Node | null, path: string): { value: string; node: Node }[] {
    const items = this.seq(node, path) ?? [];
    const out: { value: string; node: Node }[] = [];
    items.forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (item === null) {
        this.error(this.pos(node), p, `${p}: expected a string, got null`, 'remove the empty item');
        return;
      }
      const s = this.str(item, p);
      if (s !== undefined) out.push({ value: s, node: item });
    });
    return out;
  }

  /** A map of strings (tags, annotations); numbers and booleans must be quoted, as for eksctl. */
  strMap(
    node: Node | null,
    path: string,
  ): { entries: Record<string, string>; keys: Map<string, Node> } {
    const entries: Record<string, string> = {};
    const keys = new Map<string, Node>();
    for (const e of this.map(node, path) ?? []) {
      const s = e.value === null ? '' : this.str(e.value, `${path}.${e.key}`);
      if (s === undefined) continue;
      setOwn(entries, e.key, s);
      keys.set(e.key, e.keyNode);
    }
    return { entries, keys };
  }

  /** Plain JS value of a subtree, with aliases counted against the budget. */
  plain(node: Node | null, depth = 0): unknown {
    if (node === null) return null;
    if (depth > MAX_DEPTH) return null;
    if (isScalar(node)) return typeof node.value === 'bigint' ? Number(node.value) : node.value;
    if (isSeq(node)) return node.items.map((i) => this.plain(this.deref(i), depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const e of this.map(node, '') ?? []) setOwn(out, e.key, this.plain(e.value, depth + 1));
      return out;
    }
    return null;
  }
}

/** Plain assignment would let a `__proto__` key replace the prototype instead of adding an entry. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export function quote(s: string): string {
  return JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
}

function sourceOf(node: Node): string {
  const src = (node as { source?: unknown }).source;
  if (typeof src === 'string') return src;
  return String((node as { value?: unknown }).value);
}

export interface ParsedFile {
  reader: Reader;
  root: Node | null;
  /** The document is of the kind the caller reads (see `parseYamlFile`). */
  ours: boolean;
  /**
   * The YAML itself is broken (a duplicate key is not: the document still reads as written). What
   * the parser recovered is then no evidence of what the user meant: only the syntax is reported.
   */
  syntaxBroken: boolean;
}

/**
 * Parses one file: exactly one document expected; syntax problems are recorded, never thrown.
 * `isOurs` says whether the document is of the kind the caller reads: only then may a problem quote
 * the file's text (a duplicate key's name). Syntax problems never quote it; they point at line and
 * column, so a file that was never meant to be read (credentials, a binary) is echoed nowhere.
 */
export function parseYamlFile(
  text: string,
  file: string,
  isOurs: (root: Node | null) => boolean,
): ParsedFile {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const list = Array.isArray(docs) ? docs : [];
  const reader = new Reader(file, list[0], lc);
  const root = (list[0]?.contents ?? null) as Node | null;
  const ours = isOurs(root);
  const message = (e: YAMLError) => yamlMessage(e, ours ? text : undefined);
  const syntaxBroken = list.some((d) => d.errors.some((e) => e.code !== 'DUPLICATE_KEY'));
  for (const doc of list) {
    for (const e of doc.errors)
      reader.error(reader.at(e.pos[0]), undefined, message(e), yamlHint(e.code));
    for (const w of doc.warnings)
      reader.warn(reader.at(w.pos[0]), undefined, message(w), yamlHint(w.code));
  }
  if (list.length > 1) {
    reader.error(
      reader.at(list[1].range[0]),
      undefined,
      `found ${list.length} YAML documents; a ClusterConfig file must hold exactly one`,
      'one file = one cluster: move each document into its own file',
    );
  }
  if (list.length === 0 || list[0].contents === null) {
    reader.error(
      { line: 1, column: 1 },
      undefined,
      'the file is empty; expected a ClusterConfig document',
      'start the file with "apiVersion: eksctl.io/v1alpha5" and "kind: ClusterConfig"',
    );
    return { reader, root: null, ours, syntaxBroken };
  }
  return { reader, root, ours, syntaxBroken };
}

/** Codes whose messages (yaml 2.x) are fixed sentences that quote nothing from the file. */
const FIXED_MESSAGE_CODES = new Set([
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'TAB_AS_INDENT',
]);
/** The UNEXPECTED_TOKEN messages that name only a token type or a collection kind. */
const FIXED_UNEXPECTED =
  /^(Unexpected (, |empty item )in (flow map|flow sequence|flow collection|collection)|Unexpected [a-z-]+ (token|at node end)|Expected a flow scalar value, but found: [a-z-]+)$/;
/** Our words for the codes whose messages may quote the file (a tag, a directive, a token). */
const OWN_WORDS: Record<string, string> = {
  BAD_COLLECTION_TYPE: 'a tag does not fit the kind of collection it is on',
  BAD_DIRECTIVE: 'a % directive that YAML does not know',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  BAD_SCALAR_START: 'a plain value cannot start with this character',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'the document is too large or too deeply nested',
  TAG_RESOLVE_FAILED: 'a tag (a value starting with !) that YAML cannot resolve',
  UNEXPECTED_TOKEN: 'unexpected characters here',
};

/**
 * The problem's message: the parser's own sentence when it is a fixed one, our words otherwise, so
 * nothing of the file's text is quoted. A duplicate key is named only when `text` is given (the
 * document is one the caller reads).
 */
function yamlMessage(e: YAMLError, text: string | undefined): string {
  if (e.code === 'DUPLICATE_KEY') {
    if (text === undefined) return 'duplicate key';
    const m = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0], e.pos[0] + 300));
    const key = (m?.[1] ?? '').trim().replace(/^["']|["']$/g, '');
    return `duplicate key ${quote(key)}`;
  }
  const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const fixed =
    FIXED_MESSAGE_CODES.has(e.code) ||
    (e.code === 'UNEXPECTED_TOKEN' && FIXED_UNEXPECTED.test(msg));
  return `YAML syntax error: ${fixed ? msg : (OWN_WORDS[e.code] ?? 'not valid YAML here')}`;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear only once in a mapping; remove or merge the repeated key';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'TAG_RESOLVE_FAILED':
      return 'custom tags such as !Ref are not understood by eksctl; write the plain value';
    default:
      return 'fix the YAML syntax at this position';
  }
}
