// Public API of the config loader: files → validated DesiredState, with positioned problems.
export type * from './model.js';
export { WELL_KNOWN_POLICY_NAMES } from './model.js';
export { parseClusterConfig } from './parse.js';
export { checkAcrossFiles } from './validate.js';
export { loadConfigFiles, MAX_FILE_BYTES, type LoadOptions } from './load.js';
export { formatProblem, summarizeProblems, sortProblems, hasErrors } from './problems.js';
export { standaloneStackName, addonStackName } from './limits.js';
