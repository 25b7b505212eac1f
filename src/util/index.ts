// Small helpers every station may use: text layout, atomic writes, checked JSON, version order, diffs.
// Nothing here loads a heavy dependency when imported (ajv waits for the first check in schema.ts), so
// this face costs the start-up nothing.
export { atomicWrite } from './atomicWrite.js';
export { blobId } from './blobId.js';
export { ParseBudget } from './collectGarbage.js';
export { raiseInterruptBudget } from './tiering.js';
export { paint } from './color.js';
export type { Style } from './color.js';
export { diffSequences } from './diff.js';
export type { Op } from './diff.js';
export { gitFileDiff, gitPatch, unifiedDiff } from './unifiedDiff.js';
export { compareVersions } from './pep440.js';
export { readRecord, writeRecord } from './recordFile.js';
export { schemaChecker, parseChecked } from './schema.js';
export { columns, plural, monthsBetween, wrapWords, escapeControl, escapeControlInLines } from './text.js';
export type { BlobRead, OpenTree, TreeEntry, TreeSource } from './treeSource.js';
