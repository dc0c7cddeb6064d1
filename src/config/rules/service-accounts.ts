// Rules for `iam.serviceAccounts[]` (IRSA entries, read for migration): names and ARN shapes.

import { NAMESPACE_HINT, checkNamespace } from '../limits.js';
import type { RawServiceAccount } from '../read.js';
import type { Reader } from '../yaml.js';
import { checkArnField } from './arn-field.js';

export function validateServiceAccount(r: Reader, sa: RawServiceAccount): void {
  const p = sa.path;
  if (!sa.spec.name) {
    r.error(
      sa.at,
      `${p}.metadata.name`,
      `${p}.metadata.name must be set`,
      'set the service account name under metadata.name',
    );
  }
  const badNs = sa.spec.namespace ? checkNamespace(sa.spec.namespace) : undefined;
  if (badNs) r.error(sa.at, `${p}.metadata.namespace`, badNs, NAMESPACE_HINT);
  sa.spec.attachPolicyARNs.forEach((arn, i) =>
    checkArnField(
      r,
      arn,
      'policy',
      sa.items.attachPolicyARNs?.[i] ?? sa.at,
      `${p}.attachPolicyARNs[${i}]`,
    ),
  );
  checkArnField(
    r,
    sa.spec.attachRoleARN || undefined,
    'role',
    sa.val.attachRoleARN ?? sa.at,
    `${p}.attachRoleARN`,
  );
}
