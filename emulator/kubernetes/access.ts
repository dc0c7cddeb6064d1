// Authorization by EKS access entries: the Kubernetes permissions of the AWS-managed access policies
// (docs "Review access policy permissions"; they mirror the user-facing cluster-admin / admin / edit
// / view ClusterRoles), bound at cluster scope or in the listed namespaces like a RoleBinding in each,
// and the Forbidden message the API server builds for a refused request.

import type { AccessEntry, Cluster } from '../eks/state.js';
import { ACCESS_POLICY_PREFIX, CLUSTER_ADMIN_POLICY } from '../eks/access-policies.js';
import { KubeError } from './status.js';

/** What the API server authorizes: one verb on one resource (name, namespace when there is one). */
export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

interface Rule {
  groups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
/** Namespaced core resources the user-facing roles read; `secrets` only from edit up. */
const CORE_READ = [
  'configmaps',
  'endpoints',
  'events',
  'limitranges',
  'persistentvolumeclaims',
  'pods',
  'replicationcontrollers',
  'resourcequotas',
  'serviceaccounts',
  'services',
];
const CORE_WRITE = [
  'configmaps',
  'endpoints',
  'persistentvolumeclaims',
  'pods',
  'replicationcontrollers',
  'secrets',
  'serviceaccounts',
  'services',
];
const APPS = ['daemonsets', 'deployments', 'replicasets', 'statefulsets'];

const VIEW: Rule[] = [
  { groups: [''], resources: [...CORE_READ, 'namespaces'], verbs: READ },
  { groups: ['apps'], resources: APPS, verbs: READ },
  { groups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
];
const EDIT: Rule[] = [
  ...VIEW,
  { groups: [''], resources: ['secrets'], verbs: READ },
  { groups: [''], resources: CORE_WRITE, verbs: WRITE },
  { groups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { groups: ['apps'], resources: APPS, verbs: WRITE },
  { groups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
];
const ADMIN: Rule[] = [
  ...EDIT,
  {
    groups: ['rbac.authorization.k8s.io'],
    resources: ['rolebindings', 'roles'],
    verbs: [...READ, ...WRITE],
  },
  { groups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
];

/** Policy name → rules; access policies not listed here grant nothing the emulator serves. */
const POLICY_RULES: Record<string, Rule[]> = {
  AmazonEKSClusterAdminPolicy: [{ groups: ['*'], resources: ['*'], verbs: ['*'] }],
  AmazonEKSAdminPolicy: ADMIN,
  AmazonEKSEditPolicy: EDIT,
  AmazonEKSViewPolicy: VIEW,
  AmazonEKSAdminViewPolicy: [...VIEW, { groups: [''], resources: ['secrets'], verbs: READ }],
};

const has = (list: string[], value: string): boolean => list.includes('*') || list.includes(value);

/** Scope namespaces may end in `*` (a prefix), as EKS allows. */
const inNamespaces = (namespaces: string[], ns: string): boolean =>
  namespaces.some((n) => (n.endsWith('*') ? ns.startsWith(n.slice(0, -1)) : n === ns));

/** The access policy that allows the request, or undefined. */
export function allowingPolicy(entry: AccessEntry, attrs: Attributes): string | undefined {
  for (const association of entry.policies.values()) {
    const rules = POLICY_RULES[association.policyArn.slice(ACCESS_POLICY_PREFIX.length)] ?? [];
    const scope = association.accessScope;
    // A namespace scope is a RoleBinding in each namespace: nothing at the cluster scope.
    if (scope.type === 'namespace') {
      if (!attrs.namespace || !inNamespaces(scope.namespaces, attrs.namespace)) continue;
    }
    const allowed = rules.some(
      (r) =>
        has(r.groups, attrs.group) && has(r.resources, attrs.resource) && has(r.verbs, attrs.verb),
    );
    if (allowed) return association.policyArn;
  }
  return undefined;
}

/** Who is calling, as authorization sees it. */
export interface Caller {
  /** The Kubernetes user name (for messages). */
  username: string;
  /** The access entry EKS matched, when the cluster uses access entries. */
  entry?: AccessEntry;
  /** CONFIG_MAP clusters: the creator is a cluster admin (its implicit aws-auth entry). */
  creatorAdmin?: boolean;
}

/** The entry's username with EKS's templates filled in. */
export function usernameOf(
  template: string,
  accountId: string,
  sessionName: string | undefined,
): string {
  return template
    .replaceAll('{{SessionName}}', (sessionName ?? '').replaceAll('@', '-'))
    .replaceAll('{{SessionNameRaw}}', sessionName ?? '')
    .replaceAll('{{AccountID}}', accountId);
}

/** `{{AccountID}}` is the principal's account (an access entry may name another account's role). */
const accountOf = (principalArn: string): string =>
  /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principalArn)?.[1] ?? '';

/** The caller's access to the cluster, or undefined when EKS would not let it in (401). */
export function callerFor(
  cluster: Cluster,
  principalArn: string,
  callerArn: string,
  sessionName: string | undefined,
): Caller | undefined {
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    // aws-auth is not modelled: only the creator's implicit system:masters entry exists.
    return principalArn === cluster.creatorArn
      ? { username: callerArn, creatorAdmin: true }
      : undefined;
  }
  const entry = cluster.accessEntries.get(principalArn);
  return entry
    ? { username: usernameOf(entry.username, accountOf(principalArn), sessionName), entry }
    : undefined;
}

/** Why a request is allowed (SelfSubjectAccessReview's `reason`), or undefined when denied. */
export function allowedReason(caller: Caller, attrs: Attributes): string | undefined {
  if (caller.creatorAdmin) return `allowed by the cluster creator's aws-auth entry`;
  const policy = caller.entry ? allowingPolicy(caller.entry, attrs) : undefined;
  if (!policy) return undefined;
  const binding = policy === CLUSTER_ADMIN_POLICY ? 'ClusterRoleBinding' : 'RoleBinding';
  return `EKS Access Policy: allowed by ${binding} "${policy}" of ClusterRole "${policy}" to User "${caller.username}"`;
}

/** apiserver's forbiddenMessage + NewForbidden. */
export function forbidden(caller: Caller, attrs: Attributes): KubeError {
  const where = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
  const why = `User "${caller.username}" cannot ${attrs.verb} resource "${attrs.resource}" in API group "${attrs.group}" ${where}`;
  const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
  const message = attrs.name
    ? `${qualified} "${attrs.name}" is forbidden: ${why}`
    : `${qualified} is forbidden: ${why}`;
  return new KubeError(403, 'Forbidden', message, {
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.group ? { group: attrs.group } : {}),
    kind: attrs.resource,
  });
}
