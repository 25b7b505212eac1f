// A review checklist: what people act on. Items carry stable ids so a regenerated checklist
// changes only where the project changed.

export interface ChecklistPlace {
  file: string;
  line: number | null;
  /** What to change there (`from oslo.config import cfg` → `from oslo_config import cfg`). */
  note?: string;
}

/** Where an item belongs; renderers group items under these headings, in this order. */
export type ChecklistSection = 'incubator' | 'namespace' | 'rootwrap' | 'goals' | 'retirement' | 'cleanup';

export interface ChecklistItem {
  /** Stable: kind + module/library (+ repository in multi-project outputs). */
  id: string;
  title: string;
  done: boolean;
  /** Lines of explanation: successor, requirement to add, reasons, exact edits. */
  detail: string[];
  places: ChecklistPlace[];
  section?: ChecklistSection;
  /** Text to paste as is (a draft announcement, a file's new content), shown as a block. */
  text?: string;
}

export interface Checklist {
  project: string;
  kind: 'migration' | 'retirement';
  items: ChecklistItem[];
  /** `namespace/name` when known. */
  repo?: string | null;
  /** The commit the checklist was made from. */
  commit?: string | null;
  /** Lines shown before the items: the project's state in words. */
  summary?: string[];
}
