// STS AssumeRoleWithWebIdentity (aws-api.md §6), checked in AWS's order: model constraints, the
// token (a JWT from an issuer that has an IAM OIDC provider, signed by the emulator's issuer, not
// expired, for one of the provider's client ids), the role and its trust policy, then the duration.

import { randomBytes } from 'node:crypto';
import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { XmlValue } from '../query/xml.js';
import type { World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import { trustAllows } from '../iam/evaluate.js';
import { decodeJwt, verifyRs256, type Claims } from '../oidc/jwt.js';
import type { OidcIssuer } from '../oidc/issuer.js';

/** Credentials the emulator issued, and whom they belong to. */
export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `arn:aws:sts::<acct>:assumed-role/<role>/<session>` */
  assumedRoleArn: string;
  expiresAt: number;
  /** Session policies passed with `Policy` / `PolicyArns` (documents), if any. */
  sessionPolicies?: string[];
  subject: string;
  audience: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomBase32 = (n: number): string => [...randomBytes(n)].map((b) => BASE32[b % 32]).join('');

const invalidToken = (message: string): QueryError =>
  new QueryError(400, 'InvalidIdentityToken', message);

function validateInput(p: QueryParams): {
  roleArn: string;
  sessionName: string;
  token: string;
  duration: number;
} {
  const roleArn = p.required('RoleArn');
  const sessionName = p.required('RoleSessionName');
  const token = p.required('WebIdentityToken');
  if (roleArn.length < 20)
    throw constraintError(
      roleArn,
      'roleArn',
      'Member must have length greater than or equal to 20',
    );
  if (sessionName.length < 2)
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must have length greater than or equal to 2',
    );
  if (sessionName.length > 64)
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must have length less than or equal to 64',
    );
  if (!/^[\w+=,.@-]*$/.test(sessionName))
    throw constraintError(
      sessionName,
      'roleSessionName',
      'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  if (token.length < 4 || token.length > 20000)
    throw constraintError(
      '***',
      'webIdentityToken',
      `Member must have length ${token.length < 4 ? 'greater than or equal to 4' : 'less than or equal to 20000'}`,
    );
  const duration = p.int('DurationSeconds') ?? 3600;
  if (duration < 900)
    throw constraintError(
      String(duration),
      'durationSeconds',
      'Member must have value greater than or equal to 900',
    );
  if (duration > 43200)
    throw constraintError(
      String(duration),
      'durationSeconds',
      'Member must have value less than or equal to 43200',
    );
  return { roleArn, sessionName, token, duration };
}

/** Condition keys a web identity request carries: `<issuer host>:<claim>` for every claim. */
function claimContext(
  host: string,
  claims: Claims,
): { values: Map<string, string[]>; known: (k: string) => boolean } {
  const values = new Map<string, string[]>();
  for (const [claim, value] of Object.entries(claims)) {
    const list = (Array.isArray(value) ? value : [value]).map((v) => String(v));
    values.set(`${host}:${claim}`.toLowerCase(), list);
  }
  const prefix = `${host}:`.toLowerCase();
  return { values, known: (key) => key.startsWith(prefix) };
}

export function assumeRoleWithWebIdentity(
  p: QueryParams,
  world: World,
  iam: IamStore,
  issuer: OidcIssuer,
  sessions: Map<string, StsSession>,
): Record<string, XmlValue> {
  const input = validateInput(p);
  const jwt = decodeJwt(input.token);
  if (!jwt)
    throw invalidToken(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    );
  const iss = String(jwt.claims.iss ?? '');
  const host = iss.replace(/^https:\/\//, '').replace(/\/$/, '');
  const provider = [...iam.oidcProviders.values()].find((o) => o.url === host);
  if (!provider) throw invalidToken(`No OpenIDConnect provider found in your account for ${iss}`);
  // The emulator is the only issuer it can fetch keys for; anything else fails verification.
  if (!verifyRs256(jwt, issuer.publicKey))
    throw invalidToken('The signature of the web identity token could not be verified.');
  const nowSeconds = Math.floor(world.clock.now() / 1000);
  const exp = Number(jwt.claims.exp);
  if (!Number.isFinite(exp) || exp <= nowSeconds)
    throw new QueryError(
      400,
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${exp}`,
    );
  const audiences = (Array.isArray(jwt.claims.aud) ? jwt.claims.aud : [jwt.claims.aud]).map(String);
  const audience = audiences.find((a) => provider.clientIds.includes(a));
  if (audience === undefined) throw invalidToken('Incorrect token audience');
  const role = iam.roleByArn(input.roleArn);
  const allowed =
    role !== undefined &&
    trustAllows(
      role.assumeRolePolicyDocument,
      provider.arn,
      'sts:AssumeRoleWithWebIdentity',
      claimContext(host, jwt.claims),
    );
  if (!role || !allowed)
    throw new QueryError(
      403,
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    );
  if (input.duration > role.maxSessionDuration)
    throw new QueryError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );

  const sessionPolicies = [
    ...(p.str('Policy') ? [p.str('Policy')!] : []),
    ...(p.structList('PolicyArns') ?? []).map((a) => iam.policyDocument(a.arn ?? '')),
  ];
  const subject = String(jwt.claims.sub ?? '');
  const session: StsSession = {
    accessKeyId: `ASIA${randomBase32(16)}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    // Real session tokens are long opaque base64 starting with this prefix.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName: input.sessionName,
    assumedRoleArn: `arn:aws:sts::${world.accountId}:assumed-role/${role.roleName}/${input.sessionName}`,
    expiresAt: world.clock.now() + input.duration * 1000,
    sessionPolicies: sessionPolicies.length > 0 ? sessionPolicies : undefined,
    subject,
    audience,
  };
  sessions.set(session.accessKeyId, session);
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(Math.floor(session.expiresAt / 1000) * 1000),
    },
    SubjectFromWebIdentityToken: subject,
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${input.sessionName}`,
      Arn: session.assumedRoleArn,
    },
    PackedPolicySize: session.sessionPolicies ? 6 : undefined,
    Provider: iss,
    Audience: audience,
  };
}
