// Plan-time checks of roleARN: existence, account, partition, the whole ARN against IAM's, trust
// policy (found now, not at apply time).
import { describe, expect, it } from 'vitest';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { missingPodIdentityTrust, trustsPodIdentity } from '../../src/plan/trust-policy.js';
import { OPTIONS, entry, live, roleArn, spec, trustedRole } from './fixtures.js';

const stmt = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: s });
const pods = { Service: 'pods.eks.amazonaws.com' };

describe('trust policy', () => {
  it('accepts eksctl statement and its variants', () => {
    expect(
      trustsPodIdentity(
        stmt({ Effect: 'Allow', Principal: pods, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
      ),
    ).toBe(true);
    expect(
      trustsPodIdentity(
        stmt({
          Effect: 'Allow',
          Principal: { Service: ['ec2.amazonaws.com', 'pods.eks.amazonaws.com'] },
          Action: 'sts:*',
        }),
      ),
    ).toBe(true);
    expect(
      trustsPodIdentity({
        Statement: [
          { Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: pods, Action: 'STS:tag*' },
        ],
      }),
    ).toBe(true);
  });

  it('rejects missing TagSession, other principals, and unconditional denies', () => {
    expect(
      missingPodIdentityTrust(stmt({ Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' })),
    ).toEqual(['sts:TagSession']);
    expect(
      trustsPodIdentity(
        stmt({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }),
      ),
    ).toBe(false);
    expect(
      trustsPodIdentity({
        Statement: [
          { Effect: 'Allow', Principal: pods, Action: 'sts:*' },
          { Effect: 'Deny', Principal: pods, Action: 'sts:TagSession' },
        ],
      }),
    ).toBe(false);
    expect(trustsPodIdentity({})).toBe(false);
  });
});

describe('roleARN checks', () => {
  it('reports a role that does not exist, quoting EKS, at the entry location', () => {
    const r = roleArn('nope');
    const e = entry('ns', 'sa', { roleARN: r });
    const plan = planCluster(spec([e]), live({ roles: { [r]: null } }), OPTIONS);
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({
      file: 'clusters/test.yaml',
      line: e.location.line,
      column: 7,
      path: 'iam.podIdentityAssociations[0].roleARN',
    });
    expect(plan.errors[0].message).toContain('Role provided in the request does not exist');
  });

  it('reports a role in another account; a cross-account target role is fine', () => {
    const foreign = roleArn('r', '999999999999');
    const plan = planCluster(spec([entry('ns', 'sa', { roleARN: foreign })]), live(), OPTIONS);
    expect(plan.errors[0].message).toContain('Cross-account pass role is not allowed');
    const r = roleArn('r');
    const ok = planCluster(
      spec([entry('ns', 'sa', { roleARN: r, targetRoleARN: roleArn('t', '999999999999') })]),
      live({ roles: { [r]: trustedRole(r) } }),
      OPTIONS,
    );
    expect(ok.errors).toEqual([]);
  });

  it('reports a role that does not trust pods.eks.amazonaws.com', () => {
    const r = roleArn('irsa');
    const trust = stmt({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/x' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    const plan = planCluster(
      spec([entry('ns', 'sa', { roleARN: r })]),
      live({ roles: { [r]: trustedRole(r, trust) } }),
      OPTIONS,
    );
    expect(plan.errors[0].message).toContain('Trust policy of the role provided is invalid');
    expect(plan.errors[0].message).toContain('sts:AssumeRole and sts:TagSession');
  });

  it("reports a roleARN whose partition, path or name case is not IAM's, with the ARN to use", () => {
    const real = 'arn:aws:iam::111122223333:role/team/App';
    const cases: [string, string][] = [
      ['arn:aws:iam::111122223333:role/App', 'path "/" where IAM has "/team/"'],
      ['arn:aws:iam::111122223333:role/team/app', 'name "app" where IAM has "App"'],
      [
        'arn:aws:iam::111122223333:role/other/path/app',
        'path "/other/path/" where IAM has "/team/", name "app" where IAM has "App"',
      ],
    ];
    for (const [given, difference] of cases) {
      const e = entry('ns', 'sa', { roleARN: given });
      const plan = planCluster(spec([e]), live({ roles: { [given]: trustedRole(real) } }), OPTIONS);
      expect(plan.tasks).toEqual([]);
      expect(plan.errors).toHaveLength(1);
      expect(plan.errors[0]).toMatchObject({
        path: 'iam.podIdentityAssociations[0].roleARN',
        line: e.location.line,
        message: `roleARN "${given}" is not the ARN of role App (${difference}); EKS would answer "Role provided in the request does not exist"`,
        hint: `use roleARN: ${real}`,
      });
    }
  });

  it('reports a roleARN of another partition, read or not', () => {
    const cn = 'arn:aws-cn:iam::111122223333:role/app';
    const real = roleArn('app');
    const read = planCluster(
      spec([entry('ns', 'sa', { roleARN: cn })]),
      live({ roles: { [cn]: trustedRole(real) } }),
      OPTIONS,
    );
    expect(read.errors.map((p) => [p.message, p.hint])).toEqual([
      [
        `role "${cn}" is in partition aws-cn but cluster "test-cluster" is in partition aws; EKS would answer "Role provided in the request does not exist"`,
        `use roleARN: ${real}`,
      ],
    ]);
    const gov = 'arn:aws-us-gov:iam::111122223333:role/app';
    const unread = planCluster(spec([entry('ns', 'sa', { roleARN: gov })]), live(), OPTIONS);
    expect(unread.errors.map((p) => p.hint)).toEqual([`use roleARN: ${real}`]);
  });

  it('warns when the role could not be read', () => {
    const r = roleArn('unread');
    const plan = planCluster(spec([entry('ns', 'sa', { roleARN: r })]), live(), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings[0].message).toContain('could not be read');
    expect(plan.tasks).toHaveLength(1);
  });
});
