// The knowledge base's lookups: what it says of an incubator module, a namespace import, a library, a
// drop-in swap. The tables are read once (tables.ts); the facts' shapes are in facts.ts.

import { knowledgeDataDir } from '../paths.js';
import { normaliseDistribution } from './names.js';
import { readTables, type KnowledgeTables } from './tables.js';
import type { ApiChange, DropInFacts, IncubatorFacts, LibraryFacts, NamespaceFacts } from './facts.js';

/** Distributions that are Oslo libraries without an `oslo` prefix (report-format.md, `oslo-requirement`). */
const OSLO_FAMILY = new Set([
  'oslotest', 'oslosphinx', 'automaton', 'cliff', 'debtcollector', 'futurist', 'osprofiler', 'hacking',
  'pbr', 'pycadf', 'stevedore', 'taskflow', 'tooz',
]);

export class Knowledge {
  private readonly t: KnowledgeTables;

  constructor(dataDir: string = knowledgeDataDir) {
    this.t = readTables(dataDir);
  }

  /** A module by its dotted name (`db.sqlalchemy.session`); `""` is the copy's top `__init__.py`. */
  incubatorModule(module: string): IncubatorFacts | null {
    return this.t.modules.get(module) ?? null;
  }

  /** A file by its path below `openstack/common/` (`db/sqlalchemy/test_migrations.conf`). */
  incubatorPath(path: string): IncubatorFacts | null {
    return this.t.paths.get(path) ?? null;
  }

  /** A unit as `openstack-common.conf` names it (`db.sqlalchemy`, `log`); falls back to the module table. */
  incubatorGroup(name: string): IncubatorFacts | null {
    return this.t.groups.get(name) ?? this.t.modules.get(name) ?? null;
  }

  /** True when the name is a module or package that ever existed in the incubator. */
  isIncubatorModule(module: string): boolean {
    return this.t.modules.has(module);
  }

  /**
   * The namespace package an `oslo.X…` import goes through, or null when the name is not under `oslo.`.
   * Libraries the reference does not list follow its generic rule (`oslo.X` → `oslo_X`).
   */
  namespace(dotted: string): NamespaceFacts | null {
    // Called for every name every import names: most are not under `oslo.`, and are told so without a split.
    if (!dotted.startsWith('oslo.')) return null;
    const parts = dotted.split('.');
    if (!parts[1]) return null;
    const old = `oslo.${parts[1]}`;
    return this.t.namespaces.get(old) ?? { old, new: `oslo_${parts[1]}`, package: old };
  }

  /** Whether `oslo.X` is a namespace package the reference lists (not just the generic `oslo.X` → `oslo_X` rule). */
  isKnownNamespace(old: string): boolean {
    return this.t.listedNamespaces.has(old) || (old.startsWith('oslo.') && this.t.librariesByPypi.has(old));
  }

  /** Where the successor of an incubator module differs from it: moved, dropped and regrouped names. */
  apiChangesOf(module: string): readonly ApiChange[] {
    return this.t.apiChanges.get(module) ?? [];
  }

  /** Whether a dotted string is an entry-point group (`oslo.config.opts`), not a module path. */
  isEntryPointGroup(dotted: string): boolean {
    return this.t.groupNames.has(dotted);
  }

  /** The library whose current top-level import is this name (`oslo_utils`), if it is one of the family. */
  libraryByImport(topLevel: string): LibraryFacts | null {
    return this.t.librariesByImport.get(topLevel) ?? null;
  }

  /** Every top-level import name of the family (`oslo_utils`, `stevedore`): what adoption is judged by. */
  libraryImportNames(): string[] {
    return [...this.t.librariesByImport.keys()];
  }

  /** What the knowledge base says of replacing an incubator module by changing imports alone; null when it says nothing. */
  dropIn(module: string): DropInFacts | null {
    return this.t.dropIns.get(module) ?? null;
  }

  /** Every module `drop-in.tsv` speaks of. */
  dropInModules(): string[] {
    return [...this.t.dropIns.keys()];
  }

  library(pypiName: string): LibraryFacts | null {
    return this.t.librariesByPypi.get(normaliseDistribution(pypiName)) ?? null;
  }

  /** Whether a requirement's distribution is an Oslo library (report-format.md, `oslo-requirement`). */
  isOsloDistribution(name: string): boolean {
    const n = normaliseDistribution(name);
    return n.startsWith('oslo.') || OSLO_FAMILY.has(n);
  }
}
