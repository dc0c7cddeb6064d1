// The one plan error of a cluster that could not be read. It is about the cluster, not a line of the
// file (the file may be right and the credentials wrong), so it names the file without a position;
// a cluster that does not exist gets the clusters of its region and the closest name, and the
// account it was looked for in when known.

import { closest } from '../config/schema.js';
import type { ClusterSpec, Problem } from '../config/model.js';
import type { LiveClusterMissing } from '../live/model.js';

/** How many of the region's clusters a hint lists before "…". */
const LISTED = 5;

function notFoundHint(
  spec: ClusterSpec,
  {
    clustersInRegion: clusters,
    foundInRegion,
    account,
  }: NonNullable<LiveClusterMissing['notFound']>,
): string {
  if (foundInRegion) {
    return `it is in ${foundInRegion} (the default region of these credentials), not ${spec.region}: set metadata.region: ${foundInRegion}`;
  }
  // Known account: the cluster may be in another one (a role of the wrong account, many accounts).
  const where = account ? `${spec.region} of account ${account}` : spec.region;
  const fix = account
    ? 'fix metadata.name, metadata.region if the cluster is in another region, or the credentials if it is in another account'
    : 'fix metadata.name, or metadata.region if the cluster is in another region';
  if (clusters === undefined) return account ? `${fix} than ${account}` : fix;
  if (clusters.length === 0) {
    return `no cluster in ${where} is visible to these credentials: check metadata.region and the AWS account`;
  }
  const named = clusters.slice(0, LISTED).map((c) => `"${c}"`);
  const list = `${named.join(', ')}${clusters.length > LISTED ? ', …' : ''}`;
  const guess = closest(spec.name, clusters);
  return `${guess ? `did you mean "${guess}"? ` : ''}clusters in ${where}: ${list}; ${fix}`;
}

export function unreadableClusterProblem(spec: ClusterSpec, live: LiveClusterMissing): Problem {
  const hint = live.notFound ? notFoundHint(spec, live.notFound) : live.hint;
  const message = live.notFound
    ? `cluster "${spec.name}" was not found in ${spec.region}`
    : `cluster "${spec.name}" (${spec.region}) could not be read: ${live.reason}`;
  return {
    severity: 'error',
    file: spec.file,
    line: 0,
    column: 0,
    path: 'metadata',
    message,
    ...(hint ? { hint } : {}),
  };
}
