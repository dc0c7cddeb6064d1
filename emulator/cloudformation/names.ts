import { randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomSuffix(length = 12, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * `<StackName>-<LogicalId>-<12 random>` (aws-api.md §5). Over `max` characters, 13 are kept for
 * `-` + suffix and the rest is shared between the two parts (25 + `-` + 25 for 64), a part shorter
 * than its share leaving the remainder to the other, each cut at its end.
 */
export function physicalName(stackName: string, logicalId: string, max = 64): string {
  const suffix = randomSuffix();
  const full = `${stackName}-${logicalId}-${suffix}`;
  if (full.length <= max) return full;
  const budget = max - 13 - 1;
  const half = Math.floor(budget / 2);
  let stackPart = Math.min(stackName.length, budget - Math.min(logicalId.length, half));
  const logicalPart = Math.min(logicalId.length, budget - stackPart);
  stackPart = Math.min(stackName.length, budget - logicalPart);
  return `${stackName.slice(0, stackPart)}-${logicalId.slice(0, logicalPart)}-${suffix}`;
}

/** AWS::IAM::Policy physical ids look like `mysta-Polic-1A2B3C4D5E6F`. */
export function shortPhysicalId(stackName: string, logicalId: string): string {
  return `${stackName.slice(0, 5)}-${logicalId.slice(0, 5)}-${randomSuffix(12, UPPER)}`;
}
