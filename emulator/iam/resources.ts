// The resource an IAM or CloudFormation (awsQuery) call is authorized against: the role, policy or
// OIDC provider it names, the stack it names (`stack/<name>/*`), or `*` for account-wide calls.

import type { EmulatorRequest } from '../core/types.js';
import type { IamStore } from './store.js';

const form = (req: EmulatorRequest): URLSearchParams => new URLSearchParams(req.body);

export function iamResourceArn(store: IamStore, req: EmulatorRequest): string {
  const p = form(req);
  const account = store.accountId;
  const roleName = p.get('RoleName');
  if (roleName) {
    const existing = store.roles.get(roleName.toLowerCase());
    return existing?.arn ?? `arn:aws:iam::${account}:role${p.get('Path') ?? '/'}${roleName}`;
  }
  const policyArn = p.get('PolicyArn');
  if (policyArn) return policyArn;
  const policyName = p.get('PolicyName');
  if (policyName) return `arn:aws:iam::${account}:policy${p.get('Path') ?? '/'}${policyName}`;
  const providerArn = p.get('OpenIDConnectProviderArn');
  if (providerArn) return providerArn;
  const url = p.get('Url');
  if (url)
    return `arn:aws:iam::${account}:oidc-provider/${url.replace(/^https:\/\//, '').replace(/\/$/, '')}`;
  return '*';
}

export function stackResourceArn(req: EmulatorRequest, account: string, region: string): string {
  const name = form(req).get('StackName');
  if (!name) return '*';
  if (name.startsWith('arn:')) return name;
  return `arn:aws:cloudformation:${region}:${account}:stack/${name}/*`;
}
