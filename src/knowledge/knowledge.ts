import { join } from 'node:path';
import { knowledgeDataDir } from '../paths.js';
import type { Fate, Successor } from '../report/types.js';
import { readTsv } from './tsv.js';

/** What the knowledge base says of one incubator module or conf group. */
export interface IncubatorFacts {
  module: string;
  successor: Successor | null;
  fate: Fate;
  incubatorFate: string;
  successorSince: string | null;
  /** Why the fate is what it is, in the reference's words. */
  evidence: string;
}

export interface NamespaceFacts {
  old: string;
  new: string;
  package: string | null;
  /** The first release shipping the new import (`1.6.0 (2015-01-05)`), when known. */
  newSince?: string | null;
  /** The first release without the `oslo` namespace package (`2.0.0 (2015-07-20)`), when known. */
  removedIn?: string | null;
}

/** Whether a library can replace an incubator module by changing imports alone (`drop-in.tsv`). */
export interface DropInFacts {
  module: string;
  dropIn: boolean;
  /** The import that replaces the module (`oslo_utils.timeutils`); '' when there is no library. */
  newImport: string;
  /** The PyPI distribution (`oslo.utils`); '' when there is no library. */
  library: string;
  /** The first release that ships `newImport`, for requirements.txt; '' when not a drop-in. */
  minVersion: string;
  /** Why it is, or is not, a drop-in. */
  reason: string;
}

/**
 * Where a successor's API differs from the incubator module it replaces (`successor-api.tsv`): a name
 * that moved to another module, one the library dropped, an option registered in another group, an
 * option list the library keeps private but lists through a function, or a name the library deprecated.
 */
export interface ApiChange {
  module: string;
  name: string;
  change: 'moved' | 'dropped' | 'option-group' | 'deprecated' | 'listed';
  /** For `moved`: the module that has the name now (`oslo_utils.encodeutils`); for `option-group`: the group; for `listed`: the function listing the library's options (`oslo_concurrency.opts.list_opts`). */
  target: string;
  library: string;
  /** The library release the row speaks of. */
  since: string;
  note: string;
  source: string;
}

export interface LibraryFacts {
  pypiName: string;
  importName: string;
  category: string;
  status: string;
  replacedBy: string;
  /** The earliest release tag (`0.1.0`), when known. */
  firstRelease?: string | null;
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

/** Distributions that are Oslo libraries without an `oslo` prefix (report-format.md, `oslo-requirement`). */
const OSLO_FAMILY = new Set([
  'oslotest', 'oslosphinx', 'automaton', 'cliff', 'debtcollector', 'futurist', 'osprofiler', 'hacking',
  'pbr', 'pycadf', 'stevedore', 'taskflow', 'tooz',
]);

export class Knowledge {
  private readonly modules = new Map<string, IncubatorFacts>();
  private readonly paths = new Map<string, IncubatorFacts>();
  private readonly groups = new Map<string, IncubatorFacts>();
  private readonly namespaces = new Map<string, NamespaceFacts>();
  private readonly librariesByPypi = new Map<string, LibraryFacts>();
  private readonly librariesByImport = new Map<string, LibraryFacts>();
  private readonly dropIns = new Map<string, DropInFacts>();
  private readonly apiChanges = new Map<string, ApiChange[]>();
  private readonly groupNames = new Set<string>();
  private readonly listedNamespaces = new Set<string>();

  constructor(dataDir: string = knowledgeDataDir) {
    for (const row of readTsv(join(dataDir, 'incubator-modules.tsv'))) {
      const facts = this.factsOf(row['module'] ?? '', row, row['successor_since'] ?? '');
      if (row['path']) this.paths.set(row['path'], facts);
      // A package has a row for its folder and one for its __init__.py: the file row wins.
      if (row['kind'] === 'data-file') continue;
      if (row['kind'] === 'package' && this.modules.has(facts.module)) continue;
      this.modules.set(facts.module, facts);
    }
    for (const row of readTsv(join(dataDir, 'incubator-module-groups.tsv'))) {
      const group = row['group'] ?? '';
      // `config` has three rows (config.py, config/, tools/config); the package is what the name meant longest.
      if (this.groups.has(group) && row['unit_kind'] !== 'package') continue;
      this.groups.set(group, this.factsOf(group, row, row['successor_first_release'] ?? ''));
    }
    for (const row of readTsv(join(dataDir, 'namespace-packages.tsv'))) {
      if (row['form'] !== 'module-path' || !row['old_import']) continue;
      const old = row['old_import'];
      if (row['pypi_name']) this.listedNamespaces.add(old);
      this.namespaces.set(old, {
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
      this.librariesByPypi.set(normaliseDistribution(lib.pypiName), lib);
      if (lib.importName) this.librariesByImport.set(lib.importName, lib);
    }
    for (const row of readTsv(join(dataDir, 'successor-api.tsv'))) {
      if (!row['module'] || !row['name']) continue;
      const list = this.apiChanges.get(row['module']) ?? [];
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
      this.apiChanges.set(row['module'], list);
    }
    for (const row of readTsv(join(dataDir, 'entry-point-groups.tsv'))) if (row['group']) this.groupNames.add(row['group']);
    for (const row of readTsv(join(dataDir, 'drop-in.tsv'))) {
      if (!row['module']) continue;
      this.dropIns.set(row['module'], {
        module: row['module'],
        dropIn: row['drop_in'] === 'yes',
        newImport: row['new_import'] ?? '',
        library: row['library'] ?? '',
        minVersion: row['min_version'] ?? '',
        reason: row['reason'] ?? '',
      });
    }
  }

  private factsOf(module: string, row: Record<string, string>, since: string): IncubatorFacts {
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

  /** A module by its dotted name (`db.sqlalchemy.session`); `""` is the copy's top `__init__.py`. */
  incubatorModule(module: string): IncubatorFacts | null {
    return this.modules.get(module) ?? null;
  }

  /** A file by its path below `openstack/common/` (`db/sqlalchemy/test_migrations.conf`). */
  incubatorPath(path: string): IncubatorFacts | null {
    return this.paths.get(path) ?? null;
  }

  /** A unit as `openstack-common.conf` names it (`db.sqlalchemy`, `log`); falls back to the module table. */
  incubatorGroup(name: string): IncubatorFacts | null {
    return this.groups.get(name) ?? this.modules.get(name) ?? null;
  }

  /** True when the name is a module or package that ever existed in the incubator. */
  isIncubatorModule(module: string): boolean {
    return this.modules.has(module);
  }

  /**
   * The namespace package an `oslo.X…` import goes through, or null when the name is not under `oslo.`.
   * Libraries the reference does not list follow its generic rule (`oslo.X` → `oslo_X`).
   */
  namespace(dotted: string): NamespaceFacts | null {
    const parts = dotted.split('.');
    if (parts.length < 2 || parts[0] !== 'oslo' || !parts[1]) return null;
    const old = `oslo.${parts[1]}`;
    return this.namespaces.get(old) ?? { old, new: `oslo_${parts[1]}`, package: old };
  }

  /** Whether `oslo.X` is a namespace package the reference lists (not just the generic `oslo.X` → `oslo_X` rule). */
  isKnownNamespace(old: string): boolean {
    return this.listedNamespaces.has(old) || (old.startsWith('oslo.') && this.librariesByPypi.has(old));
  }

  /** Where the successor of an incubator module differs from it: moved, dropped and regrouped names. */
  apiChangesOf(module: string): readonly ApiChange[] {
    return this.apiChanges.get(module) ?? [];
  }

  /** Whether a dotted string is an entry-point group (`oslo.config.opts`), not a module path. */
  isEntryPointGroup(dotted: string): boolean {
    return this.groupNames.has(dotted);
  }

  /** The library whose current top-level import is this name (`oslo_utils`), if it is one of the family. */
  libraryByImport(topLevel: string): LibraryFacts | null {
    return this.librariesByImport.get(topLevel) ?? null;
  }

  /** Every top-level import name of the family (`oslo_utils`, `stevedore`): what adoption is judged by. */
  libraryImportNames(): string[] {
    return [...this.librariesByImport.keys()];
  }

  /** What the knowledge base says of replacing an incubator module by changing imports alone; null when it says nothing. */
  dropIn(module: string): DropInFacts | null {
    return this.dropIns.get(module) ?? null;
  }

  /** Every module `drop-in.tsv` speaks of. */
  dropInModules(): string[] {
    return [...this.dropIns.keys()];
  }

  library(pypiName: string): LibraryFacts | null {
    return this.librariesByPypi.get(normaliseDistribution(pypiName)) ?? null;
  }

  /** Whether a requirement's distribution is an Oslo library (report-format.md, `oslo-requirement`). */
  isOsloDistribution(name: string): boolean {
    const n = normaliseDistribution(name);
    return n.startsWith('oslo.') || OSLO_FAMILY.has(n);
  }
}

/** PEP 503-style comparison key, keeping dots: `Oslo_Config` and `oslo-config` are `oslo.config`. */
export function normaliseDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '.');
}
