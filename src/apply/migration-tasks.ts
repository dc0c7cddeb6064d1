// The migration tasks (reference §7.3): a role's trust policy, through its eksctl stack when the
// role is owned (a change set, as eksctl does) or UpdateAssumeRolePolicy when not; and the IRSA
// annotation of a service account. Each converges when run again.

import { updateAssumeRolePolicy } from '../aws/iam.js';
import { removeServiceAccountAnnotation } from '../kube/service-accounts.js';
import { IRSA_ROLE_ANNOTATION } from '../names/kubernetes.js';
import { associationKey } from '../names/tags.js';
import type { RemoveIrsaAnnotationParams, UpdateTrustPolicyParams } from '../plan/model.js';
import { retry, type TaskContext, type TaskOutcome } from './context.js';
import { updateRoleStack } from './stack-tasks.js';

export async function updateTrustPolicy(
  params: UpdateTrustPolicyParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  const { roleName, stack } = params;
  if (stack) {
    ctx.log(`updating IAM resources stack "${stack.stackName}" for role "${roleName}"`);
    const outcome = await updateRoleStack(stack, ctx);
    ctx.log(
      outcome.changed
        ? `updated IAM resources stack "${stack.stackName}" for role "${roleName}"`
        : `IAM resources for role "${roleName}" are already up-to-date`,
    );
    return outcome;
  }
  await retry(ctx, () => updateAssumeRolePolicy(ctx.clients.iam, roleName, params.trustPolicy));
  ctx.log(`updated trust policy for role ${roleName}`);
  return { changed: true };
}

export async function removeIrsaAnnotation(
  params: RemoveIrsaAnnotationParams,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  if (!ctx.kubernetes) throw new Error('no Kubernetes API for this cluster');
  const { namespace, serviceAccount } = params;
  const removed = await removeServiceAccountAnnotation(
    ctx.kubernetes(),
    namespace,
    serviceAccount,
    IRSA_ROLE_ANNOTATION,
  );
  const key = associationKey(namespace, serviceAccount);
  if (!removed) return { changed: false, detail: 'annotation already gone' };
  ctx.log(`removed iamserviceaccount annotation with key "${IRSA_ROLE_ANNOTATION}" for "${key}"`);
  return { changed: true };
}
