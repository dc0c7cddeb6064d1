// STS AssumeRoleWithWebIdentity (aws-api.md §6), checked in AWS's order: model constraints, the
// token (a JWT from an issuer that has an IAM OIDC provider, signed by the emulator's issuer, not
// expired, for one of the provider's client ids), the role and its trust policy, then the duration.

import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { XmlValue } from '../query/xml.js';
import type { World } from '../core/types.js';
import type { IamStore } from '../iam/store.js';
import { trustAllows } from '../iam/evaluate.js';
import { decodeJwt, verifyRs256, type Claims } from '../oidc/jwt.js';
import type { OidcIssuer } from '../oidc/issuer.js';
import {
  checkRoleArn,
  checkRoleDuration,
  checkSessionName,
  checkedDuration,
  issueSession,
  roleArnAccount,
  sessionResult,
  type StsSession,
} from './session.js';

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
  checkRoleArn(roleArn);
  checkSessionName(sessionName);
  if (token.length < 4 || token.length > 20000)
    throw constraintError(
      '***',
      'webIdentityToken',
      `Member must have length ${token.length < 4 ? 'greater than or equal to 4' : 'less than or equal to 20000'}`,
    );
  return { roleArn, sessionName, token, duration: checkedDuration(p) };
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

/**
 * `iamOf` gives an account's IAM (undefined for an account that holds nothing): the provider and
 * the role are looked up in the role's account, and the session acts there.
 */
export function assumeRoleWithWebIdentity(
  p: QueryParams,
  world: World,
  iamOf: (accountId: string) => IamStore | undefined,
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
  const iam = iamOf(roleArnAccount(input.roleArn) ?? world.accountId);
  const provider = iam && [...iam.oidcProviders.values()].find((o) => o.url === host);
  if (!iam || !provider)
    throw invalidToken(`No OpenIDConnect provider found in your account for ${iss}`);
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
      { federated: provider.arn },
      'sts:AssumeRoleWithWebIdentity',
      claimContext(host, jwt.claims),
    );
  if (!role || !allowed)
    throw new QueryError(
      403,
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    );
  checkRoleDuration(input.duration, role);
  const session = issueSession(p, world, iam, role, input, sessions);
  session.subject = String(jwt.claims.sub ?? '');
  session.audience = audience;
  return {
    ...sessionResult(session),
    SubjectFromWebIdentityToken: session.subject,
    Provider: iss,
    Audience: audience,
  };
}
