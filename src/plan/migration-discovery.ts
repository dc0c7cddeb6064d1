// What eksctl's `utils migrate-to-pod-identity` decides from what it reads (reference §7.2), over
// plain data: which annotated service accounts and which add-ons migrate, whose roles are owned by
// an eksctl stack, which service account an add-on's role is for (the walk over its trust policy),
// and every skip, in eksctl's words. state/irsa-discovery.ts does the reading.

import type { IrsaStack, LiveIrsa } from '../live/irsa.js';
import type { AddonPodIdentityConfig, LiveAddon, LiveServiceAccount } from '../live/model.js';
import { IRSA_ROLE_ANNOTATION } from '../names/kubernetes.js';
import { addonIrsaStackName } from '../names/stack-names.js';

export interface ServiceAccountMigration {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  roleName: string;
  /** The eksctl iamserviceaccount stack holding the role, when there is one ("owned"). */
  stackName?: string;
}

export interface AddonMigration {
  addon: string;
  version: string;
  configurationValues?: string;
  roleArn: string;
  roleName: string;
  serviceAccount: string;
  /**
   * From the trust policy's subject; when the service account was defaulted, the add-on's
   * namespace. Absent when neither is known.
   */
  namespace?: string;
  /** The add-on's IRSA stack `eksctl-<cluster>-addon-<addon>`, when it exists ("owned"). */
  stackName?: string;
}

/** Lines to log (eksctl's info lines) alongside a decision. */
export interface Logged<T> {
  value: T;
  log: string[];
}

/**
 * eksctl's `RoleNameFromARN`: the resource must be exactly `role/<name>` (paths are not supported
 * by the migration; eksctl fails the same way).
 */
export function roleNameOfArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  if (parts.length !== 2) throw new Error(`invalid format for role ARN "${arn}"`);
  if (parts[0] !== 'role') {
    throw new Error(`expected resource type to be "role"; got "${parts[0]}" in "${arn}"`);
  }
  return parts[1];
}

/** Add-ons by the IRSA role they run with (eksctl's "addon service account role mapper"). */
export function addonsByRole(addons: readonly LiveAddon[]): Map<string, LiveAddon> {
  const byRole = new Map<string, LiveAddon>();
  for (const addon of addons) {
    if (addon.serviceAccountRoleArn) byRole.set(addon.serviceAccountRoleArn, addon);
  }
  return byRole;
}

/**
 * The annotated service accounts that migrate, in Kubernetes' list order; one whose role is an
 * add-on's is the add-on's business and skipped. Any annotated service account counts, not only
 * the ones eksctl created.
 */
export function serviceAccountMigrations(
  serviceAccounts: readonly LiveServiceAccount[],
  addonRoles: ReadonlyMap<string, LiveAddon>,
  stacks: readonly IrsaStack[],
): Logged<ServiceAccountMigration[]> {
  const stackByRole = new Map(stacks.map((s) => [s.roleArn, s.stackName]));
  const log: string[] = [];
  const value: ServiceAccountMigration[] = [];
  for (const sa of serviceAccounts) {
    const roleArn = sa.annotations[IRSA_ROLE_ANNOTATION];
    if (roleArn === undefined) continue;
    const addon = addonRoles.get(roleArn);
    if (addon) {
      log.push(
        `found IAM role for service account ${sa.name} associated with EKS addon ${addon.name}`,
      );
      continue;
    }
    log.push(`found IAM role for service account ${sa.namespace}/${sa.name}`);
    const stackName = stackByRole.get(roleArn);
    value.push({
      namespace: sa.namespace,
      serviceAccount: sa.name,
      roleArn,
      roleName: roleNameOfArn(roleArn),
      ...(stackName ? { stackName } : {}),
    });
  }
  return { value, log };
}

/** Why an add-on is not looked at further, before its role is read; undefined: go on. */
export function addonSkipBeforeRole(
  addon: LiveAddon,
  podIdentity: readonly AddonPodIdentityConfig[] | undefined,
): string | undefined {
  if (addon.podIdentityAssociations.length > 0) {
    return `addon ${addon.name} is already using pod identity; skipping migration to pod identity`;
  }
  if (podIdentity !== undefined && podIdentity.length === 0) {
    return `addon ${addon.name} does not support pod identity; skipping migration to pod identity`;
  }
  return undefined;
}

export const willMigrateAddon = (addon: LiveAddon): string =>
  `will migrate addon ${addon.name} with serviceAccountRoleARN "${addon.serviceAccountRoleArn ?? ''}" to pod identity; OIDC provider trust relationship will also be removed`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * eksctl's walk over an add-on role's trust policy: statements in order; one without a Condition
 * ends the walk with nothing found; the first `StringEquals` key ending in `:sub` whose value is a
 * `system:serviceaccount:` subject names the service account.
 */
export function subjectFromTrust(
  trustPolicy: unknown,
): Logged<{ namespace: string; serviceAccount: string } | undefined> {
  const statements = isObject(trustPolicy) ? trustPolicy.Statement : undefined;
  const list = Array.isArray(statements)
    ? statements
    : statements === undefined
      ? []
      : [statements];
  for (const statement of list.filter(isObject)) {
    const condition = statement.Condition;
    if (!isObject(condition) || Object.keys(condition).length === 0) {
      return {
        value: undefined,
        log: ['no IAM statements for IRSA found; skipping migration to pod identity'],
      };
    }
    const equals = condition.StringEquals;
    if (!isObject(equals)) continue;
    for (const [key, value] of Object.entries(equals)) {
      if (!key.endsWith(':sub') || typeof value !== 'string') continue;
      if (!value.startsWith('system:serviceaccount:')) continue;
      const parts = value.split(':');
      if (parts.length !== 4) {
        throw new Error(`unexpected format "${value}" for service account subject`);
      }
      return { value: { namespace: parts[2], serviceAccount: parts[3] }, log: [] };
    }
  }
  return { value: undefined, log: [] };
}

/**
 * The add-on's service account: the trust policy's subject, else the add-on's only pod identity
 * service account; undefined (with eksctl's skip line) when it has several.
 */
export function addonServiceAccount(
  addonName: string,
  trustPolicy: unknown,
  podIdentity: readonly AddonPodIdentityConfig[],
): Logged<{ serviceAccount: string; namespace?: string } | undefined> {
  const walked = subjectFromTrust(trustPolicy);
  if (walked.value) return walked;
  const log = [...walked.log];
  if (podIdentity.length !== 1) {
    log.push(
      `cannot choose a service account as addon ${addonName} supports pod identity for multiple service accounts; skipping migration to pod identity`,
    );
    return { value: undefined, log };
  }
  const serviceAccount = podIdentity[0].serviceAccount;
  log.push(
    `could not find service account to use for addon ${addonName} from existing IAM role; defaulting to ${serviceAccount}`,
  );
  return { value: { serviceAccount }, log };
}

/** One line eksctl logs: info, or a warning. */
export interface MigrationLogLine {
  warning?: true;
  line: string;
}

export interface MigrationDecision {
  serviceAccounts: ServiceAccountMigration[];
  addons: AddonMigration[];
  /** Why an add-on with a service-account role does not migrate (its last skip line), by name. */
  skippedAddons: Record<string, string>;
  log: MigrationLogLine[];
}

/**
 * eksctl's discovery over what was read: no OIDC provider, nothing (a warning); else the annotated
 * service accounts, then each add-on with a service-account role, every decision logged.
 */
export function decideMigration(irsa: LiveIrsa): MigrationDecision {
  if (!irsa.oidcProvider) {
    return {
      serviceAccounts: [],
      addons: [],
      skippedAddons: {},
      log: [{ warning: true, line: MIGRATION_MESSAGES.noOidcProvider }],
    };
  }
  const accounts = serviceAccountMigrations(
    irsa.serviceAccounts,
    addonsByRole(irsa.addons),
    irsa.irsaStacks,
  );
  const log: MigrationLogLine[] = accounts.log.map((line) => ({ line }));
  const addons: AddonMigration[] = [];
  const skippedAddons: Record<string, string> = {};
  for (const addon of irsa.addons) {
    try {
      const decided = addonMigration(irsa, addon);
      log.push(...decided.log.map((line) => ({ line })));
      if (decided.value) addons.push(decided.value);
      else skippedAddons[addon.name] = decided.log[decided.log.length - 1] ?? '';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `error migrating addons to use pod identity: migrating addon ${addon.name}: ${message}`,
        { cause: error },
      );
    }
  }
  return { serviceAccounts: accounts.value, addons, skippedAddons, log };
}

function addonMigration(irsa: LiveIrsa, addon: LiveAddon): Logged<AddonMigration | undefined> {
  const podIdentity = irsa.addonPodIdentity[addon.name];
  const skip = addonSkipBeforeRole(addon, podIdentity ?? []);
  if (skip) return { value: undefined, log: [skip] };
  const log = [willMigrateAddon(addon)];
  const roleArn = addon.serviceAccountRoleArn ?? '';
  const roleName = roleNameOfArn(roleArn);
  const role = irsa.roles[roleArn];
  if (!role) {
    throw new Error(
      `extracting service account from role ${roleArn}: NoSuchEntity: The role with name ${roleName} cannot be found.`,
    );
  }
  let chosen: ReturnType<typeof addonServiceAccount>;
  try {
    chosen = addonServiceAccount(addon.name, role.assumeRolePolicy, podIdentity ?? []);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`extracting service account from role ${roleArn}: ${message}`, {
      cause: error,
    });
  }
  log.push(...chosen.log);
  if (!chosen.value) return { value: undefined, log };
  const stackName = addonIrsaStackName(irsa.cluster, addon.name);
  const namespace = chosen.value.namespace ?? irsa.addonNamespaces[addon.name];
  return {
    value: {
      addon: addon.name,
      version: addon.version,
      ...(addon.configurationValues !== undefined
        ? { configurationValues: addon.configurationValues }
        : {}),
      roleArn,
      roleName,
      serviceAccount: chosen.value.serviceAccount,
      ...(namespace ? { namespace } : {}),
      ...(irsa.stackNames.includes(stackName) ? { stackName } : {}),
    },
    log,
  };
}

/** eksctl's messages around the whole discovery. */
export const MIGRATION_MESSAGES = {
  noOidcProvider:
    'no IAM OIDC provider associated with cluster, hence no iamserviceaccounts to be migrated',
  nothingToMigrate: 'no iamserviceaccounts or addons found to migrate to pod identity',
  planWarning: "no changes were applied, run again with '--approve' to apply the changes",
  allSkipped: 'all tasks were skipped',
  allCompleted: 'all tasks were completed successfully',
} as const;
