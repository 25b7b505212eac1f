// `npm run bench:trend`: what a `trend` of N release tags costs against one cold scan of the same
// repository, and how much of it the results cache answered.
//
//   npm run bench:trend -- [--repo PATH --tags PATTERN] [--points N] [--files N] [--churn F] [--runs N] [--keep]
//
// Without --repo, a nova-sized repository (bench/corpus.ts, the large project) is generated with N
// releases, each changing --churn of its Python files (default 0.4: nova's 20 `*.0.0` releases changed
// 40% of the files the scan reads from one to the next) and removing a few incubator copies and
// namespace imports. With --repo (a clone of nova, say), its tags matching --tags are used. Each run,
// in fresh processes with empty caches: a cold `scan` at the last point, then `trend` over the points.
// Whole-process wall-clock seconds (and CPU seconds, which a shared machine disturbs less), median
// over the runs; JSON under bench/results/.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { tagCommit, writeCommits, type FileChange } from '../src/git/index.js';
import { packageRoot } from '../src/paths.js';
import type { TrendReport } from '../src/report/index.js';
import { atomicWrite } from '../src/util/atomicWrite.js';
import { planCorpus, Random, repositoryFiles } from './corpus.js';

/** Wall-clock seconds of one oslo-audit process and, through /usr/bin/time when present, its CPU seconds (threads and git children included). */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ wall: number; cpu: number | null }> {
  const command = [process.execPath, join(packageRoot, 'bin', 'oslo-audit.js'), ...args];
  const withTime = existsSync(TIME);
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = withTime ? spawn(TIME, ['-f', 'cpu %U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'], env }) : spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return fail(new Error(`oslo-audit ${args[0]} exited ${code}: ${err.trim()}`));
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(err);
      done({ wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null });
    });
  });
}

const TIME = '/usr/bin/time';

/** A nova-sized repository with `points` tagged releases; returns its folder. */
async function generate(dir: string, points: number, files: number, churn: number): Promise<string> {
  const [plan] = planCorpus({ seed: 42, repos: 1, largeFiles: files, averageSize: 10_000, medianFiles: 60 });
  const random = new Random(4242);
  const tree = repositoryFiles(random, plan!, 10_000);
  const repo = join(dir, plan!.name);
  const python = Object.keys(tree).filter((p) => p.endsWith('.py') && !p.includes('/openstack/common/'));
  const copies = Object.keys(tree).filter((p) => p.includes('/openstack/common/') && !p.endsWith('__init__.py'));
  for (let i = 0; i < points; i++) {
    const change: Record<string, FileChange> = i === 0 ? { ...tree } : {};
    if (i > 0) {
      for (const p of python) if (random.chance(churn)) change[p] = `${tree[p] as string}\n# release ${i}\n`;
      // The burndown: now and then an incubator copy goes, and some namespace imports are rewritten.
      if (i % 3 === 0 && copies.length > 0) change[copies.shift()!] = null;
      for (const p of python.slice(i * 20, i * 20 + 20)) if (typeof change[p] === 'string') change[p] = (change[p] as string).replace(/from oslo\.(\w+) import/g, 'from oslo_$1 import');
    }
    const date = new Date(Date.UTC(2014, 6 * i, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const head = await writeCommits(repo, [{ date, author: 'Corpus Generator <corpus@example.org>', message: `Release ${i + 1}`, files: change }]);
    for (const [p, c] of Object.entries(change)) if (typeof c === 'string') tree[p] = c;
    await tagCommit(repo, `${i + 1}.0.0`, head);
  }
  return repo;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { repo: { type: 'string' }, tags: { type: 'string', default: '*.0.0' }, points: { type: 'string', default: '20' }, files: { type: 'string', default: '4000' }, churn: { type: 'string', default: '0.4' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean' } },
  });
  const points = Number(values.points);
  const work = mkdtempSync(join(tmpdir(), 'oslo-audit-bench-trend-'));
  try {
    const repo = values.repo ?? (await generate(work, points, Number(values.files), Number(values.churn)));
    const tags = values.repo ? values.tags! : '*';
    const trendFile = join(work, 'trend.json');
    const cold: number[] = [];
    const trend: number[] = [];
    const coldCpu: number[] = [];
    const trendCpu: number[] = [];
    let report: TrendReport | null = null;
    for (let run = 0; run < Number(values.runs); run++) {
      const env = (name: string) => ({ ...process.env, XDG_CACHE_HOME: join(work, `${name}-${run}`) });
      const t = await timed(['trend', repo, '--tags', tags, '--max-points', String(points), '-f', 'json', '-o', trendFile, '-q'], env('trend'));
      trend.push(t.wall);
      if (t.cpu !== null) trendCpu.push(t.cpu);
      report = JSON.parse(readFileSync(trendFile, 'utf8')) as TrendReport;
      const last = report.projects[0]!.points.at(-1)!;
      const c = await timed(['scan', repo, '--ref', last.commit, '-f', 'json', '-o', join(work, 'scan.json'), '-q'], env('cold'));
      cold.push(c.wall);
      if (c.cpu !== null) coldCpu.push(c.cpu);
    }
    const figures = {
      repository: values.repo ?? `generated: ${values.files} Python files, churn ${values.churn}`,
      points: report!.projects[0]!.points.length,
      coldScanSeconds: median(cold),
      trendSeconds: median(trend),
      ratio: Math.round((median(trend) / median(cold)) * 100) / 100,
      cpuRatio: coldCpu.length ? Math.round((median(trendCpu) / median(coldCpu)) * 100) / 100 : null,
      cacheHitRate: report!.cache.hitRate,
      filesNeeded: report!.cache.files,
      runs: { cold, trend, coldCpu, trendCpu },
      loadAverage: loadavg()[0],
    };
    process.stdout.write(
      `trend of ${figures.points} points: ${figures.trendSeconds.toFixed(1)} s; cold scan ${figures.coldScanSeconds.toFixed(1)} s; ratio ${figures.ratio}× (CPU time ${figures.cpuRatio ?? '-'}×); results cache ${(figures.cacheHitRate * 100).toFixed(1)}% of ${figures.filesNeeded} files\n`,
    );
    const out = join(packageRoot, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    atomicWrite(join(out, `trend-${new Date().toISOString().slice(0, 10)}-${values.repo ? basename(values.repo) : 'generated'}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
