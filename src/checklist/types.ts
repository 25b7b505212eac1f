// A review checklist: what people act on. Items carry stable ids so a regenerated checklist
// changes only where the project changed.

export interface ChecklistPlace {
  file: string;
  line: number | null;
  /** What to change there (`from oslo.config import cfg` → `from oslo_config import cfg`). */
  note?: string;
}

export interface ChecklistItem {
  /** Stable: kind + module/library (+ repository in multi-project outputs). */
  id: string;
  title: string;
  done: boolean;
  /** Lines of explanation: successor, requirement to add, reasons, exact edits. */
  detail: string[];
  places: ChecklistPlace[];
}

export interface Checklist {
  project: string;
  kind: 'migration' | 'retirement';
  items: ChecklistItem[];
}
