// The changes that finish a retirement: for each pending step, the files to write in which checkout,
// computed from the files' current text. Pure, so the checklist can show the exact edits and
// `--apply` can commit them. Each step's change is its own module; this one orders them.

import { contentChange } from './contentChange.js';
import { Workspace } from './fileEdits.js';
import { gatingChange } from './gatingChange.js';
import { governanceChange } from './governanceChange.js';
import type { RetireInputs } from './inputs.js';
import { infraChange } from './infraChange.js';
import type { RetirementState, StepId } from './types.js';

export type ChangeTarget = 'project-config' | 'repository' | 'governance';

/** One hunk of an edit, for people: the lines taken out and put in at a 1-based line of the old file. */
export interface Hunk {
  line: number;
  removed: string[];
  added: string[];
}

export interface FileEdit {
  file: string;
  action: 'edit' | 'delete' | 'create';
  hunks: Hunk[];
}

export interface PlannedChange {
  step: Exclude<StepId, 'announce'>;
  target: ChangeTarget;
  subject: string;
  /** Paragraphs of the commit message body (footers are added when the changes are chained). */
  body: string[];
  /** Path → new content; null deletes. */
  files: Record<string, string | null>;
  edits: FileEdit[];
}

export interface PlanOptions {
  /** `YYYY-MM-DD` for legacy.yaml's `retired-on`. */
  date: string;
  /** A project that continues the work, named in the README. */
  alternative?: { name: string; url: string } | null;
}

/** The changes still to make, in the procedure's order, each computed on the files the previous ones left. */
export function planRetirement(inputs: RetireInputs, state: RetirementState, options: PlanOptions): PlannedChange[] {
  const pending = new Set(state.steps.filter((s) => s.status === 'pending').map((s) => s.id));
  const repo = inputs.repository.repo;
  const ws = new Workspace(inputs);
  const changes: PlannedChange[] = [];
  const add = (c: PlannedChange | null): void => {
    if (!c) return;
    ws.commit(c);
    changes.push(c);
  };
  if (pending.has('gating-ended') && inputs.projectConfig) add(gatingChange(ws, repo));
  if (pending.has('content-removed')) add(contentChange(inputs, options));
  // A deprecation keeps the infrastructure and the deliverable until its last stable branch ends.
  if (state.state === 'deprecated') return changes;
  if (pending.has('infra-removed') && inputs.projectConfig) add(infraChange(ws, repo));
  if (pending.has('governance-retired') && inputs.governance) add(governanceChange(ws, repo, options));
  return changes;
}
