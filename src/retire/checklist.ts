// The retirement checklist: a draft announcement, then each step with its evidence or the exact edits
// still to make, then the leftovers. Pure: the review UI calls it too.

import type { Checklist, ChecklistItem } from '../checklist/index.js';
import type { FileEdit, PlannedChange } from './plan.js';
import type { Evidence, RetirementState, StepId } from './types.js';

const TITLES: Record<StepId, string> = {
  announce: 'Announce the retirement on the openstack-discuss mailing list',
  'gating-ended': 'End project gating (project-config: noop-jobs only)',
  'content-removed': 'Remove the content (only README.rst and .gitreview stay)',
  'infra-removed': 'Remove the project from the infrastructure (Zuul, Gerrit ACL, gerritbot)',
  'governance-retired': 'Retire it in governance (projects.yaml → legacy.yaml)',
};

const TARGETS: Record<PlannedChange['target'], string> = {
  'project-config': 'project-config',
  repository: 'the repository',
  governance: 'governance',
};

function evidenceLine(e: Evidence): string {
  const where = e.file ? `${e.repo} ${e.file}${e.line !== null ? `:${e.line}` : ''}` : e.repo;
  const when = e.commit ? ` (commit ${e.commit.slice(0, 10)}${e.date ? `, ${e.date}` : ''}${e.approximate ? ', approximate: shallow history' : ''})` : '';
  return `${where}: ${e.note}${when}`;
}

/** A file edit as diff-like text: `-` lines out, `+` lines in, at the old file's line numbers. */
export function editText(edit: FileEdit): string {
  if (edit.action === 'delete') return `delete ${edit.file}`;
  const out = [`${edit.action === 'create' ? 'create' : 'edit'} ${edit.file}`];
  for (const h of edit.hunks) {
    out.push(`@@ line ${h.line}`);
    for (const l of h.removed) out.push(`-${l}`);
    for (const l of h.added) out.push(`+${l}`);
  }
  return out.join('\n');
}

function changeText(change: PlannedChange): string {
  const deletes = change.edits.filter((e) => e.action === 'delete');
  const others = change.edits.filter((e) => e.action !== 'delete');
  const parts = others.map(editText);
  // A content removal deletes many files: name them in one list rather than one block each.
  if (deletes.length > 3) parts.push(`delete ${deletes.length} files:\n${deletes.map((d) => `  ${d.file}`).join('\n')}`);
  else parts.push(...deletes.map(editText));
  return parts.join('\n\n');
}

/** What a deprecation leaves to do differently from a retirement. */
const DEPRECATED =
  'Deprecated, not retired: master is emptied but stable branches stay maintained, so the project keeps its ' +
  'Zuul entry and Gerrit stays writable until the last stable branch reaches end of life; then finish the ' +
  'infrastructure and governance steps.';

/** A draft announcement for the discussion list. */
export function announcementDraft(state: RetirementState, date: string): string {
  const name = state.repo.split('/').pop()!;
  return [
    `Subject: [${name}] Retiring ${state.repo}`,
    '',
    'Hello,',
    '',
    `We plan to retire ${state.repo}:`,
    ...state.candidate.reasons.map((r) => `- ${r}`),
    '',
    'Retiring means: its jobs stop, its content is replaced by a README saying it is no longer',
    'maintained, it is removed from the infrastructure (Gerrit becomes read-only), and governance',
    'records it as retired.',
    '',
    `If you use ${name} or would like to maintain it, please reply to this thread within four`,
    `weeks of ${date}.`,
    '',
  ].join('\n');
}

export interface RetirementChecklistOptions {
  /** `YYYY-MM-DD`: today, for the announcement. */
  date: string;
}

/** The retirement checklist of a repository from its state and the changes still planned. */
export function retirementChecklist(state: RetirementState, changes: readonly PlannedChange[], options: RetirementChecklistOptions): Checklist {
  const items: ChecklistItem[] = [];
  for (const step of state.steps) {
    const change = changes.find((c) => c.step === step.id);
    const detail = [`Status: ${step.status}.`, ...step.evidence.map(evidenceLine)];
    const item: ChecklistItem = {
      id: `retire:${step.id}`,
      section: 'retirement',
      title: TITLES[step.id],
      done: step.status === 'done' || step.status === 'not-applicable',
      detail,
      places: [],
    };
    if (step.id === 'announce') {
      item.detail = ['Nothing in a repository records an announcement: send it before the other changes, and link it from them.'];
      item.text = announcementDraft(state, options.date);
    } else if (change) {
      detail.push(`Change in ${TARGETS[change.target]}: "${change.subject}".`);
      item.text = changeText(change);
    }
    items.push(item);
  }
  for (const l of state.leftovers) {
    items.push({
      id: `leftover:${l.repo}:${l.file}:${l.line ?? ''}`,
      section: 'cleanup',
      title: `${l.repo} ${l.file}${l.line !== null ? `:${l.line}` : ''}: ${l.note}`,
      done: false,
      detail: [],
      places: [{ file: `${l.repo}:${l.file}`, line: l.line }],
    });
  }
  const name = state.repo.split('/').pop()!;
  return {
    project: name,
    repo: state.repo,
    kind: 'retirement',
    items,
    summary: [
      `State: ${state.state}. Candidate for retirement: ${state.candidate.isCandidate ? 'yes' : state.candidate.quiet ? 'no, quiet' : 'no'} (${state.candidate.reasons.join('; ')}).`,
      ...(state.state === 'deprecated' ? [DEPRECATED] : []),
    ],
  };
}
