import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { withEmulator } from './helpers.js';

const env = withEmulator();

describe('STS', () => {
  it('GetCallerIdentity answers an IAM user of the emulated account for unknown keys', async () => {
    const id = await env.sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe('111122223333');
    expect(id.Arn).toBe('arn:aws:iam::111122223333:user/emulator');
    expect(id.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const again = await env.sts.send(new GetCallerIdentityCommand({}));
    expect(again.UserId).toBe(id.UserId);
    expect(again.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
