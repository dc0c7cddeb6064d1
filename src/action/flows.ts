// Every mode's flow, imported by run() as one module once the inputs are accepted: one chunk of the
// bundle to load instead of one per flow, whose shared code the bundler would otherwise split into
// many small files, each a file read and a module to link before the first network request.

export { applyFlow } from './apply-flow.js';
export { listFlow } from './config-step.js';
export { migrateFlow } from './migrate-flow.js';
export { planFlow } from './plan-flow.js';
export { reportFlow } from './report-flow.js';
