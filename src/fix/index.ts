// The fix station: generated migration changes (namespace rewrites and drop-in incubator swaps),
// previewed as a diff and applied as local commits, one per library.

export { planFixes, FixError } from './plan.js';
export type { PlanOptions } from './plan.js';
export { applyFixes, assertCleanWorkTree, DirtyTreeError } from './apply.js';
export type { ApplyOptions } from './apply.js';
export { parseSelection, isSelected, SelectionError } from './selection.js';
export type { Selector } from './selection.js';
export type { FixPlan, LibraryChange, FileChange, LeftItem, AppliedCommit } from './types.js';
export { unifiedDiff, fileDiff } from './diff.js';
export { addRequirement } from './requirements.js';
export { removeConfModules } from './commonConf.js';
export { analysePython, importStatementFor } from './python.js';
export { acceptRewrites, renderPython } from './accept.js';
export { RewriteCatalog } from './rewrites.js';
export type { Rewrite, RewriteKind } from './rewrites.js';
export { changeId, commitMessage, summaryLine } from './message.js';
