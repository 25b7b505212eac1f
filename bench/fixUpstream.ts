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
import { knowledge, readTsv } from '../src/knowledge/index.js';
import { parsePython, type SyntaxNode, type Tree } from '../src/scan/index.js';
import { packageRoot } from '../src/paths.js';

const BIN = join(packageRoot, 'bin', 'oslo-audit.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: ENV });
}

interface Edits {
  /** `file\t-\tstatement` / `file\t+\tstatement` / `file\tD`, with counts. */
  items: Map<string, number>;
  /** Upstream statements left out of the comparison, by why. */
  excluded: Map<string, number>;
}

type Reader = (side: 'old' | 'new', file: string) => string | null;

/**
 * Whether a changed line is text: a comment, a docstring (the string statement alone on its lines) or
 * a string over several lines. `fix` never rewrites text, by design; such edits are counted apart.
 */
function isText(read: Reader, side: 'old' | 'new', file: string, line: number, column: number): boolean {
  const source = read(side, file);
  if (source === null) return false;
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  let node: SyntaxNode | null = parseCached(source).rootNode.descendantForIndex(offset + column);
  for (; node; node = node.parent) {
    if (node.type === 'comment') return true;
    // A docstring, or a block of text over several lines (sample code in a hacking-check test).
    if (node.type === 'string') return (node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1) || node.startPosition.row !== node.endPosition.row;
  }
  return false;
}

// Keyed by the text itself: the same path holds other text on the other side, after `fix`, and in
// the next case of the same repository.
const trees = new Map<string, Tree>();
function parseCached(text: string): Tree {
  let t = trees.get(text);
  if (!t) trees.set(text, (t = parsePython(text)));
  return t;
}

/** The statements a diff removes and adds, in Python, requirement and setup.cfg files, that concern the scope. */
function editsOf(diff: string, relevant: RegExp, read: Reader, incubator: boolean): Edits {
  const items = new Map<string, number>();
  const excluded = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let file = '';
  let deleted = false;
  let oldLine = 0;
  let newLine = 0;
  for (const line of diff.split('\n')) {
    const header = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
    if (header) {
      file = header[1]!;
      deleted = false;
      continue;
    }
    if (line.startsWith('deleted file mode')) {
      deleted = true;
      if (/openstack\/common\//.test(file)) bump(items, `${file}\tD`);
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      continue;
    }
    if (deleted || line.startsWith('--- ') || line.startsWith('+++ ')) continue;
    const sign = line[0];
    const at = sign === '+' ? newLine : oldLine;
    if (sign === ' ') { oldLine++; newLine++; }
    else if (sign === '-') oldLine++;
    else if (sign === '+') newLine++;
    if ((sign !== '-' && sign !== '+') || !/\.py$|requirements\.txt$|setup\.cfg$/.test(file)) continue;
    const text = line.slice(1);
    const hit = relevant.exec(text);
    if (!hit) continue;
    if (/openstack\/common\//.test(file)) bump(excluded, 'inside the incubator copy');
    else if (file.endsWith('.py') && isText(read, sign === '+' ? 'new' : 'old', file, at, hit.index)) bump(excluded, 'comments, docstrings and text blocks');
    else bump(items, `${file}\t${sign}\t${normalise(file, text, incubator)}`);
  }
  // A requirement whose floor alone changed is a version policy, not a statement of the migration.
  for (const [k, v] of items) {
    const [f, sign, text] = k.split('\t');
    if (sign !== '-' || !/requirements\.txt$/.test(f!)) continue;
    const plus = `${f}\t+\t${text}`;
    const n = Math.min(v, items.get(plus) ?? 0);
    if (n === 0) continue;
    items.set(k, v - n);
    items.set(plus, items.get(plus)! - n);
    excluded.set('requirement floors', (excluded.get('requirement floors') ?? 0) + 2 * n);
  }
  for (const [k, v] of items) if (v === 0) items.delete(k);
  return { items, excluded };
}

/**
 * The statement as compared: blanks collapsed; a requirement by its name only; for incubator swaps,
 * `oslo.X` and `oslo_X` alike, since commits from before the `oslo_X` packages shipped could only
 * use the namespace form.
 */
function normalise(file: string, line: string, incubator: boolean): string {
  const text = line.replace(/\s#.*$|^#.*$/, '').trim().replace(/\s+/g, ' ');
  if (/requirements\.txt$/.test(file)) return (/^[A-Za-z0-9._-]+/.exec(text)?.[0] ?? text).toLowerCase().replace(/[-_]/g, '.');
  return incubator ? text.replace(/\boslo\.(?=[a-z])/g, 'oslo_') : text;
}

function common(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

/** How many more times the keys occur in `a` than in `b`. */
function surplus(keys: string[], a: Map<string, number>, b: Map<string, number>): number {
  return keys.reduce((n, k) => n + (a.get(k) ?? 0) - Math.min(a.get(k) ?? 0, b.get(k) ?? 0), 0);
}

function total(a: Map<string, number>): number {
  return [...a.values()].reduce((x, y) => x + y, 0);
}

/** What a statement must name to concern the scope: the old or the new module of a rewrite in it. */
function relevance(only: string): RegExp {
  const words: string[] = [];
  for (const s of only.split(',')) {
    const [kind, subject] = s.split(':');
    const name = subject?.split('.')[1];
    if (kind === 'namespace') words.push(subject ? `\\boslo[._]${name}\\b|\\bfrom oslo import .*\\b${name}\\b` : '\\boslo[._](?!sphinx|version|packaging|test)\\w+|\\bfrom oslo import');
    else words.push(`openstack[./]common[./ ].*\\b${subject}\\b|\\bopenstack\\.common import .*\\b${subject}\\b|oslo[._](utils|serialization|concurrency)\\b|\\bencodeutils\\b|\\b${subject}\\b.*oslo_`);
  }
  return new RegExp(words.join('|'));
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
  /** Our edits upstream did not make, where upstream left the old statement in place. */
  upstreamBroken: string[];
  /** Statements spelled differently with the same meaning (an alias for a renamed module), ours and upstream's. */
  equivalentOurs: number;
  equivalentTheirs: number;
  /** Upstream edits renaming an entry-point group in setup.cfg: left out of recall. */
  groupRenames: number;
  /** Upstream statements not compared, by why. */
  excluded: Record<string, number>;
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
    const incubator = only.startsWith('incubator');
    const show = (ref: string, file: string): string | null => {
      try {
        return git(dir, 'show', `${ref}:${file}`);
      } catch {
        return null;
      }
    };
    const theirs = editsOf(upstream, relevant, (side, file) => show(side === 'old' ? `${commit}^` : commit, file), incubator);

    // Files changed that compiled before must still compile once applied.
    const changed = [...new Set([...preview.stdout.matchAll(/^diff --git a\/(\S+\.py) b\//gm)].map((m) => m[1]!))];
    const before = changed.filter((f) => compiles(dir, f));
    const apply = spawnSync(process.execPath, [BIN, 'fix', dir, '--only', only, '--apply'], { encoding: 'utf8', env: ENV });
    if (apply.status !== 0) throw new Error(`${repo} ${commit}: --apply exited ${apply.status}: ${apply.stderr.trim()}`);
    const still = before.filter((f) => !git(dir, 'ls-files', f).trim() || compiles(dir, f));
    const ours = editsOf(preview.stdout, relevant, (side, file) => show(side === 'old' ? `${commit}^` : 'HEAD', file), incubator);
    const matched = common(ours.items, theirs.items);
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = spawnSync(process.execPath, [BIN, 'fix', dir, '--only', only, '--apply'], { encoding: 'utf8', env: ENV });
    const secondApplyClean = again.status === 0 && git(dir, 'rev-parse', 'HEAD') === head && git(dir, 'status', '--porcelain', '--untracked-files=no') === '';

    const list = (a: Map<string, number>, b: Map<string, number>): string[] => [...a].filter(([k, v]) => v > (b.get(k) ?? 0)).map(([k]) => k);
    // An edit upstream did not make, whose old statement is still in the file after the upstream
    // commit: upstream left it (an import of a copy it deleted, a namespace import it did not convert).
    const brokenUpstream = (key: string): boolean => {
      const [file, sign, text] = key.split('\t');
      if (sign !== '-' || !text || !/\.py$|setup\.cfg$/.test(file!)) return false;
      return (show(commit, file!) ?? '').split('\n').some((l) => normalise(file!, l, incubator) === text);
    };
    // `from oslo import messaging` → `import oslo_messaging as messaging` (ours) or `import oslo_messaging`
    // with every `messaging.` use renamed (upstream's choice in some files): the same program.
    const aliasFiles = new Map<string, string>();
    for (const k of list(ours.items, theirs.items)) {
      const [file, sign, text] = k.split('\t');
      const m = /^import (oslo_\w+) as (\w+)$/.exec(text ?? '');
      if (sign === '+' && m && theirs.items.has(`${file}\t+\timport ${m[1]}`)) aliasFiles.set(file!, m[1]!);
    }
    const equivalent = (k: string): boolean => {
      const [file, sign, text] = k.split('\t');
      const module = aliasFiles.get(file!);
      return sign === '+' && module !== undefined && new RegExp(`\\b${module}\\b`).test(text ?? '');
    };
    const equivalentOurs = list(ours.items, theirs.items).filter(equivalent);
    const equivalentTheirs = list(theirs.items, ours.items).filter(equivalent);
    // `oslo.config.opts =` renamed in setup.cfg: a group name, not a module path; the rename breaks the
    // group's readers, so it is not an edit to make.
    const groupRenames = list(theirs.items, ours.items).filter((k) => {
      const [file, , text] = k.split('\t');
      const group = /^(oslo[._][\w.]+)\s*=$/.exec(text ?? '')?.[1];
      return file === 'setup.cfg' && group !== undefined && knowledge().isEntryPointGroup(group.replace('_', '.'));
    });
    const extra = list(ours.items, theirs.items).filter((k) => !equivalent(k));
    const justified = extra.filter(brokenUpstream);
    // The `+` line that goes with a justified `-` line is justified too.
    const justifiedFiles = new Set(justified.map((k) => k.split('\t')[0]));
    const justifiedAll = extra.filter((k) => justifiedFiles.has(k.split('\t')[0]) && (justified.includes(k) || k.split('\t')[1] === '+'));
    return {
      repo, commit, only,
      ours: total(ours.items), upstream: total(theirs.items), matched,
      compiledBefore: before.length, stillCompile: still.length, secondApplyClean,
      equivalentOurs: surplus(equivalentOurs, ours.items, theirs.items), equivalentTheirs: surplus(equivalentTheirs, theirs.items, ours.items),
      groupRenames: groupRenames.length,
      missed: list(theirs.items, ours.items).filter((k) => !equivalent(k) && !groupRenames.includes(k)), extra: extra.filter((k) => !justifiedAll.includes(k)), upstreamBroken: justifiedAll, excluded: Object.fromEntries(theirs.excluded),
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
      process.stdout.write(`${r.repo} ${r.commit} ${r.only}: ours ${r.ours}, upstream ${r.upstream}, matched ${r.matched}, equivalent ${r.equivalentOurs}/${r.equivalentTheirs}, where upstream left the old statement ${r.upstreamBroken.length} (precision ${pct(r.matched + r.equivalentOurs + r.upstreamBroken.length, r.ours)}, recall ${pct(r.matched + r.equivalentTheirs, r.upstream - r.groupRenames)}${r.groupRenames ? `; upstream renamed entry-point groups: ${r.groupRenames}` : ''}); compile ${r.stillCompile}/${r.compiledBefore}; second apply ${r.secondApplyClean ? 'clean' : 'CHANGED'}\n`);
      for (const m of r.missed) process.stdout.write(`  missed ${m}\n`);
      for (const m of r.extra) process.stdout.write(`  extra  ${m}\n`);
      for (const m of r.upstreamBroken) process.stdout.write(`  upstream left the old statement: ${m}\n`);
      if (Object.keys(r.excluded).length) process.stdout.write(`  not compared (upstream): ${Object.entries(r.excluded).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    } catch (e) {
      process.stdout.write(`${c['repo']} ${c['commit']}: ${(e as Error).message.split('\n')[0]}\n`);
    }
  }
  for (const kind of ['namespace', 'incubator']) {
    const rs = rows.filter((r) => r.only.startsWith(kind));
    const sum = (f: (r: Row) => number): number => rs.reduce((a, r) => a + f(r), 0);
    process.stdout.write(`${kind}: ${rs.length} commits, statements ${sum((r) => r.ours)} ours / ${sum((r) => r.upstream)} upstream, precision ${pct(sum((r) => r.matched + r.equivalentOurs + r.upstreamBroken.length), sum((r) => r.ours))}, recall ${pct(sum((r) => r.matched + r.equivalentTheirs), sum((r) => r.upstream - r.groupRenames))}, still compiling ${sum((r) => r.stillCompile)}/${sum((r) => r.compiledBefore)}, second apply clean ${rs.filter((r) => r.secondApplyClean).length}/${rs.length}\n`);
  }
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
}

main();
