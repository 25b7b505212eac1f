// What the screens and the sources read off the store, derived rather than kept: the checklist lines
// at a width, and which checklists and source preview the screen wants now.

import type { Project } from '../report/index.js';
import { checklistLines, type SheetLine } from './checklistLines.js';
import { entriesOf } from './navigation.js';
import type { ChecklistState, ReviewState } from './store.js';

export function sheetOf(state: ChecklistState | undefined, width: number): SheetLine[] {
  if (!state || state.state === 'loading') return [{ text: 'loading…', kind: 'note' }];
  if (state.state === 'failed') return checklistLines([], [`no checklists: ${state.reason}`], width);
  return checklistLines(state.value.checklists, state.value.notes, width);
}

/** The open project's checklist lines at `width`. */
export const sheetLinesOf = (s: ReviewState, width: number): SheetLine[] => sheetOf(s.nav.open ? s.checklists.get(s.nav.open) : undefined, width);

/** The project whose checklists the screen needs: the open one, on its checklist or changes screen. */
export function checklistsWanted(s: ReviewState): Project | null {
  const { open, view } = s.nav;
  return open && (view === 'checklist' || view === 'changes') ? open : null;
}

export interface PreviewWanted {
  key: string;
  project: Project;
  file: string;
}

/** The file around the selected finding, on the project screen; `key` names it at the scanned commit. */
export function previewWanted(s: ReviewState): PreviewWanted | null {
  const { open, view, detail } = s.nav;
  if (view !== 'project' || !open || detail.selected < 0) return null;
  const entry = entriesOf(open)[detail.selected];
  if (entry?.type !== 'finding') return null;
  const file = entry.finding.file;
  return { key: `${open.name}\0${open.commit ?? ''}\0${file}`, project: open, file };
}
