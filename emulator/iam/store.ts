// The IAM state and its rules. Query handlers and CloudFormation both go through these methods,
// so a stack hits the same limits and errors as a direct call.

import { QueryError } from '../query/errors.js';
import { awsManagedDocument, findAwsManaged } from './catalog.js';
import { iamId } from './ids.js';
import {
  DEFAULT_QUOTAS,
  type CreateRoleInput,
  type CustomerPolicy,
  type IamQuotas,
  type OidcProvider,
  type Role,
} from './model.js';
import {
  checkName,
  checkPath,
  checkPolicyDocument,
  checkLength,
  checkRange,
  checkTags,
  policySize,
  type Tag,
} from './validate.js';

export type { CreateRoleInput, CustomerPolicy, IamQuotas, OidcProvider, Role } from './model.js';

/** A service-linked role's policy exists but only its service may attach it. */
function checkAttachable(arn: string): void {
  if (findAwsManaged(arn)?.attachable === false)
    throw new QueryError(
      400,
      'PolicyNotAttachable',
      'Cannot attach a Service Role Policy to a Customer Role.',
    );
}

const noSuchRole = (name: string): QueryError =>
  new QueryError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);

export class IamStore {
  /** Keyed by lower-cased name: IAM names are unique regardless of case. */
  readonly roles = new Map<string, Role>();
  readonly policies = new Map<string, CustomerPolicy>();
  readonly oidcProviders = new Map<string, OidcProvider>();
  quotas: IamQuotas = { ...DEFAULT_QUOTAS };

  constructor(
    readonly accountId: string,
    private readonly now: () => number,
  ) {}

  clear(): void {
    this.roles.clear();
    this.policies.clear();
    this.oidcProviders.clear();
    this.quotas = { ...DEFAULT_QUOTAS };
  }

  role(name: string): Role {
    const role = this.roles.get(name.toLowerCase());
    if (!role) throw noSuchRole(name);
    return role;
  }

  roleByArn(arn: string): Role | undefined {
    const name = arn.match(/^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/)?.[1];
    const role = name ? this.roles.get(name.toLowerCase()) : undefined;
    return role && role.arn === arn ? role : undefined;
  }

  createRole(input: CreateRoleInput): Role {
    checkName(input.roleName, 'roleName', 64);
    const path = input.path ?? '/';
    checkPath(path);
    if (input.description !== undefined) checkLength(input.description, 'description', 0, 1000);
    if (input.maxSessionDuration !== undefined)
      checkRange(input.maxSessionDuration, 'maxSessionDuration', 3600, 43200);
    const tags = input.tags ?? [];
    checkTags(tags);
    this.checkTrustPolicy(input.assumeRolePolicyDocument);
    if (input.permissionsBoundary !== undefined) this.checkBoundary(input.permissionsBoundary);
    if (this.roles.has(input.roleName.toLowerCase()))
      throw new QueryError(
        409,
        'EntityAlreadyExists',
        `Role with name ${input.roleName} already exists.`,
      );
    if (this.roles.size >= this.quotas.rolesPerAccount)
      throw new QueryError(
        409,
        'LimitExceeded',
        `Cannot exceed quota for RolesPerAccount: ${this.quotas.rolesPerAccount}`,
      );
    const role: Role = {
      roleName: input.roleName,
      path,
      roleId: iamId('AROA'),
      arn: `arn:aws:iam::${this.accountId}:role${path}${input.roleName}`,
      createDate: this.now(),
      assumeRolePolicyDocument: input.assumeRolePolicyDocument,
      description: input.description,
      maxSessionDuration: input.maxSessionDuration ?? 3600,
      permissionsBoundary: input.permissionsBoundary,
      tags: [...tags],
      attachedPolicies: [],
      inlinePolicies: new Map(),
    };
    this.roles.set(role.roleName.toLowerCase(), role);
    return role;
  }

  /** DeleteConflict checks in AWS's order: instance profiles (none here), managed, inline. */
  deleteRole(name: string): void {
    const role = this.role(name);
    if (role.attachedPolicies.length > 0)
      throw new QueryError(
        409,
        'DeleteConflict',
        'Cannot delete entity, must detach all policies first.',
      );
    if (role.inlinePolicies.size > 0)
      throw new QueryError(
        409,
        'DeleteConflict',
        'Cannot delete entity, must delete policies first.',
      );
    this.roles.delete(name.toLowerCase());
  }

  updateAssumeRolePolicy(name: string, document: string): void {
    const role = this.role(name);
    this.checkTrustPolicy(document, 'policyDocument');
    role.assumeRolePolicyDocument = document;
  }

  updateRole(name: string, description?: string, maxSessionDuration?: number): void {
    const role = this.role(name);
    if (description !== undefined) {
      checkLength(description, 'description', 0, 1000);
      role.description = description;
    }
    if (maxSessionDuration !== undefined) {
      checkRange(maxSessionDuration, 'maxSessionDuration', 3600, 43200);
      role.maxSessionDuration = maxSessionDuration;
    }
  }

  tagRole(name: string, tags: Tag[]): void {
    const role = this.role(name);
    checkTags(tags);
    const merged = new Map(role.tags.map((t) => [t.Key.toLowerCase(), t]));
    for (const tag of tags) merged.set(tag.Key.toLowerCase(), tag);
    if (merged.size > this.quotas.tagsPerRole)
      throw new QueryError(
        409,
        'LimitExceeded',
        `Cannot exceed quota for TagsPerRole: ${this.quotas.tagsPerRole}`,
      );
    role.tags = [...merged.values()];
  }

  untagRole(name: string, keys: string[]): void {
    const role = this.role(name);
    const drop = new Set(keys.map((k) => k.toLowerCase()));
    role.tags = role.tags.filter((t) => !drop.has(t.Key.toLowerCase()));
  }

  putRolePermissionsBoundary(name: string, arn: string): void {
    const role = this.role(name);
    this.checkBoundary(arn);
    role.permissionsBoundary = arn;
  }

  deleteRolePermissionsBoundary(name: string): void {
    this.role(name).permissionsBoundary = undefined;
  }

  attachRolePolicy(name: string, arn: string): void {
    const role = this.role(name);
    this.checkPolicyArn(arn);
    if (!this.policyExists(arn))
      throw new QueryError(
        404,
        'NoSuchEntity',
        `Policy ${arn} does not exist or is not attachable.`,
      );
    checkAttachable(arn);
    if (role.attachedPolicies.includes(arn)) return;
    if (role.attachedPolicies.length >= this.quotas.attachedPoliciesPerRole)
      throw new QueryError(
        409,
        'LimitExceeded',
        `Cannot exceed quota for PoliciesPerRole: ${this.quotas.attachedPoliciesPerRole}`,
      );
    role.attachedPolicies.push(arn);
  }

  detachRolePolicy(name: string, arn: string): void {
    const role = this.role(name);
    this.checkPolicyArn(arn);
    if (!role.attachedPolicies.includes(arn))
      throw new QueryError(404, 'NoSuchEntity', `Policy ${arn} was not found.`);
    role.attachedPolicies = role.attachedPolicies.filter((a) => a !== arn);
  }

  putRolePolicy(name: string, policyName: string, document: string): void {
    const role = this.role(name);
    checkName(policyName, 'policyName', 128);
    checkPolicyDocument(document, 'policyDocument', false);
    let total = policySize(document);
    for (const [other, doc] of role.inlinePolicies) {
      if (other !== policyName) total += policySize(doc);
    }
    if (total > this.quotas.rolePolicySize)
      throw new QueryError(
        409,
        'LimitExceeded',
        `Maximum policy size of ${this.quotas.rolePolicySize} bytes exceeded for role ${role.roleName}`,
      );
    role.inlinePolicies.set(policyName, document);
  }

  getRolePolicy(name: string, policyName: string): string {
    const doc = this.role(name).inlinePolicies.get(policyName);
    if (doc === undefined)
      throw new QueryError(
        404,
        'NoSuchEntity',
        `The role policy with name ${policyName} cannot be found.`,
      );
    return doc;
  }

  deleteRolePolicy(name: string, policyName: string): void {
    const role = this.role(name);
    if (!role.inlinePolicies.delete(policyName))
      throw new QueryError(
        404,
        'NoSuchEntity',
        `The role policy with name ${policyName} cannot be found.`,
      );
  }

  createPolicy(input: {
    policyName: string;
    document: string;
    path?: string;
    description?: string;
    tags?: Tag[];
  }): CustomerPolicy {
    checkName(input.policyName, 'policyName', 128);
    const path = input.path ?? '/';
    checkPath(path);
    if (input.description !== undefined) checkLength(input.description, 'description', 0, 1000);
    checkTags(input.tags ?? []);
    checkPolicyDocument(input.document, 'policyDocument', false);
    if (policySize(input.document) > 6144)
      throw new QueryError(409, 'LimitExceeded', 'Cannot exceed quota for PolicySize: 6144');
    const arn = `arn:aws:iam::${this.accountId}:policy${path}${input.policyName}`;
    if (
      [...this.policies.values()].some(
        (p) => p.policyName.toLowerCase() === input.policyName.toLowerCase(),
      )
    )
      throw new QueryError(
        409,
        'EntityAlreadyExists',
        `A policy called ${input.policyName} already exists. Duplicate names are not allowed.`,
      );
    const now = this.now();
    const policy: CustomerPolicy = {
      policyName: input.policyName,
      path,
      policyId: iamId('ANPA'),
      arn,
      description: input.description,
      document: input.document,
      createDate: now,
      updateDate: now,
      tags: [...(input.tags ?? [])],
    };
    this.policies.set(arn, policy);
    return policy;
  }

  policy(arn: string): CustomerPolicy {
    this.checkPolicyArn(arn);
    const policy = this.policies.get(arn);
    if (!policy) throw new QueryError(404, 'NoSuchEntity', `Policy ${arn} was not found.`);
    return policy;
  }

  /** Document of a customer or AWS managed policy. */
  policyDocument(arn: string): string {
    const aws = findAwsManaged(arn);
    return aws ? awsManagedDocument(aws) : this.policy(arn).document;
  }

  /** A new default version (CloudFormation updates of AWS::IAM::ManagedPolicy). */
  updatePolicyDocument(arn: string, document: string): void {
    const policy = this.policy(arn);
    checkPolicyDocument(document, 'policyDocument', false);
    if (policySize(document) > 6144)
      throw new QueryError(409, 'LimitExceeded', 'Cannot exceed quota for PolicySize: 6144');
    policy.document = document;
    policy.updateDate = this.now();
  }

  attachmentCount(arn: string): number {
    return [...this.roles.values()].filter((r) => r.attachedPolicies.includes(arn)).length;
  }

  deletePolicy(arn: string): void {
    this.policy(arn);
    if (this.attachmentCount(arn) > 0)
      throw new QueryError(409, 'DeleteConflict', 'Cannot delete a policy attached to entities.');
    this.policies.delete(arn);
  }

  createOidcProvider(
    url: string,
    clientIds: string[],
    thumbprints: string[],
    tags: Tag[],
  ): OidcProvider {
    checkLength(url, 'url', 1, 255);
    if (!/^https:\/\/[^\s/]+/.test(url))
      throw new QueryError(400, 'InvalidInput', 'Invalid Open ID Connect Provider URL');
    checkTags(tags);
    const host = url.replace(/^https:\/\//, '').replace(/\/$/, '');
    const arn = `arn:aws:iam::${this.accountId}:oidc-provider/${host}`;
    if (this.oidcProviders.has(arn))
      throw new QueryError(409, 'EntityAlreadyExists', `Provider with url ${url} already exists.`);
    const provider: OidcProvider = {
      arn,
      url: host,
      clientIds: [...clientIds],
      thumbprints: [...thumbprints],
      createDate: this.now(),
      tags: [...tags],
    };
    this.oidcProviders.set(arn, provider);
    return provider;
  }

  oidcProvider(arn: string): OidcProvider {
    const provider = this.oidcProviders.get(arn);
    if (!provider)
      throw new QueryError(404, 'NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);
    return provider;
  }

  private policyExists(arn: string): boolean {
    return findAwsManaged(arn) !== undefined || this.policies.has(arn);
  }

  private checkPolicyArn(arn: string): void {
    checkLength(arn, 'policyArn', 20, 2048);
    if (!/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn))
      throw new QueryError(400, 'InvalidInput', `ARN ${arn} is not valid.`);
  }

  private checkBoundary(arn: string): void {
    checkLength(arn, 'permissionsBoundary', 20, 2048);
    if (!/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn))
      throw new QueryError(400, 'InvalidInput', `ARN ${arn} is not valid.`);
    if (!this.policyExists(arn))
      throw new QueryError(
        404,
        'NoSuchEntity',
        `Scope ARN: ${arn} does not exist or is not attachable.`,
      );
    checkAttachable(arn);
  }

  private checkTrustPolicy(document: string, member = 'assumeRolePolicyDocument'): void {
    checkPolicyDocument(document, member, true, (arn) => this.oidcProviders.has(arn));
    if (policySize(document) > this.quotas.assumeRolePolicySize)
      throw new QueryError(
        409,
        'LimitExceeded',
        `Cannot exceed quota for ACLSizePerRole: ${this.quotas.assumeRolePolicySize}`,
      );
  }
}
