export { openCheckout, gitTreeSource, parseLsTree, readBlobs, NotACheckoutError } from './checkout.js';
export type { Checkout } from './checkout.js';
export { assertSafeRef, UnsafeValueError } from './safety.js';
export { writeCommits, applyFiles, commitEnv, insideRoot } from './commits.js';
export type { CommitSpec, FileChange } from './commits.js';
export { activityOf, isBot, isIncubatorSync, DEFAULT_BOTS } from './history.js';
export type { ActivityOptions } from './history.js';
export { changedPaths, headCommit, commitPaths, restorePaths } from './worktree.js';
export type { Identity } from './worktree.js';
