// The part every awsQuery service shares: find the operation from `Action`, dispatch, and turn
// thrown QueryErrors into AWS's XML error envelope.

import type { EmulatorRequest, EmulatorResponse, Operation, ServiceModule } from '../core/types.js';
import { QueryError } from './errors.js';
import { QueryParams } from './parse.js';
import { queryErrorBody, queryResponseBody, type XmlValue } from './xml.js';

/** A handler returns the `<Op>Result` members, or undefined for operations without output. */
export type QueryHandler = (
  params: QueryParams,
  req: EmulatorRequest,
) => Record<string, XmlValue> | undefined | void;

export interface QueryOperation {
  mutating: boolean;
  handler: QueryHandler;
}

const XML = { 'content-type': 'text/xml' };

export function queryService(
  service: ServiceModule['service'],
  namespace: string,
  operations: Record<string, QueryOperation>,
  /** Runs before every operation (e.g. CloudFormation advancing stacks whose time has come). */
  before?: () => void,
): Pick<ServiceModule, 'service' | 'operationOf' | 'handle' | 'errorResponse'> {
  const errorResponse = (
    req: EmulatorRequest,
    status: number,
    code: string,
    message: string,
  ): EmulatorResponse => ({
    status,
    headers: XML,
    body: queryErrorBody(
      namespace,
      req.requestId,
      code,
      message,
      status >= 500 ? 'Receiver' : 'Sender',
    ),
  });
  return {
    service,
    operationOf(req: EmulatorRequest): Operation | undefined {
      const action = new URLSearchParams(req.body).get('Action') ?? '';
      const op = Object.hasOwn(operations, action) ? operations[action] : undefined;
      return op ? { name: action, mutating: op.mutating } : undefined;
    },
    handle(req: EmulatorRequest, op: Operation): EmulatorResponse {
      try {
        before?.();
        const result = operations[op.name].handler(new QueryParams(req.body), req);
        return {
          status: 200,
          headers: XML,
          body: queryResponseBody(op.name, namespace, req.requestId, result ?? undefined),
        };
      } catch (error) {
        if (error instanceof QueryError) {
          return {
            status: error.status,
            headers: XML,
            body: queryErrorBody(namespace, req.requestId, error.code, error.message, error.type),
          };
        }
        throw error;
      }
    },
    errorResponse,
  };
}
