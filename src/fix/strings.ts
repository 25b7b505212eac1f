// Dotted module paths inside string literals: `mock.patch('oslo.messaging.Target')`,
// `CONF.import_opt('x', 'oslo.db.options')`. A string that is a whole dotted path into a
// renamed module is rewritten with it; any other mention of the old module (a bare `oslo.config`,
// which may be a distribution name; text around the path) is listed for review. Entry-point
// groups (`oslo.config.opts`) are not module paths and are left alone. Docstrings are text.

import type { SyntaxNode } from '../scan/index.js';
import { stringValue } from './api.js';
import type { RewriteCatalog } from './rewrites.js';
import { insideImport } from './scope.js';
import { lineOf, replaceSite, type Mention, type Site } from './sites.js';

const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/;
/** `oslo.config`, `nova.openstack.common.timeutils` anywhere in a text. */
const MENTION = /\b(oslo(?:\.[A-Za-z_]\w*)+|[A-Za-z_][\w.]*\.openstack\.common\.[A-Za-z_][\w.]*)/g;

function isDocstring(node: SyntaxNode): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

/** Keyword arguments whose string is an entry-point namespace, never a module (stevedore's `namespace=`). */
function isNamespaceArgument(node: SyntaxNode): boolean {
  return node.parent?.type === 'keyword_argument' && node.parent.childForFieldName('name')?.text === 'namespace';
}

export function stringSites(tree: SyntaxNode, catalog: RewriteCatalog): { sites: Site[]; mentions: Mention[] } {
  const sites: Site[] = [];
  const mentions: Mention[] = [];
  for (const node of tree.descendantsOfType('string')) {
    if (isDocstring(node) || insideImport(node)) continue;
    const value = stringValue(node);
    const text = value ?? node.text;
    if (!/oslo\.|openstack\.common\./.test(text)) continue;
    if (value !== null && DOTTED.test(value) && !isNamespaceArgument(node) && !isGroup(value, catalog)) {
      const rewritten = rewritePath(value, catalog);
      if (rewritten) {
        const content = node.namedChildren.find((c) => c.type === 'string_content')!;
        sites.push({ ...replaceSite(rewritten.key, content, rewritten.text), kind: 'string' });
        continue;
      }
    }
    for (const m of text.matchAll(MENTION)) {
      const dotted = m[1]!.replace(/\.+$/, '');
      if (isGroup(dotted, catalog) || isNamespaceArgument(node)) continue;
      const match = catalog.match(dotted);
      if (match) mentions.push({ key: match.rewrite.key, line: lineOf(node), what: `the string ${node.text.length > 60 ? `${node.text.slice(0, 57)}...` : node.text}` });
    }
  }
  return { sites, mentions };
}

function isGroup(dotted: string, catalog: RewriteCatalog): boolean {
  const parts = dotted.split('.');
  for (let n = parts.length; n >= 2; n--) if (catalog.isEntryPointGroup(parts.slice(0, n).join('.'))) return true;
  return false;
}

/**
 * The new path for a whole dotted path into a renamed module, or null. A bare `oslo.X` is not
 * rewritten (it is as often the distribution's name); a name the successor moved follows it; a
 * name the successor dropped is not rewritten.
 */
function rewritePath(dotted: string, catalog: RewriteCatalog): { key: string; text: string } | null {
  const m = catalog.match(dotted);
  if (!m) return null;
  if (m.rewrite.kind === 'namespace' && m.rest === '') return null;
  if (m.rewrite.kind === 'incubator') {
    const first = m.rest.split('.')[1];
    const change = catalog.apiChanges(m.rewrite.subject).find((c) => c.name === first);
    if (change?.change === 'dropped') return null;
    if (change?.change === 'moved') return { key: m.rewrite.key, text: change.target + m.rest };
  }
  return { key: m.rewrite.key, text: m.rewrite.newImport + m.rest };
}
