export type { Checklist, ChecklistItem, ChecklistPlace } from './types.js';
