// Accounts: the role EKS passes must be in the cluster's account; a role in another account is
// reached through `targetRoleARN` (role chaining).

import { arnAccount } from '../limits.js';
import { checkArnField } from './arn-field.js';
import type { EntryRule } from './entry.js';

export const targetRoleArnShapeRule: EntryRule = (c) =>
  checkArnField(
    c.r,
    c.spec.targetRoleARN,
    'role',
    c.valAt('targetRoleARN'),
    `${c.path}.targetRoleARN`,
  );

export const roleAccountRule: EntryRule = (c) => {
  const { spec, scope } = c;
  const account = spec.roleARN ? arnAccount(spec.roleARN) : undefined;
  if (!account || !scope.accountID || account === scope.accountID) return;
  c.r.error(
    c.valAt('roleARN'),
    `${c.path}.roleARN`,
    `${c.path}.roleARN is in account ${account}, not in the cluster's account ${scope.accountID}`,
    'EKS needs a role in the cluster account; use targetRoleARN for a role in another account',
  );
};
