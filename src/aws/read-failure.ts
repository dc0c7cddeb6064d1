// Why a cluster's live state could not be read, said as one line with its fix: no credentials, an
// endpoint that cannot be reached, credentials AWS refuses, access denied. The SDK's own messages
// ("Could not load credentials from any providers") name no remedy.

import { errorMessage, isAwsError } from './errors.js';

export interface ReadFailure {
  reason: string;
  hint?: string;
}

const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
];

const REFUSED_CREDENTIALS = [
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
];

function networkCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.includes(code)) return code;
  const match = errorMessage(error).match(/\b(E[A-Z_]{4,})\b/);
  return match && NETWORK_CODES.includes(match[1]) ? match[1] : undefined;
}

/** What the SDK's default chain says when no provider had credentials at all. */
const NONE_FOUND = /Could not load credentials/;

export function explainReadFailure(
  error: unknown,
  region: string,
  env: Readonly<Record<string, string | undefined>>,
): ReadFailure {
  const message = errorMessage(error);
  if (NONE_FOUND.test(message)) {
    return {
      reason: 'no AWS credentials were found',
      hint: 'set AWS_PROFILE (after aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; in the action, set role-to-assume',
    };
  }
  // A provider that found its settings and stopped the chain (an SSO session that ended, a profile
  // that needs an MFA code): its own words name the profile and the fix.
  if (isAwsError(error, 'CredentialsProviderError')) {
    return {
      reason: `the AWS credentials could not be loaded: ${message}`,
      hint: 'podid cannot answer a prompt (an MFA code, a browser login): log in first (aws sso login), or give it credentials that need none (aws configure export-credentials --profile NAME --format env)',
    };
  }
  const code = networkCode(error);
  if (code) {
    const endpoint = env.AWS_ENDPOINT_URL_EKS ?? env.AWS_ENDPOINT_URL;
    return {
      reason: `the EKS endpoint for ${region} could not be reached (${message})`,
      hint: endpoint
        ? `AWS_ENDPOINT_URL${env.AWS_ENDPOINT_URL_EKS ? '_EKS' : ''} is ${endpoint}: is it right, and is it running?`
        : // The SDK's HTTP handler connects directly; a proxy in HTTPS_PROXY is not used.
          'check the network and metadata.region (AWS is reached directly, not through HTTPS_PROXY)',
    };
  }
  if (isAwsError(error, ...REFUSED_CREDENTIALS)) {
    return {
      reason: `AWS refused the credentials (${message})`,
      hint: 'refresh them (aws sso login, or new keys) and check they belong to the cluster’s account',
    };
  }
  if (isAwsError(error, 'AccessDeniedException', 'AccessDenied')) {
    return {
      reason: `access denied (${message})`,
      hint: 'the plan role needs the read permissions of docs/policies/plan-role-policy.json',
    };
  }
  return { reason: `could not read its live state in ${region}: ${message}` };
}
