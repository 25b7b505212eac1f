// Findings in one Python file, from its syntax tree and the queries in queries/.
// Pure: the caller reads and parses; this only looks at the tree.

import type { IncubatorFacts, Knowledge } from '../../knowledge/index.js';
import type { Finding } from '../../report/index.js';
import { splitCopyModule } from '../../knowledge/index.js';
import { makeFinding, spanOf } from '../finding.js';
import { moduleLabel, successorClause } from '../messages.js';
import { mayMatch, query, type QueryMatch, type SyntaxNode, type Tree } from '../treeSitter.js';

/** What the detectors ask of the copy lists: only whether a name is among them. */
export interface NameSet {
  has(name: string): boolean;
}

export interface PythonContext {
  knowledge: Knowledge;
  /** Dotted packages holding a copy in this repository (`nova`), '' for a copy at the root. */
  copyPackages?: NameSet;
  /** Dotted modules present in this repository's copy trees (to tell a module from a name imported from it). */
  copyModules: NameSet;
  /** True when the file itself is inside a copy of the incubator. */
  insideCopy: boolean;
}

export interface PythonResult {
  findings: Finding[];
  /** PyPI names of Oslo libraries imported in their current form (`oslo_utils` → `oslo.utils`). */
  adopted: Set<string>;
}

/** One imported thing: `import a.b` gives module `a.b`; `from a import b` gives from `a`, name `b`. */
interface ImportMatch {
  statement: SyntaxNode;
  module: string | null;
  from: string | null;
  name: string | null;
  wildcard: boolean;
}

function capture(match: QueryMatch, name: string): SyntaxNode | undefined {
  return match.captures.find((c) => c.name === name)?.node;
}

function importMatches(tree: Tree): ImportMatch[] {
  if (!mayMatch('imports', tree)) return [];
  return query('imports')
    .matches(tree.rootNode)
    .map((m) => ({
      statement: capture(m, 'statement')!,
      module: capture(m, 'module')?.text ?? null,
      from: capture(m, 'from')?.text ?? null,
      name: capture(m, 'name')?.text ?? null,
      wildcard: capture(m, 'wildcard') !== undefined,
    }));
}

/** Absolute dotted name of a `from` target, resolving leading dots against the file's own package. */
export function resolveFrom(from: string, file: string): string | null {
  const dots = /^\.*/.exec(from)![0].length;
  if (dots === 0) return from;
  const packageParts = file.split('/').slice(0, -1);
  const up = dots - 1;
  if (up > packageParts.length) return null;
  const base = packageParts.slice(0, packageParts.length - up);
  const rest = from.slice(dots);
  return [...base, ...(rest ? [rest] : [])].join('.');
}

/**
 * Where a copy can be imported from: a package of this repository holding one, or any top-level
 * package (copies lived at `<pkg>/openstack/common`, and projects imported each other's, such as
 * `novaclient.openstack.common`). `nova.api.openstack.common` is nova's own module.
 */
function isCopyPackage(pkg: string, ctx: PythonContext): boolean {
  return !pkg.includes('.') || (ctx.copyPackages?.has(pkg) ?? false);
}

/** Removes whitespace, newlines and comments a name may carry in multi-line forms. */
function clean(dotted: string): string {
  return dotted.replace(/\s+/g, '');
}

export function detectPython(file: string, tree: Tree, ctx: PythonContext): PythonResult {
  const findings: Finding[] = [];
  const adopted = new Set<string>();
  // One finding per (statement, kind, subject): `from x import _, _LE` is one import of gettextutils.
  const seen = new Set<string>();
  const once = (statement: SyntaxNode, key: string): boolean => {
    const k = `${statement.startIndex}|${key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };

  for (const m of importMatches(tree)) {
    const absFrom = m.from !== null ? resolveFrom(clean(m.from), file) : null;
    // Every dotted module the statement names, most specific first.
    const modules: string[] = [];
    if (m.module) modules.push(clean(m.module));
    if (absFrom !== null) {
      if (m.name) modules.push(`${absFrom}.${clean(m.name)}`);
      modules.push(absFrom);
    }
    if (modules.length === 0) continue;
    const named = modules[modules.length - 1]!; // the statement's module: `import X` or `from X`

    incubatorImport(m, modules, file, ctx, findings, once);
    namespaceImport(m, absFrom, named, file, ctx, findings, once);

    const rootwrapModule = modules.find((d) => /^oslo[._]rootwrap(\.|$)/.test(d));
    if (rootwrapModule && once(m.statement, 'rootwrap')) {
      // `from oslo import rootwrap` names the library in the imported name; other forms in the module.
      const module = named === 'oslo' ? rootwrapModule : named;
      findings.push(
        makeFinding('rootwrap-import', file, spanOf(m.statement), `Imports ${module}; oslo.rootwrap is to be replaced by oslo.privsep.`, { module }),
      );
    }
    if (modules.some((d) => /^oslo[._]privsep(\.|$)/.test(d)) && once(m.statement, 'privsep')) {
      findings.push(makeFinding('privsep-usage', file, spanOf(m.statement), 'Imports oslo.privsep.', { what: 'import' }));
    }
    // Current-form imports (`oslo_utils`, `stevedore`) show the library is adopted; namespace forms do not.
    const top = named.split('.')[0]!;
    const lib = top === 'oslo' ? null : ctx.knowledge.libraryByImport(top);
    if (lib) adopted.add(lib.pypiName);
  }

  for (const m of mayMatch('rootwrap', tree) ? query('rootwrap').matches(tree.rootNode) : []) {
    const call = capture(m, 'call')!;
    const keyword = capture(m, 'keyword')!.text as 'run_as_root' | 'root_helper';
    const value = capture(m, 'value')!.text;
    const callee = capture(m, 'callee')!.text;
    findings.push(
      makeFinding('rootwrap-call', file, spanOf(call), `${callee}() runs a command as root through the root helper (${keyword}=${value}).`, {
        keyword,
        value,
        callee,
      }),
    );
  }

  for (const m of mayMatch('privsep', tree) ? query('privsep').matches(tree.rootNode) : []) {
    const context = capture(m, 'context');
    const node = context ?? capture(m, 'entrypoint')!;
    const what = context ? 'context' : 'entrypoint';
    if (!once(node, what)) continue;
    findings.push(
      makeFinding('privsep-usage', file, spanOf(node), context ? 'Defines an oslo.privsep context.' : 'Defines an oslo.privsep entrypoint.', { what }),
    );
  }
  if (findings.some((f) => f.kind === 'privsep-usage')) adopted.add('oslo.privsep');

  return { findings, adopted };
}

function incubatorImport(
  m: ImportMatch,
  modules: string[],
  file: string,
  ctx: PythonContext,
  findings: Finding[],
  once: (s: SyntaxNode, k: string) => boolean,
): void {
  // The `openstack.common` segment must be in the statement's own module: `from nova.api.openstack
  // import common` imports nova's own `common` module, not the copy.
  const named = modules[modules.length - 1]!;
  const split = splitCopyModule(named);
  if (!split || !isCopyPackage(split.package, ctx)) return;
  // The most specific name that is a module of the copy: `from x.openstack.common import log` names
  // module `log`, while `from x.openstack.common.gettextutils import _` names module `gettextutils`.
  const candidates = modules.length > 1 ? [...modules.slice(0, -1).map((d) => splitCopyModule(d)!.module), split.module] : [split.module];
  let module: string | null = null;
  for (const candidate of candidates) {
    // The copy's top package ('') is known too, but names imported from it are its modules.
    const known = ctx.knowledge.isIncubatorModule(candidate) || ctx.copyModules.has(candidate);
    if (known && !(candidate === '' && candidate !== candidates[0])) {
      module = candidate;
      break;
    }
  }
  // Unknown names: the statement's own module, except that nothing but modules is imported from the
  // copy's empty top package (`from nova.openstack.common import newthing` names `newthing`).
  module ??= split.module === '' ? candidates[0]! : split.module;
  if (module === null || !once(m.statement, `incubator:${module}`)) return;
  const facts: IncubatorFacts | null = ctx.knowledge.incubatorModule(module);
  findings.push(
    makeFinding(
      'incubator-import',
      file,
      spanOf(m.statement),
      `Imports the oslo-incubator copy of ${moduleLabel(module)}, ${successorClause(facts)}.`,
      {
        module,
        insideCopy: ctx.insideCopy,
        successor: facts?.successor ?? null,
        fate: facts?.fate ?? 'unknown',
        incubatorFate: facts?.incubatorFate || null,
        successorSince: facts?.successorSince ?? null,
      },
    ),
  );
}

function namespaceImport(
  m: ImportMatch,
  absFrom: string | null,
  named: string,
  file: string,
  ctx: PythonContext,
  findings: Finding[],
  once: (s: SyntaxNode, k: string) => boolean,
): void {
  // `from oslo import messaging` names the library in the imported name; every other form in the module.
  const dotted = absFrom === 'oslo' && m.from === 'oslo' && m.name ? `oslo.${clean(m.name)}` : m.from !== null && m.from.startsWith('.') ? null : named;
  if (!dotted) return;
  const ns = ctx.knowledge.namespace(dotted);
  if (!ns || !once(m.statement, `namespace:${ns.old}`)) return;
  findings.push(
    makeFinding('namespace-import', file, spanOf(m.statement), `Imports ${ns.old} through the retired oslo namespace package; use ${ns.new}.`, {
      old: ns.old,
      new: ns.new,
      package: ns.package,
    }),
  );
}
