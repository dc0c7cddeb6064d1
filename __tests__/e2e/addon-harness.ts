// Shared steps of the add-on end-to-end tests: one cluster "prod" seeded in the emulator, a config
// file written for it, the CLI bundle's plan and apply, and the mutating calls an apply made.

import { DescribeAddonCommand } from '@aws-sdk/client-eks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { EmulatorHandle } from '../emulator/helpers.js';
import { POD_TRUST, REGION, runCli } from './harness.js';

export const CNI = 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy';
export const VPC_CNI_STACK = 'eksctl-prod-addon-vpc-cni-podidentityrole-aws-node';

interface Call {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
}

export interface SeedOptions {
  ipFamily?: 'ipv6';
  addons?: unknown[];
  roles?: string[];
}

export const count = (ops: string[], op: string): number => ops.filter((o) => o === op).length;

export function addonHarness(env: EmulatorHandle) {
  function writeConfig(doc: Record<string, unknown>): string {
    const dir = mkdtempSync(join(tmpdir(), 'podid-addons-'));
    const file = join(dir, 'prod.eksctl.yaml');
    writeFileSync(
      file,
      stringify({
        apiVersion: 'eksctl.io/v1alpha5',
        kind: 'ClusterConfig',
        metadata: { name: 'prod', region: REGION },
        ...doc,
      }),
    );
    return file;
  }

  async function seed(options: SeedOptions = {}) {
    await env.admin('POST', 'seed', {
      roles: (options.roles ?? []).map((roleName) => ({
        roleName,
        assumeRolePolicyDocument: POD_TRUST,
      })),
      clusters: [
        {
          name: 'prod',
          region: REGION,
          version: '1.32',
          ...(options.ipFamily ? { ipFamily: options.ipFamily } : {}),
          addons: options.addons ?? [{ name: 'eks-pod-identity-agent' }],
        },
      ],
    });
  }

  async function lastSeq(): Promise<number> {
    return (await env.admin<Call[]>('GET', 'calls')).at(-1)?.seq ?? 0;
  }

  async function mutationsSince(seq: number): Promise<string[]> {
    const calls = await env.admin<Call[]>('GET', `calls?since=${seq}`);
    return calls.filter((c) => c.mutating).map((c) => c.operation);
  }

  async function addon(name: string) {
    try {
      const out = await env.eks.send(
        new DescribeAddonCommand({ clusterName: 'prod', addonName: name }),
      );
      return out.addon;
    } catch {
      return undefined;
    }
  }

  async function apply(file: string) {
    const result = await runCli(['apply', '-f', file], env.url);
    return { ...result, text: result.stdout + result.stderr };
  }

  async function expectEmptyPlan(file: string): Promise<void> {
    const plan = await runCli(['plan', '-f', file, '--detailed-exitcode'], env.url);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/Plan: 0 to create, 0 to update, 0 to delete, 0 to adopt\./);
  }

  return { writeConfig, seed, lastSeq, mutationsSince, addon, apply, expectEmptyPlan };
}
