import { randomInt } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM unique ids: a 4-letter prefix (AROA role, ANPA policy, AIDA user) and 17 base32 characters. */
export function iamId(prefix: string): string {
  let out = prefix;
  for (let i = 0; i < 17; i++) out += BASE32[randomInt(BASE32.length)];
  return out;
}
