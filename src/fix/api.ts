// The names a file uses from a swapped incubator module, checked against what the successor
// library has (`successor-api.tsv`): a name that moved is used from its new module (the import is
// added), a dropped name refuses the swap in that file, an option registered in another group
// gets the group where code overrides it. Pure: tree in, sites out.

import type { ApiChange } from '../knowledge/index.js';
import type { SyntaxNode } from '../scan/index.js';
import type { RewriteCatalog } from './rewrites.js';
import { bindingsIn, insideImport, isBinding, isShadowed } from './scope.js';
import { listingSites } from './optsListing.js';
import { importStatementFor, insertSite, lineOf, replaceSite, type Site } from './sites.js';

/** A module-level name bound to a swapped incubator module by a statement the rewrite changes. */
export interface ModuleBinding {
  name: string;
  key: string;
  module: string;
  /** False when the statement is not `from <pkg>.openstack.common import M [as N]`: new imports cannot join it. */
  canAddImports: boolean;
  /** Import lines the rewrite of this statement adds (filled in here). */
  extra: string[];
  /** The statement that replaces the import when the file no longer uses the module itself (filled in here). */
  replacement?: string;
}

export interface ApiOutcome {
  sites: Site[];
  /** Key → why the swap is refused in this file. */
  blocked: Map<string, string>;
  /** Key → why the swap is refused in the whole project (mixing the copy and the library would break). */
  refused: Map<string, string>;
}

/** `x` of `NAME.x`, or null when the identifier is not the object of an attribute. */
function attributeAfter(id: SyntaxNode): SyntaxNode | null {
  const parent = id.parent;
  if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.startIndex !== id.startIndex) return null;
  return parent.childForFieldName('attribute');
}

/** The string value of a plain string literal, or null. */
export function stringValue(node: SyntaxNode | null | undefined): string | null {
  if (!node || node.type !== 'string') return null;
  const parts = node.namedChildren.filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
  if (parts.length > 1 || (parts[0] && parts[0].type !== 'string_content')) return null;
  if (/[fF]/.test(node.namedChildren[0]?.text ?? '')) return null;
  return parts[0]?.text ?? '';
}

export function apiSites(tree: SyntaxNode, bindings: ModuleBinding[], catalog: RewriteCatalog): ApiOutcome {
  const sites: Site[] = [];
  const blocked = new Map<string, string>();
  const refused = new Map<string, string>();
  const block = (key: string, why: string): void => void (blocked.has(key) || blocked.set(key, why));
  const ids = tree.descendantsOfType('identifier');

  for (const b of bindings) {
    const changes = new Map(catalog.apiChanges(b.module).map((c) => [c.name, c]));
    if (changes.size === 0) continue;
    const neededModules = new Set<string>();
    const listed: { id: SyntaxNode; change: ApiChange }[] = [];
    let uses = 0;
    for (const id of ids) {
      if (id.text !== b.name || insideImport(id) || isBinding(id) || isShadowed(id, b.name)) continue;
      const attr = attributeAfter(id);
      let change: ApiChange | undefined;
      if (attr) change = changes.get(attr.text);
      else {
        // `mock.patch.object(strutils, 'safe_encode')`: the module passed with one of its names.
        const next = id.nextNamedSibling;
        if (id.parent?.type === 'argument_list') change = changes.get(stringValue(next) ?? '');
      }
      uses++;
      if (attr && change?.change === 'listed') {
        listed.push({ id, change });
        continue;
      }
      if (!change || change.change === 'deprecated' || change.change === 'option-group') continue;
      const where = `${b.name}.${change.name} (line ${lineOf(id)})`;
      // A dropped name, or a listed one used other than through its attribute (`mock.patch.object(lockutils, 'util_opts')`).
      if (change.change === 'dropped' || change.change === 'listed') {
        block(b.key, `${where}: ${change.library} has no ${change.name}: ${change.note}`);
        continue;
      }
      const bound = change.target.split('.').pop()!;
      if (!b.canAddImports) {
        block(b.key, `${where} moved to ${change.target}, and the import of ${b.module} is not one a new import can join`);
        continue;
      }
      const other = bindingsIn(tree, bound).filter((n) => !insideImport(n));
      if (other.length > 0) {
        block(b.key, `${where} moved to ${change.target}, but ${bound} is already bound at line ${lineOf(other[0]!)}`);
        continue;
      }
      neededModules.add(change.target);
      sites.push({ ...replaceSite(b.key, id, bound), kind: 'moved-name', note: { name: change.name, target: change.target } });
    }
    if (listed.length) listedSites(tree, b, listed, uses, sites, block);
    for (const module of [...neededModules].sort()) {
      const line = importStatementFor(module, module.split('.').pop()!);
      if (!alreadyImports(tree, line) && !bindings.some((o) => o.extra.includes(line))) b.extra.push(line);
    }
  }
  optionGroupSites(tree, catalog, sites, refused);
  return { sites, blocked, refused };
}

/**
 * `lockutils.util_opts` in the project's option listing: the library's listing function replaces it
 * (`optsListing.ts`); the import goes when nothing else in the file uses the module.
 */
function listedSites(tree: SyntaxNode, b: ModuleBinding, listed: { id: SyntaxNode; change: ApiChange }[], uses: number, sites: Site[], block: (key: string, why: string) => void): void {
  const found: Site[] = [];
  let importLine = '';
  for (const { id, change } of listed) {
    const listing = listingSites(id.parent!, b.key, change.target, tree.text);
    const where = `${b.name}.${change.name} (line ${lineOf(id)})`;
    if (typeof listing === 'string') return block(b.key, `${where}: ${change.library} has no ${change.name}: ${change.note}; ${listing}`);
    found.push(...listing.sites);
    importLine = listing.importLine;
  }
  if (!b.canAddImports) return block(b.key, `${b.name}.${listed[0]!.change.name} (line ${lineOf(listed[0]!.id)}) is listed by ${listed[0]!.change.target}, and the import of ${b.module} is not one a new import can join`);
  if (alreadyImports(tree, importLine)) return block(b.key, `the file already has ${importLine}`);
  if (uses === listed.length) b.replacement = importLine;
  else b.extra.push(importLine);
  sites.push(...found);
}

/** Whether an import statement of the file reads as `line`, whitespace aside. */
function alreadyImports(tree: SyntaxNode, line: string): boolean {
  return tree.descendantsOfType(['import_statement', 'import_from_statement']).some((s) => s.text.replace(/\s+/g, ' ') === line);
}

const OVERRIDES = new Set(['set_override', 'set_default', 'clear_override', 'import_opt']);
const FLAG_CALLS = new Set(['flags', 'config']);

/**
 * Code that names an option the library registers in another group: `CONF.lock_path`,
 * `CONF.set_override('lock_path', …)`, `self.flags(lock_path=…)`. Each gets the group; a form
 * that cannot take it refuses the swap for the whole project, since the copy and the library
 * register the option in different groups.
 */
function optionGroupSites(tree: SyntaxNode, catalog: RewriteCatalog, sites: Site[], refused: Map<string, string>): void {
  for (const [option, change] of catalog.optionGroups()) {
    const key = catalog.incubator(change.module)?.key;
    if (!key) continue;
    const group = change.target;
    const refuse = (node: SyntaxNode, what: string): void =>
      void (refused.has(key) || refused.set(key, `line ${lineOf(node)}: ${what} names the ${option} option, which ${change.library} registers in [${group}], in a form that cannot take the group`));
    for (const call of tree.descendantsOfType('call')) {
      const fn = call.childForFieldName('function');
      const args = call.childForFieldName('arguments');
      if (!fn || fn.type !== 'attribute' || !args || args.type !== 'argument_list') continue;
      const method = fn.childForFieldName('attribute')?.text ?? '';
      const positional = args.namedChildren.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
      const keywords = args.namedChildren.filter((a) => a.type === 'keyword_argument');
      const hasGroup = keywords.some((k) => k.childForFieldName('name')?.text === 'group');
      const addGroup = (): Site => insertSite(key, trailingCommaEnd(args), `${needsComma(args) ? ', ' : ' '}group='${group}'`);
      if (OVERRIDES.has(method) && stringValue(positional[0]) === option) {
        if (!hasGroup) sites.push({ ...addGroup(), kind: 'option-group', note: { name: option, target: group } });
        continue;
      }
      if (FLAG_CALLS.has(method) && keywords.some((k) => k.childForFieldName('name')?.text === option)) {
        if (hasGroup) continue;
        const others = keywords.filter((k) => !catalog.optionGroups().has(k.childForFieldName('name')?.text ?? ''));
        if (others.length > 0 || positional.length > 0) refuse(call, `${fn.text}(…) sets other options with it`);
        else sites.push({ ...addGroup(), kind: 'option-group', note: { name: option, target: group }, flagsCall: method === 'flags' });
      }
    }
    for (const attr of tree.descendantsOfType('attribute')) {
      const name = attr.childForFieldName('attribute');
      const object = attr.childForFieldName('object');
      if (name?.text !== option || !object || !/(^|\.)(CONF|conf)$/.test(object.text)) continue;
      if (insideImport(attr)) continue;
      sites.push({ ...replaceSite(key, name, `${group}.${option}`), kind: 'option-group', note: { name: option, target: group } });
    }
  }
}

/** Where a new keyword argument goes: after the last argument (and its trailing comma, if any). */
function trailingCommaEnd(args: SyntaxNode): number {
  const closing = args.lastChild!;
  const before = closing.previousSibling;
  if (before && before.type === ',') return before.endIndex;
  const last = args.namedChildren.filter((c) => c.type !== 'comment').pop();
  return last ? last.endIndex : closing.startIndex;
}

function needsComma(args: SyntaxNode): boolean {
  const closing = args.lastChild!;
  const before = closing.previousSibling;
  return !(before && before.type === ',') && args.namedChildren.some((c) => c.type !== 'comment');
}
