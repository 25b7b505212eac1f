// Scans each target at the points of its history that the spec asks for (pointScans.ts: every file
// version once, then each point from those results). A target that cannot be trended (no tag
// matches, a date before its first commit, a shallow clone, a clone that fails) gets its error; the
// others go on.

import {
  datePoints,
  fetchToCache,
  historySpan,
  isShallow,
  openRepository,
  redactText,
  refPoints,
  tagPoints,
  type HistoryPoint,
} from '../git/index.js';
import { failedProject, makeReport, makeTrendReport, summarise, trendPoint, type Project, type Report, type TrendProject, type TrendReport } from '../report/index.js';
import type { ScanOptions } from '../scan/index.js';
import type { Target } from '../sources/index.js';
import { scanPoints } from './pointScans.js';
import { datesBetween, thin, type PointSpec } from './spec.js';

export interface TrendOptions {
  /** Where remote targets are cloned. */
  cacheDir: string;
  /** The results cache folder; null scans every point cold. */
  cache: string | null;
  maxFileSize?: number;
  /** Targets worked on at once (default 4). */
  jobs?: number;
  /** The tip whose history is walked (default: HEAD, or the remote's default branch). */
  ref?: string;
  signal?: AbortSignal;
  now?: Date;
  /** Told when a target is done or failed: one line each. */
  onTarget?: (line: string) => void;
}

export interface TrendResult {
  trend: TrendReport;
  /** Each project as it stands at its last point, findings and all (for the HTML report). */
  latest: Report;
}

interface Repository {
  dir: string;
  tip: string;
}

async function repositoryOf(target: Target, options: TrendOptions): Promise<Repository> {
  const ref = options.ref ?? target.ref;
  switch (target.location.kind) {
    case 'unresolved':
      throw new Error(target.location.reason);
    case 'path': {
      const checkout = await openRepository(target.location.path, ref);
      return { dir: checkout.root, tip: checkout.commit };
    }
    case 'url': {
      // Old file contents are what a trend reads: a new clone takes them all at once.
      const cached = await fetchToCache(target.location.url, ref, { cacheDir: options.cacheDir, partial: false, signal: options.signal });
      return { dir: cached.gitDir, tip: cached.commit };
    }
  }
}

async function pointsOf(repo: Repository, spec: PointSpec, now: Date): Promise<HistoryPoint[]> {
  if (await isShallow(repo.dir)) throw new Error('a shallow clone has no history to walk; fetch it whole (git fetch --unshallow)');
  switch (spec.by) {
    case 'refs':
      return refPoints(repo.dir, spec.refs);
    case 'tags': {
      const tags = await tagPoints(repo.dir, spec.patterns);
      if (tags.length === 0) throw new Error(spec.patterns.length ? `no tag matches ${spec.patterns.join(', ')}` : 'the repository has no tags (try --points dates or --refs)');
      return thin(tags, spec.maxPoints);
    }
    case 'dates': {
      const { first, last } = await historySpan(repo.dir, repo.tip);
      const since = spec.since ?? new Date(first.date);
      const until = spec.until ?? (spec.since ? now : new Date(last.date));
      if (since.getTime() > until.getTime()) throw new Error(`--since ${since.toISOString().slice(0, 10)} is after ${until.toISOString().slice(0, 10)}`);
      return thin(await datePoints(repo.dir, repo.tip, datesBetween(since, until, spec.every)), spec.maxPoints);
    }
  }
}

interface Tally {
  files: number;
  cached: number;
}

async function trendOne(target: Target, spec: PointSpec, options: TrendOptions, tally: Tally): Promise<{ project: TrendProject; latest: Project }> {
  const repo = await repositoryOf(target, options);
  const points = await pointsOf(repo, spec, options.now ?? new Date());
  const scanOptions: ScanOptions = { cache: options.cache, maxFileSize: options.maxFileSize };
  const trend: TrendProject = { name: target.name, repo: target.repo, source: target.source, error: null, points: [] };
  let latest: Project | null = null;
  // Oldest first whatever order the points were asked in: the last is the project as it stands.
  const order = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const scans = await scanPoints(repo.dir, order, scanOptions, options.signal);
  tally.files += scans.files;
  tally.cached += scans.cached;
  const byLabel = new Map<string, ReturnType<typeof trendPoint>>();
  for (const [i, point] of order.entries()) {
    const result = scans.results[i]!;
    const summary = summarise(result.findings, result.adoptedLibraries);
    byLabel.set(point.label, trendPoint(point, summary));
    trend.repo ??= result.gitreviewProject ?? target.repoHint ?? null;
    latest = { name: target.name, repo: trend.repo, source: target.source, commit: point.commit, error: null, summary, activity: null, skipped: result.skipped, findings: result.findings, ...target.extra };
  }
  trend.points = points.map((p) => byLabel.get(p.label)!);
  return { project: trend, latest: latest! };
}

/** Trends every target, a few at a time; projects in the order of `targets`. Never throws for one target's failure. */
export async function runTrend(targets: readonly Target[], spec: PointSpec, options: TrendOptions): Promise<TrendResult> {
  const tally: Tally = { files: 0, cached: 0 };
  const projects: TrendProject[] = new Array(targets.length);
  const latest: Project[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index]!;
      try {
        const done = await trendOne(target, spec, options, tally);
        projects[index] = done.project;
        latest[index] = done.latest;
        options.onTarget?.(`oslo-audit: ${target.name}: ${done.project.points.length} points`);
      } catch (e) {
        const message = redactText((e as Error).message.split('\n')[0] ?? 'failed');
        projects[index] = { name: target.name, repo: target.repo ?? target.repoHint ?? null, source: target.source, error: { message }, points: [] };
        latest[index] = failedProject({ name: target.name, repo: target.repo, source: target.source }, { stage: 'scan', message });
        options.onTarget?.(`oslo-audit: ${target.name}: ${message}`);
      }
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? 4, targets.length || 1));
  await Promise.all(Array.from({ length: jobs }, worker));
  const pointsInfo = describe(spec);
  return { trend: makeTrendReport(projects, pointsInfo, tally, options.now), latest: makeReport(latest, options.now) };
}

function describe(spec: PointSpec): TrendReport['points'] {
  switch (spec.by) {
    case 'tags':
      return { by: 'tags', tags: spec.patterns, maxPoints: spec.maxPoints };
    case 'refs':
      return { by: 'refs', refs: spec.refs };
    case 'dates':
      return {
        by: 'dates',
        every: spec.every.text,
        ...(spec.since ? { since: spec.since.toISOString().slice(0, 10) } : {}),
        ...(spec.until ? { until: spec.until.toISOString().slice(0, 10) } : {}),
        // Dates are thinned only when --max-points is given.
        ...(spec.maxPoints < Number.MAX_SAFE_INTEGER ? { maxPoints: spec.maxPoints } : {}),
      };
  }
}
