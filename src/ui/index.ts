// The terminal review UI: Ink components and their state. It is handed a runner, a report, a source
// reader, checklist and change functions; it never calls git or the scanner itself.

export { ReviewApp } from './App.js';
export type { ReviewAppProps } from './App.js';
export type { ReviewResult } from './store.js';
export { startReview } from './start.js';
export type {
  Runner, SourceReader, ChecklistSource, ChecklistWriter, ProjectChecklists, ShownChecklist, Candidacy, CandidacyRule,
  ChangeKind, ChangePlanner, ChangePreview, ChangeSource, AppliedChanges, MadeCommit,
} from './types.js';
export { checklistLines } from './checklistLines.js';
export type { SheetLine } from './checklistLines.js';
export { colorsWanted } from './theme.js';
