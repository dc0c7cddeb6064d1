// explainReadFailure: an unreachable AWS endpoint is told with a fix that is true of how podid
// connects.

import { describe, expect, it } from 'vitest';
import { explainReadFailure } from '../../src/aws/read-failure.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
  code: 'ECONNREFUSED',
});

describe('explainReadFailure, an endpoint that cannot be reached', () => {
  it('names the endpoint override when one is set', () => {
    const { hint } = explainReadFailure(refused, 'eu-west-1', {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
    });
    expect(hint).toBe('AWS_ENDPOINT_URL is http://127.0.0.1:4566: is it right, and is it running?');
  });

  it('does not send the user to HTTPS_PROXY, which AWS calls do not use', () => {
    const { reason, hint } = explainReadFailure(refused, 'eu-west-1', {
      HTTPS_PROXY: 'http://proxy:3128',
    });
    expect(reason).toBe(
      'the EKS endpoint for eu-west-1 could not be reached (connect ECONNREFUSED 10.0.0.1:443)',
    );
    expect(hint).toBe(
      'check the network and metadata.region (AWS is reached directly, not through HTTPS_PROXY)',
    );
  });
});
