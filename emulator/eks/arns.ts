// The resource each EKS operation is authorized against (IAM enforcement, core/authorize.ts), as the
// Service Authorization Reference lists them: the cluster for cluster-scoped calls and creations,
// the add-on / association ARN for calls on one of them, the tagged ARN for tag calls, `*` for
// account-wide reads.

import type { EmulatorRequest, Operation } from '../core/types.js';
import { regionOf, segments, type EksContext } from './context.js';

const ACCOUNT_WIDE = new Set([
  'ListClusters',
  'DescribeAddonVersions',
  'DescribeAddonConfiguration',
  'ListAccessPolicies',
]);

export function eksResourceArn(ctx: EksContext, req: EmulatorRequest, op: Operation): string {
  if (ACCOUNT_WIDE.has(op.name)) return '*';
  const base = `arn:aws:eks:${regionOf(ctx, req)}:${ctx.world.accountId}:`;
  if (req.path.startsWith('/tags/')) {
    try {
      return decodeURIComponent(req.path.slice('/tags/'.length));
    } catch {
      return req.path.slice('/tags/'.length);
    }
  }
  const parts = segments(req.path);
  if (op.name === 'CreateCluster') {
    let name = '';
    try {
      name = String((JSON.parse(req.body || '{}') as { name?: unknown }).name ?? '');
    } catch {
      // validation answers the bad body
    }
    return `${base}cluster/${name}`;
  }
  const cluster = parts[1] ?? '';
  if (/Addon$/.test(op.name) && parts[2] === 'addons' && parts[3]) {
    const existing = ctx.state.clusters(regionOf(ctx, req)).get(cluster)?.addons.get(parts[3]);
    return existing?.addonArn ?? `${base}addon/${cluster}/${parts[3]}/*`;
  }
  if (parts[2] === 'access-entries' && parts[3]) {
    // The entry's ARN ends in an id only EKS knows: a missing entry is matched by a wildcard.
    const existing = ctx.state
      .clusters(regionOf(ctx, req))
      .get(cluster)
      ?.accessEntries.get(parts[3]);
    const principal = /^arn:[^:]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(parts[3]);
    return (
      existing?.accessEntryArn ??
      `${base}access-entry/${cluster}/${principal?.[2] ?? 'role'}/${principal?.[1] ?? '*'}/${principal?.[3] ?? '*'}/*`
    );
  }
  if (parts[2] === 'pod-identity-associations' && parts[3])
    return `${base}podidentityassociation/${cluster}/${parts[3]}`;
  return `${base}cluster/${cluster}`;
}
