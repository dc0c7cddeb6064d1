// IAM list paging: `Marker` (opaque) + `MaxItems` (1–1000, default 100) → `IsTruncated` + `Marker`.

import { QueryError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import { checkRange } from './validate.js';

export function page<T>(
  items: T[],
  params: QueryParams,
): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const maxItems = params.int('MaxItems') ?? 100;
  checkRange(maxItems, 'maxItems', 1, 1000);
  const marker = params.str('Marker');
  let start = 0;
  if (marker !== undefined) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8').replace(/^o:/, ''));
    if (!Number.isInteger(start) || start < 0)
      throw new QueryError(400, 'InvalidInput', 'Invalid Marker.');
  }
  const slice = items.slice(start, start + maxItems);
  const truncated = start + maxItems < items.length;
  return {
    items: slice,
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(`o:${start + maxItems}`).toString('base64url') : undefined,
  };
}
