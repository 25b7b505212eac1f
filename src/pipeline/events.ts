// What the fetch-and-scan pipeline tells its consumers (the terminal UI and the plain stderr logger).

import type { Project, Report } from '../report/index.js';

export type TargetState = 'queued' | 'cloning' | 'fetching' | 'scanning' | 'done' | 'failed';

export type PipelineEvent =
  | { type: 'queued'; target: string; index: number; total: number }
  /** A step began or moved on; `percent` when git reports progress. */
  | { type: 'progress'; target: string; state: 'cloning' | 'fetching' | 'scanning'; percent?: number; detail?: string }
  | { type: 'done'; target: string; project: Project }
  /** The project carries its `error`. */
  | { type: 'failed'; target: string; project: Project }
  | { type: 'finished'; report: Report };

export type PipelineListener = (event: PipelineEvent) => void;
