// What the review UI is handed to show, made here from the stations it must not reach itself: the
// checklist station's checklists as Markdown with their figures, and `retire`'s candidacy rule.

import { renderChecklistMarkdown, type Checklist } from '../../checklist/index.js';
import { printable, type Project } from '../../report/index.js';
import { candidacy, type CandidacyRules } from '../../retire/index.js';
import type { CandidacyRule, ProjectChecklists, ShownChecklist } from '../../ui/index.js';
import { plural } from '../../util/index.js';

function shownChecklist(list: Checklist): ShownChecklist {
  return {
    kind: list.kind,
    project: list.project,
    repo: list.repo ?? null,
    open: list.items.filter((i) => !i.done).length,
    items: list.items.length,
    markdown: renderChecklistMarkdown(list),
  };
}

/**
 * A project's checklists as the UI shows them and `w` writes them (one document, the same as `checklist`
 * renders), with control characters in file names and notes escaped before they become Markdown.
 */
export function shownChecklists(checklists: readonly Checklist[], notes: string[] = []): ProjectChecklists {
  const lists = printable(checklists);
  return { checklists: lists.map(shownChecklist), notes: printable(notes), markdown: renderChecklistMarkdown(lists) };
}

/** The retirement rules as the UI applies them: a project that failed to scan has no activity to judge. */
export function candidacyRule(rules: CandidacyRules): CandidacyRule {
  return {
    judge: (project: Project, now: Date) => (project.error ? { isCandidate: false, quiet: false, reasons: [] } : candidacy(project.activity, now, rules)),
    summary: `${rules.inactiveMonths}+ months idle, ≤${plural(rules.maxAuthors, 'author')}/yr`,
  };
}
