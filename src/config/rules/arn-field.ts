// One ARN-valued field: its shape, reported at the value with the expected form as the hint.

import { arnHint, checkArn, type ArnKind } from '../limits.js';
import type { Pos, Reader } from '../yaml.js';

export function checkArnField(
  r: Reader,
  value: string | undefined,
  kind: ArnKind,
  at: Pos,
  path: string,
): void {
  if (value === undefined) return;
  const bad = checkArn(value, kind);
  if (bad) r.error(at, path, `${path}: ${bad}`, arnHint(kind));
}
