// A file that names something else `oslo_utils` (`from oslo_db.sqlalchemy import utils as
// oslo_utils`) and now imports from the library `oslo_utils`: Python keeps the two apart (an
// import statement finds the package, not the local name), but the reader does not, and a later
// `import oslo_utils` or dotted use would bind or reach the wrong one. The alias is renamed after
// the package it comes from (`oslodb_utils`), with its uses, as designate did by hand in c6e4d901.
// Pure: tree in, sites out.

import type { SyntaxNode } from '../scan/index.js';
import { bindingsIn, insideImport, isNameUse, isShadowed } from './scope.js';
import { replaceSite, type Site } from './sites.js';

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
  const uses = root.descendantsOfType('identifier').filter((id) => id.text === packageName && isNameUse(id) && !insideImport(id) && !isShadowed(id, packageName));
  const note = { name: packageName, target: renamed };
  return [alias.childForFieldName('alias')!, ...uses].map((n) => ({ ...replaceSite(key, n, renamed), kind: 'alias' as const, note }));
}
