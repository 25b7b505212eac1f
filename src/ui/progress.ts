// Live progress of a pipeline run, folded from its events. Pure: the screen only reads it.

import type { PipelineEvent, TargetState } from '../pipeline/index.js';
import type { Report } from '../report/index.js';

export interface TargetProgress {
  target: string;
  state: TargetState;
  percent?: number;
  detail?: string;
}

export interface Progress {
  targets: TargetProgress[];
  /** Target → its position in `targets`. */
  index: Map<string, number>;
  done: number;
  failed: number;
  report: Report | null;
}

export function emptyProgress(): Progress {
  return { targets: [], index: new Map(), done: 0, failed: 0, report: null };
}

function update(p: Progress, target: string, change: Partial<TargetProgress>): Progress {
  let i = p.index.get(target);
  const targets = [...p.targets];
  let index = p.index;
  if (i === undefined) {
    i = targets.length;
    index = new Map(index).set(target, i);
    targets.push({ target, state: 'queued' });
  }
  targets[i] = { ...targets[i]!, ...change };
  return { ...p, targets, index };
}

export function applyEvent(p: Progress, event: PipelineEvent): Progress {
  switch (event.type) {
    case 'queued':
      return update(p, event.target, { state: 'queued' });
    case 'progress':
      return update(p, event.target, { state: event.state, percent: event.percent, detail: event.detail });
    case 'done':
      return { ...update(p, event.target, { state: 'done', percent: undefined, detail: event.project.summary.migrationStatus }), done: p.done + 1 };
    case 'failed':
      return { ...update(p, event.target, { state: 'failed', percent: undefined, detail: event.project.error?.message ?? 'failed' }), failed: p.failed + 1 };
    case 'finished':
      return { ...p, report: event.report };
  }
}

/** Milliseconds left, from the pace so far; null before anything finished. */
export function eta(p: Progress, elapsedMs: number): number | null {
  const finished = p.done + p.failed;
  if (finished === 0) return null;
  return (elapsedMs / finished) * Math.max(0, p.targets.length - finished);
}
