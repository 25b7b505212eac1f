// Planning the fixes of one checkout: the scan's findings are the worklist; the files are read at
// the scanned commit and rewritten from their syntax trees. The plan is a series of states of the
// tree, one per library: each library's change is the difference from the state before it.

import { commitInfo, gitTreeSource, openCheckout } from '../git/index.js';
import { knowledge as sharedKnowledge, type Knowledge } from '../knowledge/index.js';
import type { Finding, Project } from '../report/index.js';
import { copyLocation, parsePython, type TreeEntry } from '../scan/index.js';
import { copySwaps } from './copyImports.js';
import { modulePages } from './copyNames.js';
import { flagsGroupSites } from './flagsGroup.js';
import { unifiedDiff } from './diff.js';
import { entryPointKeys, entryPointMentions, SETUP_CFG } from './entryPoints.js';
import { changeId, commitMessage, editKinds } from './message.js';
import { acceptRewrites } from './accept.js';
import { analysePython, incubatorImports, type PythonAnalysis } from './python.js';
import { holdsPackage, incubatorKey, RewriteCatalog, type Rewrite } from './rewrites.js';
import { ENTRY_POINT_REASON, mentionItems, namespaceRemoval, notDropIn } from './left.js';
import { openstackInit, REQUIREMENT_FILES, treeState, type CopyFile, type PythonWork, type SourceFile, type State, type TreeInputs } from './state.js';
import { isSelected, type Selector } from './selection.js';
import type { FileChange, FixPlan, LeftItem, LibraryChange } from './types.js';
import { ParseBudget } from '../util/index.js';

export interface PlanOptions {
  /** `--only`; all rewrites when absent. */
  only?: readonly Selector[];
  knowledge?: Knowledge;
}

export class FixError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Files outside the copy whose text may name a copied module: a copy they name stays. */
const TEXT_FILE = /(^|\/)(tox\.ini|Makefile|\.testr\.conf|\.stestr\.conf)$|\.(ini|cfg|conf|sh|rst|txt|py)$/;
const MAX_TEXT = 1 << 20;

export async function planFixes(checkoutDir: string, project: Project, options: PlanOptions = {}): Promise<FixPlan> {
  const kb = options.knowledge ?? sharedKnowledge();
  if (project.error) throw new FixError(`${project.name}: ${project.error.message}`);
  if (!project.commit) throw new FixError(`${project.name}: no commit was scanned`);
  const checkout = await openCheckout(checkoutDir, project.commit);
  const source = gitTreeSource(checkout.root, checkout.commit);
  const entries = await source.entries();
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const catalog = new RewriteCatalog(kb, holdsPackage(entries.map((e) => e.path)));
  const left: LeftItem[] = [];

  // The worklist: every rewrite the findings call for and the selection allows.
  const rewrites = new Map<string, Rewrite>();
  const leftModules = new Map<string, Finding[]>();
  for (const f of project.findings) {
    let rewrite: Rewrite | null;
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

  // Files to read: every text file outside the copy (Python to rewrite, others that may name the
  // copy), the conf files, the requirement files; the copies when a swap may delete them.
  const confPaths = new Set(project.findings.flatMap((f) => (f.kind === 'incubator-config' ? [f.file] : [])));
  const copies = copyFiles(entries);
  const findingPaths = new Set(project.findings.map((f) => f.file));
  const wanted = entries.filter(
    (e) => isRegular(e) && (confPaths.has(e.path) || REQUIREMENT_FILES.includes(e.path) || findingPaths.has(e.path) || (!copyLocation(e.path) && TEXT_FILE.test(e.path) && e.size <= MAX_TEXT)),
  );
  // Copies may be deleted: their content goes into the deletion hunks. Symlinks are read as git stores them.
  if ([...rewrites.values()].some((r) => r.kind === 'incubator')) {
    const markers = [...new Set(copies.map((c) => openstackInit(c.package)))].flatMap((p) => (byPath.has(p) ? [p] : []));
    wanted.push(...[...copies.map((c) => c.path), ...markers].map((p) => byPath.get(p)!).filter((e) => !wanted.includes(e)));
  }
  const files = new Map<string, SourceFile>();
  for await (const { entry, data } of source.read(wanted)) {
    const needed = confPaths.has(entry.path) || REQUIREMENT_FILES.includes(entry.path) || findingPaths.has(entry.path) || copyLocation(entry.path);
    let text: string;
    try {
      if (data === null) throw new FixError(`${entry.path}: cannot be read from the repository`);
      text = utf8.decode(data);
    } catch (e) {
      // A file that only might name the copy and cannot be read as text does not stop the plan.
      if (!needed) continue;
      throw e instanceof FixError ? e : new FixError(`${entry.path}: not UTF-8`);
    }
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    files.set(entry.path, { entry, bom, text: text.slice(bom.length) });
  }

  // setup.cfg entry points into a renamed package call for its namespace rewrite.
  const setup = files.get(SETUP_CFG);
  for (const key of setup ? entryPointKeys(setup.text, catalog) : []) {
    const rewrite = catalog.namespace(key.slice('namespace:'.length));
    if (rewrite && isSelected(rewrite, options.only)) rewrites.set(rewrite.key, rewrite);
  }

  // Python outside the copy that can hold a site: an import, a dotted path, an option the library
  // regroups, a `flags` test helper that may have to take the group.
  const trigger = new RegExp(`\\boslo\\b|openstack\\.common|\\bdef flags\\(|${[...catalog.optionGroups().keys()].join('|') || '$^'}`);
  // Whole files are parsed here, on this thread: their trees' native memory is collected as planning
  // goes (see util/collectGarbage.ts), or `fix` would grow several times the size of `scan`.
  const budget = new ParseBudget();
  const analyses: { file: SourceFile; analysis: PythonAnalysis }[] = [];
  const pythonFiles = [...files.values()]
    .filter((f) => f.entry.path.endsWith('.py') && !copyLocation(f.entry.path) && (findingPaths.has(f.entry.path) || trigger.test(f.text)))
    .sort((x, y) => cmp(x.entry.path, y.entry.path));
  const copyModules = new Set(copies.filter((c) => c.module !== null).map((c) => c.module!));
  const importsOf = new Map<string, string[]>(); // the states below ask again of every unchanged file
  for (const file of pythonFiles) {
    const tree = parsePython(file.text);
    analyses.push({ file, analysis: analysePython(file.text, file.entry.path, catalog, tree) });
    if (!importsOf.has(file.text)) importsOf.set(file.text, incubatorImports(file.entry.path, tree, kb, copyModules));
    budget.parsed(file.text.length);
    await budget.settle();
  }

  // A swap the project's code makes unsafe everywhere (the copy and the library would disagree) is refused.
  const flagsRefused = flagsGroupSites(analyses.map(({ file, analysis }) => ({ path: file.entry.path, analysis })));
  for (const { file, analysis } of analyses) {
    for (const [key, { reason, file: where }] of flagsRefused) if (file.entry.path === where) analysis.refused.set(key, reason);
    // A module whose library regroups options cannot be half swapped: a file that keeps the copy refuses it everywhere.
    const regrouped = [...analysis.blocked].filter(([key]) => catalog.apiChanges(rewrites.get(key)?.subject ?? '').some((c) => c.change === 'option-group'));
    for (const [key, reason] of [...analysis.refused, ...regrouped]) {
      const r = rewrites.get(key);
      if (!r) continue;
      rewrites.delete(key);
      left.push({ id: key, title: `${r.subject}: not swapped for ${r.newImport}`, reason, places: [{ file: file.entry.path, line: null }] });
    }
  }
  const order = [...rewrites.values()].sort((a, b) => cmp(a.library, b.library) || cmp(a.key, b.key)).map((r) => r.key);
  const libraries = [...new Set(order.map((k) => rewrites.get(k)!.library))];

  // Each Python file takes the rewrites that keep it parsing, in commit order.
  const python: PythonWork[] = [];
  for (const { file, analysis } of analyses) {
    const path = file.entry.path;
    const outcome = acceptRewrites(analysis, order);
    budget.parsed(file.text.length * (outcome.accepted.length + outcome.rejected.size));
    await budget.settle();
    python.push({ file, analysis, accepted: outcome.accepted });
    for (const [key, reason] of outcome.rejected) {
      const r = rewrites.get(key)!;
      left.push({ id: `${key}:${path}`, title: `${r.subject} in ${path} is left as it is`, reason, places: [{ file: path, line: null }] });
    }
    left.push(...mentionItems(path, analysis.mentions, rewrites));
  }
  if (setup) left.push(...mentionItems(SETUP_CFG, entryPointMentions(setup.text, catalog), rewrites, ENTRY_POINT_REASON));
  const texts = [...files.values()].filter((f) => !f.entry.path.endsWith('.py') && f.entry.path !== SETUP_CFG && !copyLocation(f.entry.path) && !REQUIREMENT_FILES.includes(f.entry.path));

  const copyImports = importsInsideCopies(project.findings);
  const swapsInCopies = copySwaps(copyImports, files, rewrites, catalog);
  const date = (await commitInfo(checkout.root, checkout.commit))?.date ?? null;
  const inputs: TreeInputs = { python, texts, pages: modulePages(texts), files, copies, copyImports, copySwaps: swapsInCopies, copyModules, confPaths, rewrites, kb, catalog, byPath, importsOf, budget };
  const stateFor = (active: ReadonlySet<string>): ReturnType<typeof treeState> => treeState(active, inputs);

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
      edits: editKinds(f),
      diff,
      message: commitMessage({ ...f, treeDate: date, namespaceRemovedIn: namespaceRemoval(kb, f.namespaces) }, changeId(checkout.commit, library, diff)),
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
        : `still imported or named outside the copy (see the items above)`,
      places: [{ file: path, line: null, note: `delete once nothing imports ${module}` }],
    });
  }

  // The preview is the whole change, file by file from the commit to the last state: what
  // `git diff` shows between them once applied, and a patch `git apply` takes even where one
  // commit edits a file and a later one deletes it.
  const whole: FileChange[] = [...before].flatMap(([path, now]) => {
    const old = original(path, files);
    return old === now ? [] : [{ path, before: old, after: now, mode: byPath.get(path)?.mode ?? '100644' }];
  });
  return { project: project.name, root: checkout.root, commit: checkout.commit, changes, left, diff: unifiedDiff(whole) };
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

function copyFiles(entries: TreeEntry[]): CopyFile[] {
  return entries.flatMap((e) => {
    const loc = copyLocation(e.path);
    return loc ? [{ path: e.path, package: loc.package, module: loc.isPython ? loc.module : null }] : [];
  });
}

function importsInsideCopies(findings: readonly Finding[]): { file: string; module: string }[] {
  return findings.flatMap((f) => (f.kind === 'incubator-import' && f.detail.insideCopy ? [{ file: f.file, module: f.detail.module }] : []));
}

