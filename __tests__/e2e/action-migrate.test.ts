// The action's `mode: migrate` end to end (issue 11): on workflow_dispatch, with the documented
// read-only drift role, it rewrites the workspace's config into pod identity form, lists the file
// in `changed-files`, says what it found and changed in the job summary, and makes no mutating AWS
// call; the rewritten file then plans the migrate tasks. A second run changes nothing.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssociateAccessPolicyCommand, CreateAccessEntryCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../emulator/helpers.js';
import {
  DRIFT_ROLE,
  SUB_MAIN,
  awsCallLog,
  createDocumentedRoles,
  runAction,
  tempWorkspace,
} from './action-harness.js';
import { REGION, runCli } from './harness.js';

const env = withEmulator();
const SHA = 'f'.repeat(40);

async function seed(): Promise<void> {
  await env.admin('POST', 'seed', {
    clusters: [
      {
        name: 'prod',
        region: REGION,
        version: '1.32',
        withOIDC: true,
        iamServiceAccounts: [{ namespace: 'default', name: 'uploader', owned: true }],
        addons: [{ name: 'vpc-cni', irsa: { owned: false } }],
      },
    ],
  });
  await createDocumentedRoles(env);
  // Listing the annotated service accounts of every namespace: view access, cluster-wide.
  await env.eks.send(
    new CreateAccessEntryCommand({ clusterName: 'prod', principalArn: DRIFT_ROLE }),
  );
  await env.eks.send(
    new AssociateAccessPolicyCommand({
      clusterName: 'prod',
      principalArn: DRIFT_ROLE,
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
      accessScope: { type: 'cluster' },
    }),
  );
}

const migrateRun = (workspace: string) =>
  runAction(env.url, {
    eventName: 'workflow_dispatch',
    event: { repository: { default_branch: 'main' } },
    workspace,
    sha: SHA,
    oidcSub: SUB_MAIN,
    inputs: { mode: 'migrate', 'role-to-assume': DRIFT_ROLE },
  });

describe('action mode migrate', () => {
  it('rewrites the config with the read-only role, outputs changed-files, and changes nothing in AWS', async () => {
    await seed();
    const workspace = tempWorkspace();
    const file = join(workspace, 'prod.eksctl.yaml');
    writeFileSync(
      file,
      `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: prod
  region: ${REGION}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: uploader
        namespace: default
addons:
  - name: vpc-cni
    serviceAccountRoleARN: arn:aws:iam::111122223333:role/prod-irsa-vpc-cni
`,
    );
    const calls = awsCallLog(env);
    const since = await calls.lastSeq();

    const run = await migrateRun(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.mode).toBe('migrate');
    expect(run.outputs['changed-files']).toBe('prod.eksctl.yaml');
    expect(await calls.awsMutationsSince(since)).toEqual([]);
    expect(run.summary).toContain('## podid migrate: IRSA to pod identity');
    expect(run.summary).toContain('found IAM role for service account default/uploader');
    expect(run.summary).toContain(
      'iam.serviceAccounts\\[0\\] (default/uploader) → iam.podIdentityAssociations',
    );
    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten).toContain(
      '  - name: vpc-cni\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n',
    );
    expect(rewritten).toContain('  - name: eks-pod-identity-agent\n');

    const plan = await runCli(['plan', '-f', file], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('~ update trust policy for owned role');
    expect(plan.stdout).toContain('~ migrate addon vpc-cni to pod identity');

    const again = await migrateRun(workspace);
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs['changed-files']).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(rewritten);
  }, 120_000);
});
