// Planning the fixes of one checkout: the scan's findings are the worklist; the files are read at
// the scanned commit and rewritten from their syntax trees. The plan is a series of states of the
// tree, one per library: each library's change is the difference from the state before it.

import { gitTreeSource, openCheckout } from '../git/index.js';
import { knowledge as sharedKnowledge, type Knowledge } from '../knowledge/index.js';
import type { Finding, Project } from '../report/index.js';
import { confModules, copyLocation, detectPython, parsePython, type TreeEntry } from '../scan/index.js';
import { ParseBudget } from '../util/collectGarbage.js';
import { confCopiesAnything, removeConfModules } from './commonConf.js';
import { unifiedDiff } from './diff.js';
import { changeId, commitMessage, type MessageFacts } from './message.js';
import { acceptRewrites, analysePython, renderPython, type PythonAnalysis } from './python.js';
import { addRequirement } from './requirements.js';
import { incubatorKey, RewriteCatalog, type Rewrite } from './rewrites.js';
import { isSelected, type Selector } from './selection.js';
import type { FileChange, FixPlan, LeftItem, LibraryChange } from './types.js';

export interface PlanOptions {
  /** `--only`; all rewrites when absent. */
  only?: readonly Selector[];
  knowledge?: Knowledge;
}

export class FixError extends Error {}

const REQUIREMENTS = 'requirements.txt';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file as read at the planned commit; Python keeps a byte-order mark apart so edits never shift it. */
interface SourceFile {
  entry: TreeEntry;
  bom: string;
  text: string;
}

interface PythonWork {
  file: SourceFile;
  analysis: PythonAnalysis;
  accepted: string[];
}

/** One state of the tree: path → content, null for deleted. Paths not in the map are unchanged. */
type State = Map<string, string | null>;

export async function planFixes(checkoutDir: string, project: Project, options: PlanOptions = {}): Promise<FixPlan> {
  const kb = options.knowledge ?? sharedKnowledge();
  if (project.error) throw new FixError(`${project.name}: ${project.error.message}`);
  if (!project.commit) throw new FixError(`${project.name}: no commit was scanned`);
  const checkout = await openCheckout(checkoutDir, project.commit);
  const source = gitTreeSource(checkout.root, checkout.commit);
  const entries = await source.entries();
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const catalog = new RewriteCatalog(kb);
  const left: LeftItem[] = [];

  // The worklist: every rewrite the findings call for and the selection allows.
  const rewrites = new Map<string, Rewrite>();
  const leftModules = new Map<string, Finding[]>();
  for (const f of project.findings) {
    let rewrite: Rewrite | null = null;
    if (f.kind === 'namespace-import') rewrite = catalog.namespace(f.detail.old);
    else if (f.kind === 'incubator-import' || f.kind === 'incubator-copy' || f.kind === 'incubator-config') {
      if (f.kind === 'incubator-import' && f.detail.insideCopy) continue;
      if (f.kind === 'incubator-copy' && !f.file.endsWith('.py')) continue;
      rewrite = catalog.incubator(f.detail.module);
      if (!rewrite) {
        if (f.detail.module !== '' && (!options.only || options.only.some((s) => s.kind === 'incubator' && s.subject === null))) {
          leftModules.set(f.detail.module, [...(leftModules.get(f.detail.module) ?? []), f]);
        }
        continue;
      }
    } else continue;
    if (rewrite && isSelected(rewrite, options.only)) rewrites.set(rewrite.key, rewrite);
  }
  for (const [module, findings] of [...leftModules].sort(([a], [b]) => (a < b ? -1 : 1))) left.push(notDropIn(kb, module, findings));

  const order = [...rewrites.values()].sort((a, b) => cmp(a.library, b.library) || cmp(a.key, b.key)).map((r) => r.key);
  const libraries = [...new Set(order.map((k) => rewrites.get(k)!.library))];

  // Files to read: Python outside the copy that imports what is rewritten, requirements.txt, the conf files.
  const pythonPaths = new Set<string>();
  for (const f of project.findings) {
    // The copy is never edited: it goes as a whole once nothing imports it.
    if (copyLocation(f.file)) continue;
    if (f.kind === 'namespace-import' && rewrites.has(catalog.namespace(f.detail.old)?.key ?? '')) pythonPaths.add(f.file);
    if (f.kind === 'incubator-import' && !f.detail.insideCopy && rewrites.has(incubatorKey(f.detail.module))) pythonPaths.add(f.file);
  }
  const confPaths = new Set(project.findings.flatMap((f) => (f.kind === 'incubator-config' ? [f.file] : [])));
  const copies = copyFiles(entries);
  const wanted = [...pythonPaths, ...confPaths, REQUIREMENTS].flatMap((p) => {
    const e = byPath.get(p);
    return e && isRegular(e) ? [e] : [];
  });
  // Copies may be deleted: their content goes into the deletion hunks. Symlinks are read as git stores them.
  if (order.some((k) => rewrites.get(k)!.kind === 'incubator')) {
    const markers = [...new Set(copies.map((c) => openstackInit(c.package)))].flatMap((p) => (byPath.has(p) ? [p] : []));
    wanted.push(...[...copies.map((c) => c.path), ...markers].map((p) => byPath.get(p)!).filter((e) => !wanted.includes(e)));
  }
  const files = new Map<string, SourceFile>();
  for await (const { entry, data } of source.read(wanted)) {
    if (data === null) throw new FixError(`${entry.path}: cannot be read from the repository`);
    let text: string;
    try {
      text = utf8.decode(data);
    } catch {
      throw new FixError(`${entry.path}: not UTF-8`);
    }
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    files.set(entry.path, { entry, bom, text: text.slice(bom.length) });
  }

  // Each Python file takes the rewrites that keep it parsing, in commit order. Whole files are parsed
  // here, on this thread: their trees' native memory is collected as it goes (see collectGarbage).
  const budget = new ParseBudget();
  const python: PythonWork[] = [];
  for (const path of [...pythonPaths].sort()) {
    const file = files.get(path);
    if (!file) continue;
    const analysis = analysePython(file.text, path, catalog);
    const outcome = acceptRewrites(analysis, order);
    budget.parsed(file.text.length * (1 + outcome.accepted.length + outcome.rejected.size));
    await budget.settle();
    python.push({ file, analysis, accepted: outcome.accepted });
    for (const [key, reason] of outcome.rejected) {
      const r = rewrites.get(key)!;
      left.push({ id: `${key}:${path}`, title: `${r.subject} in ${path} is left as it is`, reason, places: [{ file: path, line: null }] });
    }
  }

  const copyImports = importsInsideCopies(project.findings);
  const copyModules = new Set(copies.filter((c) => c.module !== null).map((c) => c.module!));
  const importsOf = new Map<string, string[]>();
  const stateFor = (active: ReadonlySet<string>): Promise<{ state: State; facts: Map<string, MessageFacts> }> =>
    treeState(active, { python, files, copies, copyImports, copyModules, confPaths, rewrites, kb, byPath, importsOf, budget });

  // Library by library: the state with every library up to this one, against the state before it.
  const changes: LibraryChange[] = [];
  let before = new Map() as State;
  const keptCopies = new Map<string, string[]>();
  for (let i = 0; i < libraries.length; i++) {
    const active = new Set(order.filter((k) => libraries.indexOf(rewrites.get(k)!.library) <= i));
    const { state, facts } = await stateFor(active);
    const library = libraries[i]!;
    const fileChanges: FileChange[] = [];
    for (const path of [...new Set([...before.keys(), ...state.keys()])].sort()) {
      const old = before.has(path) ? before.get(path)! : original(path, files);
      const now = state.has(path) ? state.get(path)! : original(path, files);
      if (old === now) continue;
      fileChanges.push({ path, before: old, after: now, mode: byPath.get(path)?.mode ?? '100644' });
    }
    before = state;
    if (fileChanges.length === 0) continue;
    const f = facts.get(library)!;
    const diff = unifiedDiff(fileChanges);
    const applied = new Set([
      ...[...f.namespaces, ...f.swapped].map((r) => r.key),
      ...[...f.deletedCopies.map((p) => copyLocation(p)!.module), ...f.confRemoved].map(incubatorKey),
    ]);
    changes.push({
      library,
      rewrites: [...applied].sort(),
      kinds: [...new Set([...applied].map((k) => rewrites.get(k)!.kind))].sort(),
      files: fileChanges,
      diff,
      message: commitMessage(f, changeId(checkout.commit, library, diff)),
    });
  }
  // Copies a swap could not delete because copied code still imports them.
  const last = libraries.length ? await stateFor(new Set(order)) : null;
  for (const c of copies) {
    if (!c.module || !rewrites.has(incubatorKey(c.module)) || last?.state.get(c.path) === null) continue;
    const importers = copyImports.filter((i) => i.module === c.module && last?.state.get(i.file) !== null).map((i) => i.file);
    keptCopies.set(c.path, importers);
  }
  for (const [path, importers] of keptCopies) {
    const module = copyLocation(path)!.module;
    left.push({
      id: `copy:${path}`,
      title: `the copy ${path} stays`,
      reason: importers.length
        ? `still imported by ${importers.join(', ')}`
        : `still imported outside the copy (see the items above)`,
      places: [{ file: path, line: null, note: `delete once nothing imports ${module}` }],
    });
  }

  return { project: project.name, root: checkout.root, commit: checkout.commit, changes, left, diff: changes.map((c) => c.diff).join('') };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRegular(e: TreeEntry): boolean {
  return e.mode === '100644' || e.mode === '100755';
}

function original(path: string, files: Map<string, SourceFile>): string | null {
  const f = files.get(path);
  return f ? f.bom + f.text : null;
}

/** `nova/openstack/__init__.py`: the package marker above a copy, which goes with the copy if it holds nothing else. */
function openstackInit(pkg: string): string {
  return `${pkg ? `${pkg.replace(/\./g, '/')}/` : ''}openstack/__init__.py`;
}

interface CopyFile {
  path: string;
  package: string;
  /** The module a Python file of the copy is; null for other files (README, data files). */
  module: string | null;
}

function copyFiles(entries: TreeEntry[]): CopyFile[] {
  return entries.flatMap((e) => {
    const loc = copyLocation(e.path);
    return loc ? [{ path: e.path, package: loc.package, module: loc.isPython ? loc.module : null }] : [];
  });
}

function importsInsideCopies(findings: readonly Finding[]): { file: string; module: string }[] {
  return findings.flatMap((f) => (f.kind === 'incubator-import' && f.detail.insideCopy ? [{ file: f.file, module: f.detail.module }] : []));
}

interface TreeInputs {
  python: PythonWork[];
  files: Map<string, SourceFile>;
  copies: CopyFile[];
  copyImports: { file: string; module: string }[];
  copyModules: Set<string>;
  confPaths: Set<string>;
  rewrites: Map<string, Rewrite>;
  kb: Knowledge;
  byPath: Map<string, TreeEntry>;
  /** Incubator modules a Python text imports, by text: each state of the tree asks again, mostly of unchanged files. */
  importsOf: Map<string, string[]>;
  budget: ParseBudget;
}

/** The tree with the `active` rewrites made, and what each library's part of it amounts to. */
async function treeState(active: ReadonlySet<string>, t: TreeInputs): Promise<{ state: State; facts: Map<string, MessageFacts> }> {
  const state: State = new Map();
  const facts = new Map<string, MessageFacts>();
  const factsOf = (library: string): MessageFacts => {
    let f = facts.get(library);
    if (!f) {
      f = { library, namespaces: [], swapped: [], deletedCopies: [], confRemoved: [], requirement: null };
      facts.set(library, f);
    }
    return f;
  };
  const used = new Set<string>(); // keys whose rewrite changed some file

  // Python outside the copy, and which copied modules it still imports afterwards.
  const stillImported = new Set<string>();
  for (const p of t.python) {
    const keys = p.accepted.filter((k) => active.has(k));
    keys.forEach((k) => used.add(k));
    const text = keys.length ? renderPython(p.analysis, new Set(keys)) : p.file.text;
    if (keys.length) state.set(p.file.entry.path, p.file.bom + text);
    // Parsed once per distinct text: tree-sitter's native memory is given back late, so parsing every
    // file again for each library's state made `fix` several times the size of `scan`.
    let modules = t.importsOf.get(text);
    if (!modules) {
      const found = detectPython(p.file.entry.path, parsePython(text), { knowledge: t.kb, copyModules: t.copyModules, insideCopy: false });
      t.budget.parsed(text.length);
      await t.budget.settle();
      modules = found.findings.flatMap((f) => (f.kind === 'incubator-import' ? [f.detail.module] : []));
      t.importsOf.set(text, modules);
    }
    for (const m of modules) stillImported.add(m);
  }
  for (const key of used) {
    const r = t.rewrites.get(key)!;
    if (r.kind === 'namespace') factsOf(r.library).namespaces.push(r);
    else factsOf(r.library).swapped.push(r);
  }

  // Copies of swapped modules go once nothing left imports them; copies that go do not hold others back.
  const candidates = new Set(
    t.copies.filter((c) => c.module !== null && active.has(incubatorKey(c.module)) && !stillImported.has(c.module)).map((c) => c.path),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const path of candidates) {
      const module = copyLocation(path)!.module;
      if (t.copyImports.some((i) => i.module === module && !candidates.has(i.file))) {
        candidates.delete(path);
        changed = true;
      }
    }
  }
  const deletedModules = new Set<string>();
  for (const path of candidates) {
    state.set(path, null);
    const module = copyLocation(path)!.module;
    deletedModules.add(module);
    factsOf(t.rewrites.get(incubatorKey(module))!.library).deletedCopies.push(path);
  }
  // A swapped module whose copies are all gone (or never were) and that nothing imports leaves the conf.
  const gone = new Set(
    [...t.rewrites.values()]
      .filter((r) => r.kind === 'incubator' && active.has(r.key) && !stillImported.has(r.subject))
      .filter((r) => t.copies.every((c) => c.module !== r.subject || candidates.has(c.path)))
      .map((r) => r.subject),
  );

  // A copy with nothing but package markers left goes entirely, with the `openstack/__init__.py` above it.
  const removedAll = new Set<string>();
  for (const pkg of new Set(t.copies.map((c) => c.package))) {
    const rest = t.copies.filter((c) => c.package === pkg && !candidates.has(c.path));
    if (rest.some((c) => c.module !== null && c.module !== '') || stillImported.has('')) continue;
    if (!t.copies.some((c) => c.package === pkg && candidates.has(c.path))) continue;
    for (const c of rest) state.set(c.path, null);
    const marker = openstackInit(pkg);
    const prefix = marker.slice(0, -'__init__.py'.length);
    const above = [...t.byPath.keys()].filter((p) => p.startsWith(prefix) && !p.startsWith(`${prefix}common/`));
    if (above.length === 1 && above[0] === marker) state.set(marker, null);
    removedAll.add(pkg);
  }

  for (const conf of t.confPaths) {
    const file = t.files.get(conf);
    if (!file) continue;
    const text = removeConfModules(file.text, gone);
    if (text === file.text) continue;
    const allGone = t.copies.every((c) => state.get(c.path) === null);
    state.set(conf, !confCopiesAnything(text) && allGone ? null : file.bom + text);
    for (const module of new Set(confModules(file.text).map((m) => m.module))) {
      if (gone.has(module)) factsOf(t.rewrites.get(incubatorKey(module))!.library).confRemoved.push(module);
    }
  }

  // Libraries whose modules are now imported from the library itself must be required.
  const req = t.files.get(REQUIREMENTS);
  if (req) {
    let text = req.text;
    for (const library of [...new Set([...used].map((k) => t.rewrites.get(k)!).filter((r) => r.kind === 'incubator').map((r) => r.library))].sort()) {
      const min = [...used].map((k) => t.rewrites.get(k)!).filter((r) => r.library === library && r.kind === 'incubator').map((r) => r.minVersion).sort(compareVersions).pop() ?? '';
      const added = addRequirement(text, library, min);
      if (added === null) continue;
      factsOf(library).requirement = added.split('\n').find((l, i) => l !== text.split('\n')[i])?.replace(/\r$/, '') ?? library;
      text = added;
    }
    if (text !== req.text) state.set(REQUIREMENTS, req.bom + text);
  }
  for (const f of facts.values()) {
    f.deletedCopies.sort();
    f.confRemoved.sort();
  }
  return { state, facts };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function notDropIn(kb: Knowledge, module: string, findings: Finding[]): LeftItem {
  const facts = kb.dropIn(module);
  const successor = kb.incubatorModule(module)?.successor;
  const target = facts?.newImport || successor?.import || '';
  const reason = facts ? facts.reason : `the knowledge base does not mark ${target || 'its successor'} as a drop-in replacement`;
  return {
    id: incubatorKey(module),
    title: target ? `${module}: move to ${target} by hand` : `${module}: remove by hand`,
    reason,
    places: findings.map((f) => ({ file: f.file, line: f.line })),
  };
}
