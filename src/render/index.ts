// Plan → text: eksctl task tree, Markdown, JSON; and change counts.
export * from './counts.js';
export * from './escape.js';
export * from './json.js';
export * from './markdown.js';
export * from './task-tree.js';
export { taskLines, reviewValue } from './task-lines.js';
