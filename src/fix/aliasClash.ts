// A file that names something else `oslo_utils` (`from oslo_db.sqlalchemy import utils as
// oslo_utils`) and now imports from the library `oslo_utils`: Python keeps the two apart (an
// import statement finds the package, not the local name), but the reader does not, and a later
// `import oslo_utils` or dotted use would bind or reach the wrong one. The alias is renamed after
// the package it comes from (`oslodb_utils`), with its uses, as designate did by hand in c6e4d901.
// Pure: tree in, sites out.

import type { SyntaxNode } from '../scan/index.js';
import { bindingsIn, isShadowed } from './scope.js';
import { replaceSite, type Site } from './sites.js';

function insideImport(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'import_statement' || n.type === 'import_from_statement') return true;
  return false;
}

/** An identifier that reads the variable: not an attribute name, a keyword name or an import path. */
function isUse(id: SyntaxNode): boolean {
  const p = id.parent;
  if (!p || insideImport(id)) return false;
  if (p.type === 'attribute') return p.childForFieldName('attribute')?.startIndex !== id.startIndex;
  if (p.type === 'keyword_argument') return p.childForFieldName('name')?.startIndex !== id.startIndex;
  return p.type !== 'global_statement' && p.type !== 'nonlocal_statement';
}

/** The renaming of an alias spelled `packageName` (`oslo_utils`) in a file the rewrite `key` makes import that package. */
export function aliasClashSites(root: SyntaxNode, key: string, packageName: string): Site[] {
  const aliases = root.descendantsOfType('aliased_import').filter((a) => a.childForFieldName('alias')?.text === packageName);
  if (aliases.length !== 1) return [];
  const alias = aliases[0]!;
  const statement = alias.parent!;
  const name = alias.childForFieldName('name')!.text.replace(/\s+/g, '');
  const from = statement.type === 'import_from_statement' ? statement.childForFieldName('module_name')?.text.replace(/\s+/g, '') ?? '' : name;
  const origin = from.split('.')[0]!;
  // Only an alias of another Oslo package's module (`oslo_db`): `import oslo.utils as oslo_utils` is the library itself.
  if (!/^oslo_\w+$/.test(origin) || origin === packageName || from.startsWith('.')) return [];
  const renamed = `${origin.replace(/_/g, '')}_${name.split('.').pop()}`;
  if (root.descendantsOfType('identifier').some((id) => id.text === renamed)) return [];
  if (bindingsIn(root, packageName).some((b) => !insideImport(b))) return [];
  const uses = root.descendantsOfType('identifier').filter((id) => id.text === packageName && isUse(id) && !isShadowed(id, packageName));
  const note = { name: packageName, target: renamed };
  return [alias.childForFieldName('alias')!, ...uses].map((n) => ({ ...replaceSite(key, n, renamed), kind: 'alias' as const, note }));
}
