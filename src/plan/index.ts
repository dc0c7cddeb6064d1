// The planner: desired × live → Plan (pure), and its fingerprint.
export * from './model.js';
export { planCluster, planAll } from './plan-cluster.js';
export { fingerprint } from './fingerprint.js';
export { trustsPodIdentity, missingPodIdentityTrust } from './trust-policy.js';
export { stackCondition } from './stack-status.js';
export type { StackCondition } from './stack-status.js';
