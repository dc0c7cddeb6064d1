// `podid get`: eksctl's `get podidentityassociation`, reading every page (eksctl reads only the first).

import { ClientPool } from '../aws/clients.js';
import { describeAssociation, listAssociations } from '../aws/eks.js';
import { errorMessage } from '../aws/errors.js';
import { formatAssociationRows, type GetFormat } from '../render/association-table.js';
import { UsageError } from './args.js';
import { loadDesired } from './desired.js';
import { printOut } from './output.js';
import { resolveRegion } from './region.js';

export interface GetOptions {
  /** eksctl's `-f config.yaml`: the cluster and its region come from the file. */
  file?: string;
  cluster?: string;
  region?: string;
  namespace?: string;
  serviceAccountName?: string;
  output: string;
  concurrency: number;
}

interface Target {
  cluster: string;
  region: string;
  output: GetFormat;
}

function checkFlags(options: GetOptions): GetFormat {
  if (options.file && options.cluster) {
    throw new UsageError('cannot use --cluster when --config-file/-f flag is used');
  }
  if (options.file && options.region) {
    throw new UsageError('cannot use --region when --config-file/-f flag is used');
  }
  if (!options.file && !options.cluster) throw new UsageError('--cluster must be set (or -f FILE)');
  if (options.serviceAccountName && !options.namespace) {
    throw new UsageError('--namespace must be set in order to specify --service-account-name');
  }
  if (!['table', 'json', 'yaml'].includes(options.output)) {
    throw new UsageError(
      `unknown output printer type: expected {"yaml","json","table"} but got "${options.output}"`,
    );
  }
  return options.output as GetFormat;
}

/** The cluster and region to read, or undefined when the file was invalid (its problems printed). */
async function resolveTarget(options: GetOptions): Promise<Target | undefined> {
  const output = checkFlags(options);
  if (options.file) {
    const state = await loadDesired([options.file]);
    if (!state) return undefined;
    if (state.clusters.length !== 1) {
      throw new UsageError(
        `-f must name one ClusterConfig file; "${options.file}" matched ${state.clusters.length}`,
      );
    }
    const [spec] = state.clusters;
    return { cluster: spec.name, region: spec.region, output };
  }
  return { cluster: options.cluster ?? '', region: await resolveRegion(options.region), output };
}

export async function getCommand(options: GetOptions): Promise<number> {
  const target = await resolveTarget(options);
  if (!target) return 1;
  const { cluster, region, output } = target;
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
