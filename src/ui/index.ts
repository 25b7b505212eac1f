// The terminal review UI: Ink components and their state. It is handed a runner, a report, a source
// reader and checklist functions; it never calls git or the scanner itself.

export { ReviewApp } from './App.js';
export type { ReviewAppProps, ReviewResult } from './App.js';
export { startReview } from './start.js';
export type { Runner, SourceReader, ChecklistSource, ChecklistWriter } from './types.js';
export { retirementCandidacy, INACTIVE_MONTHS } from './candidacy.js';
export type { Candidacy } from './candidacy.js';
export { findingsChecklists, findingsMigrationChecklist, findingsRetirementChecklist } from './findingsChecklist.js';
export { checklistMarkdown } from './checklistMarkdown.js';
export { checklistWriter, checklistFileName } from './checklistFile.js';
export { colorsWanted } from './theme.js';
