export type { Checklist, ChecklistItem, ChecklistPlace } from './types.js';
export { renderIssue, readIssue, issueItemId, mergeOrder, ISSUE_MARKER } from './render/issue.js';
export type { IssueOptions } from './render/issue.js';
