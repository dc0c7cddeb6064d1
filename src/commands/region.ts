// The region of a command given a cluster by name (`get`, `migrate`): the flag, else the SDK's own
// resolution (AWS_REGION, the profile's region), else the AWS CLI's AWS_DEFAULT_REGION.

import { profileRegion } from '../aws/clients.js';
import { UsageError } from './args.js';

export async function resolveRegion(flag: string | undefined): Promise<string> {
  const region = flag ?? (await profileRegion()) ?? process.env.AWS_DEFAULT_REGION ?? undefined;
  if (!region) {
    throw new UsageError(
      '--region must be set (or AWS_REGION, or a region in the AWS profile), or use -f FILE',
    );
  }
  return region;
}
