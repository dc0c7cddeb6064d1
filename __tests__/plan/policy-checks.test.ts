// Plan-time checks of the managed policies and permissions boundaries of roles the plan creates or
// updates: missing, not attachable, another partition or account; what a second plan reads.
import { describe, expect, it } from 'vitest';
import type { LiveCluster, PolicyStatus } from '../../src/live/model.js';
import { AGENT_ADDON } from '../../src/names/addons.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { policyArnsToRead } from '../../src/plan/policy-checks.js';
import {
  OPTIONS,
  addon,
  agentCatalog,
  entry,
  live,
  liveAddon,
  offered,
  spec,
  stackFor,
} from './fixtures.js';

const S3_RO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const TYPO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess';
const SERVICE_ROLE = 'arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy';
const BOUNDARY = 'arn:aws:iam::111122223333:policy/boundaries/pods';

const withPolicies = (policies: Record<string, PolicyStatus>, extra: Partial<LiveCluster> = {}) =>
  live({ policies, ...extra });

describe('managed policy and boundary checks', () => {
  it('a policy that does not exist is an error at the field, naming the closest one IAM lists', () => {
    const e = entry('apps', 'app', { permissionPolicyARNs: [S3_RO, TYPO] });
    const plan = planCluster(
      spec([e]),
      withPolicies(
        { [S3_RO]: 'attachable', [TYPO]: 'missing' },
        { knownPolicyArns: [S3_RO, 'arn:aws:iam::aws:policy/AmazonS3FullAccess'] },
      ),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors).toEqual([
      {
        severity: 'error',
        file: 'clusters/test.yaml',
        line: e.location.line,
        column: 7,
        path: 'iam.podIdentityAssociations[0].permissionPolicyARNs[1]',
        message: `permissionPolicyARNs[1] "${TYPO}" does not exist; the role stack would fail and roll back (IAM: "Policy ${TYPO} does not exist or is not attachable.")`,
        hint: `did you mean ${S3_RO}?`,
      },
    ]);
  });

  it('without a listing the hint says how to find the name', () => {
    const e = entry('apps', 'app', { permissionPolicyARNs: [TYPO] });
    const plan = planCluster(spec([e]), withPolicies({ [TYPO]: 'missing' }), OPTIONS);
    expect(plan.errors[0].hint).toContain('aws iam list-policies --scope AWS');
  });

  it('a policy that exists but is not attachable, and a missing boundary, are errors', () => {
    const e = entry('apps', 'app', {
      permissionPolicyARNs: [SERVICE_ROLE],
      permissionsBoundaryARN: BOUNDARY,
    });
    const plan = planCluster(
      spec([e]),
      withPolicies({ [SERVICE_ROLE]: 'not-attachable', [BOUNDARY]: 'missing' }),
      OPTIONS,
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.errors.map((p) => [p.path, p.message])).toEqual([
      [
        'iam.podIdentityAssociations[0].permissionsBoundaryARN',
        `permissionsBoundaryARN "${BOUNDARY}" does not exist; the role stack would fail and roll back (IAM: "Scope ARN: ${BOUNDARY} does not exist or is not attachable.")`,
      ],
      [
        'iam.podIdentityAssociations[0].permissionPolicyARNs[0]',
        `permissionPolicyARNs[0] "${SERVICE_ROLE}" exists but cannot be attached to a role (IAM: IsAttachable is false, as for the policies of service-linked roles); the role stack would fail and roll back`,
      ],
    ]);
    expect(plan.errors[0].hint).toBe('create the policy first, or fix the ARN');
  });

  it('a policy of another partition or another account is an error without asking IAM', () => {
    const cn = 'arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const foreign = 'arn:aws:iam::999999999999:policy/shared';
    const e = entry('apps', 'app', { permissionPolicyARNs: [cn, foreign] });
    const plan = planCluster(spec([e]), live(), OPTIONS);
    expect(plan.errors.map((p) => p.message)).toEqual([
      `permissionPolicyARNs[0] "${cn}" is in partition aws-cn but cluster "test-cluster" is in partition aws`,
      `permissionPolicyARNs[1] "${foreign}" belongs to account 999999999999; a role can only have AWS managed policies and policies of its own account (111122223333)`,
    ]);
    expect(plan.errors[0].hint).toBe(`use ${S3_RO}`);
  });

  it('a policy IAM would not let the plan read is a warning; the role is still planned', () => {
    const e = entry('apps', 'app', { permissionPolicyARNs: [S3_RO] });
    const plan = planCluster(spec([e]), withPolicies({ [S3_RO]: 'unreadable' }), OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      `permissionPolicyARNs[0] "${S3_RO}" could not be read (iam:GetPolicy was denied), so it was not checked`,
    ]);
    expect(plan.tasks.map((t) => t.kind)).toEqual(['create-role-stack', 'create-association']);
  });

  it('an unchanged role is not checked: its policies are attached already', () => {
    const e = entry('apps', 'app', { permissionPolicyARNs: [TYPO] });
    const stack = stackFor(e);
    const state = withPolicies({ [TYPO]: 'missing' }, { stacks: [stack] });
    const plan = planCluster(spec([e]), state, OPTIONS);
    expect(plan.errors).toEqual([]);
    expect(policyArnsToRead(plan, live({ stacks: [stack] }))).toEqual([]);
  });

  it('a role the plan updates is checked: a policy added to an existing stack', () => {
    const before = entry('apps', 'app', { permissionPolicyARNs: [S3_RO] });
    const after = { ...before, permissionPolicyARNs: [S3_RO, TYPO] };
    const stack = stackFor(before);
    const first = planCluster(spec([after]), live({ stacks: [stack] }), OPTIONS);
    expect(first.tasks.map((t) => t.kind)).toContain('update-role-stack');
    expect(policyArnsToRead(first, live({ stacks: [stack] }))).toEqual([S3_RO, TYPO]);
    const state = withPolicies({ [S3_RO]: 'attachable', [TYPO]: 'missing' }, { stacks: [stack] });
    const second = planCluster(spec([after]), state, OPTIONS);
    expect(second.tasks).toEqual([]);
    expect(second.errors.map((p) => p.path)).toEqual([
      'iam.podIdentityAssociations[0].permissionPolicyARNs[1]',
    ]);
  });

  it("EKS's recommended policy for an add-on's service account is checked at the add-on", () => {
    const state = withPolicies(
      { [TYPO]: 'missing' },
      {
        addons: { [AGENT_ADDON]: liveAddon(AGENT_ADDON, { version: 'v1.3.4-eksbuild.1' }) },
        addonCatalog: {
          [AGENT_ADDON]: agentCatalog(),
          'vpc-cni': offered([{ serviceAccount: 'aws-node', recommendedManagedPolicies: [TYPO] }]),
        },
      },
    );
    const cni = addon('vpc-cni', { useDefaultPodIdentityAssociations: true });
    const plan = planCluster(spec([], { addons: [addon(AGENT_ADDON), cni] }), state, OPTIONS);
    expect(plan.errors.map((p) => [p.path, p.message])).toEqual([
      [
        'addons[1]',
        `the policy EKS recommends for service account "aws-node", "${TYPO}" does not exist; the role stack would fail and roll back (IAM: "Policy ${TYPO} does not exist or is not attachable.")`,
      ],
    ]);
  });

  it('an add-on association is checked at its own entry', () => {
    const e = entry('kube-system', 'aws-node', { permissionPolicyARNs: [TYPO] });
    const state = withPolicies(
      { [TYPO]: 'missing' },
      {
        addons: { [AGENT_ADDON]: liveAddon(AGENT_ADDON, { version: 'v1.3.4-eksbuild.1' }) },
        addonCatalog: {
          [AGENT_ADDON]: agentCatalog(),
          'vpc-cni': offered([{ serviceAccount: 'aws-node', recommendedManagedPolicies: [S3_RO] }]),
        },
      },
    );
    const plan = planCluster(
      spec([], {
        addons: [addon(AGENT_ADDON), addon('vpc-cni', { podIdentityAssociations: [e] })],
      }),
      state,
      OPTIONS,
    );
    expect(plan.errors.map((p) => [p.path, p.line])).toEqual([
      ['addons[1].podIdentityAssociations[0].permissionPolicyARNs[0]', e.location.line],
    ]);
  });
});

describe('policyArnsToRead', () => {
  it('100 new roles sharing 3 policies ask for 3, not for eksctl well-known ones', () => {
    const arns = [S3_RO, BOUNDARY, 'arn:aws:iam::aws:policy/AmazonSQSFullAccess'];
    const entries = Array.from({ length: 100 }, (_, i) =>
      entry('apps', `app-${i}`, {
        permissionPolicyARNs: [arns[i % 2]],
        permissionsBoundaryARN: arns[2],
        wellKnownPolicies: { ...entry('x', 'y').wellKnownPolicies, ebsCSIController: true },
      }),
    );
    const state = live();
    const plan = planCluster(spec(entries), state, OPTIONS);
    expect(policyArnsToRead(plan, state)).toEqual([...arns].sort());
    expect(policyArnsToRead(plan, live({ policies: { [S3_RO]: 'attachable' } }))).toEqual(
      [BOUNDARY, arns[2]].sort(),
    );
  });
});
