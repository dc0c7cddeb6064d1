// Tags: validation of `tags` maps (on create calls: InvalidParameterException; on TagResource:
// BadRequestException, the only 400 its model declares) and TagResource / UntagResource /
// ListTagsForResource by ARN for clusters, add-ons and pod identity associations.

import type { EmulatorRequest, EmulatorResponse } from '../core/types.js';
import { EksError, invalidParameter, ok } from './errors.js';
import type { EksContext } from './context.js';
import { findCluster } from './context.js';
import { parseBody } from './util.js';

export const MAX_TAGS = 50;

/** Returns the problem with a tag map, or undefined when it is fine. */
function tagProblem(tags: unknown, existing: Record<string, string> = {}): string | undefined {
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) {
    return 'Tags must be a map of string keys to string values.';
  }
  const merged = { ...existing };
  for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
    if (typeof value !== 'string') return `Tag value for key '${key}' must be a string.`;
    if (key.length < 1 || key.length > 128)
      return `Tag key '${key}' must be 1 to 128 characters long.`;
    if (value.length > 256)
      return `Tag value for key '${key}' must be at most 256 characters long.`;
    if (key.toLowerCase().startsWith('aws:')) {
      return `Tag key '${key}' uses the reserved prefix 'aws:'.`;
    }
    merged[key] = value;
  }
  if (Object.keys(merged).length > MAX_TAGS) {
    return `A resource can have at most ${MAX_TAGS} tags.`;
  }
  return undefined;
}

/** Validates the `tags` member of a create call (absent → {}). */
export function checkedTags(value: unknown, clusterName?: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const problem = tagProblem(value);
  if (problem) throw invalidParameter(problem, clusterName ? { clusterName } : undefined);
  return { ...(value as Record<string, string>) };
}

const badRequest = (message: string): EksError => new EksError(400, 'BadRequestException', message);
const tagNotFound = (arn: string): EksError =>
  new EksError(404, 'NotFoundException', `Resource ${arn} does not exist.`);

const EKS_ARN = /^arn:aws[a-z-]*:eks:([a-z0-9-]+):(\d{12}):([a-z]+)\/(.+)$/;

/** The tag map of the resource an ARN names (the live object, so callers may mutate it). */
function tagsOf(ctx: EksContext, arn: string): Record<string, string> {
  const match = EKS_ARN.exec(arn);
  if (!match) throw badRequest(`${arn} is not a valid EKS resource ARN.`);
  const [, region, account, type, rest] = match;
  if (account !== ctx.world.accountId) throw tagNotFound(arn);
  const parts = rest.split('/');
  const cluster = findCluster(ctx, region, parts[0]);
  if (!cluster) throw tagNotFound(arn);
  if (type === 'cluster' && parts.length === 1) return cluster.tags;
  if (type === 'addon') {
    const addon = cluster.addons.get(parts[1] ?? '');
    if (addon && addon.addonArn === arn) return addon.tags;
  }
  if (type === 'podidentityassociation' && parts.length === 2) {
    const association = cluster.associations.byId.get(parts[1]);
    if (association) return association.tags;
  }
  throw tagNotFound(arn);
}

function arnOf(req: EmulatorRequest): string {
  return decodeURIComponent(req.path.slice('/tags/'.length));
}

export function listTags(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  return ok({ tags: { ...tagsOf(ctx, arnOf(req)) } });
}

export function tagResource(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const tags = tagsOf(ctx, arnOf(req));
  const body = parseBody(req.body);
  if (body.tags === undefined || Object.keys(body.tags as object).length === 0) {
    throw badRequest('The tags parameter must contain at least one tag.');
  }
  const problem = tagProblem(body.tags, tags);
  if (problem) throw badRequest(problem);
  Object.assign(tags, body.tags);
  return ok({});
}

export function untagResource(ctx: EksContext, req: EmulatorRequest): EmulatorResponse {
  const tags = tagsOf(ctx, arnOf(req));
  const keys = req.query.getAll('tagKeys');
  if (keys.length === 0) throw badRequest('The tagKeys parameter must contain at least one key.');
  for (const key of keys) delete tags[key];
  return ok({});
}
