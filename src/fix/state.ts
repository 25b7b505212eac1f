// One state of the tree: every file as the active rewrites leave it, and what each library's part
// of it amounts to (for the commit message). Python files are rendered from their analyses; copies
// go once nothing imports or names them; conf, setup.cfg and requirements follow.

import type { Knowledge } from '../knowledge/index.js';
import { confModules, copyLocation, parsePython, type TreeEntry } from '../scan/index.js';
import { confCopiesAnything, removeConfModules } from './commonConf.js';
import { swapCopyImports, type CopySwap } from './copyImports.js';
import { copiesNamedIn, COPY_REFERENCE, dropPages, type ModulePage } from './copyNames.js';
import { rewriteEntryPoints, SETUP_CFG } from './entryPoints.js';
import type { MessageFacts } from './message.js';
import { renderPython } from './accept.js';
import { incubatorImports, type PythonAnalysis } from './python.js';
import { addRequirement, raiseRequirement } from './requirements.js';
import { compareVersions } from '../util/index.js';
import { incubatorKey, type Rewrite, type RewriteCatalog } from './rewrites.js';
import type { SiteKind } from './sites.js';
import type { ParseBudget } from '../util/index.js';

const REQUIREMENTS = 'requirements.txt';
export const REQUIREMENT_FILES = [REQUIREMENTS, 'test-requirements.txt'];

/** A file as read at the planned commit; Python keeps a byte-order mark apart so edits never shift it. */
export interface SourceFile {
  entry: TreeEntry;
  bom: string;
  text: string;
}

export interface PythonWork {
  file: SourceFile;
  analysis: PythonAnalysis;
  accepted: string[];
}

export interface CopyFile {
  path: string;
  package: string;
  /** The module a Python file of the copy is; null for other files (README, data files). */
  module: string | null;
}

/** path → content, null for deleted. Paths not in the map are unchanged. */
export type State = Map<string, string | null>;

export interface TreeInputs {
  python: PythonWork[];
  /** Text files outside the copy that may name it (tox.ini, docs, scripts). */
  texts: SourceFile[];
  /** The API pages among `texts`, by path: they go with their copies. */
  pages: Map<string, ModulePage>;
  files: Map<string, SourceFile>;
  copies: CopyFile[];
  copyImports: { file: string; module: string }[];
  /** Copies whose imports of a swapped module can be swapped too, so that module's copy can go. */
  copySwaps: Map<string, CopySwap>;
  copyModules: Set<string>;
  confPaths: Set<string>;
  rewrites: Map<string, Rewrite>;
  kb: Knowledge;
  catalog: RewriteCatalog;
  byPath: Map<string, TreeEntry>;
  /** Incubator modules a Python text imports, by text: each state of the tree asks again, mostly of unchanged files. */
  importsOf: Map<string, string[]>;
  budget: ParseBudget;
}

export function openstackInit(pkg: string): string {
  return `${pkg ? `${pkg.replace(/\./g, '/')}/` : ''}openstack/__init__.py`;
}

/** A library's facts as a state of the tree collects them: the fields a message may lack are all there. */
type CollectedFacts = MessageFacts & Required<Pick<MessageFacts, 'docPages' | 'copyImports' | 'listed' | 'aliases'>>;

function emptyFacts(library: string): CollectedFacts {
  return { library, namespaces: [], swapped: [], deletedCopies: [], docPages: [], confRemoved: [], requirement: null, raised: [], imports: 0, copyImports: 0, strings: 0, dottedUses: 0, movedNames: new Map(), optionGroups: new Map(), listed: new Map(), aliases: new Map(), entryPoints: 0 };
}

const KIND_FACT: Record<Exclude<SiteKind, 'string' | 'dotted-use'>, 'movedNames' | 'optionGroups' | 'listed' | 'aliases'> = { 'moved-name': 'movedNames', 'option-group': 'optionGroups', listed: 'listed', alias: 'aliases' };

/** The tree with the `active` rewrites made, and what each library's part of it amounts to. */
export async function treeState(active: ReadonlySet<string>, t: TreeInputs): Promise<{ state: State; facts: Map<string, MessageFacts> }> {
  const state: State = new Map();
  const facts = new Map<string, CollectedFacts>();
  const factsOf = (library: string): CollectedFacts => {
    let f = facts.get(library);
    if (!f) facts.set(library, (f = emptyFacts(library)));
    return f;
  };
  const used = new Set<string>(); // keys whose rewrite changed some file

  // Python outside the copy, and which copied modules it still imports or names afterwards.
  const stillImported = new Set<string>();
  for (const p of t.python) {
    const keys = p.accepted.filter((k) => active.has(k));
    keys.forEach((k) => used.add(k));
    const text = keys.length ? renderPython(p.analysis, new Set(keys)) : p.file.text;
    if (keys.length) state.set(p.file.entry.path, p.file.bom + text);
    for (const site of p.analysis.sites) {
      const key = site.keys.find((k) => keys.includes(k));
      if (!key) continue;
      const f = factsOf(t.rewrites.get(key)!.library);
      if (!site.kind) f.imports++;
      else if (site.kind === 'string') f.strings++;
      else if (site.kind === 'dotted-use') f.dottedUses++;
      else if (site.note) {
        const m = f[KIND_FACT[site.kind]];
        const had = m.get(site.note.name);
        m.set(site.note.name, { target: site.note.target, count: (had?.count ?? 0) + 1 });
      }
    }
    // Parsed once per distinct text: tree-sitter's native memory is given back late, so parsing every
    // file again for each library's state made `fix` several times the size of `scan`.
    let modules = t.importsOf.get(text);
    if (!modules) {
      modules = incubatorImports(p.file.entry.path, parsePython(text), t.kb, t.copyModules);
      t.budget.parsed(text.length);
      await t.budget.settle();
      t.importsOf.set(text, modules);
    }
    for (const m of modules) stillImported.add(m);
    for (const m of text.matchAll(COPY_REFERENCE)) stillImported.add(m[1]!);
  }

  // setup.cfg entry points into renamed packages.
  const setup = t.files.get(SETUP_CFG);
  if (setup) {
    const { text, used: keys } = rewriteEntryPoints(setup.text, t.catalog, active);
    if (text !== setup.text) state.set(SETUP_CFG, setup.bom + text);
    for (const k of keys) {
      used.add(k);
      factsOf(t.rewrites.get(k)!.library).entryPoints++;
    }
  }
  // API pages made for a copied module go with it: they do not keep it.
  for (const f of [...t.texts, ...(setup ? [{ ...setup, text: (state.get(SETUP_CFG) as string | undefined) ?? setup.text }] : [])]) {
    if (t.pages.has(f.entry.path)) continue;
    for (const m of copiesNamedIn(f.entry.path, f.text)) stillImported.add(m);
  }
  for (const key of used) {
    const r = t.rewrites.get(key)!;
    const f = factsOf(r.library);
    const list = r.kind === 'namespace' ? f.namespaces : f.swapped;
    if (!list.includes(r)) list.push(r);
  }

  // Copies of swapped modules go once nothing left imports them; copies that go do not hold others back.
  const candidates = new Set(
    t.copies.filter((c) => c.module !== null && active.has(incubatorKey(c.module)) && !stillImported.has(c.module)).map((c) => c.path),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const path of candidates) {
      const module = copyLocation(path)!.module;
      const holds = (i: { file: string; module: string }): boolean => i.module === module && !candidates.has(i.file) && !t.copySwaps.get(i.file)?.keys.has(incubatorKey(module));
      if (t.copyImports.some(holds)) {
        candidates.delete(path);
        changed = true;
      }
    }
  }
  for (const path of candidates) {
    state.set(path, null);
    factsOf(t.rewrites.get(incubatorKey(copyLocation(path)!.module))!.library).deletedCopies.push(path);
  }
  const goneModules = new Set([...candidates].map((p) => copyLocation(p)!.module));
  for (const [module, paths] of dropPages(t.pages, goneModules, t.texts, state)) {
    const f = factsOf(t.rewrites.get(incubatorKey(module))!.library);
    f.docPages.push(...paths);
  }
  // Copies that stay import the library instead of the copies that go.
  for (const [key, count] of swapCopyImports(t.copySwaps, candidates, goneModules, state)) {
    const f = factsOf(t.rewrites.get(key)!.library);
    f.copyImports += count;
  }
  // A swapped module whose copies are all gone (or never were) and that nothing imports leaves the conf.
  const gone = new Set(
    [...t.rewrites.values()]
      .filter((r) => r.kind === 'incubator' && active.has(r.key) && !stillImported.has(r.subject))
      .filter((r) => t.copies.every((c) => c.module !== r.subject || candidates.has(c.path)))
      .map((r) => r.subject),
  );

  // A copy with nothing but package markers left goes entirely, with the `openstack/__init__.py` above it.
  for (const pkg of new Set(t.copies.map((c) => c.package))) {
    const rest = t.copies.filter((c) => c.package === pkg && !candidates.has(c.path));
    if (rest.some((c) => c.module !== null && c.module !== '') || stillImported.has('')) continue;
    if (!t.copies.some((c) => c.package === pkg && candidates.has(c.path))) continue;
    for (const c of rest) state.set(c.path, null);
    const marker = openstackInit(pkg);
    const prefix = marker.slice(0, -'__init__.py'.length);
    const above = [...t.byPath.keys()].filter((p) => p.startsWith(prefix) && !p.startsWith(`${prefix}common/`));
    if (above.length === 1 && above[0] === marker) state.set(marker, null);
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

  requirementsState(state, [...used].map((k) => t.rewrites.get(k)!), t, factsOf);
  for (const f of facts.values()) {
    f.deletedCopies.sort();
    f.confRemoved.sort();
  }
  return { state, facts };
}

/**
 * Libraries now imported from the library itself must be required, at a version that ships the new
 * import: a swapped module's library is added to requirements.txt when missing, and an existing
 * `>=` floor below the first release with the new package is raised (in test-requirements.txt too).
 */
function requirementsState(state: State, used: Rewrite[], t: TreeInputs, factsOf: (library: string) => MessageFacts): void {
  const minimum = new Map<string, string>();
  for (const r of used) {
    const min = r.minVersion;
    if (min && compareVersions(min, minimum.get(r.library) ?? '0') > 0) minimum.set(r.library, min);
    else if (!minimum.has(r.library)) minimum.set(r.library, min);
  }
  const swappedLibraries = new Set(used.filter((r) => r.kind === 'incubator').map((r) => r.library));
  for (const path of REQUIREMENT_FILES) {
    const req = t.files.get(path);
    if (!req) continue;
    let text = req.text;
    for (const library of [...minimum.keys()].sort()) {
      const min = minimum.get(library)!;
      const raised = raiseRequirement(text, library, min);
      if (raised !== null) {
        factsOf(library).raised.push(`${library}>=${min}`);
        text = raised;
        continue;
      }
      if (path !== REQUIREMENTS || !swappedLibraries.has(library)) continue;
      const added = addRequirement(text, library, min);
      if (added === null) continue;
      factsOf(library).requirement = added.split('\n').find((l, i) => l !== text.split('\n')[i])?.replace(/\r$/, '') ?? library;
      text = added;
    }
    if (text !== req.text) state.set(path, req.bom + text);
  }
}
