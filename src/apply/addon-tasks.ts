// Add-on tasks: create (an add-on already present is success), update, delete, tag. Each waits for
// the add-on to settle through the shared add-on watcher, which reports a failed add-on with its
// health issues and prints progress while it waits.

import * as eks from '../aws/eks.js';
import { errorMessage, isAwsError } from '../aws/errors.js';
import type {
  AddonPodIdentityParam,
  CreateAddonParams,
  DeleteAddonParams,
  TagAddonParams,
  UpdateAddonParams,
} from '../plan/model.js';
import { resolveRole, retry, type TaskContext, type TaskOutcome } from './context.js';
import { propagationRetryFor, withRetry } from './retry.js';

const target = (p: { clusterName: string; addonName: string }) => ({
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

/** eksctl's words for a refused add-on call (create.go, update.go, delete.go); waits keep their own. */
async function saying<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new Error(`${prefix}: ${errorMessage(error)}`, { cause: error });
  }
}

/** A role made moments ago may not be visible to EKS yet: retried like association calls. */
const withRoles = <T>(ctx: TaskContext, fn: () => Promise<T>): Promise<T> =>
  withRetry(fn, propagationRetryFor(ctx, 'of the addon'));

/** A create refused because a service account it names is associated elsewhere (eksctl's text). */
function inUse(p: CreateAddonParams, error: unknown): string {
  const accounts = (p.podIdentityAssociations ?? []).map((a) => `"${a.serviceAccount}"`);
  if (accounts.length === 0)
    return `failed to create "${p.addonName}" addon: ${errorMessage(error)}`;
  return `creating addon: one or more service accounts corresponding to "${p.addonName}" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to ${accounts.join(',')} service account(s) in the addon's namespace, then re-try creating the addon (${errorMessage(error)})`;
}

export async function createAddon(p: CreateAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
  let created = true;
  try {
    ctx.log(`creating addon: ${p.addonName}`);
    await withRoles(ctx, () => eks.createAddon(ctx.clients.eks, { ...p, podIdentityAssociations }));
  } catch (error) {
    const failed = `failed to create "${p.addonName}" addon: ${errorMessage(error)}`;
    if (!isAwsError(error, 'ResourceInUseException')) throw new Error(failed, { cause: error });
    // A retried create whose first attempt went through (or a kill after it): the add-on is there.
    const live = await retry(ctx, () =>
      eks.describeAddon(ctx.clients.eks, p.clusterName, p.addonName),
    );
    if (!live) throw new Error(inUse(p, error), { cause: error });
    ctx.log(`"${p.addonName}" addon is already present on the cluster`);
    created = false;
  }
  await ctx.addonWatcher.wait(target(p), 'active', ctx.log);
  ctx.log(`addon "${p.addonName}" active`);
  return { changed: created, detail: p.addonVersion };
}

export async function updateAddon(p: UpdateAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
  ctx.log(`updating addon ${p.addonName}`);
  await saying(`failed to update addon "${p.addonName}"`, () =>
    withRoles(ctx, () => eks.updateAddon(ctx.clients.eks, { ...p, podIdentityAssociations })),
  );
  await ctx.addonWatcher.wait(target(p), 'active', ctx.log);
  ctx.log(`addon "${p.addonName}" active`);
  return { changed: true, detail: p.addonVersion };
}

export async function deleteAddon(p: DeleteAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  ctx.log(`deleting addon: ${p.addonName}`);
  const existed = await saying(`failed to delete addon "${p.addonName}"`, () =>
    retry(ctx, () => eks.deleteAddon(ctx.clients.eks, p.clusterName, p.addonName, p.preserve)),
  );
  await ctx.addonWatcher.wait(target(p), 'deleted', ctx.log);
  return { changed: existed, detail: existed ? undefined : 'already gone' };
}

export async function tagAddon(p: TagAddonParams, ctx: TaskContext): Promise<TaskOutcome> {
  await retry(ctx, () =>
    eks.tagResource(ctx.clients.eks, p.addonArn, p.tagsToAdd, p.tagKeysToRemove),
  );
  return { changed: true };
}
