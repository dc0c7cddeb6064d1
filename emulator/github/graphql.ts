// POST /graphql: the `minimizeComment` / `unminimizeComment` mutations (hiding an outdated plan
// comment) and `node(id:)` queries on comments (their edit history, graphql-node.ts). Not a
// GraphQL engine: for a mutation it reads the one mutation field, its `input` (inline literals or
// `$variables`) and the fields selected under `minimizedComment`/`unminimizedComment`, and answers
// in GraphQL's envelope — HTTP 200 with `errors` for failures, as GitHub does.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { GithubError, bearerToken, ghJson, readJsonBody } from './http.js';
import { answerNodeQuery, notFound } from './graphql-node.js';
import { GraphqlParseError, parseOperation } from './graphql-parse.js';
import type { GithubState, GithubUser } from './state.js';

const DOCS = 'https://docs.github.com/graphql';
const CLASSIFIERS = [
  'SPAM',
  'ABUSE',
  'OFF_TOPIC',
  'OUTDATED',
  'DUPLICATE',
  'RESOLVED',
  'LOW_QUALITY',
];

interface GraphqlBody {
  query?: unknown;
  variables?: Record<string, unknown>;
}

/**
 * What a request asks, for the call log and fault rules: the mutation (`graphql.minimizeComment`),
 * or for `node(id:)` queries `graphql.userContentEdits` when they read the edit history
 * (`graphql.node` otherwise).
 */
export function graphqlOperation(req: EmulatorRequest): { name: string; mutating: boolean } {
  let query = '';
  try {
    query = String((JSON.parse(req.body || '{}') as GraphqlBody).query ?? '');
  } catch {
    // an unparsable body is answered by handleGraphql
  }
  const mutation = query.match(/\b(minimizeComment|unminimizeComment)\b/)?.[1];
  const node = /\bnode\s*\(/.test(query)
    ? /\buserContentEdits\b/.test(query)
      ? 'userContentEdits'
      : 'node'
    : undefined;
  const field = mutation ?? node;
  const mutating = /^\s*mutation\b/.test(query);
  return { name: `graphql${field ? `.${field}` : ''}`, mutating };
}

const ONLY =
  'The emulator answers only the minimizeComment and unminimizeComment mutations and node(id:) queries on issue comments.';

/** A query (not a mutation): `node(id:)` on comments, the only query the emulator knows. */
function answerQuery(
  req: EmulatorRequest,
  query: string,
  variables: Record<string, unknown>,
  viewer: GithubUser,
  state: GithubState,
): EmulatorResponse {
  let operation;
  try {
    operation = parseOperation(query);
  } catch (error) {
    if (!(error instanceof GraphqlParseError)) throw error;
    const locations = error.line ? [{ line: error.line, column: error.column }] : undefined;
    return ghJson(req, 200, { errors: [{ message: error.message, locations }] });
  }
  const known = operation.selections.every(
    (s) => s.kind === 'field' && (s.name === 'node' || s.name === '__typename'),
  );
  if (operation.type !== 'query' || !known)
    return ghJson(req, 200, { errors: [{ message: ONLY }] });
  return ghJson(req, 200, answerNodeQuery(state, operation, variables, viewer));
}

/** A literal (`"text"`, `OUTDATED`) or a `$variable` from the input object of the mutation. */
function argument(input: string, name: string, variables: Record<string, unknown>): unknown {
  const match = input.match(new RegExp(`\\b${name}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\$\\w+|\\w+)`));
  if (!match) return undefined;
  const raw = match[1];
  if (raw.startsWith('$')) return variables[raw.slice(1)];
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  return raw;
}

const graphqlError = (
  req: EmulatorRequest,
  field: string,
  type: string,
  message: string,
): EmulatorResponse =>
  ghJson(req, 200, {
    data: { [field]: null },
    errors: [{ type, path: [field], locations: [{ line: 2, column: 3 }], message }],
  });

export function handleGraphql(state: GithubState, req: EmulatorRequest): EmulatorResponse {
  const token = bearerToken(req);
  if (token === undefined)
    throw new GithubError(401, 'This endpoint requires you to be authenticated.', DOCS);
  const body = readJsonBody(req, DOCS) as GraphqlBody;
  const query = typeof body.query === 'string' ? body.query : '';
  const variables = body.variables ?? {};
  const field = query.match(/\b(minimizeComment|unminimizeComment)\s*\(/)?.[1];
  if (!field) {
    if (/^\s*mutation\b/.test(query)) return ghJson(req, 200, { errors: [{ message: ONLY }] });
    return answerQuery(req, query, variables, state.token(token).user, state);
  }
  const input =
    query.slice(query.indexOf(field)).match(/\(\s*input\s*:\s*(\{[^}]*\}|\$\w+)/)?.[1] ?? '';
  const values: Record<string, unknown> = input.startsWith('$')
    ? ((variables[input.slice(1)] as Record<string, unknown>) ?? {})
    : {
        subjectId: argument(input, 'subjectId', variables),
        classifier: argument(input, 'classifier', variables),
      };
  const subjectId = String(values.subjectId ?? '');
  const minimize = field === 'minimizeComment';
  const classifier = String(values.classifier ?? '');
  if (minimize && !CLASSIFIERS.includes(classifier)) {
    return ghJson(req, 200, {
      errors: [
        {
          path: ['mutation', field, 'input', 'classifier'],
          extensions: {
            code: 'argumentLiteralsIncompatible',
            typeName: 'InputObject',
            argumentName: 'classifier',
          },
          locations: [{ line: 2, column: 3 }],
          message: `Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (${classifier}). Expected type 'ReportedContentClassifiers!'.`,
        },
      ],
    });
  }
  const id = state.byNodeId.get(subjectId);
  const comment = id === undefined ? undefined : state.comments.get(id);
  if (!comment) return graphqlError(req, field, 'NOT_FOUND', notFound(subjectId));
  const tokenRecord = state.token(token);
  if (!tokenRecord.write || state.pullOfComment(comment)?.fork)
    return graphqlError(req, field, 'FORBIDDEN', 'Resource not accessible by integration');
  // GitHub reports the reason in lower case with hyphens: `outdated`, `off-topic`.
  comment.minimizedReason = minimize ? classifier.toLowerCase().replace('_', '-') : undefined;
  const payloadField = minimize ? 'minimizedComment' : 'unminimizedComment';
  return ghJson(req, 200, {
    data: { [field]: { [payloadField]: selection(query, payloadField, comment) } },
  });
}

/** The fields selected under `minimizedComment { … }` that the emulator knows. */
function selection(
  query: string,
  payloadField: string,
  comment: { nodeId: string; minimizedReason?: string },
): Record<string, unknown> {
  const selected = query.match(new RegExp(`${payloadField}\\s*\\{([^}]*)\\}`))?.[1] ?? '';
  const known: Record<string, unknown> = {
    isMinimized: comment.minimizedReason !== undefined,
    minimizedReason: comment.minimizedReason ?? null,
    viewerCanMinimize: true,
    id: comment.nodeId,
    __typename: 'IssueComment',
  };
  const out: Record<string, unknown> = {};
  for (const name of selected.match(/\w+/g) ?? []) if (name in known) out[name] = known[name];
  return out;
}
