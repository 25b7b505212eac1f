// The batch runner: targets → clone cache → scan → report, a few at a time, with progress events.
// A target that fails keeps its place in the report with its error; the batch goes on.

import { fetchToCache, redactText, type ActivityOptions, type CacheProgress } from '../git/index.js';
import { failedProject, makeReport, type Project, type Report } from '../report/index.js';
import type { ScanOptions } from '../scan/index.js';
import type { Target } from '../sources/index.js';
import type { PipelineEvent, PipelineListener } from './events.js';
import { scanCheckout, scanCommit, type ProjectBase } from './scanCheckout.js';

export interface BatchOptions extends ScanOptions {
  /** Where remote targets are cloned: the cache layout's `clones` (cacheLayout.ts). */
  cacheDir: string;
  /** Targets worked on at once (default 4). */
  jobs?: number;
  /** Branch, tag or commit to scan in every target; otherwise each target's own ref, else HEAD. */
  ref?: string;
  /** Partial clones of remote targets (default true). */
  partial?: boolean;
  activity?: ActivityOptions;
  /** Wait this long for another run's lock on a cached repository. */
  lockTimeoutMs?: number;
  /** A clone or fetch that hears nothing from its remote for this long fails (default 120 s). */
  timeoutMs?: number;
  /** Stops starting new targets and aborts running git commands. */
  signal?: AbortSignal;
  /** The report's `generatedAt`. */
  now?: Date;
}

export const DEFAULT_JOBS = 4;

function baseOf(target: Target): ProjectBase {
  return { name: target.name, repo: target.repo, repoHint: target.repoHint ?? null, source: target.source, extra: target.extra };
}

function failed(target: Target, stage: 'resolve' | 'clone' | 'fetch' | 'scan', message: string): Project {
  const base = baseOf(target);
  return { ...failedProject({ name: base.name, repo: base.repo ?? base.repoHint ?? null, source: base.source }, { stage, message: redactText(message) }), ...base.extra };
}

async function runOne(target: Target, options: BatchOptions, emit: (e: PipelineEvent) => void): Promise<Project> {
  // Only what the scan itself needs: the batch's own `jobs` (targets at once) is not the scan's `workers`.
  const scanOptions = { maxFileSize: options.maxFileSize, activity: options.activity, cache: options.cache, workers: options.workers, prefilter: options.prefilter, rules: options.rules, alongside: options.alongside };
  const ref = options.ref ?? target.ref;
  switch (target.location.kind) {
    case 'unresolved':
      return failed(target, 'resolve', target.location.reason);
    case 'path': {
      emit({ type: 'progress', target: target.id, state: 'scanning' });
      const project = await scanCheckout({ path: target.location.path, name: target.name, repo: target.repo, ref }, scanOptions);
      // The report names the path as the user gave it, and carries what the source knew.
      return { ...project, source: target.source, ...target.extra };
    }
    case 'url': {
      let cached;
      try {
        cached = await fetchToCache(target.location.url, ref, {
          cacheDir: options.cacheDir,
          partial: options.partial,
          lockTimeoutMs: options.lockTimeoutMs,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          onProgress: (p: CacheProgress) => emit({ type: 'progress', target: target.id, state: p.state, percent: p.percent, detail: p.detail }),
        });
      } catch (e) {
        const stage = (e as { stage?: 'resolve' | 'clone' | 'fetch' }).stage ?? 'clone';
        return failed(target, stage, (e as Error).message);
      }
      emit({ type: 'progress', target: target.id, state: 'scanning' });
      return scanCommit(cached.gitDir, cached.commit, baseOf(target), scanOptions);
    }
  }
}

/**
 * Scans every target and returns the report, projects in the order of `targets`. Never throws for a
 * target's failure: that project carries its `error`. `listener` hears queued, progress, done or
 * failed per target, and finished once.
 */
export async function runBatch(targets: Target[], options: BatchOptions, listener?: PipelineListener): Promise<Report> {
  const emit = (event: PipelineEvent) => {
    try {
      listener?.(event);
    } catch {
      /* a listener's mistake must not stop the batch */
    }
  };
  targets.forEach((t, index) => emit({ type: 'queued', target: t.id, index, total: targets.length }));
  const projects: Project[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index]!;
      let project: Project;
      if (options.signal?.aborted) project = failed(target, 'resolve', 'interrupted before it started');
      else {
        try {
          project = await runOne(target, { ...options, alongside: jobs > 1 }, emit);
        } catch (e) {
          project = failed(target, 'scan', (e as Error).message);
        }
      }
      projects[index] = project;
      emit(project.error ? { type: 'failed', target: target.id, project } : { type: 'done', target: target.id, project });
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? DEFAULT_JOBS, targets.length || 1));
  await Promise.all(Array.from({ length: jobs }, worker));
  const report = makeReport(projects, options.now);
  emit({ type: 'finished', report });
  return report;
}
