// The action's outside world: the job's OIDC token is requested as soon as the deps are made (while
// the flow and the config load), only by modes that assume role-to-assume's roles, only with a role
// and a runner that offers tokens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realDeps } from '../../src/action/real-deps.js';
import type { ActionIO } from '../../src/action/runner-io.js';
import { resolveSettings } from '../../src/action/settings.js';

const ROLE = 'arn:aws:iam::111122223333:role/podid-plan';
const ENV = {
  GITHUB_REPOSITORY: 'org/infra',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_SHA: 'abc',
  GITHUB_RUN_ID: '42',
  RUNNER_TEMP: '/tmp/runner',
};
const EVENT = { repository: { id: 1, default_branch: 'main' } };

/** The audiences realDeps asked a token for, before anything else was called. */
function tokensAskedAhead(inputs: Record<string, string>, runnerOffersTokens = true): string[] {
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', runnerOffersTokens ? 'https://token.test/?a=1' : '');
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', runnerOffersTokens ? 'request-token' : '');
  const settings = resolveSettings({ input: (n) => inputs[n] ?? '', env: ENV, event: EVENT });
  const asked: string[] = [];
  const io = {
    getIDToken: async (audience: string) => {
      asked.push(audience);
      return 'jwt';
    },
  } as unknown as ActionIO;
  realDeps(settings, io);
  return asked;
}

describe('realDeps', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(['plan', 'check', 'apply', 'migrate'])(
    'mode %s with role-to-assume requests the STS token when made',
    (mode) => {
      expect(tokensAskedAhead({ mode, 'role-to-assume': ROLE })).toEqual(['sts.amazonaws.com']);
    },
  );

  it('requests nothing ahead in mode list, without a role, or when the runner offers no token', () => {
    expect(tokensAskedAhead({ mode: 'list', 'role-to-assume': ROLE })).toEqual([]);
    expect(tokensAskedAhead({ mode: 'plan' })).toEqual([]);
    expect(tokensAskedAhead({ mode: 'plan', 'role-to-assume': ROLE }, false)).toEqual([]);
  });
});
