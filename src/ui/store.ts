// The review UI's store: everything the screens show, in one value, and the actions that change it.
// Keys, pipeline events and the answers of the asynchronous sources (checklists, source previews,
// change plans) all arrive as actions; the reducer (reducer.ts) folds them in one after the other, so
// each key acts on the state the previous one left. What the store asks of the outside world (plan
// these changes, apply them, write this checklist, leave) it records as a request in the state, and a
// hook (sources.ts) carries it out.

import type { Key } from 'ink';
import type { PipelineEvent } from '../pipeline/index.js';
import type { Project, Report, TrendProject } from '../report/index.js';
import type { ChangeState } from './changeLines.js';
import { initialNav, type Nav } from './navigation.js';
import { emptyProgress, type Progress } from './progress.js';
import type { Preview } from './preview.js';
import { projectRow, type ProjectRow } from './rows.js';
import type { AppliedChanges, CandidacyRule, ChangeKind, ProjectChecklists } from './types.js';

export type ChecklistState = { state: 'loading' } | { state: 'ready'; value: ProjectChecklists } | { state: 'failed'; reason: string };

/** The changes being shown: for which project, of which kind, and how far along. `seq` tells a stale answer from the one asked for last. */
export interface ShownChange {
  seq: number;
  project: Project;
  kind: ChangeKind;
  change: ChangeState;
}

/** How the user left: with ctrl-c rather than `q`, and the report as it stood (with any changes applied). */
export interface ReviewResult {
  interrupted: boolean;
  report: Report | null;
}

/** What stays the same for the life of the app: the moment ages are measured from, the candidacy rule, and which functions were handed in. */
export interface StoreEnv {
  now: Date;
  candidacy: CandidacyRule;
  canWrite: boolean;
  changeKinds: readonly ChangeKind[];
  /** Each project at points of its history, by project name, when the review was given a trend. */
  trends?: ReadonlyMap<string, TrendProject> | null;
}

/** The room the screens have, which the page keys move by: the terminal's width and the lines above the status bar. */
export interface Layout {
  width: number;
  body: number;
}

export interface ReviewState {
  nav: Nav;
  report: Report | null;
  /** One row per project of the report, judged once. */
  rows: ProjectRow[];
  progress: Progress;
  elapsedMs: number;
  runError: string | null;
  /** Read once per project and kept, until applied changes make them stale. */
  checklists: ReadonlyMap<Project, ChecklistState>;
  /** Source previews by `previewKey`, read once per file and kept. */
  previews: ReadonlyMap<string, Preview>;
  change: ShownChange | null;
  /** The last `ShownChange.seq` handed out. */
  changeSeq: number;
  /** A checklist the user asked to write, until the writer has written it. */
  writing: { project: Project; markdown: string } | null;
  /** Set once the user leaves; nothing changes after it. */
  left: ReviewResult | null;
}

export type Action =
  | { type: 'key'; input: string; key: Key; layout: Layout }
  | { type: 'progress'; events: readonly PipelineEvent[]; elapsedMs: number }
  | { type: 'finished'; report: Report }
  | { type: 'runFailed'; reason: string }
  | { type: 'checklists'; project: Project; state: ChecklistState }
  | { type: 'preview'; key: string; preview: Preview }
  | { type: 'planned'; seq: number; change: ChangeState }
  /** `project`: the project the changes were planned for, which the applied changes' rescan replaces. */
  | { type: 'applied'; seq: number; project: Project; applied: AppliedChanges }
  | { type: 'refused'; seq: number; reason: string }
  | { type: 'written'; message: string };

export const rowsOf = (report: Report | null, env: StoreEnv): ProjectRow[] => (report ? report.projects.map((p) => projectRow(p, env.now, env.candidacy)) : []);

/** The state before anything happened: the list of a given report, or the progress of a run about to start. */
export function initialState(report: Report | null, env: StoreEnv): ReviewState {
  return {
    nav: initialNav(report ? 'projects' : 'progress'),
    report,
    rows: rowsOf(report, env),
    progress: emptyProgress(),
    elapsedMs: 0,
    runError: null,
    checklists: new Map(),
    previews: new Map(),
    change: null,
    changeSeq: 0,
    writing: null,
    left: null,
  };
}
