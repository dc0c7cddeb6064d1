import { describe, expect, it } from 'vitest';
import { parseFaultDocument } from '../../emulator/core/fault-document.js';
import { withEmulator } from './helpers.js';

describe('fault documents', () => {
  it('reads the canonical form and the accepted spellings', () => {
    expect(
      parseFaultDocument({
        seed: 3,
        rules: [
          { operation: 'CreateStack', error: { status: 400, code: 'LimitExceededException' } },
          { service: 'eks', throttling: true, probability: 0.2 },
        ],
        failingStacks: ['s1'],
      }),
    ).toEqual({
      seed: 3,
      rules: [
        { operation: 'CreateStack', error: { status: 400, code: 'LimitExceededException' } },
        { service: 'eks', throttle: true, probability: 0.2 },
      ],
      failingStacks: { s1: 'Injected failure' },
    });
    // One rule at the top level; the status follows from the code when not given.
    expect(
      parseFaultDocument({ operation: 'GetRole', errorCode: 'ServiceUnavailable', latency: 5 }),
    ).toEqual({
      rules: [
        { operation: 'GetRole', error: { code: 'ServiceUnavailable', status: 503 }, latencyMs: 5 },
      ],
    });
  });

  it('refuses what it does not understand, listing every problem', () => {
    expect(() =>
      parseFaultDocument({
        rules: [{ operation: 'X', errorCod: 'Boom', probability: 2 }],
        bogus: 1,
      }),
    ).toThrow(
      'invalid fault document: unknown key "bogus"; rules[0]: unknown key "errorCod"; rules[0].probability must be a number from 0 to 1; rules[0] does nothing: give it an error, throttle: true or latencyMs',
    );
    expect(() => parseFaultDocument({ failingStacks: { s: 1 } })).toThrow(/failingStacks must map/);
  });

  describe('over HTTP', () => {
    const env = withEmulator();
    it('answers 400 for a document it cannot apply, and keeps the previous faults', async () => {
      await env.admin('POST', 'faults', { rules: [{ operation: 'ListClusters', latencyMs: 1 }] });
      await expect(
        env.admin('POST', 'faults', { rules: [{ opration: 'ListClusters' }] }),
      ).rejects.toThrow(/400[^]*unknown key \\"opration\\"/);
      expect((await env.admin<{ rules: unknown[] }>('GET', 'faults')).rules).toHaveLength(1);
    });
  });
});
