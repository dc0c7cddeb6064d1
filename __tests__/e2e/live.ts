// What the emulator holds, read through the SDK (as a user would check it with the AWS CLI).

import { paginateDescribeStacks } from '@aws-sdk/client-cloudformation';
import {
  DescribePodIdentityAssociationCommand,
  paginateListPodIdentityAssociations,
} from '@aws-sdk/client-eks';
import { paginateListRoles } from '@aws-sdk/client-iam';
import type { Clients } from '../emulator/helpers.js';

export interface LiveSummary {
  /** `ns/sa` → role ARN */
  associations: Record<string, string>;
  associationTags: Record<string, Record<string, string>>;
  /** stack name → status */
  stacks: Record<string, string>;
  roles: string[];
}

export async function liveSummary(clients: Clients, cluster = 'prod'): Promise<LiveSummary> {
  const associations: Record<string, string> = {};
  const associationTags: Record<string, Record<string, string>> = {};
  for await (const page of paginateListPodIdentityAssociations(
    { client: clients.eks },
    { clusterName: cluster },
  )) {
    for (const s of page.associations ?? []) {
      const { association } = await clients.eks.send(
        new DescribePodIdentityAssociationCommand({
          clusterName: cluster,
          associationId: s.associationId,
        }),
      );
      const key = `${association?.namespace}/${association?.serviceAccount}`;
      if (key in associations) throw new Error(`duplicate association ${key}`);
      associations[key] = association?.roleArn ?? '';
      associationTags[key] = association?.tags ?? {};
    }
  }
  const stacks: Record<string, string> = {};
  for await (const page of paginateDescribeStacks({ client: clients.cfn }, {})) {
    for (const s of page.Stacks ?? []) stacks[s.StackName ?? ''] = s.StackStatus ?? '';
  }
  const roles: string[] = [];
  for await (const page of paginateListRoles({ client: clients.iam }, {})) {
    for (const r of page.Roles ?? []) roles.push(r.RoleName ?? '');
  }
  return { associations, associationTags, stacks, roles: roles.sort() };
}
