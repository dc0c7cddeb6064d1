// The GitHub Actions OIDC issuer stand-in. Tokens carry GitHub's claims, derived from the `sub`
// the test asks for (`repo:O/R:pull_request`, `repo:O/R:ref:refs/heads/main`,
// `repo:O/R:environment:prod`, and the immutable `repo:O@ID/R@ID:…` form), signed RS256 with a key
// made once per emulator. STS verifies with the same key, so a token from anywhere else fails.

import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { signRs256, type Claims } from './jwt.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Claims a caller may set through the token URL's query (`&ref=…&event_name=…`). */
export const OVERRIDABLE_CLAIMS = [
  'ref',
  'sha',
  'repository',
  'repository_owner',
  'repository_id',
  'repository_owner_id',
  'repository_visibility',
  'actor',
  'actor_id',
  'event_name',
  'environment',
  'head_ref',
  'base_ref',
  'ref_type',
  'ref_protected',
  'workflow',
  'workflow_ref',
  'job_workflow_ref',
  'run_id',
  'run_number',
  'run_attempt',
  'runner_environment',
] as const;

export interface TokenRequest {
  sub: string;
  /** Default: `https://github.com/<owner>` as GitHub's. */
  audience?: string;
  /** Seconds until `exp` (default 300); negative issues an already expired token. */
  ttlSeconds?: number;
  /** Pull request number for `refs/pull/N/merge` (pull_request subjects). Default 1. */
  pr?: number;
  overrides?: Partial<Record<(typeof OVERRIDABLE_CLAIMS)[number], string>>;
}

interface SubjectParts {
  owner: string;
  repo: string;
  ownerId?: string;
  repoId?: string;
  /** What follows `repo:O/R:`, e.g. `pull_request`, `ref:refs/heads/main`, `environment:prod`. */
  context: string;
}

export function parseSubject(sub: string): SubjectParts | undefined {
  const match = sub.match(/^repo:([^/@:]+)(?:@(\d+))?\/([^/@:]+)(?:@(\d+))?:(.+)$/);
  if (!match) return undefined;
  return {
    owner: match[1],
    ownerId: match[2],
    repo: match[3],
    repoId: match[4],
    context: match[5],
  };
}

const numericId = (text: string): string =>
  String(10_000_000 + (createHash('sha256').update(text).digest().readUInt32BE(0) % 90_000_000));

export class OidcIssuer {
  private keys?: { privateKey: KeyObject; publicKey: KeyObject; kid: string };

  constructor(private readonly now: () => number) {}

  /** Made on first use: a 2048-bit key costs tens of milliseconds that most emulators never need. */
  private keyPair(): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
    if (!this.keys) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const der = publicKey.export({ type: 'spki', format: 'der' });
      const kid = createHash('sha1').update(der).digest('hex').toUpperCase();
      this.keys = { privateKey, publicKey, kid };
    }
    return this.keys;
  }

  get publicKey(): KeyObject {
    return this.keyPair().publicKey;
  }

  jwks(): { keys: Claims[] } {
    const { publicKey, kid } = this.keyPair();
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  }

  claimsFor(request: TokenRequest): Claims {
    const parts = parseSubject(request.sub);
    const owner = parts?.owner ?? 'octo-org';
    const repository = `${owner}/${parts?.repo ?? 'octo-repo'}`;
    const context = parts?.context ?? '';
    const env = context.match(/^environment:(.+)$/)?.[1];
    const subRef = context.match(/^ref:(.+)$/)?.[1];
    const pullRequest = context === 'pull_request';
    const ref = pullRequest ? `refs/pull/${request.pr ?? 1}/merge` : (subRef ?? 'refs/heads/main');
    const iat = Math.floor(this.now() / 1000);
    const sha = createHash('sha1').update(`${repository}:${ref}`).digest('hex');
    const claims: Claims = {
      jti: randomUUID(),
      sub: request.sub,
      aud: request.audience ?? `https://github.com/${owner}`,
      ref,
      sha,
      repository,
      repository_owner: owner,
      repository_owner_id: parts?.ownerId ?? numericId(owner.toLowerCase()),
      run_id: String(iat),
      run_number: '1',
      run_attempt: '1',
      repository_visibility: 'private',
      repository_id: parts?.repoId ?? numericId(repository.toLowerCase()),
      actor_id: '583231',
      actor: 'octocat',
      workflow: pullRequest ? 'plan' : 'apply',
      head_ref: pullRequest ? 'feature' : '',
      base_ref: pullRequest ? 'main' : '',
      event_name: pullRequest ? 'pull_request' : 'push',
      ref_protected: pullRequest ? 'false' : 'true',
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      workflow_ref: `${repository}/.github/workflows/podid.yml@${ref}`,
      workflow_sha: sha,
      job_workflow_ref: `${repository}/.github/workflows/podid.yml@${ref}`,
      job_workflow_sha: sha,
      runner_environment: 'github-hosted',
      ...(env ? { environment: env } : {}),
      ...request.overrides,
      iss: GITHUB_ISSUER,
      nbf: iat - 5,
      exp: iat + (request.ttlSeconds ?? 300),
      iat,
    };
    return claims;
  }

  issue(request: TokenRequest): string {
    const { privateKey, kid } = this.keyPair();
    return signRs256(
      { typ: 'JWT', alg: 'RS256', x5t: kid, kid },
      this.claimsFor(request),
      privateKey,
    );
  }
}
