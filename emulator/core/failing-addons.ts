// The `failingAddons` part of a fault document: which add-ons end in CREATE_FAILED, UPDATE_FAILED or
// DEGRADED instead of ACTIVE, with the health issue DescribeAddon then reports. As strict as the rest
// of the document: every problem is collected, so one 400 lists them all.

import type { AddonFailure } from './types.js';

const STATUSES: readonly AddonFailure['status'][] = ['CREATE_FAILED', 'UPDATE_FAILED', 'DEGRADED'];

/** EKS `AddonIssueCode` values (client-eks model). */
const ISSUE_CODES = [
  'AccessDenied',
  'AddonPermissionFailure',
  'AddonSubscriptionNeeded',
  'AdmissionRequestDenied',
  'ClusterUnreachable',
  'ConfigurationConflict',
  'InsufficientNumberOfReplicas',
  'InternalFailure',
  'K8sResourceNotFound',
  'UnsupportedAddonModification',
];

const ENTRY_KEYS = new Set(['status', 'code', 'message', 'resourceIds', 'times']);

/** A failed create/update is most often a field-manager conflict; a degraded add-on lacks replicas. */
const DEFAULT_CODE: Record<AddonFailure['status'], string> = {
  CREATE_FAILED: 'ConfigurationConflict',
  UPDATE_FAILED: 'ConfigurationConflict',
  DEGRADED: 'InsufficientNumberOfReplicas',
};

const DEFAULT_MESSAGE: Record<string, string> = {
  ConfigurationConflict:
    'Conflicts found when trying to apply. Will not continue due to resolve conflicts mode.',
  InsufficientNumberOfReplicas:
    "The add-on is unhealthy because it doesn't have the desired number of replicas.",
};

/** `addon` or `cluster/addon`, each part a name EKS accepts. */
const KEY = /^([0-9A-Za-z][A-Za-z0-9_-]*\/)?[0-9A-Za-z][A-Za-z0-9_.-]*$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readStatus(value: unknown, where: string, problems: string[]): AddonFailure['status'] {
  if (STATUSES.includes(value as AddonFailure['status'])) return value as AddonFailure['status'];
  problems.push(`${where}.status must be one of ${STATUSES.join(', ')}`);
  // A stand-in so the other fields are still checked; the problem refuses the whole document.
  return 'CREATE_FAILED';
}

function readOptional(raw: Json, failure: AddonFailure, where: string, problems: string[]): void {
  if (raw.code !== undefined) {
    if (!ISSUE_CODES.includes(raw.code as string)) {
      problems.push(`${where}.code must be one of ${ISSUE_CODES.join(', ')}`);
    } else failure.code = raw.code as string;
  }
  if (raw.message !== undefined) {
    if (typeof raw.message !== 'string' || raw.message === '') {
      problems.push(`${where}.message must be a non-empty string`);
    } else failure.message = raw.message;
  }
  if (raw.resourceIds !== undefined) {
    const ids = raw.resourceIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      problems.push(`${where}.resourceIds must be a list of strings`);
    } else failure.resourceIds = [...(ids as string[])];
  }
  if (raw.times !== undefined) {
    if (!Number.isInteger(raw.times) || (raw.times as number) < 1) {
      problems.push(`${where}.times must be an integer ≥ 1`);
    } else failure.times = raw.times as number;
  }
}

/** One entry: a bare status, or `{status, code?, message?, resourceIds?, times?}`. */
function readEntry(raw: unknown, where: string, problems: string[]): AddonFailure | undefined {
  if (typeof raw === 'string') raw = { status: raw };
  if (!isObject(raw)) {
    problems.push(`${where} must be a status or an object {status, code?, message?, times?}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key)) problems.push(`${where}: unknown key "${key}"`);
  }
  const status = readStatus(raw.status, where, problems);
  const failure: AddonFailure = {
    status,
    code: DEFAULT_CODE[status],
    message: '',
    resourceIds: [],
  };
  readOptional(raw, failure, where, problems);
  failure.message ||= DEFAULT_MESSAGE[failure.code] ?? `Injected add-on failure (${failure.code})`;
  return failure;
}

/** The failing add-ons of a fault document; problems are appended to `problems`. */
export function readFailingAddons(
  value: unknown,
  problems: string[],
): Record<string, AddonFailure> | undefined {
  if (!isObject(value)) {
    problems.push(
      'failingAddons must map add-on names (or cluster/add-on) to {status, code?, message?, resourceIds?, times?}',
    );
    return undefined;
  }
  const failing: Record<string, AddonFailure> = {};
  for (const [key, raw] of Object.entries(value)) {
    const where = `failingAddons["${key}"]`;
    if (!KEY.test(key)) problems.push(`${where}: the key must be an add-on name or cluster/add-on`);
    const failure = readEntry(raw, where, problems);
    if (failure) failing[key] = failure;
  }
  return failing;
}
