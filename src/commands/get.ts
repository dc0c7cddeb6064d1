// `podid get`: eksctl's `get podidentityassociation`, reading every page (eksctl reads only the first).

import { ClientPool } from '../aws/clients.js';
import { describeAssociation, listAssociations } from '../aws/eks.js';
import { errorMessage } from '../aws/errors.js';
import { formatAssociationRows, type GetFormat } from '../render/association-table.js';
import { UsageError } from './args.js';
import { printOut } from './output.js';

export interface GetOptions {
  cluster?: string;
  region?: string;
  namespace?: string;
  serviceAccountName?: string;
  output: string;
  concurrency: number;
}

export function validateGet(options: GetOptions): {
  cluster: string;
  region: string;
  output: GetFormat;
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
  return { cluster: options.cluster, region, output: options.output as GetFormat };
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
    printOut(formatAssociationRows(rows, output));
    return 0;
  } finally {
    pool.destroy();
  }
}
