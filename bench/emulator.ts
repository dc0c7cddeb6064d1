// Emulator benchmark (not a test): `npx tsx bench/emulator.ts [--calls N]`.
// No injected latency; 5,000 associations in one cluster (seeded) and 1,000 stacks, then calls/s
// and p50/p99 for the reads the product makes, at concurrency 10 through the real SDK clients.

import { parseArgs } from 'node:util';
import {
  DescribePodIdentityAssociationCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startEmulator } from '../emulator/server.js';
import { makeClients } from '../__tests__/emulator/helpers.js';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '3000' } } });
const CALLS = Number(values.calls);
const CONCURRENCY = 10;
const ACCOUNT = '111122223333';

interface Row {
  name: string;
  calls: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(
  name: string,
  calls: number,
  call: (i: number) => Promise<unknown>,
  concurrency = CONCURRENCY,
): Promise<Row> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { name, calls, perSecond: calls / elapsed, p50: pct(0.5), p99: pct(0.99) };
}

const roleArn = `arn:aws:iam::${ACCOUNT}:role/bench`;
const emulator = await startEmulator({
  port: 0,
  accountId: ACCOUNT,
  seed: {
    clusters: [
      {
        name: 'bench',
        podIdentityAssociations: Array.from({ length: 5000 }, (_, i) => ({
          namespace: `ns-${i % 50}`,
          serviceAccount: `sa-${i}`,
          roleArn,
        })),
      },
    ],
  },
});
const { eks, cfn } = makeClients(emulator.url);
const rows: Row[] = [];
try {
  // Collect the ids once (50 pages), then describe them at random.
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await eks.send(
      new ListPodIdentityAssociationsCommand({ clusterName: 'bench', nextToken: token }),
    );
    ids.push(...(page.associations ?? []).map((a) => a.associationId as string));
    token = page.nextToken;
  } while (token);
  if (ids.length !== 5000) throw new Error(`expected 5000 associations, listed ${ids.length}`);

  rows.push(
    await measure('DescribePodIdentityAssociation', CALLS, (i) =>
      eks.send(
        new DescribePodIdentityAssociationCommand({
          clusterName: 'bench',
          associationId: ids[(i * 7919) % ids.length],
        }),
      ),
    ),
  );
  // Each worker walks the full listing (50 pages of 100), restarting when it reaches the end.
  const tokens = new Map<number, string | undefined>();
  rows.push(
    await measure('ListPodIdentityAssociations (page of 100)', CALLS, async (i) => {
      const worker = i % CONCURRENCY;
      const page = await eks.send(
        new ListPodIdentityAssociationsCommand({
          clusterName: 'bench',
          maxResults: 100,
          nextToken: tokens.get(worker),
        }),
      );
      tokens.set(worker, page.nextToken);
    }),
  );

  const cfnModule = emulator.modules.find((m) => m.service === 'cloudformation');
  const probe = {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=DescribeStacks&Version=2010-05-15',
    requestId: 'probe',
  };
  if (cfnModule?.operationOf(probe)) {
    // Stacks are created through the API (durations are 0) so the bench does not depend on the
    // CloudFormation seed format.
    const template = JSON.stringify({
      Resources: {
        Role1: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'pods.eks.amazonaws.com' },
                  Action: ['sts:AssumeRole', 'sts:TagSession'],
                },
              ],
            },
          },
        },
      },
    });
    await measure('(setup) CreateStack', 1000, (i) =>
      cfn.send(
        new CreateStackCommand({
          StackName: `bench-${String(i).padStart(4, '0')}`,
          TemplateBody: template,
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    );
    rows.push(
      await measure('DescribeStacks (by name)', CALLS, (i) =>
        cfn.send(
          new DescribeStacksCommand({
            StackName: `bench-${String((i * 7919) % 1000).padStart(4, '0')}`,
          }),
        ),
      ),
    );
    const stackTokens = new Map<number, string | undefined>();
    rows.push(
      await measure('DescribeStacks (all stacks, one page)', Math.min(CALLS, 1000), async (i) => {
        const worker = i % CONCURRENCY;
        const page = await cfn.send(
          new DescribeStacksCommand({ NextToken: stackTokens.get(worker) }),
        );
        stackTokens.set(worker, page.NextToken);
      }),
    );
    // The same page handled in-process, one at a time (no HTTP, no SDK): separates the emulator's
    // own cost, one page of stacks, from the client parsing ~60 KB of XML per page in this process.
    const op = cfnModule.operationOf(probe);
    rows.push(
      await measure(
        'DescribeStacks (all, one page), handler only, sequential',
        Math.min(CALLS, 1000),
        () => Promise.resolve(cfnModule.handle(probe, op!)),
        1,
      ),
    );
  } else {
    console.log('CloudFormation is still a placeholder: stack rows skipped.');
  }
} finally {
  await emulator.close();
}

console.log(
  `\nEmulator benchmark: 5,000 associations in one cluster, 1,000 stacks, concurrency ${CONCURRENCY}, no latency\n`,
);
console.log('| operation | calls | calls/s | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.calls} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`,
  );
}
