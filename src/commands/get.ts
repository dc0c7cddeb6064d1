// `podid get`: eksctl's `get podidentityassociation`, reading every page (eksctl reads only the first).

import { stringify as toYaml } from 'yaml';
import { ClientPool } from '../aws/clients.js';
import { describeAssociation, listAssociations } from '../aws/eks.js';
import { errorMessage } from '../aws/errors.js';
import { UsageError } from './args.js';

export interface GetOptions {
  cluster?: string;
  region?: string;
  namespace?: string;
  serviceAccountName?: string;
  output: string;
  concurrency: number;
}

interface AssociationRow {
  AssociationARN: string;
  Namespace: string;
  ServiceAccountName: string;
  RoleARN: string;
  OwnerARN: string;
}

export function validateGet(options: GetOptions): {
  cluster: string;
  region: string;
  output: 'table' | 'json' | 'yaml';
} {
  if (!options.cluster) throw new UsageError('--cluster must be set');
  if (options.serviceAccountName && !options.namespace) {
    throw new UsageError('--namespace must be set in order to specify --service-account-name');
  }
  if (!['table', 'json', 'yaml'].includes(options.output)) {
    throw new UsageError(
      `unknown output printer type: expected {"yaml","json","table"} but got "${options.output}"`,
    );
  }
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('--region must be set (or AWS_REGION)');
  return { cluster: options.cluster, region, output: options.output as 'table' | 'json' | 'yaml' };
}

export function formatRows(rows: AssociationRow[], output: 'table' | 'json' | 'yaml'): string {
  if (output === 'json') return `${JSON.stringify(rows, null, 4)}\n`;
  if (output === 'yaml') {
    if (rows.length === 0) return '[]\n';
    return toYaml(
      rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
    );
  }
  if (rows.length === 0) return 'No podidentityassociations found\n';
  const header = [
    'ASSOCIATION ARN',
    'NAMESPACE',
    'SERVICE ACCOUNT NAME',
    'IAM ROLE ARN',
    'OWNER ARN',
  ];
  const lines = [
    header,
    ...rows.map((r) => [
      r.AssociationARN,
      r.Namespace,
      r.ServiceAccountName,
      r.RoleARN,
      r.OwnerARN,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return `${lines
    .map((l) =>
      l
        .map((cell, i) => (i === l.length - 1 ? cell : cell.padEnd(widths[i] + 1)))
        .join('')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

export async function getCommand(options: GetOptions): Promise<number> {
  const { cluster, region, output } = validateGet(options);
  const pool = new ClientPool({ concurrency: options.concurrency });
  try {
    const { eks } = pool.get(region);
    // eksctl's wording, so scripts that match its errors keep working.
    const summaries = await listAssociations(eks, cluster, {
      namespace: options.namespace,
      serviceAccount: options.serviceAccountName,
    }).catch((error: unknown) => {
      throw new Error(`failed to list pod identity associations: ${errorMessage(error)}`);
    });
    const described = await Promise.all(
      summaries.map((s) =>
        describeAssociation(eks, cluster, s.associationId ?? '').catch((error: unknown) => {
          throw new Error(
            `failed to describe pod identity association with associationID: ${s.associationId}: ${errorMessage(error)}`,
          );
        }),
      ),
    );
    const rows = described
      .filter((a) => a !== undefined)
      .map((a) => ({
        AssociationARN: a.associationArn,
        Namespace: a.namespace,
        ServiceAccountName: a.serviceAccount,
        RoleARN: a.roleArn,
        OwnerARN: a.ownerArn ?? '',
      }));
    process.stdout.write(formatRows(rows, output));
    return 0;
  } finally {
    pool.destroy();
  }
}
