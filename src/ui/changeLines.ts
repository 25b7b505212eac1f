// The lines of the changes screen, from the state of a planned change: loading, refused, the preview
// (a unified diff from `fix`, or the planned edits of a retirement), or the commits once applied.

import type { AppliedChanges, ChangeKind, ChangePreview } from './types.js';
import { wrapText } from './wrap.js';

export type ChangeState =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  /** `refused`: why the last attempt to apply did not commit anything. */
  | { state: 'ready'; preview: ChangePreview; applying: boolean; refused?: string }
  | { state: 'applied'; preview: ChangePreview; applied: AppliedChanges };

export type ChangeLineKind = 'file' | 'hunk' | 'added' | 'removed' | 'context' | 'note' | 'commit';

export interface ChangeLine {
  text: string;
  kind: ChangeLineKind;
}

export const CHANGE_NAMES: Record<ChangeKind, string> = { fix: 'Generated migration changes (fix)', retirement: 'Retirement changes' };

function diffLine(text: string): ChangeLine {
  const plain = text.replace(/\t/g, '    ').replace(/\r$/, '');
  if (/^(diff --git |--- |\+\+\+ |── |(edit|create|delete) \S)/.test(plain)) return { text: plain, kind: 'file' };
  if (/^@@/.test(plain)) return { text: plain, kind: 'hunk' };
  if (plain.startsWith('+')) return { text: plain, kind: 'added' };
  if (plain.startsWith('-')) return { text: plain, kind: 'removed' };
  return { text: plain, kind: 'context' };
}

/** The screen's lines; notes are wrapped to `width`. */
export function changeLines(change: ChangeState, width = 80): ChangeLine[] {
  const notes = (texts: readonly string[]): ChangeLine[] => texts.flatMap((t) => wrapText(t, width).map((text): ChangeLine => ({ text, kind: 'note' })));
  switch (change.state) {
    case 'loading':
      return [{ text: 'planning…', kind: 'note' }];
    case 'failed':
      return notes([change.reason]);
    case 'ready': {
      const { preview } = change;
      const lines: ChangeLine[] = notes([...(change.refused ? [`Not applied: ${change.refused}`] : []), ...preview.notes]);
      if (preview.commits === 0) lines.push({ text: 'Nothing to change.', kind: 'note' });
      if (lines.length && preview.text) lines.push({ text: '', kind: 'context' });
      if (preview.text) lines.push(...preview.text.replace(/\n$/, '').split('\n').map(diffLine));
      return lines;
    }
    case 'applied': {
      const { commits } = change.applied;
      if (commits.length === 0) return [{ text: 'Nothing was committed: nothing left to change.', kind: 'note' }];
      return [
        { text: `Committed locally (${commits.length}):`, kind: 'context' },
        ...commits.map((c) => ({ text: `  ${c.commit.slice(0, 10)} ${c.subject}${c.where ? `  (${c.where})` : ''}`, kind: 'commit' as const })),
        { text: 'Nothing was pushed: review the commits, then send them with git review.', kind: 'context' },
      ];
    }
  }
}
