export type { Checklist, ChecklistItem, ChecklistPlace, ChecklistSection } from './types.js';
export { migrationChecklist, groupOf, minimumVersion } from './migration.js';
export { renderChecklistMarkdown, renderChecklistJson, CHECKLIST_SCHEMA_VERSION } from './render.js';
