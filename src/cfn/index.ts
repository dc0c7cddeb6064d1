// IAM role CloudFormation for pod identity: templates, names, tags, comparison (all pure).
export * from './canonical-json.js';
export * from './role-template.js';
export * from './stack-names.js';
export * from './stack-tags.js';
export * from './template-diff.js';
export * from './well-known-policies.js';
