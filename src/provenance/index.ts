// Incubator provenance: which oslo-incubator version each copied file came from, and what was
// changed locally since. See docs/provenance.md.

export { undoRewrite, baseOf } from './rewrite.js';
export { tokenStream, tokenHash } from './tokens.js';
export type { TokenStream } from './tokens.js';
export { similarityOf, bagSimilarity, changeBlocks } from './diff.js';
export { versionsFrom, HISTORY_FORMAT, COMMON_DIR } from './history.js';
export type { IncubatorHistory, IncubatorVersion, VersionCommit } from './history.js';
export { IncubatorIndex } from './incubatorIndex.js';
export { matchCopy, MIN_SIMILARITY } from './match.js';
export type { CopyInput, MatchContext } from './match.js';
export { provenanceOf, summariseProvenance, provenanceLine, copiesWithProvenance, graduationDate } from './project.js';
export type { ProvenanceOptions } from './project.js';
export { openIncubator, loadHistory, incubatorDir, Incubator, IncubatorError, DEFAULT_INCUBATOR } from './incubator.js';
export { checkoutProvenance } from './checkout.js';
export { exportIndex, loadIndex } from './indexFile.js';
export { renderProvenance, renderProvenanceProject } from './render.js';
export type { RenderOptions } from './render.js';
