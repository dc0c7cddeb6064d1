// Thin STS adapter: who the run's credentials are (for messages that must name the principal).

import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

/** The caller's ARN (an assumed-role session's, a user's); undefined when STS will not say. */
export async function callerArn(sts: STSClient): Promise<string | undefined> {
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return identity.Arn;
  } catch {
    return undefined;
  }
}
