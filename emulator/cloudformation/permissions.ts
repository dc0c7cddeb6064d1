// The IAM permissions a stack's resource handlers need. Without a service role, CloudFormation
// calls IAM with the permissions of whoever called CreateStack/UpdateStack/DeleteStack, so a caller
// allowed `cloudformation:CreateStack` but not `iam:CreateRole` gets a stack that fails with
// AccessDenied, as on AWS. The guard wraps the IAM store the handlers use: each mutating method is
// checked (action + role/policy ARN) before it runs. Reads (GetRole, …) are not checked.

import type { IamStore } from '../iam/store.js';
import type { CreateRoleInput } from '../iam/model.js';

type Check = (action: string, resource: string) => void;
type Needs = (...args: never[]) => [string, string][];

export function guardedStore(store: IamStore, check: Check): IamStore {
  const account = store.accountId;
  const roleArn = (name: string): string =>
    store.roles.get(name.toLowerCase())?.arn ?? `arn:aws:iam::${account}:role/${name}`;
  const onRole =
    (action: string): Needs =>
    (name: string) => [[action, roleArn(name)]];
  const needs: Record<string, Needs> = {
    createRole: (input: CreateRoleInput) => {
      const arn = `arn:aws:iam::${account}:role${input.path ?? '/'}${input.roleName}`;
      const tagged: [string, string][] = input.tags?.length ? [['iam:TagRole', arn]] : [];
      return [['iam:CreateRole', arn], ...tagged];
    },
    deleteRole: onRole('iam:DeleteRole'),
    updateAssumeRolePolicy: onRole('iam:UpdateAssumeRolePolicy'),
    updateRole: onRole('iam:UpdateRole'),
    tagRole: onRole('iam:TagRole'),
    untagRole: onRole('iam:UntagRole'),
    putRolePermissionsBoundary: onRole('iam:PutRolePermissionsBoundary'),
    deleteRolePermissionsBoundary: onRole('iam:DeleteRolePermissionsBoundary'),
    attachRolePolicy: onRole('iam:AttachRolePolicy'),
    detachRolePolicy: onRole('iam:DetachRolePolicy'),
    putRolePolicy: onRole('iam:PutRolePolicy'),
    deleteRolePolicy: onRole('iam:DeleteRolePolicy'),
    createPolicy: (input: { policyName: string; path?: string }) => [
      ['iam:CreatePolicy', `arn:aws:iam::${account}:policy${input.path ?? '/'}${input.policyName}`],
    ],
    deletePolicy: (arn: string) => [['iam:DeletePolicy', arn]],
    updatePolicyDocument: (arn: string) => [['iam:CreatePolicyVersion', arn]],
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      const need = typeof property === 'string' ? needs[property] : undefined;
      return (...args: unknown[]) => {
        if (need)
          for (const [action, resource] of need(...(args as never[]))) check(action, resource);
        return method.apply(target, args);
      };
    },
  });
}
