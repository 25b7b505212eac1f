// What the review UI is given from outside: it never talks to git or the scanner itself. Everything
// that reads or writes files, or runs git, comes in as one of these functions.

import type { PipelineListener } from '../pipeline/index.js';
import type { Project, Report } from '../report/index.js';

/** Runs the fetch-and-scan pipeline, telling the listener about every target, and resolves to the report; stops early once `signal` aborts. */
export type Runner = (listener: PipelineListener, signal: AbortSignal) => Promise<Report>;

/** The text of `file` in the project's checkout at its scanned commit; rejects with the reason it is unavailable. */
export type SourceReader = (project: Project, file: string) => Promise<string>;

/** A checklist as the UI shows it: the figures of its title line and the Markdown the checklist station renders. */
export interface ShownChecklist {
  kind: 'migration' | 'retirement';
  project: string;
  repo: string | null;
  /** Items not done yet, of `items`. */
  open: number;
  items: number;
  markdown: string;
}

/** A project's checklists, and a line for each one that could not be made here, saying why. */
export interface ProjectChecklists {
  checklists: ShownChecklist[];
  notes: string[];
  /** Every checklist as one Markdown document: what `w` writes. */
  markdown: string;
}

/** The checklists shown for a project (migration, and retirement for a candidate); may read checkouts, so it is asynchronous. */
export type ChecklistSource = (project: Project, now: Date) => Promise<ProjectChecklists>;

/** Whether a project is a retirement candidate, and why (or why not). */
export interface Candidacy {
  isCandidate: boolean;
  /** Inactive but still relied on (released or required lately): never a candidate. */
  quiet?: boolean;
  reasons: string[];
}

/** How the UI judges retirement candidacy: the judgement of a project at a moment, and the rule in words for the help. */
export interface CandidacyRule {
  judge: (project: Project, now: Date) => Candidacy;
  /** "12+ months idle, ≤1 author/yr". */
  summary: string;
}

/** Where a checklist's Markdown goes; returns the path written. */
export type ChecklistWriter = (project: Project, markdown: string) => string;

/** Which generated changes: the mechanical migration (`fix`) or the retirement. */
export type ChangeKind = 'fix' | 'retirement';

/** A commit made on the user's machine. */
export interface MadeCommit {
  commit: string;
  subject: string;
  /** The checkout it was made in, when the changes span several. */
  where?: string;
}

export interface AppliedChanges {
  commits: MadeCommit[];
  /** The project scanned again after the commits, so its figures and checklists follow. */
  project?: Project;
}

/** Changes planned for a project, as people review them, with the function that commits exactly those. */
export interface ChangePreview {
  /** What the changes are, in one line ("3 commits: oslo.config, oslo.utils, oslo.serialization"). */
  title: string;
  /** The diff or the planned edits. */
  text: string;
  /** Lines about what is left out, and why. */
  notes: string[];
  /** How many commits applying makes; 0 when there is nothing to do. */
  commits: number;
  /** Where the commits go, for the confirmation ("/src/nova"). */
  target: string;
  /** Commits the previewed changes locally (never pushes); rejects with a one-line reason (a dirty work tree). Null when there is nothing to apply. */
  apply: (() => Promise<AppliedChanges>) | null;
}

/** Plans a kind of change for a project; rejects with a one-line reason when it cannot here (no local checkout). */
export type ChangePlanner = (project: Project, now: Date) => Promise<ChangePreview>;

export type ChangeSource = Partial<Record<ChangeKind, ChangePlanner>>;
