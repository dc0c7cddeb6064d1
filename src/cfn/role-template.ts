// eksctl's pod identity role template (reference §1.6): one `AWS::IAM::Role` `Role1` trusted by
// pods.eks.amazonaws.com, the inline policies, and the `Role1` output the association points at.

import { hasPolicy } from '../config/limits.js';
import {
  DEFAULT_PERMISSION_POLICY_NAME,
  ROLE_LOGICAL_ID,
  ROLE_OUTPUT,
  permissionPolicyLogicalId,
} from '../names/template-ids.js';
import type { PodIdentityAssociationSpec } from '../config/model.js';
import type { FnSub, PolicyStatement } from './intrinsics.js';
import { wellKnownInlinePolicies, wellKnownManagedPolicyArns } from './well-known-policies.js';

export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
export const ROLE_TEMPLATE_DESCRIPTION =
  'IAM role for pod identity association [created and managed by eksctl]';

export type RoleStackCapability = 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM';

export type CfnTemplate = Record<string, unknown>;

/** The role fields a template is built from (an `iam.podIdentityAssociations` entry has them all). */
export type RoleTemplateInput = Pick<
  PodIdentityAssociationSpec,
  | 'roleName'
  | 'permissionsBoundaryARN'
  | 'permissionPolicyARNs'
  | 'permissionPolicyName'
  | 'permissionPolicy'
  | 'wellKnownPolicies'
>;

export function podIdentityTrustPolicy(): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Principal: { Service: POD_IDENTITY_PRINCIPAL },
      },
    ],
  };
}

function inlinePolicyResource(policyName: string, document: unknown): Record<string, unknown> {
  return {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: { 'Fn::Sub': `\${AWS::StackName}-${policyName}` },
      PolicyDocument: document,
      Roles: [{ Ref: ROLE_LOGICAL_ID }],
    },
  };
}

export function podIdentityRoleTemplate(input: RoleTemplateInput): CfnTemplate {
  const managedPolicyArns: (string | FnSub)[] = [
    ...input.permissionPolicyARNs,
    ...wellKnownManagedPolicyArns(input.wellKnownPolicies),
  ];
  const roleProperties: Record<string, unknown> = {
    AssumeRolePolicyDocument: podIdentityTrustPolicy(),
  };
  // eksctl omits empty properties rather than writing empty values.
  if (input.roleName) roleProperties.RoleName = input.roleName;
  if (managedPolicyArns.length > 0) roleProperties.ManagedPolicyArns = managedPolicyArns;
  if (input.permissionsBoundaryARN)
    roleProperties.PermissionsBoundary = input.permissionsBoundaryARN;

  const resources: Record<string, unknown> = {
    [ROLE_LOGICAL_ID]: { Type: 'AWS::IAM::Role', Properties: roleProperties },
  };
  // An empty document is no policy at all, as eksctl decides it (AddAllResources: len(doc) != 0).
  if (hasPolicy(input.permissionPolicy)) {
    const rawName = input.permissionPolicyName ?? DEFAULT_PERMISSION_POLICY_NAME;
    resources[permissionPolicyLogicalId(rawName)] = inlinePolicyResource(
      rawName,
      input.permissionPolicy!,
    );
  }
  for (const [logicalId, statements] of wellKnownInlinePolicies(input.wellKnownPolicies)) {
    resources[logicalId] = inlinePolicyResource(logicalId, {
      Version: '2012-10-17',
      Statement: statements satisfies PolicyStatement[],
    });
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: ROLE_TEMPLATE_DESCRIPTION,
    Resources: resources,
    Outputs: { [ROLE_OUTPUT]: { Value: { 'Fn::GetAtt': `${ROLE_LOGICAL_ID}.Arn` } } },
  };
}

/** A named role needs CAPABILITY_NAMED_IAM; an unnamed one CAPABILITY_IAM. */
export function roleStackCapabilities(
  input: Pick<RoleTemplateInput, 'roleName'>,
): RoleStackCapability[] {
  return input.roleName ? ['CAPABILITY_NAMED_IAM'] : ['CAPABILITY_IAM'];
}
