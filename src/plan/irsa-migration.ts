// Migration from IRSA, the GitOps way (reference §7.3): a config entry whose roleARN is this
// cluster's IRSA role for its service account (the role trusts the cluster's OIDC provider for
// `system:serviceaccount:<ns>:<sa>`, or an eksctl IRSA stack made it) is planned as a trust-policy
// update (the pod identity statement added once, never twice), then its association. OIDC trust is
// kept unless asked, so going back is one revert away; when removed, only this cluster's statement
// for that service account goes (eksctl removes every OIDC statement).

import { podIdentityTrustPolicy } from '../cfn/role-template.js';
import { canonicalJson } from '../lib/canonical-json.js';
import type { ClusterSpec, Problem } from '../config/model.js';
import type { LiveCluster, LiveRole, LiveStack } from '../live/model.js';
import { IRSA_ROLE_ANNOTATION } from '../names/kubernetes.js';
import { oidcIssuerHost, oidcProviderArn } from '../names/oidc.js';
import { addonIrsaStackName, irsaServiceAccountStackName } from '../names/stack-names.js';
import {
  IAM_SERVICE_ACCOUNT_TAG,
  POD_IDENTITY_ASSOCIATION_TAG,
  associationKey,
} from '../names/tags.js';
import { ROLE_OUTPUT } from '../names/template-ids.js';
import type { Task } from './model.js';
import { planProblem } from './problems.js';
import { stackCondition } from './stack-status.js';
import { removeIrsaAnnotationTask, updateTrustPolicyTask } from './task-builders.js';
import { trustsPodIdentity } from './trust-policy.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Whose IRSA role: a service account in a namespace, and the add-on it belongs to, if any. */
export interface IrsaSubject {
  namespace: string;
  serviceAccount: string;
  addon?: string;
}

export interface IrsaRole {
  role: LiveRole;
  /** The eksctl IRSA stack holding the role (an "owned" role, updated through the stack). */
  stack?: LiveStack;
  /** Already migrated: the role trusts pods.eks.amazonaws.com. */
  trustsPods: boolean;
  /** The role trusts this cluster's OIDC provider for the subject. */
  oidcTrusted: boolean;
}

/** The cluster's OIDC issuer as IAM names it: host and path, no scheme. */
const issuerHost = (live: LiveCluster): string | undefined =>
  live.oidcIssuer ? oidcIssuerHost(live.oidcIssuer) : undefined;

function providerArn(live: LiveCluster): string {
  const partition = /^arn:([^:]+):/.exec(live.arn)?.[1] ?? 'aws';
  return oidcProviderArn(live.oidcIssuer ?? '', live.accountId, partition);
}

const subjectOf = (s: IrsaSubject): string =>
  `system:serviceaccount:${s.namespace}:${s.serviceAccount}`;

/** The subjects a statement's `<host>:sub` condition names, under StringEquals or StringLike. */
function statementSubjects(statement: Json, host: string): string[] {
  const condition = isObject(statement.Condition) ? statement.Condition : {};
  return ['StringEquals', 'StringLike'].flatMap((op) => {
    const block = condition[op];
    return isObject(block) ? asList(block[`${host}:sub`]).map(String) : [];
  });
}

/** An Allow statement of this cluster's OIDC provider. */
function isClusterOidcStatement(statement: Json, provider: string): boolean {
  const principal = isObject(statement.Principal) ? statement.Principal : {};
  return statement.Effect === 'Allow' && asList(principal.Federated).includes(provider);
}

/** This cluster's IRSA role for the subject (migrated or not), when the config's roleARN is one. */
export function irsaRoleOf(
  live: LiveCluster,
  roleArn: string,
  subject: IrsaSubject,
): IrsaRole | undefined {
  const role = live.roles[roleArn];
  if (!role) return undefined;
  const stackNames = [
    irsaServiceAccountStackName(live.name, subject.namespace, subject.serviceAccount),
    ...(subject.addon ? [addonIrsaStackName(live.name, subject.addon)] : []),
  ];
  const stack = live.stacks.find(
    (s) =>
      stackNames.includes(s.stackName) &&
      s.outputs[ROLE_OUTPUT] === role.arn &&
      stackCondition(s.status) === 'usable',
  );
  const host = issuerHost(live);
  const statements = isObject(role.assumeRolePolicy)
    ? asList(role.assumeRolePolicy.Statement).filter(isObject)
    : [];
  const trusted =
    host !== undefined &&
    statements.some(
      (s) =>
        isClusterOidcStatement(s, providerArn(live)) &&
        statementSubjects(s, host).includes(subjectOf(subject)),
    );
  if (!stack && !trusted) return undefined;
  return {
    role,
    ...(stack ? { stack } : {}),
    trustsPods: trustsPodIdentity(role.assumeRolePolicy),
    oidcTrusted: trusted,
  };
}

/**
 * The trust policy after migration: the pod identity statement added, and with `removeOidc` this
 * cluster's OIDC trust of this one service account taken out (the subject dropped from a statement
 * that names others too). Statement order is kept.
 */
export function migratedTrustPolicy(
  live: LiveCluster,
  document: Record<string, unknown>,
  subject: IrsaSubject,
  removeOidc: boolean,
): { document: Record<string, unknown>; oidcRemoved: boolean } {
  const addPods = !trustsPodIdentity(document);
  const host = issuerHost(live);
  const provider = host ? providerArn(live) : undefined;
  let oidcRemoved = false;
  const statements = asList(document.Statement).flatMap((raw): unknown[] => {
    if (!removeOidc || !host || !provider || !isObject(raw)) return [raw];
    if (!isClusterOidcStatement(raw, provider)) return [raw];
    const subjects = statementSubjects(raw, host);
    if (!subjects.includes(subjectOf(subject))) return [raw];
    oidcRemoved = true;
    const others = subjects.filter((s) => s !== subjectOf(subject));
    if (others.length === 0) return [];
    const condition = raw.Condition as Json;
    const narrowed = Object.fromEntries(
      Object.entries(condition).map(([op, block]) => {
        if (!isObject(block) || !(`${host}:sub` in block)) return [op, block];
        const kept = asList(block[`${host}:sub`]).filter((s) => s !== subjectOf(subject));
        return [op, { ...block, [`${host}:sub`]: kept.length === 1 ? kept[0] : kept }];
      }),
    );
    return [{ ...raw, Condition: narrowed }];
  });
  const podStatement = asList(podIdentityTrustPolicy().Statement)[0];
  return {
    document: { ...document, Statement: [...statements, ...(addPods ? [podStatement] : [])] },
    oidcRemoved,
  };
}

/** Every AWS::IAM::Role of the template trusts `trust` (eksctl's owned-role update). */
function withTrust(template: Json, trust: Json): Json {
  const resources = isObject(template.Resources) ? template.Resources : {};
  return {
    ...template,
    Resources: Object.fromEntries(
      Object.entries(resources).map(([id, resource]) => {
        if (!isObject(resource) || resource.Type !== 'AWS::IAM::Role') return [id, resource];
        const properties = isObject(resource.Properties) ? resource.Properties : {};
        return [
          id,
          { ...resource, Properties: { ...properties, AssumeRolePolicyDocument: trust } },
        ];
      }),
    ),
  };
}

/** eksctl's tag changes on a migrated IRSA stack (reference §7.3), with the right association key. */
function migratedStackTags(
  stack: LiveStack,
  subject: IrsaSubject,
  oidcRemoved: boolean,
): Record<string, string> {
  const tags = { ...stack.tags };
  if (oidcRemoved) delete tags[IAM_SERVICE_ACCOUNT_TAG];
  // eksctl writes the service account's name alone for an add-on's stack.
  tags[POD_IDENTITY_ASSOCIATION_TAG] = subject.addon
    ? subject.serviceAccount
    : associationKey(subject.namespace, subject.serviceAccount);
  return tags;
}

export interface TrustMigration {
  task: Task;
  /** The role stays in its eksctl stack, which becomes a pod identity role stack. */
  owned: boolean;
}

/**
 * The `update-trust-policy` task of a role that migrates, or a reason it cannot be planned (an
 * owned stack whose template was not read).
 */
export function planTrustMigration(
  live: LiveCluster,
  irsa: IrsaRole,
  subject: IrsaSubject,
  options: { target: string; idSuffix?: string; removeOidc: boolean; addonRule?: boolean },
): TrustMigration | { problem: string } | undefined {
  const { role, stack } = irsa;
  // Migrated already, and the OIDC trust stays (or is gone): nothing left to do.
  if (irsa.trustsPods && !(options.removeOidc && irsa.oidcTrusted)) return undefined;
  const before = role.assumeRolePolicy;
  const { document: after, oidcRemoved } = migratedTrustPolicy(
    live,
    before,
    subject,
    options.removeOidc,
  );
  const reasons = [
    irsa.trustsPods
      ? `role trusts both pods.eks.amazonaws.com and this cluster's OIDC provider for ${subjectOf(subject)}`
      : `role trusts this cluster's OIDC provider for ${subjectOf(subject)} (IRSA): add pods.eks.amazonaws.com`,
    oidcRemoved
      ? options.addonRule
        ? 'remove that OIDC trust, as eksctl does for add-on roles'
        : 'remove that OIDC trust (remove-oidc-trust)'
      : 'OIDC trust kept, so reverting is one commit',
  ];
  const common = {
    ...(options.idSuffix ? { idSuffix: options.idSuffix } : {}),
    reason: reasons.join('; '),
    before: { trustPolicy: before },
    after: { trustPolicy: after },
  };
  if (!stack) {
    return {
      owned: false,
      task: updateTrustPolicyTask(
        options.target,
        { roleName: role.roleName, roleArn: role.arn, trustPolicy: canonicalJson(after) },
        false,
        common,
      ),
    };
  }
  if (!stack.template) {
    return { problem: `the template of stack "${stack.stackName}" was not read` };
  }
  const tags = migratedStackTags(stack, subject, oidcRemoved);
  return {
    owned: true,
    task: updateTrustPolicyTask(
      options.target,
      {
        roleName: role.roleName,
        roleArn: role.arn,
        trustPolicy: canonicalJson(after),
        stack: {
          stackName: stack.stackName,
          templateBody: canonicalJson(withTrust(stack.template, after)),
          capabilities: stack.capabilities.filter(
            (c): c is 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' =>
              c === 'CAPABILITY_IAM' || c === 'CAPABILITY_NAMED_IAM',
          ),
          tags,
        },
      },
      true,
      {
        ...common,
        before: { ...common.before, stackTags: stack.tags },
        after: { ...common.after, stackTags: tags },
      },
    ),
  };
}

/**
 * With remove-oidc-trust, the service account's IRSA annotation goes once its association is in
 * place (eksctl removes it before: a pod restarted in between would have no credentials at all).
 */
export function planAnnotationRemoval(
  live: LiveCluster,
  entry: { namespace: string; serviceAccountName: string; roleARN?: string },
  dependsOn: string[],
): Task | undefined {
  const sa = live.kubernetes?.serviceAccounts.find(
    (s) => s.namespace === entry.namespace && s.name === entry.serviceAccountName,
  );
  const annotated = sa?.annotations[IRSA_ROLE_ANNOTATION];
  if (annotated === undefined || annotated === '') return undefined;
  return removeIrsaAnnotationTask(
    {
      clusterName: live.name,
      namespace: entry.namespace,
      serviceAccount: entry.serviceAccountName,
    },
    {
      reason: `remove-oidc-trust: pods of this service account get their role from the association${annotated !== entry.roleARN ? ` (the annotation named ${annotated})` : ''}`,
      before: { annotations: { [IRSA_ROLE_ANNOTATION]: annotated } },
      dependsOn,
    },
  );
}

/**
 * `iam.serviceAccounts` entries whose service account also has a pod identity association in the
 * config: pods use the association, so the IRSA entry only keeps its role's OIDC trust alive.
 */
export function supersededServiceAccounts(spec: ClusterSpec): Problem[] {
  return spec.serviceAccounts.flatMap((sa, i) => {
    const j = spec.podIdentityAssociations.findIndex(
      (e) => e.namespace === sa.namespace && e.serviceAccountName === sa.name,
    );
    if (j < 0) return [];
    const key = associationKey(sa.namespace, sa.name);
    return [
      planProblem(
        sa.location,
        `iam.serviceAccounts[${i}]`,
        'warning',
        `iam.serviceAccounts[${i}] (${key}) is superseded by iam.podIdentityAssociations[${j}]: the service account's pods get their role from the pod identity association`,
        'remove the iam.serviceAccounts entry once the association is applied; remove-oidc-trust then also takes the OIDC trust and the IRSA annotation away',
      ),
    ];
  });
}
