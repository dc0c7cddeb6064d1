// Access to a cluster's Kubernetes API, found out at plan time: a plan that needs service accounts
// and cannot read them fails with the fix (the access entry and policy to grant, as commands), and
// Kubernetes changes the planning identity may not make are reported before any of them is tried.

import type { ClusterSpec, Problem } from '../config/model.js';
import type { KubernetesAccess, KubernetesFailure, LiveCluster } from '../live/model.js';
import { ACCESS_POLICY } from '../names/kubernetes.js';
import type { PlanOptions, Task } from './model.js';
import { planProblem } from './problems.js';

/** One permission a Kubernetes task needs, as a SelfSubjectAccessReview asks it. */
export interface KubernetesPermission {
  verb: string;
  resource: string;
  /** '' for a cluster-scoped resource. */
  namespace: string;
}

const permissionKey = (p: KubernetesPermission): string => `${p.verb} ${p.resource} ${p.namespace}`;

/** What the plan's Kubernetes tasks will ask of the API server, each once. */
export function kubernetesPermissions(tasks: readonly Task[]): KubernetesPermission[] {
  const wanted = new Map<string, KubernetesPermission>();
  const add = (verb: string, resource: string, namespace: string) =>
    wanted.set(permissionKey({ verb, resource, namespace }), { verb, resource, namespace });
  for (const task of tasks) {
    if (task.kind === 'create-service-account') {
      const { namespace, createNamespace } = task.params;
      if (createNamespace) add('create', 'namespaces', '');
      add(task.change === 'create' ? 'create' : 'patch', 'serviceaccounts', namespace);
    } else if (task.kind === 'delete-service-account') {
      add('delete', 'serviceaccounts', task.params.namespace);
    } else if (task.kind === 'remove-irsa-annotation') {
      add('patch', 'serviceaccounts', task.params.namespace);
    }
  }
  return [...wanted.values()];
}

/** Where a cluster-wide Kubernetes problem points: the first entry that made the plan need it. */
function anchor(spec: ClusterSpec): { at: ClusterSpec['location']; path: string } {
  const index = spec.podIdentityAssociations.findIndex((e) => e.createServiceAccount);
  if (index < 0) return { at: spec.location, path: 'metadata.name' };
  return {
    at: spec.podIdentityAssociations[index].location,
    path: `iam.podIdentityAssociations[${index}].createServiceAccount`,
  };
}

/** The IAM role behind an assumed-role session (access entries name the role, not the session). */
export function accessEntryPrincipal(principal: string): string {
  const session = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(principal);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : principal;
}

function grantCommands(
  live: LiveCluster,
  principal: string,
  policy: string,
  scope: { namespaces: string[] } | 'cluster',
  createEntry: boolean,
): string {
  const common = `--cluster-name ${live.name} --principal-arn ${principal} --region ${live.region}`;
  const access =
    scope === 'cluster'
      ? 'type=cluster'
      : `type=namespace,namespaces=${scope.namespaces.join(',')}`;
  return [
    ...(createEntry ? [`aws eks create-access-entry ${common}`] : []),
    `aws eks associate-access-policy ${common} --policy-arn ${policy} --access-scope ${access}`,
  ].join(' && ');
}

function namespacesOf(spec: ClusterSpec, live: LiveCluster): string[] {
  const read = Object.keys(live.kubernetes?.namespaces ?? {});
  return read.length > 0
    ? read
    : [...new Set(spec.podIdentityAssociations.map((e) => e.namespace))].sort();
}

/** The cluster's Kubernetes API could not be read: one error, with what to do about it. */
export function kubernetesReadProblems(
  spec: ClusterSpec,
  live: LiveCluster,
  options: PlanOptions,
): Problem[] {
  const failure: KubernetesFailure | undefined = live.kubernetes?.failure;
  if (!failure) return [];
  const { at, path } = anchor(spec);
  const who = failure.principal ? accessEntryPrincipal(failure.principal) : undefined;
  const subject = `cluster "${live.name}" (${live.region})`;
  const namespaces = namespacesOf(spec, live);
  const applies = options.kubernetesAccess === 'required';
  const problem = (message: string, hint: string) => planProblem(at, path, 'error', message, hint);
  switch (failure.kind) {
    case 'unauthorized':
      return [
        problem(
          `the Kubernetes API of ${subject} refused ${who ? `the IAM principal ${who}` : 'these credentials'} (401 Unauthorized): it has no access entry on the cluster; the plan reads service accounts there`,
          `give it one with ${applies ? 'write' : 'at least read'} access to namespaces ${namespaces.join(', ')}${applies ? '' : ` (the apply needs ${ACCESS_POLICY.edit} there)`}: ${grantCommands(live, who ?? '<principal-arn>', applies ? ACCESS_POLICY.edit : ACCESS_POLICY.view, { namespaces }, true)}; the cluster's authentication mode must include API (aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP)`,
        ),
      ];
    case 'forbidden':
      return [
        problem(
          `the Kubernetes API of ${subject} denied ${who ? `the IAM principal ${who}` : 'these credentials'} a read the plan needs: ${failure.message}`,
          `associate an access policy that can read service accounts and namespaces: ${grantCommands(live, who ?? '<principal-arn>', ACCESS_POLICY.view, { namespaces }, false)}`,
        ),
      ];
    case 'unreachable':
      return [
        problem(
          `the Kubernetes API of ${subject} could not be reached: ${failure.message}`,
          'the plan reads service accounts through the cluster endpoint; a private-only endpoint answers only inside its VPC: run podid there (e.g. a self-hosted runner), or enable public endpoint access for this network (aws eks update-cluster-config --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=…)',
        ),
      ];
    case 'error':
      return [
        problem(
          `reading service accounts of ${subject} failed: ${failure.message}`,
          'plan again; if it persists, check the cluster in the EKS console',
        ),
      ];
  }
}

function scopeText(p: KubernetesAccess): string {
  return p.namespace ? `in namespace "${p.namespace}"` : 'at the cluster scope';
}

/** Kubernetes changes the planning identity may not make: errors before an apply, else warnings. */
export function kubernetesAccessProblems(
  spec: ClusterSpec,
  live: LiveCluster,
  options: PlanOptions,
): Problem[] {
  const denied = (live.kubernetes?.access ?? []).filter((a) => !a.allowed);
  if (denied.length === 0 || !options.kubernetesAccess) return [];
  const severity = options.kubernetesAccess === 'required' ? 'error' : 'warning';
  const who = live.kubernetes?.principal
    ? accessEntryPrincipal(live.kubernetes.principal)
    : undefined;
  const { at, path } = anchor(spec);
  return denied.map((p) => {
    const message = `${who ? `the IAM principal ${who}` : 'this identity'} may not ${p.verb} ${p.resource} ${scopeText(p)} on cluster "${live.name}"${p.reason ? ` (${p.reason})` : ''}; the plan needs it`;
    const hint =
      p.resource === 'namespaces'
        ? `create the namespace first, or grant it cluster-wide: ${grantCommands(live, who ?? '<principal-arn>', ACCESS_POLICY.clusterAdmin, 'cluster', false)} (or bind a ClusterRole that may create namespaces to a Kubernetes group of its access entry)`
        : `grant it in that namespace: ${grantCommands(live, who ?? '<principal-arn>', ACCESS_POLICY.edit, { namespaces: [p.namespace] }, false)}`;
    return planProblem(at, path, severity, message, hint);
  });
}
