// Policy evaluation rules (emulator/iam/evaluate.ts, conditions.ts) without HTTP.

import { describe, expect, it } from 'vitest';
import { authorize, trustAllows } from '../../emulator/iam/evaluate.js';

const doc = (...Statement: Record<string, unknown>[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement });

const context = (values: Record<string, string[]> = {}) => {
  const map = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return { values: map, known: (key: string) => key.startsWith('aws:') };
};

const allowed = (identity: string[], action: string, resource = '*', values = {}, extra = {}) =>
  authorize({ identity, ...extra }, { action, resource, context: context(values) }).allowed;

describe('identity policy evaluation', () => {
  it('matches actions case-insensitively with * and ?', () => {
    const p = doc({ Effect: 'Allow', Action: ['EKS:describe*', 'iam:GetRol?'], Resource: '*' });
    expect(allowed([p], 'eks:DescribeCluster')).toBe(true);
    expect(allowed([p], 'iam:GetRole')).toBe(true);
    expect(allowed([p], 'iam:GetRolePolicy')).toBe(false);
    expect(allowed([p], 'eks:ListClusters')).toBe(false);
  });

  it('supports NotAction and NotResource, and matches resources case-sensitively', () => {
    const p = doc(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:*', NotResource: 'arn:aws:iam::1:role/admin*' },
    );
    expect(allowed([p], 'eks:CreateAddon')).toBe(true);
    expect(allowed([p], 'iam:DeleteRole', 'arn:aws:iam::1:role/app')).toBe(true);
    expect(allowed([p], 'iam:DeleteRole', 'arn:aws:iam::1:role/admins')).toBe(false);
    const scoped = doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:iam::1:role/App' });
    expect(allowed([scoped], 'iam:GetRole', 'arn:aws:iam::1:role/app')).toBe(false);
  });

  it('lets an explicit Deny in any policy win, and defaults to deny', () => {
    const allow = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const deny = doc({ Effect: 'Deny', Action: 'eks:Delete*', Resource: '*' });
    expect(allowed([allow, deny], 'eks:DeleteAddon')).toBe(false);
    expect(allowed([allow, deny], 'eks:CreateAddon')).toBe(true);
    expect(allowed([], 'eks:CreateAddon')).toBe(false);
    const verdict = authorize(
      { identity: [allow, deny] },
      { action: 'eks:DeleteAddon', resource: '*', context: context() },
    );
    expect(verdict.reason).toBe('with an explicit deny in an identity-based policy');
  });

  it('intersects with a permissions boundary and session policies', () => {
    const allow = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const boundary = doc({ Effect: 'Allow', Action: 'eks:*', Resource: '*' });
    expect(allowed([allow], 'eks:CreateAddon', '*', {}, { boundary })).toBe(true);
    expect(allowed([allow], 'iam:CreateRole', '*', {}, { boundary })).toBe(false);
    expect(allowed([allow], 'iam:CreateRole', '*', {}, { session: [boundary] })).toBe(false);
  });

  it('evaluates string conditions and is lenient on keys it does not model', () => {
    const p = doc({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringLike: { 'aws:RequestedRegion': 'us-*' } },
    });
    expect(allowed([p], 'eks:ListClusters', '*', { 'aws:RequestedRegion': ['us-west-2'] })).toBe(
      true,
    );
    expect(allowed([p], 'eks:ListClusters', '*', { 'aws:RequestedRegion': ['eu-west-1'] })).toBe(
      false,
    );
    const unknownKey = doc(
      {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'eks:namespace': 'x' } },
      },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/x': 'y' } },
      },
    );
    // 'aws:ResourceTag/x' is "known" by this test's context but absent → StringEquals is false.
    expect(allowed([unknownKey], 'eks:ListClusters')).toBe(true);
    const ifExists = doc({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'a' } },
    });
    expect(allowed([ifExists], 'eks:ListClusters')).toBe(true);
  });
});

describe('trust policy evaluation', () => {
  const provider = 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com';
  const ctx = (sub: string) => ({
    values: new Map([
      ['token.actions.githubusercontent.com:sub', [sub]],
      ['token.actions.githubusercontent.com:aud', ['sts.amazonaws.com']],
    ]),
    known: (k: string) => k.startsWith('token.actions.githubusercontent.com:'),
  });
  const trust = (
    condition: Record<string, unknown>,
    principal: unknown = { Federated: provider },
  ) =>
    doc({
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    });

  it('needs the federated principal, the action and the conditions', () => {
    const t = trust({
      StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main' },
    });
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('repo:o/r:ref:refs/heads/main'),
      ),
    ).toBe(true);
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('repo:o/r:pull_request'),
      ),
    ).toBe(false);
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRole',
        ctx('repo:o/r:ref:refs/heads/main'),
      ),
    ).toBe(false);
    const otherPrincipal = trust({}, { Federated: 'arn:aws:iam::1:oidc-provider/other' });
    expect(
      trustAllows(
        otherPrincipal,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('x'),
      ),
    ).toBe(false);
  });

  it('supports ForAllValues and negated operators', () => {
    const t = trust({
      'ForAllValues:StringLike': { 'token.actions.githubusercontent.com:sub': ['repo:o/*'] },
      StringNotLike: { 'token.actions.githubusercontent.com:sub': '*:pull_request' },
    });
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('repo:o/r:environment:prod'),
      ),
    ).toBe(true);
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('repo:o/r:pull_request'),
      ),
    ).toBe(false);
    expect(
      trustAllows(
        t,
        { federated: provider },
        'sts:AssumeRoleWithWebIdentity',
        ctx('repo:x/r:environment:prod'),
      ),
    ).toBe(false);
  });
});
