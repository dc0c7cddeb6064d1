// An error a query-service handler throws; the service turns it into an <ErrorResponse>.

export class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

/** The model-constraint text AWS uses for every ValidationError of this kind. */
export function constraintError(value: string, member: string, constraint: string): QueryError {
  return new QueryError(
    400,
    'ValidationError',
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}
