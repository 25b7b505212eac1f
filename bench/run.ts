// `npm run bench`: oslo-audit's scan side by side with its peers on one corpus.
//
//   npm run bench -- [--repos N] [--large-files N] [--median-files N] [--average-size BYTES] [--seed S]
//                    [--corpus DIR] [--jobs N] [--keep] [--only single|corpus] [--runs N] [--suite] [--repo DIR]
//
// First the single-repository scenario (single.ts: a nova-like repository with 30,000 commits, whole
// processes, median of --runs, default 5; --suite adds the test suite's wall time; --repo DIR times
// a checkout of yours instead of the nova-like one), then the corpus.
// Without --corpus, a synthetic corpus shaped like OpenStack (see corpus.ts) is generated in a temp
// folder. Measured, each in a fresh process: a whole-file parse of everything (the reference for
// findings), the cold scan, the warm re-scan with nothing changed, the re-scan after 1% of the Python
// files changed (generated corpora only: a corpus of yours is never modified), and the peers on the
// same bytes: `git grep` for the literal triggers (the floor for reading the bytes), ripgrep for the
// same literals, and ast-grep running rules equivalent to queries/*.scm. A missing peer is reported
// as such. Prints a table and writes JSON under bench/results/. Exits 1 when findings differ.
//
// Two kinds of oslo-audit figure: the scan inside a started process (resolving HEAD, listing the
// tree, reading blobs, the prefilter, parsing and the detectors: what the equivalence checks run),
// and the `scan` command as a whole process, start-up, history and report included, timed exactly as
// the peers are. The single-repository scenario (single.ts) times whole processes only.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { knowledge } from '../src/knowledge/index.js';
import { packageRoot } from '../src/paths.js';
import { DEFAULT_JOBS } from '../src/pipeline/index.js';
import { triggersOf } from '../src/scan/prefilter.js';
import { atomicWrite } from '../src/util/atomicWrite.js';
import { columns } from '../src/util/text.js';
import { changeCorpus, FULL_CORPUS, writeCorpus, type CorpusSpec } from './corpus.js';
import type { ScanFigures } from './scanOnce.js';
import { singleScenario, timeOnce } from './single.js';

interface Run {
  name: string;
  seconds: number | null;
  maxRssMB?: number | null;
  note: string;
}

function run(cmd: string, args: string[], options: { cwd?: string; count?: boolean } = {}): Promise<{ code: number; out: string; lines: number; seconds: number; maxRssMB: number | null }> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let lines = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      // Peers may print a lot: only lines are counted, nothing is kept.
      if (options.count) for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
      else out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) return fail(new Error(`${cmd} exited ${code}: ${err.trim().split('\n').pop()}`));
      done({ code: code ?? 0, out, lines, seconds, maxRssMB: null });
    });
  });
}

async function scanOnce(repos: string[], cache: string | null, prefilter: boolean, jobs: number | undefined, packs?: string): Promise<ScanFigures> {
  const script = fileURLToPath(new URL('./scanOnce.js', import.meta.url));
  const args = [script, '--cache', cache ?? 'none', '--prefilter', prefilter ? 'on' : 'off', ...(jobs ? ['--jobs', String(jobs)] : []), ...(packs ? ['--packs', packs] : []), ...repos];
  const r = await run(process.execPath, args);
  return JSON.parse(r.out) as ScanFigures;
}

async function have(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` over the repositories, `lanes` at a time. */
async function lanes<T>(repos: string[], count: number, work: (repo: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (next < repos.length) out.push(await work(repos[next++]!));
    }),
  );
  return out;
}

/** ast-grep rules doing the work of queries/*.scm: import statements naming a trigger, root-helper calls, privsep. */
function astGrepRules(names: string[]): string {
  return `id: imports
language: python
rule:
  any:
    - kind: import_statement
    - kind: import_from_statement
  regex: "\\\\b(${names.join('|')})\\\\b|from\\\\s*\\\\."
---
id: rootwrap-call
language: python
rule:
  kind: call
  has:
    field: arguments
    has:
      kind: keyword_argument
      has:
        field: name
        regex: "^(run_as_root|root_helper)$"
---
id: privsep-context
language: python
rule:
  kind: call
  has:
    field: function
    regex: "PrivContext$"
---
id: privsep-entrypoint
language: python
rule:
  kind: decorator
  regex: "\\\\.entrypoint(_with_timeout)?\\\\b"
`;
}

function listCheckouts(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isDirectory() && existsSync(join(p, '.git')));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      repos: { type: 'string' },
      'large-files': { type: 'string' },
      'median-files': { type: 'string' },
      'average-size': { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      keep: { type: 'boolean' },
      only: { type: 'string' },
      runs: { type: 'string' },
      suite: { type: 'boolean' },
      repo: { type: 'string' },
    },
  });
  const only = values.only ?? 'all';
  if (!['all', 'single', 'corpus'].includes(only)) throw new Error('--only is single, corpus or all');
  const runsEach = values.runs ? Number(values.runs) : 5;
  const jobs = values.jobs ? Number(values.jobs) : undefined;
  // Other work on the machine slows every run: the ratios of one run are what compare.
  const loadAtStart = loadavg();
  const cores = availableParallelism();
  const work = mkdtempSync(join(tmpdir(), 'oslo-audit-bench-'));
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  let spec: CorpusSpec | null = null;
  let repos: string[];
  let corpusDir: string;
  const names = [...triggersOf(knowledge()).importNames, ...triggersOf(knowledge()).anyNames];
  const literals = triggersOf(knowledge()).literals.map(String);
  const astGrep = join(packageRoot, 'node_modules', '.bin', 'ast-grep');
  const hasAstGrep = await have(astGrep, ['--version']);
  const machine = `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
  const fmt = (n: number | null | undefined, digits = 2): string => (n === null || n === undefined ? '-' : n.toFixed(digits));
  const targetLines = (targets: Record<string, { value: unknown; target: string }>): string[] =>
    Object.entries(targets).map(([k, t]) => `${k.padEnd(24)} ${typeof t.value === 'number' ? t.value.toFixed(3) : String(t.value ?? '-')}  (target ${t.target})`);
  const resultsDir = join(packageRoot, 'bench', 'results');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    if (only !== 'corpus') {
      const single = await singleScenario({ work, runs: runsEach, repo: values.repo ? resolve(values.repo) : undefined, astGrep: hasAstGrep ? { cmd: astGrep, rules: astGrepRules(names) } : null, literals, log });
      let suite: number | null = null;
      if (values.suite) {
        log('the test suite (node test/run.js) …');
        suite = (await timeOnce(process.execPath, [join(packageRoot, 'test', 'run.js')], process.env, false)).seconds;
      }
      const loadNow = loadavg();
      const out = [
        `single repository: ${values.repo ?? 'nova-like'}, ${single.nova.pythonFiles} Python files, ${single.nova.commits} commits; every figure a whole process, median of ${runsEach} runs`,
        `${machine}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadNow.map((l) => l.toFixed(2)).join(' ')} at the end`,
        '',
        ...targetLines(single.ratios),
        ...(suite !== null ? [`${'testSuiteSeconds'.padEnd(24)} ${suite.toFixed(1)}`] : []),
        '',
        ...columns([['RUN', 'MEDIAN S', 'RUNS', 'PEAK RSS MB', 'NOTE'], ...single.timed.map((t) => [t.name, fmt(t.seconds, 3), t.runs.map((r) => r.toFixed(2)).join(' '), fmt(t.maxRssMB, 0), t.note])]),
        '',
      ].join('\n');
      process.stdout.write(`${out}\n`);
      mkdirSync(resultsDir, { recursive: true });
      atomicWrite(join(resultsDir, `${stamp}-single.json`), JSON.stringify({ machine: { cores, cpu: cpus()[0]?.model, node: process.version, loadAtStart, loadAtEnd: loadNow }, ...single, suite }, null, 2));
      if (only === 'single') return 0;
    }
    if (values.corpus) {
      corpusDir = resolve(values.corpus);
      repos = listCheckouts(corpusDir);
      if (repos.length === 0) throw new Error(`${values.corpus}: no git checkouts in this folder`);
    } else {
      spec = {
        seed: values.seed ? Number(values.seed) : FULL_CORPUS.seed,
        repos: values.repos ? Number(values.repos) : FULL_CORPUS.repos,
        largeFiles: values['large-files'] ? Number(values['large-files']) : FULL_CORPUS.largeFiles,
        medianFiles: values['median-files'] ? Number(values['median-files']) : FULL_CORPUS.medianFiles,
        averageSize: values['average-size'] ? Number(values['average-size']) : FULL_CORPUS.averageSize,
      };
      corpusDir = join(work, 'corpus');
      log(`generating ${spec.repos} repositories (seed ${spec.seed}) in ${corpusDir} …`);
      repos = await writeCorpus(corpusDir, spec);
      // Clones are packed: so is the corpus.
      await lanes(repos, cores, (r) => run('git', ['-C', r, 'repack', '-adq']));
    }
    const runs: Run[] = [];
    const cache = join(work, 'scan-cache');

    log('whole-file parse of every Python file (reference findings) …');
    const reference = await scanOnce(repos, null, false, jobs);
    log('cold scan …');
    const cold = await scanOnce(repos, cache, true, jobs);
    log('warm re-scan …');
    const warm = await scanOnce(repos, cache, true, jobs);
    // Every pack (docs/rules.md): its cost beside the default packs, and its findings against a whole parse.
    log('cold scan with every rule pack …');
    const allPacks = await scanOnce(repos, join(work, 'scan-cache-all-packs'), true, jobs, 'all');
    log('whole-file parse with every rule pack (reference findings) …');
    const allPacksReference = await scanOnce(repos, null, false, jobs, 'all');
    const mb = cold.bytes / 1e6;
    const figures = (name: string, f: ScanFigures, note: string): Run => ({ name, seconds: f.seconds, maxRssMB: f.maxRssMB, note });
    runs.push(figures('oslo-audit, every file parsed whole', reference, `${reference.parsed.whole} files parsed whole`));
    runs.push(figures('oslo-audit cold', cold, `parsed: ${cold.parsed.fragments} as statements, ${cold.parsed.whole} whole, ${cold.parsed.none} not at all`));
    runs.push(figures('oslo-audit warm (nothing changed)', warm, `${warm.cached} of ${warm.files} files from the cache`));
    runs.push(figures('oslo-audit cold, every rule pack', allPacks, `${allPacks.findings} findings (default packs: ${cold.findings}); parsed: ${allPacks.parsed.fragments} as statements, ${allPacks.parsed.whole} whole`));
    const identical = reference.digest === cold.digest && cold.digest === warm.digest && allPacks.digest === allPacksReference.digest;
    // The command a user runs, as a whole process like the peers: start-up, history and report included.
    log('oslo-audit scan as a whole process, cold and warm …');
    const cliEnv = { ...process.env, XDG_CACHE_HOME: join(work, 'xdg-corpus'), BENCH_TMP: work };
    const cliArgs = [join(packageRoot, 'bin', 'oslo-audit.js'), 'scan', ...repos, '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : [])];
    const wholeCold = await timeOnce(process.execPath, cliArgs, cliEnv);
    const wholeWarm = await timeOnce(process.execPath, cliArgs, cliEnv);
    runs.push({ name: 'oslo-audit scan, whole process, cold', seconds: wholeCold.seconds, maxRssMB: wholeCold.maxRssMB, note: 'start-up, history, report' });
    runs.push({ name: 'oslo-audit scan, whole process, warm', seconds: wholeWarm.seconds, maxRssMB: wholeWarm.maxRssMB, note: 'start-up, history, report' });
    let changed: ScanFigures | null = null;
    let changedCheck: ScanFigures | null = null;
    let changedFiles = 0;
    if (spec) {
      const list = async (r: string): Promise<string[]> => (await run('git', ['-C', r, 'ls-files'])).out.split('\n').filter(Boolean);
      changedFiles = await changeCorpus(repos, 0.01, spec.seed + 1, list, (p) => readFileSync(p, 'utf8'));
      log(`re-scan after ${changedFiles} Python files changed …`);
      changed = await scanOnce(repos, cache, true, jobs);
      changedCheck = await scanOnce(repos, null, true, jobs);
      runs.push(figures('oslo-audit after 1% changed', changed, `${changed.files - changed.cached} files read again`));
    }
    const changedIdentical = !changed || changed.digest === changedCheck!.digest;

    // Peers on the same corpus (at the first commit's content for the text tools when nothing changed;
    // after the change they read the changed files, which are 1% of the bytes).
    if (await have('git', ['--version'])) {
      const patterns = literals.flatMap((l) => ['-e', l]);
      const started = process.hrtime.bigint();
      // As many repositories at a time as the scan works on: git grep is a little faster so too.
      await lanes(repos, DEFAULT_JOBS, (r) => run('git', ['-C', r, 'grep', '-l', '-F', ...patterns, '-e', 'from .', 'HEAD', '--', '*.py'], { count: true }));
      runs.push({ name: 'git grep (literal triggers, HEAD)', seconds: Number(process.hrtime.bigint() - started) / 1e9, note: `${DEFAULT_JOBS} repositories at a time` });
    }
    if (await have('rg', ['--version'])) {
      const r = await run('rg', ['-l', '-F', '--type', 'py', ...literals.flatMap((l) => ['-e', l]), '-e', 'from .', corpusDir], { count: true });
      runs.push({ name: 'ripgrep (literal triggers, work trees)', seconds: r.seconds, note: `${r.lines} files matched` });
    } else {
      runs.push({ name: 'ripgrep', seconds: null, note: 'not installed (Debian: apt-get install ripgrep)' });
    }
    if (hasAstGrep) {
      const r = await run(astGrep, ['scan', '--inline-rules', astGrepRules(names), '--json=stream', corpusDir], { count: true });
      runs.push({ name: 'ast-grep (equivalent rules, work trees)', seconds: r.seconds, note: `${r.lines} matches` });
    } else {
      runs.push({ name: 'ast-grep', seconds: null, note: 'not installed (npm install --save-dev @ast-grep/cli)' });
    }

    const byName = (prefix: string): number | null => runs.find((r) => r.name.startsWith(prefix))?.seconds ?? null;
    const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? a / b : null);
    const targets = {
      coldVsAstGrep: { value: ratio(byName('ast-grep'), cold.seconds), target: '>= 3 (times faster than ast-grep)' },
      wholeColdVsAstGrep: { value: ratio(byName('ast-grep'), wholeCold.seconds), target: '(information: times faster than ast-grep, both whole processes)' },
      wholeWarmVsCold: { value: ratio(wholeWarm.seconds, wholeCold.seconds), target: '(information)' },
      coldVsGitGrep: { value: ratio(cold.seconds, byName('git grep')), target: '<= 4 (times the git grep floor)' },
      warmVsCold: { value: ratio(warm.seconds, cold.seconds), target: '<= 0.05' },
      allPacksVsCold: { value: ratio(allPacks.seconds, cold.seconds), target: '<= 1.3 (every rule pack against the default packs)' },
      peakRssMB: { value: Math.max(cold.maxRssMB, warm.maxRssMB, changed?.maxRssMB ?? 0), target: '< 300' },
      identicalFindings: { value: identical && changedIdentical, target: 'true' },
    };

    const table = columns([
      ['RUN', 'SECONDS', 'FILES/S', 'MB/S', 'PEAK RSS MB', 'NOTE'],
      ...runs.map((r) => [r.name, fmt(r.seconds), r.seconds ? fmt(cold.files / r.seconds, 0) : '-', r.seconds ? fmt(mb / r.seconds, 1) : '-', fmt(r.maxRssMB, 0), r.note]),
    ]);
    const out = [
      `corpus: ${repos.length} repositories, ${cold.files} files read by the scan (${cold.python} Python), ${mb.toFixed(1)} MB; ${cold.findings} findings`,
      `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average at the start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
      'oslo-audit cold/warm: resolve HEAD, list, read, prefilter, parse, detect, in a started process; "whole process": the scan command with start-up, history and report, like the peers',
      '',
      ...table,
      '',
      ...Object.entries(targets).map(([k, t]) => `${k.padEnd(18)} ${typeof t.value === 'number' ? t.value.toFixed(3) : String(t.value ?? '-')}  (target ${t.target})`),
    ].join('\n');
    process.stdout.write(`${out}\n`);

    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${stamp}.json`);
    atomicWrite(file, JSON.stringify({ machine: { cores, cpu: cpus()[0]?.model, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAtStart }, corpus: spec ?? { dir: corpusDir }, repos: repos.length, changedFiles, reference, cold, warm, allPacks, allPacksReference, changed, runs, targets }, null, 2));
    process.stdout.write(`\nwritten: ${file}\n`);
    if (!identical || !changedIdentical) {
      process.stderr.write('FINDINGS DIFFER between the whole-file parse, the prefiltered scan and the cached re-scans\n');
      return 1;
    }
    return 0;
  } finally {
    if (values.keep) log(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
