// `fix` against real upstream migrations: for each case (a repository mirror, a migration commit
// and the `--only` scope it covers), plan the fix on the commit's parent and compare it, statement
// by statement, with what upstream merged. Also checks that every changed file that compiled still
// compiles and that a second `--apply` changes nothing.
//
//   node dist/bench/fixUpstream.js CASES.tsv MIRRORS_DIR
//
// CASES.tsv: repo, commit, only (the `--only` value), what upstream did. MIRRORS_DIR holds bare
// clones named `openstack+<repo>/repo`. Nothing fetched is stored: the clones are temporary.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTsv } from '../src/knowledge/index.js';
import { packageRoot } from '../src/paths.js';

const BIN = join(packageRoot, 'bin', 'oslo-audit.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: ENV });
}

interface Edits {
  /** `file\t-\tline` / `file\t+\tline` / `file\tD`, with counts. */
  items: Map<string, number>;
  files: Set<string>;
}

/** The statements a diff removes and adds, in Python and requirement files, that concern the scope. */
function editsOf(diff: string, relevant: (line: string) => boolean): Edits {
  const items = new Map<string, number>();
  const files = new Set<string>();
  const add = (k: string): void => void items.set(k, (items.get(k) ?? 0) + 1);
  let file = '';
  let deleted = false;
  for (const line of diff.split('\n')) {
    const header = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
    if (header) {
      file = header[1]!;
      deleted = false;
      continue;
    }
    if (line.startsWith('deleted file mode')) {
      deleted = true;
      if (/openstack\/common\//.test(file)) add(`${file}\tD`);
      continue;
    }
    if (deleted || line.startsWith('---') || line.startsWith('+++')) continue;
    if (!/\.py$|requirements\.txt$|setup\.cfg$/.test(file)) continue;
    const m = /^([-+])(.*)$/.exec(line);
    if (!m || !relevant(m[2]!)) continue;
    files.add(file);
    add(`${file}\t${m[1]}\t${normalise(file, m[2]!)}`);
  }
  return { items, files };
}

/**
 * The statement as compared: blanks collapsed; a requirement by its name only (the floor each side
 * chose depends on the day's global requirements); `oslo.X` and `oslo_X` alike, since commits from
 * before the `oslo_X` packages shipped could only use the namespace form.
 */
function normalise(file: string, line: string): string {
  const text = line.replace(/#.*$/, '').trim().replace(/\s+/g, ' ');
  if (/requirements\.txt$/.test(file)) return (/^[A-Za-z0-9._-]+/.exec(text)?.[0] ?? text).toLowerCase().replace(/[-_]/g, '.');
  return text.replace(/\boslo\.(?=[a-z])/g, 'oslo_');
}

function common(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

function total(a: Map<string, number>): number {
  return [...a.values()].reduce((x, y) => x + y, 0);
}

/** What a statement must name to concern the scope: the old or the new module of a rewrite in it. */
function relevance(only: string): (line: string) => boolean {
  const words: string[] = [];
  for (const s of only.split(',')) {
    const [kind, subject] = s.split(':');
    if (kind === 'namespace') words.push(subject ? `${subject.replace('.', '[._]')}\\b` : 'oslo[._](?!sphinx|version|packaging|test)\\w+');
    else words.push(`openstack[./]common[./ ].*\\b${subject}\\b|\\bopenstack\\.common import .*\\b${subject}\\b|oslo[._](utils|serialization|concurrency)\\b|\\bencodeutils\\b|\\b${subject}\\b.*oslo_`);
  }
  const re = new RegExp(words.join('|'));
  return (line) => re.test(line);
}

function compiles(dir: string, file: string): boolean {
  return spawnSync('python3', ['-m', 'py_compile', join(dir, file)], { encoding: 'utf8' }).status === 0;
}

interface Row {
  repo: string;
  commit: string;
  only: string;
  ours: number;
  upstream: number;
  matched: number;
  compiledBefore: number;
  stillCompile: number;
  secondApplyClean: boolean;
  missed: string[];
  extra: string[];
  /** Our edits upstream did not make, in files upstream left importing a copy it deleted. */
  upstreamBroken: string[];
}

function runCase(mirrors: string, c: Record<string, string>): Row {
  const repo = c['repo']!;
  const commit = c['commit']!;
  const only = c['only']!;
  const work = mkdtempSync(join(tmpdir(), 'fix-upstream-'));
  try {
    const dir = join(work, repo);
    git(work, 'clone', '--quiet', '--shared', '--no-checkout', join(mirrors, `openstack+${repo}`, 'repo'), dir);
    git(dir, 'checkout', '--quiet', '--detach', `${commit}^`);
    const upstream = git(dir, 'diff', '--no-renames', `${commit}^`, commit);
    const preview = spawnSync(process.execPath, [BIN, 'fix', dir, '--only', only], { encoding: 'utf8', maxBuffer: 1 << 28, env: ENV });
    if (preview.status !== 0) throw new Error(`${repo} ${commit}: fix exited ${preview.status}: ${preview.stderr.trim()}`);
    const relevant = relevance(only);
    const theirs = editsOf(upstream, relevant);
    const ours = editsOf(preview.stdout, relevant);
    const matched = common(ours.items, theirs.items);

    // Files changed that compiled before must still compile once applied.
    const changed = [...new Set([...preview.stdout.matchAll(/^diff --git a\/(\S+\.py) b\//gm)].map((m) => m[1]!))];
    const before = changed.filter((f) => compiles(dir, f));
    const apply = spawnSync(process.execPath, [BIN, 'fix', dir, '--only', only, '--apply'], { encoding: 'utf8', env: ENV });
    if (apply.status !== 0) throw new Error(`${repo} ${commit}: --apply exited ${apply.status}: ${apply.stderr.trim()}`);
    const still = before.filter((f) => !git(dir, 'ls-files', f).trim() || compiles(dir, f));
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = spawnSync(process.execPath, [BIN, 'fix', dir, '--only', only, '--apply'], { encoding: 'utf8', env: ENV });
    const secondApplyClean = again.status === 0 && git(dir, 'rev-parse', 'HEAD') === head && git(dir, 'status', '--porcelain', '--untracked-files=no') === '';

    const list = (a: Map<string, number>, b: Map<string, number>): string[] => [...a].filter(([k, v]) => v > (b.get(k) ?? 0)).map(([k]) => k);
    // An edit upstream did not make in a file that, after the upstream commit, imports a copy that commit deleted: upstream's miss.
    const deletedModules = [...upstream.matchAll(/^diff --git a\/\S*openstack\/common\/(\w+)\.py b\/[^\n]*\ndeleted file/gm)].map((m) => m[1]!);
    const brokenUpstream = (key: string): boolean => {
      const [file, sign, text] = key.split('\t');
      if (sign !== '-' || !text || !deletedModules.some((m) => new RegExp(`openstack[.]common.*\\b${m}\\b`).test(text))) return false;
      try {
        return git(dir, 'show', `${commit}:${file}`).split('\n').some((l) => normalise(file!, l) === text);
      } catch {
        return false;
      }
    };
    const extra = list(ours.items, theirs.items);
    const justified = extra.filter(brokenUpstream);
    // The `+` line that goes with a justified `-` line is justified too.
    const justifiedFiles = new Set(justified.map((k) => k.split('\t')[0]));
    const justifiedAll = extra.filter((k) => justifiedFiles.has(k.split('\t')[0]) && (justified.includes(k) || k.split('\t')[1] === '+'));
    return {
      repo, commit, only,
      ours: total(ours.items), upstream: total(theirs.items), matched,
      compiledBefore: before.length, stillCompile: still.length, secondApplyClean,
      missed: list(theirs.items, ours.items), extra: extra.filter((k) => !justifiedAll.includes(k)), upstreamBroken: justifiedAll,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

function main(): void {
  const [casesFile, mirrors, out] = process.argv.slice(2);
  if (!casesFile || !mirrors) {
    process.stderr.write('usage: node dist/bench/fixUpstream.js CASES.tsv MIRRORS_DIR [REPORT.json]\n');
    process.exit(2);
  }
  const rows: Row[] = [];
  for (const c of readTsv(casesFile)) {
    try {
      const r = runCase(mirrors, c);
      rows.push(r);
      process.stdout.write(`${r.repo} ${r.commit} ${r.only}: ours ${r.ours}, upstream ${r.upstream}, matched ${r.matched}, where upstream left a broken import ${r.upstreamBroken.length} (precision ${pct(r.matched + r.upstreamBroken.length, r.ours)}, recall ${pct(r.matched, r.upstream)}); compile ${r.stillCompile}/${r.compiledBefore}; second apply ${r.secondApplyClean ? 'clean' : 'CHANGED'}\n`);
      for (const m of r.missed) process.stdout.write(`  missed ${m}\n`);
      for (const m of r.extra) process.stdout.write(`  extra  ${m}\n`);
      for (const m of r.upstreamBroken) process.stdout.write(`  upstream left a broken import: ${m}\n`);
    } catch (e) {
      process.stdout.write(`${c['repo']} ${c['commit']}: ${(e as Error).message.split('\n')[0]}\n`);
    }
  }
  for (const kind of ['namespace', 'incubator']) {
    const rs = rows.filter((r) => r.only.startsWith(kind));
    const sum = (f: (r: Row) => number): number => rs.reduce((a, r) => a + f(r), 0);
    process.stdout.write(`${kind}: ${rs.length} commits, precision ${pct(sum((r) => r.matched + r.upstreamBroken.length), sum((r) => r.ours))}, recall ${pct(sum((r) => r.matched), sum((r) => r.upstream))}, still compiling ${sum((r) => r.stillCompile)}/${sum((r) => r.compiledBefore)}, second apply clean ${rs.filter((r) => r.secondApplyClean).length}/${rs.length}\n`);
  }
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
}

main();
