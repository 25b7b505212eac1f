// A copy's option list that the library keeps private but lists through a function of its own
// (`lockutils.util_opts` → `oslo_concurrency.opts.list_opts()`, `successor-api.tsv` change
// `listed`), where the project lists its options for oslo-config-generator:
//
//     _global_opt_lists = [                      _global_opt_lists = [
//         ...,                                       ...,
//         nova.openstack.common.lockutils.util_opts,
//     ]                                          ]
//     _opts = [                                  _opts = [
//         (None, list(itertools.chain(               (None, list(itertools.chain(
//             *_global_opt_lists))),                     *_global_opt_lists))),
//     ]                                          ]
//                                                _opts.extend(oslo_concurrency.opts.list_opts())
//
// The entry leaves the list of option lists, and the library's (group, options) pairs join the
// module-level list of pairs built from it. Only that form is recognised: any other use of the
// list keeps the swap refused, with the reason. Pure: tree in, sites out.

import type { SyntaxNode } from '../scan/index.js';
import { eolOf } from './edits.js';
import { bindingsIn, insideImport } from './scope.js';
import type { RewriteCatalog } from './rewrites.js';
import { lineOf, type Site } from './sites.js';

export interface Listing {
  sites: Site[];
  /** The import the new call needs (`import oslo_concurrency.opts`). */
  importLine: string;
}

function moduleLevelAssignment(node: SyntaxNode | null): SyntaxNode | null {
  if (node?.type !== 'assignment' || node.parent?.type !== 'expression_statement' || node.parent.parent?.type !== 'module') return null;
  return node.childForFieldName('left')?.type === 'identifier' ? node : null;
}

/** `(group, options)` pairs: a list literal of two-element tuples. */
function isPairList(node: SyntaxNode | null): boolean {
  if (node?.type !== 'list') return false;
  const items = node.namedChildren.filter((c) => c.type !== 'comment');
  return items.length > 0 && items.every((t) => t.type === 'tuple' && t.namedChildren.filter((c) => c.type !== 'comment').length === 2);
}

/**
 * The edits that move `use` (the whole `….util_opts` expression) to the library's listing function
 * `lister` (`oslo_concurrency.opts.list_opts`), or why they cannot be made.
 */
export function listingSites(use: SyntaxNode, key: string, lister: string, text: string): Listing | string {
  const list = use.parent;
  const holder = moduleLevelAssignment(list?.parent ?? null);
  if (list?.type !== 'list' || !holder || holder.childForFieldName('right')?.startIndex !== list.startIndex) {
    return 'it is not an entry of a module-level list of option lists';
  }
  const lists = holder.childForFieldName('left')!.text;
  const root = use.tree.rootNode;
  const pairs = root.namedChildren
    .map((s) => (s.type === 'expression_statement' ? moduleLevelAssignment(s.namedChildren[0] ?? null) : null))
    .filter((a): a is SyntaxNode => a !== null && isPairList(a.childForFieldName('right')) && a.childForFieldName('right')!.descendantsOfType('identifier').some((id) => id.text === lists));
  if (pairs.length !== 1) return `no single module-level list of (group, options) pairs is built from ${lists}`;
  const pairName = pairs[0]!.childForFieldName('left')!.text;
  if (bindingsIn(root, pairName).length !== 1) return `${pairName} is bound more than once`;
  const libraryRoot = lister.split('.')[0]!;
  if (bindingsIn(root, libraryRoot).some((b) => !insideImport(b))) return `${libraryRoot} is bound in the file`;

  // The entry alone on its line (with its comma) goes with the line.
  const lineStart = text.lastIndexOf('\n', use.startIndex - 1) + 1;
  const after = /^[ \t]*,?[ \t]*(\r?\n)/.exec(text.slice(use.endIndex));
  if (text.slice(lineStart, use.startIndex).trim() !== '' || !after) return 'the entry shares its line with other code';
  const start = lineStart;
  const end = use.endIndex + after[0].length;
  const eol = eolOf(text);
  const at = pairs[0]!.parent!.endIndex;
  const call = `${pairName}.extend(${lister}())`;
  return {
    importLine: `import ${lister.split('.').slice(0, -1).join('.')}`,
    sites: [
      { keys: [key], kind: 'listed', note: { name: use.text.split('.').pop()!, target: lister }, render: (active) => (active.has(key) ? [{ start, end, text: '' }] : []) },
      { keys: [key], render: (active) => (active.has(key) ? [{ start: at, end: at, text: `${eol}${eol}${call}` }] : []) },
    ],
  };
}

/**
 * A use `<prefix>.util_opts` of an option list the library lists through a function: the listing's
 * edits, the reason it cannot be made, or null for any other use.
 */
export function listedUse(prefix: SyntaxNode, key: string, oldPrefix: string, catalog: RewriteCatalog, text: string): Listing | string | null {
  const r = catalog.match(oldPrefix)?.rewrite;
  const attr = prefix.parent;
  if (r?.kind !== 'incubator' || attr?.type !== 'attribute' || attr.childForFieldName('object')?.startIndex !== prefix.startIndex || attr.childForFieldName('object')?.endIndex !== prefix.endIndex) return null;
  const name = attr.childForFieldName('attribute')?.text ?? '';
  const change = catalog.apiChanges(r.subject).find((c) => c.name === name && c.change === 'listed');
  if (!change) return null;
  const listing = listingSites(attr, key, change.target, text);
  return typeof listing === 'string' ? `line ${lineOf(attr)} uses ${attr.text.replace(/\s+/g, '')}: ${change.library} has no ${name}: ${change.note}; ${listing}` : listing;
}
