// Fix's patches are git patches, written by the project's one unified-diff writer (src/util/unifiedDiff.ts).

export { gitFileDiff as fileDiff, gitPatch as unifiedDiff } from '../util/index.js';
