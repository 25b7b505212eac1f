// The rewrites the fixer knows: a retired `oslo.X` namespace prefix becomes `oslo_X`, and a
// drop-in incubator module `<pkg>.openstack.common.M` becomes its library's module. Both are
// a change of dotted prefix; everything after the prefix stays.

import type { ApiChange, Knowledge } from '../knowledge/index.js';
import { splitCopyModule } from '../scan/index.js';

export type RewriteKind = 'namespace' | 'incubator';

export interface Rewrite {
  /** `namespace:oslo.config`, `incubator:timeutils`: what `--only` selects and plans group by. */
  key: string;
  kind: RewriteKind;
  /** The old library (`oslo.config`) or the incubator module (`timeutils`). */
  subject: string;
  /** The PyPI distribution the change is about: one commit per library. */
  library: string;
  /** The new import of the subject (`oslo_config`, `oslo_utils.timeutils`). */
  newImport: string;
  /** For incubator swaps: the first release shipping `newImport`, for requirements.txt. */
  minVersion: string;
  /** Why the rewrite is safe, in a clause. */
  reason: string;
}

export interface PrefixMatch {
  rewrite: Rewrite;
  /** The part of the dotted name the rewrite replaces (`oslo.config`, `nova.openstack.common.timeutils`). */
  oldPrefix: string;
  /** What follows the prefix, with its leading dot, or ''. */
  rest: string;
}

export function namespaceKey(old: string): string {
  return `namespace:${old}`;
}

export function incubatorKey(module: string): string {
  return `incubator:${module}`;
}

/** Whether the repository (its file paths) holds a package: `nova` for `nova/…`. */
export function holdsPackage(paths: readonly string[]): (pkg: string) => boolean {
  const held = new Map<string, boolean>();
  return (pkg) => {
    const dir = `${pkg.replace(/\./g, '/')}/`;
    if (!held.has(pkg)) held.set(pkg, paths.some((p) => p.startsWith(dir)));
    return held.get(pkg)!;
  };
}

/** Finds the rewrite, if any, for a dotted module name. */
export class RewriteCatalog {
  private readonly cache = new Map<string, Rewrite | null>();
  private groups: Map<string, ApiChange> | undefined;

  /**
   * `holdsPackage` tells whether the repository holds a package (`nova`, `contrib.x`): an import of
   * another project's copy (`tempest.openstack.common.lockutils` in a tempest plugin) is that
   * project's to swap, since its copy may differ from ours and its configuration is its own.
   */
  constructor(
    private readonly kb: Knowledge,
    private readonly holdsPackage: (pkg: string) => boolean = () => true,
  ) {}

  /** The namespace rewrite for `oslo.X`, or null when the name is not under the `oslo.` namespace. */
  namespace(dotted: string): Rewrite | null {
    const ns = this.kb.namespace(dotted);
    if (!ns) return null;
    return this.memo(namespaceKey(ns.old), () => ({
      key: namespaceKey(ns.old),
      kind: 'namespace',
      subject: ns.old,
      library: ns.package ?? ns.old,
      newImport: ns.new,
      // `1.6.0 (2015-01-05)`: the first release with the new package, the floor requirements need.
      minVersion: /^[0-9][\w.]*/.exec(ns.newSince ?? '')?.[0] ?? '',
      reason: `the ${ns.old} namespace package is retired; the library is imported as ${ns.new}`,
    }));
  }

  /** The swap for an incubator module, or null when the knowledge base does not mark it as a drop-in. */
  incubator(module: string): Rewrite | null {
    return this.memo(incubatorKey(module), () => {
      const facts = this.kb.dropIn(module);
      if (!facts?.dropIn || !facts.newImport || !facts.library) return null;
      return {
        key: incubatorKey(module),
        kind: 'incubator',
        subject: module,
        library: facts.library,
        newImport: facts.newImport,
        minVersion: facts.minVersion,
        reason: facts.reason,
      };
    });
  }

  /** Where the successor of a drop-in module differs from the copy. */
  apiChanges(module: string): readonly ApiChange[] {
    return this.kb.apiChangesOf(module);
  }

  /** Options a drop-in's library registers in another group, by option name. */
  optionGroups(): Map<string, ApiChange> {
    this.groups ??= new Map(
      this.kb.dropInModules().flatMap((m) => this.kb.apiChangesOf(m).filter((c) => c.change === 'option-group').map((c) => [c.name, c] as const)),
    );
    return this.groups;
  }

  isEntryPointGroup(dotted: string): boolean {
    return this.kb.isEntryPointGroup(dotted);
  }

  /** The rewrite whose old prefix starts this dotted name (already resolved to absolute form). */
  match(dotted: string): PrefixMatch | null {
    const parts = dotted.split('.');
    if (parts[0] === 'oslo' && parts.length >= 2) {
      const rewrite = this.namespace(dotted);
      if (!rewrite) return null;
      return { rewrite, oldPrefix: parts.slice(0, 2).join('.'), rest: tail(parts, 2) };
    }
    const split = splitCopyModule(dotted);
    if (!split || !split.module) return null;
    const head = dotted.slice(0, dotted.length - split.module.length); // `nova.openstack.common.`
    if (split.package && !this.holdsPackage(split.package)) return null;
    const moduleParts = split.module.split('.');
    // The longest module prefix that is a drop-in: `timeutils` in `…common.timeutils.utcnow`.
    for (let n = moduleParts.length; n > 0; n--) {
      const rewrite = this.incubator(moduleParts.slice(0, n).join('.'));
      if (rewrite) return { rewrite, oldPrefix: head + moduleParts.slice(0, n).join('.'), rest: tail(moduleParts, n) };
    }
    return null;
  }

  private memo(key: string, make: () => Rewrite | null): Rewrite | null {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key)!;
  }
}

function tail(parts: string[], from: number): string {
  return parts.length > from ? `.${parts.slice(from).join('.')}` : '';
}
