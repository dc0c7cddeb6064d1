// Add-on tasks: create (an add-on already present is success), update, delete; each waits for the
// add-on to settle.

import * as eks from '../aws/eks.js';
import { isAwsError } from '../aws/errors.js';
import { waitAddonActive, waitAddonDeleted } from '../aws/waiters.js';
import type {
  AddonPodIdentityParam,
  CreateAddonParams,
  DeleteAddonParams,
  UpdateAddonParams,
} from '../plan/model.js';
import { resolveRole, retry, type TaskContext, type TaskOutcome } from './context.js';

const addonOf = (p: { clusterName: string; addonName: string }) => ({
  clusterName: p.clusterName,
  addonName: p.addonName,
});

/** The associations as the add-on API takes them, with stack outputs resolved to role ARNs. */
async function resolvedAssociations(
  associations: AddonPodIdentityParam[] | undefined,
  ctx: TaskContext,
): Promise<{ serviceAccount: string; roleArn: string }[] | undefined> {
  if (!associations) return undefined;
  return Promise.all(
    associations.map(async (a) => ({
      serviceAccount: a.serviceAccount,
      roleArn: await resolveRole(a.roleArn, ctx),
    })),
  );
}

export async function createAddon(p: CreateAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
  try {
    ctx.log(`creating addon: ${p.addonName}`);
    await retry(ctx, () => eks.createAddon(ctx.clients.eks, { ...p, podIdentityAssociations }));
  } catch (error) {
    if (!isAwsError(error, 'ResourceInUseException')) throw error;
    ctx.log(`"${p.addonName}" addon is already present on the cluster`);
  }
  await waitAddonActive(ctx.clients.eks, addonOf(p), ctx.addonTimeoutSeconds);
  ctx.log(`addon "${p.addonName}" active`);
  return { changed: true };
}

export async function updateAddon(p: UpdateAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
  await retry(ctx, () => eks.updateAddon(ctx.clients.eks, { ...p, podIdentityAssociations }));
  await waitAddonActive(ctx.clients.eks, addonOf(p), ctx.addonTimeoutSeconds);
  return { changed: true };
}

export async function deleteAddon(p: DeleteAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  await retry(ctx, () => eks.deleteAddon(ctx.clients.eks, p.clusterName, p.addonName, p.preserve));
  await waitAddonDeleted(ctx.clients.eks, addonOf(p), ctx.addonTimeoutSeconds);
  return { changed: true };
}
