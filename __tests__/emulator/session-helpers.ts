// Test helper: a role trusted by the emulator's GitHub OIDC provider, with given policies, assumed
// through the real flow (token endpoint → STS AssumeRoleWithWebIdentity) and its SDK clients.

import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { TEST_ACCOUNT, type Clients, type EmulatorHandle } from './helpers.js';

export const GITHUB_ISSUER_HOST = 'token.actions.githubusercontent.com';

/** Trusts any token of the emulator's GitHub issuer with audience sts.amazonaws.com. */
export const WEB_IDENTITY_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${GITHUB_ISSUER_HOST}`,
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${GITHUB_ISSUER_HOST}:aud`]: 'sts.amazonaws.com' } },
    },
  ],
});

export const policy = (...statements: Record<string, unknown>[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export interface RoleSetup {
  inline?: string;
  managed?: string[];
}

/** Creates the provider (once) and role `name` with admin credentials. */
export async function createWebIdentityRole(
  env: EmulatorHandle,
  name: string,
  setup: RoleSetup,
): Promise<void> {
  await env.iam
    .send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${GITHUB_ISSUER_HOST}`,
        ClientIDList: ['sts.amazonaws.com'],
      }),
    )
    .catch(() => undefined);
  await env.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: WEB_IDENTITY_TRUST }),
  );
  if (setup.inline)
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: setup.inline }),
    );
  for (const arn of setup.managed ?? [])
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
}

/** Assumes an existing role as a pull_request run would; clients signed for `region`. */
export async function assumeWebIdentityRole(
  env: EmulatorHandle,
  name: string,
  options: { sessionName?: string; region?: string } = {},
): Promise<{ clients: Clients; accessKeyId: string }> {
  const response = await fetch(
    `${env.url}/_emulator/oidc/token?sub=repo:acme/infra:pull_request&audience=sts.amazonaws.com`,
    { headers: { authorization: 'Bearer request-token' } },
  );
  const { value } = (await response.json()) as { value: string };
  const { Credentials } = await env.sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`,
      RoleSessionName: options.sessionName ?? 'run-1',
      WebIdentityToken: value,
    }),
  );
  const credentials = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  };
  return {
    clients: env.clients({ credentials, maxAttempts: 1, region: options.region }),
    accessKeyId: credentials.accessKeyId,
  };
}

/** Both steps: role `name` with `setup`, assumed. */
export async function roleSession(
  env: EmulatorHandle,
  name: string,
  setup: RoleSetup,
): Promise<{ clients: Clients; accessKeyId: string }> {
  await createWebIdentityRole(env, name, setup);
  return assumeWebIdentityRole(env, name);
}
