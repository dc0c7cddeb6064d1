// What a Kubernetes call's failure was, told by the API server's own `Status` (reason, message,
// code) or by the network, never as the client library's stack trace or raw response dump.

/** The API server answered with a failure `Status` (403 Forbidden, 404 NotFound, 409 Conflict…). */
export class KubernetesApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly serverMessage?: string,
  ) {
    super(
      serverMessage ? `${serverMessage} (${reason}, HTTP ${status})` : `${reason} (HTTP ${status})`,
    );
    this.name = 'KubernetesApiError';
  }
}

/** No answer at all: a private endpoint, a firewall, DNS, or a certificate that does not verify. */
export class KubernetesUnreachableError extends Error {
  constructor(
    readonly endpoint: string,
    readonly cause: string,
  ) {
    super(`cannot reach the Kubernetes API at ${endpoint}: ${cause}`);
    this.name = 'KubernetesUnreachableError';
  }
}

const REASON_BY_STATUS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** A `Status` body, whether the client parsed it or left it as text. */
function statusOf(body: unknown): { reason?: string; message?: string } {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() ? { message: body.trim() } : {};
    }
  }
  if (value === null || typeof value !== 'object') return {};
  const { reason, message } = value as { reason?: unknown; message?: unknown };
  return {
    ...(typeof reason === 'string' && reason ? { reason } : {}),
    ...(typeof message === 'string' && message ? { message } : {}),
  };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

function networkCause(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, errno, message } = e as { code?: unknown; errno?: unknown; message?: unknown };
    const named = typeof code === 'string' ? code : typeof errno === 'string' ? errno : undefined;
    if (named && (NETWORK_CODES.has(named) || /CERT|TLS|SSL|SELF_SIGNED|VERIFY/.test(named))) {
      return typeof message === 'string' && message ? `${named}: ${message}` : named;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The client library's error (ApiException, FetchError…) as one of ours. */
export function kubernetesError(error: unknown, endpoint: string): Error {
  if (error instanceof KubernetesApiError || error instanceof KubernetesUnreachableError)
    return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && code >= 400) {
    const status = statusOf((error as { body?: unknown }).body);
    return new KubernetesApiError(
      code,
      status.reason ?? REASON_BY_STATUS[code] ?? 'Unknown',
      // The client drops some bodies (a 401's): then the status says it all.
      status.message,
    );
  }
  const cause = networkCause(error);
  if (cause) return new KubernetesUnreachableError(endpoint, cause);
  return error instanceof Error ? error : new Error(String(error));
}

/** Worth another attempt: throttled, a server fault, or a connection that broke. */
export function isTransientKubernetesError(error: unknown): boolean {
  if (error instanceof KubernetesApiError) return [429, 500, 502, 503, 504].includes(error.status);
  return error instanceof KubernetesUnreachableError && /ECONNRESET|EPIPE/.test(error.cause);
}

export const isKubernetesStatus = (error: unknown, status: number): boolean =>
  error instanceof KubernetesApiError && error.status === status;
