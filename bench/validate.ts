// Benchmark (not a test): validate one ClusterConfig with 1,000 associations of mixed kinds.
// Run: npx tsx bench/validate.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfigFiles } from '../src/config/load.js';

const ASSOCIATIONS = 1000;
const RUNS = 7;

function association(i: number): string {
  const head = `    - namespace: team-${i % 40}\n      serviceAccountName: app-${i}\n`;
  switch (i % 4) {
    case 0:
      return `${head}      roleARN: arn:aws:iam::111122223333:role/app-${i}\n`;
    case 1:
      return `${head}      permissionPolicyARNs:\n        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n        - arn:aws:iam::111122223333:policy/app-${i}\n      tags: {app: app-${i}, tier: backend}\n`;
    case 2:
      return `${head}      wellKnownPolicies:\n        autoScaler: true\n        externalDNS: true\n`;
    default:
      return (
        `${head}      permissionPolicyName: App${i}\n      permissionPolicy:\n        Version: "2012-10-17"\n        Statement:\n` +
        `          - Effect: Allow\n            Action: [sqs:ReceiveMessage, sqs:DeleteMessage]\n            Resource: arn:aws:sqs:us-west-2:111122223333:q-${i}\n` +
        `      targetRoleARN: arn:aws:iam::444455556666:role/t-${i}\n      disableSessionTags: true\n      policy: '{"Version":"2012-10-17","Statement":[]}'\n`
      );
  }
}

const text =
  `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: bench\n  region: us-west-2\n  tags: {team: platform}\n` +
  `iam:\n  podIdentityAssociations:\n${Array.from({ length: ASSOCIATIONS }, (_, i) => association(i)).join('')}` +
  `addons:\n  - name: eks-pod-identity-agent\n  - name: vpc-cni\n    useDefaultPodIdentityAssociations: true\n`;

const dir = await mkdtemp(path.join(tmpdir(), 'podid-bench-'));
try {
  await writeFile(path.join(dir, 'bench.yaml'), text);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await loadConfigFiles(['bench.yaml'], { cwd: dir });
    times.push(performance.now() - t0);
    if (!res.state || res.state.clusters[0].podIdentityAssociations.length !== ASSOCIATIONS) {
      throw new Error(`unexpected result: ${JSON.stringify(res.problems.slice(0, 3))}`);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `validate: ${ASSOCIATIONS} associations, ${(text.length / 1024).toFixed(0)} KiB, ${RUNS} runs: ` +
      `median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
