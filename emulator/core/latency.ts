// Latency profiles: per-call latency and lifecycle durations, in simulated milliseconds.
// `none` makes everything immediate (tests); `realistic` follows what AWS typically takes,
// and is divided by --time-scale so benchmarks stay short.

import type { ServiceName, World } from './types.js';

export type LatencyProfileName = 'none' | 'realistic';

export interface LatencyProfile {
  callLatency: Partial<Record<ServiceName, number>>;
  durations: World['durations'];
}

const PROFILES: Record<LatencyProfileName, LatencyProfile> = {
  none: {
    callLatency: {},
    durations: {
      stackCreate: 0,
      stackUpdate: 0,
      stackDelete: 0,
      addonCreate: 0,
      addonUpdate: 0,
      addonDelete: 0,
      clusterCreate: 0,
      clusterDelete: 0,
      iamPropagation: 0,
    },
  },
  realistic: {
    // Typical round trips seen from a runner in the same region.
    callLatency: { eks: 120, iam: 150, cloudformation: 180, sts: 60, kubernetes: 40 },
    durations: {
      // A stack holding one role and one policy: ~30-60 s on AWS.
      stackCreate: 45_000,
      stackUpdate: 40_000,
      stackDelete: 35_000,
      addonCreate: 60_000,
      addonUpdate: 40_000,
      addonDelete: 30_000,
      clusterCreate: 600_000,
      clusterDelete: 300_000,
      iamPropagation: 8_000,
    },
  },
};

export function latencyProfile(name: LatencyProfileName): LatencyProfile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`unknown latency profile "${name}" (expected none or realistic)`);
  return profile;
}
