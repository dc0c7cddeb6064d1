// What apply used to trip on is found at plan time (issue 12, item 8), the CLI bundle against the
// emulator: a roleARN that is not IAM's ARN of the role (partition, path), managed policies and
// boundaries that do not exist or cannot be attached. The plan fails in seconds with the field and
// the fix, nothing in AWS changes, and each role or policy is read once however often it is named.
// And when a stack does fail, the failing resource's own reason is printed, not the stack's echo.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import { liveSummary } from './live.js';
import {
  ACCOUNT,
  POD_TRUST,
  runCli,
  seedCluster,
  writeClusterConfig,
  type AssociationEntry,
} from './harness.js';

const env = withEmulator();

interface Call {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
}

const S3_RO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const TYPO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess';
const SERVICE_ROLE = 'arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy';
const NO_BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/boundaries/no-such-boundary`;

async function lastSeq(): Promise<number> {
  return (await env.admin<Call[]>('GET', 'calls')).at(-1)?.seq ?? 0;
}

async function callsSince(seq: number): Promise<Call[]> {
  return env.admin<Call[]>('GET', `calls?since=${seq}`);
}

/** `file:line:column` of the first occurrence of `text` in the file. */
function at(file: string, text: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return `${file}:${line + 1}:${lines[line].indexOf(text) + 1}`;
}

const count = (calls: Call[], operation: string): number =>
  calls.filter((c) => c.operation === operation).length;

/** Plan and apply both refuse, with no mutating call; the messages come back for assertions. */
async function refused(file: string): Promise<string> {
  const before = await lastSeq();
  const plan = await runCli(['plan', '-f', file], env.url);
  expect(plan.code, plan.stdout + plan.stderr).toBe(1);
  const apply = await runCli(['apply', '-f', file], env.url);
  expect(apply.code).toBe(1);
  expect((await callsSince(before)).filter((c) => c.mutating)).toEqual([]);
  return plan.stdout + plan.stderr;
}

describe('plan-time checks against the emulator', () => {
  it('a roleARN in another partition or with another path fails the plan, naming the ARN to use', async () => {
    await env.admin('POST', 'seed', {
      ...seedCluster([]),
      roles: [
        { roleName: 'plain', assumeRolePolicyDocument: POD_TRUST },
        { roleName: 'team-app', path: '/team/', assumeRolePolicyDocument: POD_TRUST },
      ],
    });
    const teamApp = `arn:aws:iam::${ACCOUNT}:role/team/team-app`;
    const file = writeClusterConfig([
      {
        namespace: 'apps',
        serviceAccountName: 'cn',
        roleARN: `arn:aws-cn:iam::${ACCOUNT}:role/plain`,
      },
      {
        namespace: 'apps',
        serviceAccountName: 'nopath',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/team-app`,
      },
      { namespace: 'apps', serviceAccountName: 'right', roleARN: teamApp },
    ]);
    const before = await lastSeq();
    const text = await refused(file);
    expect(text).toContain(
      `role "arn:aws-cn:iam::${ACCOUNT}:role/plain" is in partition aws-cn but cluster "prod" is in partition aws; EKS would answer "Role provided in the request does not exist"`,
    );
    expect(text).toContain(`use roleARN: arn:aws:iam::${ACCOUNT}:role/plain`);
    expect(text).toContain(
      `roleARN "arn:aws:iam::${ACCOUNT}:role/team-app" is not the ARN of role team-app (path "/" where IAM has "/team/")`,
    );
    expect(text).toContain(`use roleARN: ${teamApp}`);
    expect(text).toContain(`${at(file, `arn:aws:iam::${ACCOUNT}:role/team-app`)}: error: roleARN`);
    // Two names, one GetRole each per run (plan, then apply): the two team-app ARNs share one.
    expect(count(await callsSince(before), 'GetRole')).toBe(4);
  }, 60_000);

  it('a misspelt, a non-attachable policy and a missing boundary fail the plan at their fields', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const file = writeClusterConfig([
      { namespace: 'apps', serviceAccountName: 'typo', permissionPolicyARNs: [S3_RO, TYPO] },
      { namespace: 'apps', serviceAccountName: 'slr', permissionPolicyARNs: [SERVICE_ROLE] },
      {
        namespace: 'apps',
        serviceAccountName: 'bounded',
        permissionPolicyARNs: [S3_RO],
        permissionsBoundaryARN: NO_BOUNDARY,
      },
      { namespace: 'apps', serviceAccountName: 'fine', permissionPolicyARNs: [S3_RO] },
    ]);
    const text = await refused(file);
    expect(text).toContain(
      `permissionPolicyARNs[1] "${TYPO}" does not exist; the role stack would fail and roll back (IAM: "Policy ${TYPO} does not exist or is not attachable.")`,
    );
    expect(text).toContain(`did you mean ${S3_RO}?`);
    expect(text).toContain(
      `permissionPolicyARNs[0] "${SERVICE_ROLE}" exists but cannot be attached to a role`,
    );
    expect(text).toContain(
      `permissionsBoundaryARN "${NO_BOUNDARY}" does not exist; the role stack would fail and roll back (IAM: "Scope ARN: ${NO_BOUNDARY} does not exist or is not attachable.")`,
    );
    // Each problem points at the value in the file, not at its list item.
    expect(text).toContain(`${at(file, TYPO)}: error: permissionPolicyARNs[1]`);
    expect(text).toContain(`${at(file, NO_BOUNDARY)}: error: permissionsBoundaryARN`);
    expect((await liveSummary(env)).stacks).toEqual({});
  }, 60_000);

  it('100 new roles sharing 3 policies cost 3 GetPolicy calls; unchanged roles cost none', async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    const policies = [S3_RO, 'arn:aws:iam::aws:policy/AmazonSQSFullAccess'];
    const boundary = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const entries: AssociationEntry[] = Array.from({ length: 100 }, (_, i) => ({
      namespace: 'apps',
      serviceAccountName: `app-${String(i).padStart(3, '0')}`,
      permissionPolicyARNs: [policies[i % 2]],
      permissionsBoundaryARN: boundary,
    }));
    const file = writeClusterConfig(entries);
    const before = await lastSeq();
    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const calls = await callsSince(before);
    expect(count(calls, 'GetPolicy')).toBe(3);
    expect(count(calls, 'ListPolicies')).toBe(0);

    expect((await runCli(['apply', '-f', file], env.url)).code).toBe(0);
    const steady = await lastSeq();
    expect((await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url)).code).toBe(0);
    expect(count(await callsSince(steady), 'GetPolicy')).toBe(0);
  }, 180_000);

  it("a stack that fails at apply prints the failing resource's own reason", async () => {
    await env.admin('POST', 'seed', seedCluster([]));
    // The plan may not read policies (a plan role without iam:GetPolicy): it warns, and the typo
    // reaches CloudFormation, whose role resource fails as in AWS.
    await env.admin('POST', 'faults', {
      rules: [
        {
          service: 'iam',
          operation: 'GetPolicy',
          error: {
            code: 'AccessDenied',
            status: 403,
            message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/podid-plan/x is not authorized to perform: iam:GetPolicy`,
          },
        },
      ],
    });
    const file = writeClusterConfig([
      { namespace: 'apps', serviceAccountName: 'typo', permissionPolicyARNs: [TYPO] },
    ]);
    const apply = await runCli(['apply', '-f', file], env.url);
    expect(apply.code).toBe(1);
    expect(apply.stdout + apply.stderr).toContain(
      'could not be read (iam:GetPolicy was denied), so it was not checked',
    );
    expect(apply.stdout).toMatch(
      new RegExp(
        `stack "eksctl-prod-podidentityrole-apps-typo" ended in ROLLBACK_COMPLETE: AWS::IAM::Role/Role1: CREATE_FAILED – Resource handler returned message: "Policy ${TYPO.replace(/[/.]/g, '\\$&')} does not exist or is not attachable\\.`,
      ),
    );
    expect(apply.stdout).not.toContain('Rollback requested by user');
    expect(apply.stdout + apply.stderr).toContain(
      'unexpected status "ROLLBACK_COMPLETE" while waiting for CloudFormation stack "eksctl-prod-podidentityrole-apps-typo"',
    );
  }, 60_000);
});
