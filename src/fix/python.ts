// Rewrites of one Python file, planned from tree-sitter node ranges: import statements of the
// retired `oslo.` namespace and of drop-in incubator modules, the attribute chains
// (`oslo.messaging.Target`) that go through a module imported by its dotted name, the names the
// successor moved (`api.ts`) and dotted paths in strings (`strings.ts`).
// Pure: text in, text out.

import type { Knowledge } from '../knowledge/index.js';
import { detectPython, parsePython, resolveFrom, type SyntaxNode, type Tree } from '../scan/index.js';
import { aliasClashSites } from './aliasClash.js';
import { apiSites, type ModuleBinding } from './api.js';
import { fromNamesSite, type NameEntry } from './fromNames.js';
import { syntaxErrorCount } from './edits.js';
import type { RewriteCatalog } from './rewrites.js';
import { bindingsIn, insideImport, isBinding, isNameUse, isShadowed } from './scope.js';
import { flagsHelpers, type FlagsHelper } from './flagsGroup.js';
import { listedUse } from './optsListing.js';
import { importStatementFor, lineOf, replaceSite, type Mention, type Site } from './sites.js';
import { stringSites } from './strings.js';

export { importStatementFor };

export interface PythonAnalysis {
  text: string;
  sites: Site[];
  /** Every rewrite key the file has a site for. */
  keys: Set<string>;
  /** Keys that must not be applied in this file, with the reason. */
  blocked: Map<string, string>;
  /** Keys that must not be applied anywhere in the project, with the reason. */
  refused: Map<string, string>;
  /** Mentions of a renamed module that no rewrite changes, for review. */
  mentions: Mention[];
  /** ERROR and MISSING nodes before any rewrite. */
  errors: number;
  /** The `flags` test helpers the file defines. */
  flags: FlagsHelper[];
}

/** Drops whitespace, line continuations and comments a dotted name may carry in multi-line forms. */
function clean(dotted: string): string {
  return dotted.replace(/#[^\n]*/g, '').replace(/[\s\\]+/g, '');
}

/** A chain prefix that the rewrite of a plain `import a.b` statement changes: `oslo.config` → `oslo_config`. */
interface ChainRewrite {
  key: string;
  oldPrefix: string;
  newPrefix: string;
}

function rootOf(attribute: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = attribute;
  while (n && n.type === 'attribute') n = n.childForFieldName('object');
  return n && n.type === 'identifier' ? n : null;
}

export function analysePython(text: string, file: string, catalog: RewriteCatalog, tree: Tree = parsePython(text)): PythonAnalysis {
  const sites: Site[] = [];
  const blocked = new Map<string, string>();
  const chains = new Map<string, ChainRewrite[]>(); // root name → prefixes its plain imports bring
  const plainRoots = new Map<string, number>(); // root name → plain imports of it that no rewrite touches
  const bindings: ModuleBinding[] = []; // names bound to swapped incubator modules
  const importSites = new Map<string, { index: number; startIndex: number; endIndex: number }>(); // `import a.b` sites by prefix
  const changed = (module: string, name: string): string | null => {
    const c = catalog.apiChanges(module).find((x) => x.name === name && (x.change === 'moved' || x.change === 'dropped'));
    return c ? (c.change === 'moved' ? `${name} moved to ${c.target}` : `${c.library} has no ${name}: ${c.note}`) : null;
  };

  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (statement.type === 'import_statement') {
      for (const name of statement.childrenForFieldName('name')) {
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')! : name;
        const m = catalog.match(clean(dotted.text));
        const root = clean(dotted.text).split('.')[0]!;
        if (!m) {
          if (name.type !== 'aliased_import') plainRoots.set(root, (plainRoots.get(root) ?? 0) + 1);
          continue;
        }
        if (name.type !== 'aliased_import') importSites.set(m.oldPrefix, { index: sites.length, startIndex: dotted.startIndex, endIndex: dotted.endIndex });
        sites.push(replaceSite(m.rewrite.key, dotted, m.rewrite.newImport + m.rest));
        if (name.type === 'aliased_import' && m.rewrite.kind === 'incubator' && m.rest === '') {
          bindings.push({ name: name.childForFieldName('alias')!.text, key: m.rewrite.key, module: m.rewrite.subject, canAddImports: false, extra: [] });
        }
        // `import oslo.config` binds `oslo`: its uses spell the old prefix and change with it.
        if (name.type !== 'aliased_import') {
          const list = chains.get(root) ?? [];
          if (!list.some((c) => c.oldPrefix === m.oldPrefix)) list.push({ key: m.rewrite.key, oldPrefix: m.oldPrefix, newPrefix: m.rewrite.newImport });
          chains.set(root, list);
        }
      }
      continue;
    }
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode) continue;
    const from = resolveFrom(clean(moduleNode.text), file);
    if (from === null) continue;
    const m = catalog.match(from);
    if (m) {
      sites.push(replaceSite(m.rewrite.key, moduleNode, m.rewrite.newImport + m.rest));
      if (m.rewrite.kind === 'incubator' && m.rest === '') {
        for (const node of statement.childrenForFieldName('name')) {
          const name = clean((node.type === 'aliased_import' ? node.childForFieldName('name')! : node).text);
          const why = changed(m.rewrite.subject, name);
          if (why && !blocked.has(m.rewrite.key)) blocked.set(m.rewrite.key, `line ${lineOf(statement)} imports ${name} from ${m.rewrite.subject}: ${why}`);
        }
      }
      continue;
    }
    const entries: NameEntry[] = statement.childrenForFieldName('name').map((node) => {
      const dotted = node.type === 'aliased_import' ? node.childForFieldName('name')! : node;
      const alias = node.type === 'aliased_import' ? node.childForFieldName('alias')!.text : null;
      const name = clean(dotted.text);
      const mm = catalog.match(`${from}.${name}`);
      if (!mm || mm.rest !== '') return { node, key: null, statement: '' };
      const entry: NameEntry = { node, key: mm.rewrite.key, statement: importStatementFor(mm.rewrite.newImport, alias ?? name) };
      if (mm.rewrite.kind === 'incubator') {
        entry.binding = { name: alias ?? name, key: mm.rewrite.key, module: mm.rewrite.subject, canAddImports: true, extra: [] };
        bindings.push(entry.binding);
      }
      return entry;
    });
    if (entries.some((e) => e.key)) sites.push(fromNamesSite(statement, entries, text));
  }

  for (const [root, list] of chains) {
    const uses = tree.rootNode.descendantsOfType('identifier').filter((id) => id.text === root && isNameUse(id) && !insideImport(id));
    // Anything else bound to the same name at module level makes its uses ambiguous: leave the file alone.
    const rebound = bindingsIn(tree.rootNode, root).filter((b) => !insideImport(b));
    const moduleUses = uses.filter((id) => !isBinding(id) && !isShadowed(id, root));
    const uncovered = moduleUses.filter((id) => {
      const chain = outermostChain(id);
      return !list.some((c) => chain.startsWith(c.oldPrefix + '.') || chain === c.oldPrefix);
    });
    for (const c of list) {
      if (rebound.length > 0) {
        blocked.set(c.key, `${root} is also assigned at line ${rebound[0]!.startPosition.row + 1}, so its uses cannot be told apart from ${c.oldPrefix}`);
      } else if (uncovered.length > 0 && !plainRoots.has(root)) {
        blocked.set(c.key, `${root} is used at line ${uncovered[0]!.startPosition.row + 1} for more than ${list.map((x) => x.oldPrefix).join(', ')}, and would no longer be bound`);
      }
    }
    const listedUses = new Map<string, { count: number; module: string }>(); // prefix → uses moved to the library's listing function
    const prefixUses = new Map<string, number>();
    for (const id of moduleUses) {
      // `nova.openstack.common.strutils.safe_encode` would become a name the library does not have.
      const chain = outermostChain(id);
      const at = prefixNode(id, list);
      if (at) prefixUses.set(at.chain.oldPrefix, (prefixUses.get(at.chain.oldPrefix) ?? 0) + 1);
      const listing = at ? listedUse(at.node, at.chain.key, at.chain.oldPrefix, catalog, text) : null;
      if (typeof listing === 'string') {
        if (!blocked.has(at!.chain.key)) blocked.set(at!.chain.key, listing);
        continue;
      }
      if (listing) {
        sites.push(...listing.sites);
        listedUses.set(at!.chain.oldPrefix, { count: (listedUses.get(at!.chain.oldPrefix)?.count ?? 0) + 1, module: listing.importLine.slice('import '.length) });
        continue;
      }
      for (const c of list) {
        const r = catalog.match(c.oldPrefix)?.rewrite;
        if (r?.kind !== 'incubator' || !chain.startsWith(`${c.oldPrefix}.`)) continue;
        const why = changed(r.subject, chain.slice(c.oldPrefix.length + 1).split('.')[0]!);
        if (why && !blocked.has(c.key)) blocked.set(c.key, `line ${lineOf(id)} uses ${chain}: ${why}`);
      }
      if (at) sites.push({ ...replaceSite(at.chain.key, at.node, at.chain.newPrefix), kind: 'dotted-use' });
    }
    // `import nova.openstack.common.lockutils` only for the listing: it becomes the listing module's import.
    for (const [prefix, uses] of listedUses) {
      const c = list.find((x) => x.oldPrefix === prefix)!;
      const imp = importSites.get(prefix);
      if (imp && uses.count === prefixUses.get(prefix)) sites[imp.index] = replaceSite(c.key, imp, uses.module);
      else if (!blocked.has(c.key)) blocked.set(c.key, `${prefix} is used for more than its option list, and the import of ${uses.module} it then needs is not added to a plain import`);
    }
  }

  // `mock.patch.object(nova.openstack.common.importutils, …)` where the file imports importutils itself.
  for (const attr of tree.rootNode.descendantsOfType('attribute')) {
    if (insideImport(attr)) continue;
    const m = catalog.match(clean(attr.text));
    if (!m || m.rewrite.kind !== 'incubator' || m.rest !== '' || chains.get(rootOf(attr)?.text ?? '')?.some((c) => c.oldPrefix === m.oldPrefix)) continue;
    const bound = bindings.find((b) => b.key === m.rewrite.key && b.name === m.rewrite.subject && b.canAddImports);
    if (bound) sites.push({ ...replaceSite(m.rewrite.key, attr, bound.name), kind: 'dotted-use' });
  }

  // An alias spelled like the package a namespace rewrite now brings in is renamed.
  for (const key of new Set(sites.flatMap((s) => s.keys))) {
    const r = key.startsWith('namespace:') ? catalog.namespace(key.slice('namespace:'.length)) : null;
    if (r) sites.push(...aliasClashSites(tree.rootNode, key, r.newImport.split('.')[0]!));
  }
  const api = apiSites(tree.rootNode, bindings, catalog);
  sites.push(...api.sites);
  for (const [key, why] of api.blocked) if (!blocked.has(key)) blocked.set(key, why);
  const strings = stringSites(tree.rootNode, catalog);
  sites.push(...strings.sites);

  const keys = new Set(sites.flatMap((s) => s.keys));
  // A `flags` helper's name is in the text: a file without the word skips the walk over every function.
  const flags = text.includes('flags') ? flagsHelpers(tree.rootNode, text) : [];
  return { text, sites, keys, blocked, refused: api.refused, mentions: strings.mentions, errors: syntaxErrorCount(tree), flags };
}

/** Incubator modules a Python file outside the copy imports, read from its tree. */
export function incubatorImports(file: string, tree: Tree, kb: Knowledge, copyModules: Set<string>): string[] {
  const found = detectPython(file, tree, { knowledge: kb, copyModules, insideCopy: false });
  return found.findings.flatMap((f) => (f.kind === 'incubator-import' ? [f.detail.module] : []));
}

/** The text of the longest attribute chain an identifier starts (`oslo.messaging.Target`), cleaned. */
function outermostChain(id: SyntaxNode): string {
  let n = id;
  while (n.parent && n.parent.type === 'attribute' && n.parent.childForFieldName('object')?.startIndex === n.startIndex && n.parent.childForFieldName('object')?.endIndex === n.endIndex) n = n.parent;
  return clean(n.text);
}

/** The attribute node spelling exactly one of the prefixes, starting at identifier `id`. */
function prefixNode(id: SyntaxNode, list: ChainRewrite[]): { node: SyntaxNode; chain: ChainRewrite } | null {
  let n = id;
  for (;;) {
    const parent = n.parent;
    if (!parent || parent.type !== 'attribute') return null;
    const object = parent.childForFieldName('object');
    if (!object || object.startIndex !== n.startIndex || object.endIndex !== n.endIndex) return null;
    n = parent;
    if (rootOf(n)?.startIndex !== id.startIndex) return null;
    const text = clean(n.text);
    const chain = list.find((c) => c.oldPrefix === text);
    if (chain) return { node: n, chain };
  }
}
