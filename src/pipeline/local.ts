// The fetch-and-scan pipeline for local checkouts only: each path is scanned in turn with
// scanCheckout, and every step is told to the listener (the terminal UI or a logger).

import { makeReport, type Report } from '../report/index.js';
import type { PipelineListener } from './events.js';
import { scanCheckout, type LocalTarget } from './scanCheckout.js';

export interface LocalRunOptions {
  /** Stops before the next checkout once aborted; the report then holds what was scanned. */
  signal?: AbortSignal;
  maxFileSize?: number;
}

/** Scans local checkouts one after the other; a checkout that fails becomes a failed project and the run goes on. */
export async function runLocal(targets: readonly (string | LocalTarget)[], listener: PipelineListener, options: LocalRunOptions = {}): Promise<Report> {
  const list = targets.map((t) => (typeof t === 'string' ? { path: t } : t));
  list.forEach((t, index) => listener({ type: 'queued', target: t.path, index, total: list.length }));
  const projects = [];
  for (const target of list) {
    if (options.signal?.aborted) break;
    listener({ type: 'progress', target: target.path, state: 'scanning' });
    const project = await scanCheckout(target, { maxFileSize: options.maxFileSize });
    projects.push(project);
    listener(project.error ? { type: 'failed', target: target.path, project } : { type: 'done', target: target.path, project });
  }
  const report = makeReport(projects);
  listener({ type: 'finished', report });
  return report;
}
