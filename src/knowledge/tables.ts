// Reading the knowledge base's tables (`src/knowledge/data/*.tsv`) into the maps the lookups use: which
// row wins when a name has several, and how the reference's words become the report's.

import { join } from 'node:path';
import type { Fate, Successor } from '../report/index.js';
import type { ApiChange, DropInFacts, IncubatorFacts, LibraryFacts, NamespaceFacts } from './facts.js';
import { normaliseDistribution } from './names.js';
import { readTsv } from './tsv.js';

export interface KnowledgeTables {
  /** Incubator modules by dotted name. */
  modules: Map<string, IncubatorFacts>;
  /** Incubator files by their path below `openstack/common/`. */
  paths: Map<string, IncubatorFacts>;
  /** Units as `openstack-common.conf` names them. */
  groups: Map<string, IncubatorFacts>;
  namespaces: Map<string, NamespaceFacts>;
  /** Namespace packages the reference lists with a distribution. */
  listedNamespaces: Set<string>;
  /** Oslo libraries by normalised distribution name, and by top-level import. */
  librariesByPypi: Map<string, LibraryFacts>;
  librariesByImport: Map<string, LibraryFacts>;
  dropIns: Map<string, DropInFacts>;
  apiChanges: Map<string, ApiChange[]>;
  /** Entry-point group names. */
  groupNames: Set<string>;
}

// The reference names five fates; the report speaks of four. Modules that survived until the incubator
// was wiped, or were folded into another incubator file, have no library of their own: "dropped".
const FATES: Record<string, Fate> = {
  graduated: 'graduated',
  'moved-to-other-project': 'moved',
  'deprecated-dropped': 'dropped',
  survived: 'dropped',
  'superseded-in-incubator': 'dropped',
};

function successorOf(importName: string, pkg: string): Successor | null {
  if (!importName && !pkg) return null;
  return { import: importName || null, package: pkg || null };
}

function factsOf(module: string, row: Record<string, string>, since: string): IncubatorFacts {
  const incubatorFate = row['fate'] ?? '';
  return {
    module,
    successor: successorOf(row['successor_import'] ?? '', row['successor_package'] ?? ''),
    fate: FATES[incubatorFate] ?? 'unknown',
    incubatorFate,
    successorSince: since || null,
    evidence: row['evidence'] ?? '',
  };
}

/** Every table of the knowledge base in `dataDir`. */
export function readTables(dataDir: string): KnowledgeTables {
  const tables: KnowledgeTables = {
    modules: new Map(),
    paths: new Map(),
    groups: new Map(),
    namespaces: new Map(),
    listedNamespaces: new Set(),
    librariesByPypi: new Map(),
    librariesByImport: new Map(),
    dropIns: new Map(),
    apiChanges: new Map(),
    groupNames: new Set(),
  };
  for (const row of readTsv(join(dataDir, 'incubator-modules.tsv'))) {
    const facts = factsOf(row['module'] ?? '', row, row['successor_since'] ?? '');
    if (row['path']) tables.paths.set(row['path'], facts);
    // A package has a row for its folder and one for its __init__.py: the file row wins.
    if (row['kind'] === 'data-file') continue;
    if (row['kind'] === 'package' && tables.modules.has(facts.module)) continue;
    tables.modules.set(facts.module, facts);
  }
  for (const row of readTsv(join(dataDir, 'incubator-module-groups.tsv'))) {
    const group = row['group'] ?? '';
    // `config` has three rows (config.py, config/, tools/config); the package is what the name meant longest.
    if (tables.groups.has(group) && row['unit_kind'] !== 'package') continue;
    tables.groups.set(group, factsOf(group, row, row['successor_first_release'] ?? ''));
  }
  for (const row of readTsv(join(dataDir, 'namespace-packages.tsv'))) {
    if (row['form'] !== 'module-path' || !row['old_import']) continue;
    const old = row['old_import'];
    if (row['pypi_name']) tables.listedNamespaces.add(old);
    tables.namespaces.set(old, {
      old,
      new: row['new_import'] || old.replace('.', '_'),
      package: row['pypi_name'] || null,
      newSince: row['first_release_with_new_package'] || null,
      removedIn: row['namespace_removed_in'] || null,
    });
  }
  for (const row of readTsv(join(dataDir, 'oslo-libraries.tsv'))) {
    if (!row['pypi_name']) continue;
    const lib: LibraryFacts = {
      pypiName: row['pypi_name'],
      importName: row['import_name'] ?? '',
      category: row['category'] ?? '',
      status: row['status'] ?? '',
      replacedBy: row['replaced_by'] ?? '',
      firstRelease: row['first_release_version'] || null,
    };
    tables.librariesByPypi.set(normaliseDistribution(lib.pypiName), lib);
    if (lib.importName) tables.librariesByImport.set(lib.importName, lib);
  }
  for (const row of readTsv(join(dataDir, 'successor-api.tsv'))) {
    if (!row['module'] || !row['name']) continue;
    const list = tables.apiChanges.get(row['module']) ?? [];
    list.push({
      module: row['module'],
      name: row['name'],
      change: row['change'] as ApiChange['change'],
      target: row['new_module'] ?? '',
      library: row['library'] ?? '',
      since: row['since'] ?? '',
      note: row['note'] ?? '',
      source: row['source'] ?? '',
    });
    tables.apiChanges.set(row['module'], list);
  }
  for (const row of readTsv(join(dataDir, 'entry-point-groups.tsv'))) if (row['group']) tables.groupNames.add(row['group']);
  for (const row of readTsv(join(dataDir, 'drop-in.tsv'))) {
    if (!row['module']) continue;
    tables.dropIns.set(row['module'], {
      module: row['module'],
      dropIn: row['drop_in'] === 'yes',
      newImport: row['new_import'] ?? '',
      library: row['library'] ?? '',
      minVersion: row['min_version'] ?? '',
      reason: row['reason'] ?? '',
    });
  }
  return tables;
}
