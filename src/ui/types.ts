// What the review UI is given from outside: it never talks to git or the scanner itself.

import type { Checklist } from '../checklist/index.js';
import type { PipelineListener } from '../pipeline/index.js';
import type { Project, Report } from '../report/index.js';

/** Runs the fetch-and-scan pipeline, telling the listener about every target, and resolves to the report; stops early once `signal` aborts. */
export type Runner = (listener: PipelineListener, signal: AbortSignal) => Promise<Report>;

/** The text of `file` in the project's checkout at its scanned commit; rejects with the reason it is unavailable. */
export type SourceReader = (project: Project, file: string) => Promise<string>;

/** The checklists shown for a project (migration, and retirement for a candidate). */
export type ChecklistSource = (project: Project, now: Date) => Checklist[];

/** Where a checklist's Markdown goes; returns the path written. */
export type ChecklistWriter = (project: Project, markdown: string) => string;
