// GraphQL `node(id:)` queries on issue comments: the author, the editor, and the edit history
// (`userContentEdits`, newest first, paged by opaque cursors). A small slice of GitHub's schema,
// checked before running as GitHub checks it: unknown fields, missing or excessive `first`/`last`.

import {
  argument,
  type FieldNode,
  type OperationNode,
  type SelectionNode,
} from './graphql-parse.js';
import { userNodeId } from './shapes.js';
import type { CommentEdit, CommentRecord, GithubState, GithubUser } from './state.js';

export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

export interface GraphqlResult {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

interface Context {
  state: GithubState;
  variables: Record<string, unknown>;
  viewer: GithubUser;
  errors: GraphqlError[];
}

/** A field that fails while running: it answers null, and the error names its path. */
class FieldError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Resolver = (source: never, field: FieldNode, ctx: Context) => unknown;

interface FieldDef {
  type: string;
  list?: boolean;
  resolve?: Resolver;
}

interface TypeDef {
  fields: Record<string, FieldDef>;
  /** Abstract types: the concrete type of a value. */
  concrete?: (value: never) => string;
}

const SCALARS = new Set(['String', 'Int', 'Boolean', 'ID', 'DateTime', 'URI']);
const WEB = 'https://github.com';
/** The most a connection returns per page, as on GitHub. */
export const MAX_PAGE = 100;

const bare = (user: GithubUser): string => user.login.replace(/\[bot\]$/, '');
const actorType = (user: GithubUser): string => (user.type === 'Bot' ? 'Bot' : user.type);

const ACTOR_FIELDS: Record<string, FieldDef> = {
  // GraphQL names a GitHub App's bot by its slug: REST `github-actions[bot]` is `github-actions`.
  login: { type: 'String', resolve: (u: GithubUser) => bare(u) },
  id: { type: 'ID', resolve: (u: GithubUser) => userNodeId(u) },
  avatarUrl: {
    type: 'URI',
    resolve: (u: GithubUser) => `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
  },
  resourcePath: { type: 'URI', resolve: (u: GithubUser) => resourcePath(u) },
  url: { type: 'URI', resolve: (u: GithubUser) => `${WEB}${resourcePath(u)}` },
};

const resourcePath = (u: GithubUser): string =>
  u.type === 'Bot' ? `/apps/${bare(u)}` : `/${u.login}`;

/** Interfaces an issue comment answers fragments on (`... on Comment { … }`). */
const COMMENT_INTERFACES = new Set([
  'Comment',
  'Deletable',
  'Minimizable',
  'Reactable',
  'RepositoryNode',
  'Updatable',
  'UpdatableComment',
]);

const TYPES: Record<string, TypeDef> = {
  Query: {
    fields: {
      node: {
        type: 'Node',
        resolve: (_: unknown, field: FieldNode, ctx: Context) => findNode(field, ctx),
      },
    },
  },
  Node: { fields: { id: { type: 'ID' } }, concrete: () => 'IssueComment' },
  IssueComment: {
    fields: {
      id: { type: 'ID', resolve: (c: CommentRecord) => c.nodeId },
      databaseId: { type: 'Int', resolve: (c: CommentRecord) => c.id },
      fullDatabaseId: { type: 'String', resolve: (c: CommentRecord) => String(c.id) },
      body: { type: 'String' },
      createdAt: { type: 'DateTime' },
      updatedAt: { type: 'DateTime' },
      lastEditedAt: { type: 'DateTime', resolve: (c: CommentRecord) => c.edits.at(-1)?.editedAt },
      includesCreatedEdit: { type: 'Boolean', resolve: (c: CommentRecord) => c.edits.length > 0 },
      isMinimized: { type: 'Boolean', resolve: (c: CommentRecord) => c.minimizedReason != null },
      minimizedReason: { type: 'String' },
      authorAssociation: { type: 'String' },
      viewerDidAuthor: {
        type: 'Boolean',
        resolve: (c: CommentRecord, _f: FieldNode, ctx: Context) =>
          c.user.login === ctx.viewer.login,
      },
      author: { type: 'Actor', resolve: (c: CommentRecord) => c.user },
      editor: {
        type: 'Actor',
        resolve: (c: CommentRecord, _f: FieldNode, ctx: Context) => editorOf(c.edits.at(-1), ctx),
      },
      userContentEdits: {
        type: 'UserContentEditConnection',
        resolve: (c: CommentRecord, field: FieldNode, ctx: Context) => page(c, field, ctx),
      },
    },
  },
  Actor: { fields: ACTOR_FIELDS, concrete: (u: GithubUser) => actorType(u) },
  Bot: { fields: ACTOR_FIELDS },
  User: { fields: ACTOR_FIELDS },
  Organization: { fields: ACTOR_FIELDS },
  UserContentEditConnection: {
    fields: {
      totalCount: { type: 'Int' },
      pageInfo: { type: 'PageInfo' },
      nodes: { type: 'UserContentEdit', list: true },
      edges: { type: 'UserContentEditEdge', list: true },
    },
  },
  UserContentEditEdge: {
    fields: { cursor: { type: 'String' }, node: { type: 'UserContentEdit' } },
  },
  PageInfo: {
    fields: {
      hasNextPage: { type: 'Boolean' },
      hasPreviousPage: { type: 'Boolean' },
      startCursor: { type: 'String' },
      endCursor: { type: 'String' },
    },
  },
  UserContentEdit: {
    fields: {
      id: { type: 'ID' },
      editedAt: { type: 'DateTime' },
      createdAt: { type: 'DateTime' },
      updatedAt: { type: 'DateTime', resolve: (e: CommentEdit) => e.createdAt },
      deletedAt: { type: 'DateTime', resolve: () => null },
      deletedBy: { type: 'Actor', resolve: () => null },
      diff: { type: 'String' },
      editor: {
        type: 'Actor',
        resolve: (e: CommentEdit, _f: FieldNode, ctx: Context) => editorOf(e, ctx),
      },
    },
  },
};

/** A deleted account's edits keep their place in the history, with no editor. */
function editorOf(edit: CommentEdit | undefined, ctx: Context): GithubUser | null {
  if (!edit || ctx.state.deletedUsers.has(edit.editor.login.toLowerCase())) return null;
  return edit.editor;
}

/** GitHub's message for an id that names nothing (no full stop, as GitHub writes it). */
export const notFound = (id: string): string =>
  `Could not resolve to a node with the global id of '${id}'`;

function findNode(field: FieldNode, ctx: Context): CommentRecord {
  const id = String(argument(field, 'id', ctx.variables) ?? '');
  const dbId = ctx.state.byNodeId.get(id);
  const comment = dbId === undefined ? undefined : ctx.state.comments.get(dbId);
  if (!comment) throw new FieldError('NOT_FOUND', notFound(id));
  return comment;
}

const cursorOf = (edit: CommentEdit): string =>
  Buffer.from(`cursor:v2:${edit.seq}`).toString('base64');

function seqOf(cursor: unknown): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const seq = Buffer.from(String(cursor), 'base64')
    .toString()
    .match(/^cursor:v2:(\d+)$/)?.[1];
  if (seq === undefined)
    throw new FieldError(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${String(cursor)}\` does not appear to be a valid cursor.`,
    );
  return Number(seq);
}

/** One page of the history, newest first (`after` = older than, `before` = newer than). */
function page(comment: CommentRecord, field: FieldNode, ctx: Context): Record<string, unknown> {
  const all = [...comment.edits].reverse();
  const after = seqOf(argument(field, 'after', ctx.variables));
  const before = seqOf(argument(field, 'before', ctx.variables));
  let window = all.filter(
    (e) => (after === undefined || e.seq < after) && (before === undefined || e.seq > before),
  );
  const first = argument(field, 'first', ctx.variables);
  const last = argument(field, 'last', ctx.variables);
  if (typeof first === 'number') window = window.slice(0, first);
  if (typeof last === 'number') window = window.slice(Math.max(0, window.length - last));
  const start = window.length > 0 ? all.indexOf(window[0]) : -1;
  const end = window.length > 0 ? all.indexOf(window[window.length - 1]) : -1;
  return {
    totalCount: all.length,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end >= 0 && end < all.length - 1,
      startCursor: window.length > 0 ? cursorOf(window[0]) : null,
      endCursor: window.length > 0 ? cursorOf(window[window.length - 1]) : null,
    },
    nodes: window,
    edges: window.map((node) => ({ cursor: cursorOf(node), node })),
  };
}

/** The fields of `selections` that apply to a value of `type` (inline fragments flattened). */
function collect(selections: SelectionNode[], type: string): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const s of selections) {
    if (s.kind === 'field') fields.push(s);
    else if (!s.on || s.on === type || (type === 'IssueComment' && COMMENT_INTERFACES.has(s.on)))
      fields.push(...collect(s.selections, type));
    else if (s.on === 'Node' || (s.on === 'Actor' && TYPES[type]?.fields === ACTOR_FIELDS))
      fields.push(...collect(s.selections, type));
  }
  return fields;
}

function run(
  type: string,
  source: unknown,
  selections: SelectionNode[],
  path: (string | number)[],
  ctx: Context,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of collect(selections, type)) {
    const key = field.alias ?? field.name;
    if (field.name === '__typename') {
      out[key] = type;
      continue;
    }
    const def = TYPES[type].fields[field.name];
    try {
      const value = def.resolve
        ? (def.resolve as (s: unknown, f: FieldNode, c: Context) => unknown)(source, field, ctx)
        : (source as Record<string, unknown>)[field.name];
      out[key] = complete(def, value, field, [...path, key], ctx);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      ctx.errors.push({
        type: error.type,
        path: [...path, key],
        locations: [{ line: field.line, column: field.column }],
        message: error.message,
      });
      out[key] = null;
    }
  }
  return out;
}

function complete(
  def: FieldDef,
  value: unknown,
  field: FieldNode,
  path: (string | number)[],
  ctx: Context,
): unknown {
  if (value === undefined || value === null) return null;
  if (def.list)
    return (value as unknown[]).map((v, i) =>
      complete({ type: def.type }, v, field, [...path, i], ctx),
    );
  if (SCALARS.has(def.type)) return value;
  const concrete = TYPES[def.type].concrete?.(value as never) ?? def.type;
  return run(concrete, value, field.selections, path, ctx);
}

/** What GitHub refuses before running a query: unknown fields, unbounded or too large pages. */
function validate(
  selections: SelectionNode[],
  type: string,
  path: string[],
  ctx: Context,
  dataPath: string[],
): void {
  for (const s of selections) {
    if (s.kind === 'fragment') {
      const on = s.on ?? type;
      const within = COMMENT_INTERFACES.has(on) ? 'IssueComment' : on;
      if (TYPES[within]) validate(s.selections, within, [...path, `... on ${on}`], ctx, dataPath);
      continue;
    }
    if (s.name === '__typename') continue;
    const def = TYPES[type].fields[s.name];
    const at = { locations: [{ line: s.line, column: s.column }] };
    const fieldPath = [...path, s.name];
    if (!def) {
      ctx.errors.push({
        path: fieldPath,
        extensions: { code: 'undefinedField', typeName: type, fieldName: s.name },
        ...at,
        message: `Field '${s.name}' doesn't exist on type '${type}'`,
      });
      continue;
    }
    const scalar = SCALARS.has(def.type);
    if (!scalar && s.selections.length === 0) {
      ctx.errors.push({
        path: fieldPath,
        extensions: { code: 'selectionMismatch', nodeName: `field '${s.name}'` },
        ...at,
        message: `Field must have selections (field '${s.name}' returns ${def.type} but has no selections. Did you mean '${s.name} { ... }'?)`,
      });
      continue;
    }
    if (def.type.endsWith('Connection')) paging(s, [...dataPath, s.alias ?? s.name], ctx);
    if (!scalar) validate(s.selections, def.type, fieldPath, ctx, [...dataPath, s.alias ?? s.name]);
  }
}

function paging(field: FieldNode, dataPath: string[], ctx: Context): void {
  const first = argument(field, 'first', ctx.variables);
  const last = argument(field, 'last', ctx.variables);
  const at = { path: dataPath, locations: [{ line: field.line, column: field.column }] };
  if (typeof first !== 'number' && typeof last !== 'number')
    ctx.errors.push({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      ...at,
      message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.`,
    });
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const)
    if (typeof value === 'number' && value > MAX_PAGE)
      ctx.errors.push({
        type: 'EXCESSIVE_PAGINATION',
        ...at,
        message: `Requesting ${value} records on the \`${field.name}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
      });
}

/** Answers a `query { node(id:) { … } }`; validation errors come alone, without `data`. */
export function answerNodeQuery(
  state: GithubState,
  operation: OperationNode,
  variables: Record<string, unknown>,
  viewer: GithubUser,
): GraphqlResult {
  const ctx: Context = { state, variables, viewer, errors: [] };
  const root = operation.name ? `query ${operation.name}` : 'query';
  validate(operation.selections, 'Query', [root], ctx, []);
  if (ctx.errors.length > 0) return { errors: ctx.errors };
  const data = run('Query', undefined, operation.selections, [], ctx);
  return ctx.errors.length > 0 ? { data, errors: ctx.errors } : { data };
}
