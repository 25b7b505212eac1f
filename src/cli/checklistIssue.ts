// `checklist --format issue [--previous FILE]`: the living issue body, given yesterday's body.

import { readFileSync } from 'node:fs';
import { ISSUE_MARKER, renderIssue, type Checklist } from '../checklist/index.js';
import { UsageError } from './exitCodes.js';

/** The option the checklist command adds for `--format issue`. */
export const ISSUE_OPTIONS = { previous: { type: 'string' } } as const;

/** Renders the issue body, keeping what `previousFile` (the issue's current body) says is done. */
export function issueBody(checklists: readonly Checklist[], previousFile: string | undefined): string {
  if (previousFile === undefined) return renderIssue(checklists);
  let previous: string;
  try {
    previous = readFileSync(previousFile, 'utf8');
  } catch (e) {
    throw new UsageError(`--previous ${previousFile}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!previous.includes(ISSUE_MARKER)) throw new UsageError(`--previous ${previousFile} is not an issue body written by oslo-audit (no ${ISSUE_MARKER} line)`);
  return renderIssue(checklists, { previous });
}
