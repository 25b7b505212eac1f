export type { Checklist, ChecklistItem, ChecklistPlace, ChecklistSection } from './types.js';
export { migrationChecklist } from './migration.js';
export { groupOf } from './incubatorItems.js';
export { renderChecklistMarkdown, renderChecklistJson, CHECKLIST_SCHEMA_VERSION } from './render.js';
export { renderIssue, readIssue, issueItemId, mergeOrder, ISSUE_MARKER } from './render/issue.js';
export type { IssueOptions } from './render/issue.js';
