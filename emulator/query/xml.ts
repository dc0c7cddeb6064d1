// awsQuery response bodies. Values are plain JS trees: objects become elements, arrays become
// `<member>` lists (`<X/>` when empty), Dates become ISO-8601, undefined members are left out.

export type XmlValue =
  string | number | boolean | Date | undefined | null | XmlValue[] | { [key: string]: XmlValue };

/** Text content only (attributes are never written from data), so `'` stays as it is. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

/** ISO-8601 with milliseconds, as AWS writes `CreateDate`/`CreationTime`. */
export function isoTime(value: Date | number): string {
  return (typeof value === 'number' ? new Date(value) : value).toISOString();
}

export function toXml(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return `<${name}/>`;
    return `<${name}>${value.map((v) => toXml('member', v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${isoTime(value)}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata/></OpResponse>`; no result → no wrapper. */
export function queryResponseBody(
  operation: string,
  namespace: string,
  requestId: string,
  result?: Record<string, XmlValue>,
): string {
  const resultXml = result === undefined ? '' : toXml(`${operation}Result`, result);
  return (
    `<${operation}Response xmlns="${namespace}">${resultXml}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${operation}Response>`
  );
}

export function queryErrorBody(
  namespace: string,
  requestId: string,
  code: string,
  message: string,
  type: 'Sender' | 'Receiver' = 'Sender',
): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
