// The single-repository scenario: what one user feels on one checkout, every command timed as a
// whole process (Node's start-up, the history, the report included), side by side with the floor
// of any Node program and the peers, each several times; medians and ratios.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCommits } from '../src/git/index.js';
import { packageRoot } from '../src/paths.js';
import { writeCorpus } from './corpus.js';
import { writeIncubatorLike, writeNovaLike } from './history.js';

export interface Timed {
  name: string;
  /** Median of the runs, seconds. */
  seconds: number | null;
  runs: number[];
  maxRssMB: number | null;
  note: string;
}

const TIME = '/usr/bin/time';
const CLI = join(packageRoot, 'bin', 'oslo-audit.js');

/** Runs a command once: wall seconds, and its peak RSS when /usr/bin/time is there. Output is counted, never kept. */
export function timeOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, withTime = true): Promise<{ seconds: number; maxRssMB: number | null; out: string }> {
  return new Promise((done, fail) => {
    const rssFile = join(env['BENCH_TMP'] ?? '/tmp', `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const [c, a] = withTime ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(c, a, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let maxRssMB: number | null = null;
      try {
        maxRssMB = withTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
        rmSync(rssFile, { force: true });
      } catch {
        /* no figure */
      }
      if (code !== 0 && code !== 1) return fail(new Error(`${cmd} ${args.slice(0, 2).join(' ')} exited ${code}: ${err.trim().split('\n').pop()}`));
      done({ seconds, maxRssMB, out });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface SingleOptions {
  work: string;
  runs: number;
  /** ast-grep's command and its rules, when it is installed. */
  astGrep: { cmd: string; rules: string } | null;
  /** Literal trigger words for git grep. */
  literals: string[];
  log: (s: string) => void;
  /** A checkout of yours to time instead of the generated nova-like repository (never modified). */
  repo?: string;
}

export interface SingleResult {
  timed: Timed[];
  ratios: Record<string, { value: number | null; target: string }>;
  nova: { pythonFiles: number; commits: number };
}

/**
 * A small project whose copies were taken from the incubator-like history at different times, with
 * update.py's rewrite, some edited locally: what provenance is asked about.
 */
export async function writeProjectFrom(incubator: string, dir: string): Promise<string> {
  const show = (args: string[]): string => spawnSync('git', ['-C', incubator, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
  const modules = show(['ls-tree', '--name-only', 'HEAD', 'openstack/common/']).split('\n').filter(Boolean).slice(0, 12);
  const files: Record<string, string> = { 'kite/__init__.py': '', 'kite/openstack/__init__.py': '', 'kite/openstack/common/__init__.py': '' };
  modules.forEach((path, i) => {
    const text = show(['show', `HEAD~${i * 150 + 7}:${path}`]).replace(/openstack\.common/g, 'kite.openstack.common');
    files[`kite/${path}`] = i % 3 === 0 ? `${text}\n\ndef local_change():\n    return None\n` : text;
  });
  files['openstack-common.conf'] = `[DEFAULT]\n${modules.map((m) => `module=${m.split('/').pop()!.replace('.py', '')}`).join('\n')}\nbase=kite\n`;
  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: 'Developer 1 <dev1@example.org>', message: 'Import kite', files }]);
  return dir;
}

/** Builds the repositories and times everything; returns the figures. */
export async function singleScenario(o: SingleOptions): Promise<SingleResult> {
  const nova = o.repo ?? join(o.work, 'single', 'nova');
  const incubator = join(o.work, 'single', 'oslo-incubator');
  o.log(`writing ${o.repo ? '' : 'a nova-like repository (1,400 Python files, 30,000 commits) and '}an incubator-like history …`);
  if (!o.repo) await writeNovaLike(nova);
  await writeIncubatorLike(incubator);
  const project = await writeProjectFrom(incubator, join(o.work, 'single', 'kite'));
  const others = await writeCorpus(join(o.work, 'single', 'review'), { seed: 7, repos: 13, largeFiles: 600, medianFiles: 60, averageSize: 10_000 });
  const review = [nova, ...others];
  const lines = (args: string[]): number => spawnSync('git', ['-C', nova, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.split('\n').filter(Boolean).length;
  const facts = { pythonFiles: lines(['ls-files', '--', '*.py']), commits: lines(['rev-list', 'HEAD']) };

  const timed: Timed[] = [];
  const env = (home: string): NodeJS.ProcessEnv => ({ ...process.env, XDG_CACHE_HOME: home, BENCH_TMP: o.work });
  const home = (name: string): string => {
    const dir = join(o.work, 'single', 'xdg', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  /** `runs` runs of a command; `prepare` runs before each, untimed. */
  const measure = async (name: string, note: string, once: (i: number) => Promise<{ seconds: number; maxRssMB: number | null }>, runs = o.runs): Promise<Timed> => {
    o.log(`  ${name} …`);
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(i));
    const t: Timed = { name, seconds: median(results.map((r) => r.seconds)), runs: results.map((r) => r.seconds), maxRssMB: Math.max(...results.map((r) => r.maxRssMB ?? 0)) || null, note };
    timed.push(t);
    return t;
  };

  const node = await measure('node -e 0', 'the floor of any Node program', () => timeOnce(process.execPath, ['-e', '0']));
  const version = await measure('oslo-audit --version', '', () => timeOnce(process.execPath, [CLI, '--version']));
  const help = await measure('oslo-audit --help', '', () => timeOnce(process.execPath, [CLI, '--help']));
  const scanArgs = [CLI, 'scan', nova, '--format', 'json'];
  const cold = await measure('oslo-audit scan nova-like, cold', 'empty caches: tree, blobs, parse, 30,000 commits of history', () => timeOnce(process.execPath, scanArgs, env(home('cold'))));
  const warmHome = home('warm');
  await timeOnce(process.execPath, scanArgs, env(warmHome));
  const warm = await measure('oslo-audit scan nova-like, warm', 'same commit, caches full', () => timeOnce(process.execPath, scanArgs, env(warmHome)));
  const grep = await measure('git grep, literal triggers at HEAD', 'the floor for reading the bytes', () =>
    timeOnce('git', ['-C', nova, 'grep', '-l', '-F', ...o.literals.flatMap((l) => ['-e', l]), '-e', 'from .', 'HEAD', '--', '*.py']),
  );
  let astGrep: Timed | null = null;
  if (o.astGrep) {
    const { cmd, rules } = o.astGrep;
    astGrep = await measure('ast-grep, equivalent rules', 'work tree', () => timeOnce(cmd, ['scan', '--inline-rules', rules, '--json=stream', nova]));
  }
  const provHome = home('provenance');
  const provArgs = [CLI, 'provenance', project, '--incubator', incubator, '--cache-dir', join(provHome, 'p')];
  const provFirst = await measure('oslo-audit provenance, first run', 'a small project: builds the index of the incubator-like history (2,400 versions)', () => {
    rmSync(join(provHome, 'p'), { recursive: true, force: true });
    return timeOnce(process.execPath, provArgs, env(provHome));
  });
  const provSecond = await measure('oslo-audit provenance, second run', 'the index from the cache', () => timeOnce(process.execPath, provArgs, env(provHome)));
  const reviewHome = home('review');
  const reviewArgs = [CLI, 'scan', ...review, '--format', 'table'];
  await timeOnce(process.execPath, reviewArgs, env(reviewHome));
  const reviewed = await measure('14 warm repositories, full table', 'the batch the review runs, to its full table', () => timeOnce(process.execPath, reviewArgs, env(reviewHome)));

  const ratio = (a: Timed | null, b: Timed | null): number | null => (a?.seconds != null && b?.seconds ? a.seconds / b.seconds : null);
  const ratios = {
    versionVsNode: { value: ratio(version, node), target: '<= 3 (times node -e 0)' },
    helpVsNode: { value: ratio(help, node), target: '<= 3 (times node -e 0)' },
    coldVsAstGrep: { value: ratio(cold, astGrep), target: '<= 0.5 (of ast-grep; goal 0.33)' },
    warmVsNode: { value: ratio(warm, node), target: '<= 4 (times node -e 0)' },
    coldVsGitGrep: { value: ratio(cold, grep), target: '(information)' },
    reviewSeconds: { value: reviewed.seconds, target: '<= 2 s' },
    provenanceFirstSeconds: { value: provFirst.seconds, target: '< 10 s' },
    provenanceFirstRssMB: { value: provFirst.maxRssMB, target: '< 400 MB' },
    provenanceSecondSeconds: { value: provSecond.seconds, target: '(information)' },
  };
  return { timed, ratios, nova: facts };
}
