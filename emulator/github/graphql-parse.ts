// A small GraphQL reader for the emulator's queries: one operation, fields with arguments
// (literals or `$variables`), aliases and inline fragments. Named fragments, directives and object
// literals are not read; such a query gets a parse error naming what was not understood.

export type ArgValue = { variable: string } | { literal: unknown };

export interface FieldNode {
  kind: 'field';
  alias?: string;
  name: string;
  args: Record<string, ArgValue>;
  /** Empty for a leaf. */
  selections: SelectionNode[];
  line: number;
  column: number;
}

export interface FragmentNode {
  kind: 'fragment';
  /** The type condition (`... on IssueComment`); absent for `... { }`. */
  on?: string;
  selections: SelectionNode[];
  line: number;
  column: number;
}

export type SelectionNode = FieldNode | FragmentNode;

export interface OperationNode {
  type: 'query' | 'mutation' | 'subscription';
  name?: string;
  selections: SelectionNode[];
}

/** GitHub's wording for a query it cannot read (`Parse error on "}" at [3, 5]`); no place at the end. */
export class GraphqlParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const endOfDocument = (): GraphqlParseError => new GraphqlParseError('Unexpected end of document');

interface Token {
  text: string;
  line: number;
  column: number;
}

const TOKEN =
  /[\s,]+|#[^\n]*|\.\.\.|[{}():!$=@[\]]|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      const column = at - lineStart + 1;
      throw new GraphqlParseError(
        `Parse error on "${source[at]}" at [${line}, ${column}]`,
        line,
        column,
      );
    }
    const text = match[0];
    if (!/^[\s,]/.test(text) && !text.startsWith('#'))
      tokens.push({ text, line, column: at - lineStart + 1 });
    for (let i = 0; i < text.length; i++)
      if (text[i] === '\n') {
        line++;
        lineStart = at + i + 1;
      }
  }
  return tokens;
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.at];
  }

  next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw endOfDocument();
    return token;
  }

  fail(token: Token | undefined = this.peek()): never {
    if (!token) throw endOfDocument();
    throw new GraphqlParseError(
      `Parse error on ${JSON.stringify(token.text)} at [${token.line}, ${token.column}]`,
      token.line,
      token.column,
    );
  }

  expect(text: string): Token {
    const token = this.next();
    if (token.text !== text) this.fail(token);
    return token;
  }

  accept(text: string): boolean {
    if (this.peek()?.text !== text) return false;
    this.at++;
    return true;
  }

  name(): Token {
    const token = this.next();
    if (!/^[_A-Za-z]/.test(token.text)) this.fail(token);
    return token;
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }
}

/** The single operation of `source` (`{ … }` alone is a query). */
export function parseOperation(source: string): OperationNode {
  const reader = new Reader(tokenize(source));
  let type: OperationNode['type'] = 'query';
  let name: string | undefined;
  const first = reader.peek();
  if (first && first.text !== '{') {
    if (!['query', 'mutation', 'subscription'].includes(first.text)) reader.fail(first);
    type = reader.next().text as OperationNode['type'];
    if (reader.peek() && /^[_A-Za-z]/.test(reader.peek()!.text)) name = reader.next().text;
    if (reader.accept('(')) skipVariableDefinitions(reader);
  }
  const selections = selectionSet(reader);
  if (!reader.done()) reader.fail();
  return { type, name, selections };
}

/** `($id: ID!, $after: String = null)`: the types are GitHub's business, the values come in `variables`. */
function skipVariableDefinitions(reader: Reader): void {
  let depth = 1;
  while (depth > 0) {
    const token = reader.next();
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
  }
}

function selectionSet(reader: Reader): SelectionNode[] {
  reader.expect('{');
  const selections: SelectionNode[] = [];
  while (!reader.accept('}')) selections.push(selection(reader));
  if (selections.length === 0) reader.fail();
  return selections;
}

function selection(reader: Reader): SelectionNode {
  const start = reader.peek();
  if (reader.accept('...')) {
    let on: string | undefined;
    if (reader.accept('on')) on = reader.name().text;
    else if (reader.peek()?.text !== '{') reader.fail(); // a named fragment spread
    return {
      kind: 'fragment',
      on,
      selections: selectionSet(reader),
      line: start!.line,
      column: start!.column,
    };
  }
  const first = reader.name();
  let alias: string | undefined;
  let name = first.text;
  if (reader.accept(':')) {
    alias = name;
    name = reader.name().text;
  }
  const args: Record<string, ArgValue> = {};
  if (reader.accept('(')) {
    while (!reader.accept(')')) {
      const arg = reader.name().text;
      reader.expect(':');
      args[arg] = value(reader);
    }
  }
  if (reader.peek()?.text === '@') reader.fail(); // directives are not read
  const selections = reader.peek()?.text === '{' ? selectionSet(reader) : [];
  return { kind: 'field', alias, name, args, selections, line: first.line, column: first.column };
}

function value(reader: Reader): ArgValue {
  const token = reader.next();
  if (token.text === '$') return { variable: reader.name().text };
  if (token.text.startsWith('"')) return { literal: JSON.parse(token.text) as string };
  if (/^-?\d/.test(token.text)) return { literal: Number(token.text) };
  if (token.text === 'true' || token.text === 'false') return { literal: token.text === 'true' };
  if (token.text === 'null') return { literal: null };
  if (/^[_A-Za-z]/.test(token.text)) return { literal: token.text }; // an enum value
  return reader.fail(token);
}

/** An argument's value: the literal, or the variable's value (undefined when not given). */
export function argument(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
): unknown {
  const arg = field.args[name];
  if (!arg) return undefined;
  return 'variable' in arg ? variables[arg.variable] : arg.literal;
}
