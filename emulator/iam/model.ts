// IAM entities and quotas as the store keeps them.

import type { Tag } from './validate.js';

export interface Role {
  roleName: string;
  path: string;
  roleId: string;
  arn: string;
  createDate: number;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
  attachedPolicies: string[];
  inlinePolicies: Map<string, string>;
}

export interface CustomerPolicy {
  policyName: string;
  path: string;
  policyId: string;
  arn: string;
  description?: string;
  document: string;
  createDate: number;
  updateDate: number;
  tags: Tag[];
}

export interface OidcProvider {
  arn: string;
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: number;
  tags: Tag[];
}

export interface CreateRoleInput {
  roleName: string;
  assumeRolePolicyDocument: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  permissionsBoundary?: string;
  tags?: Tag[];
}

/** Adjustable IAM quotas (aws-api.md §4) with their defaults. */
export interface IamQuotas {
  assumeRolePolicySize: number;
  rolePolicySize: number;
  attachedPoliciesPerRole: number;
  rolesPerAccount: number;
  tagsPerRole: number;
}

export const DEFAULT_QUOTAS: IamQuotas = {
  assumeRolePolicySize: 2048,
  rolePolicySize: 10240,
  attachedPoliciesPerRole: 10,
  rolesPerAccount: 1000,
  tagsPerRole: 50,
};
