// One Python file, from text to findings: the prefilter's plan, one tree-sitter parse, the detectors.
// Pure (no I/O), so it runs the same on the calling thread and in the parse workers.

import { createHash } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import type { Finding } from '../report/types.js';
import { copyLocation } from '../knowledge/index.js';
import { detectPython, type NameSet } from './detectors/python.js';
import { detectRules, type DataRule } from './detectors/rules.js';
import { planPython, type Triggers } from './prefilter.js';
import { parsePython } from './treeSitter.js';

export interface PythonFileInput {
  file: string;
  text: string;
  /** Modules present in the repository's copy trees (only read for `openstack.common` names). */
  copyModules: readonly string[] | ReadonlySet<string>;
  /** Packages holding those copies (`nova`), which tell the copy's imports from look-alikes. */
  copyPackages?: readonly string[] | ReadonlySet<string>;
  /** What an earlier version of the same file gave (the cache's): reused when its cut-out statements are the same. */
  prior?: PriorResult;
}

/** How much of the file tree-sitter saw. */
export type Parsed = 'none' | 'fragments' | 'whole';

export interface PythonFileResult {
  findings: Finding[];
  adopted: string[];
  parsed: Parsed;
  /** The statements parsed, when they were cut out of the file: what a later version of the file may reuse. */
  plan?: FragmentPlan;
  /**
   * Every name the detectors looked up in the copy lists and the answer: `+m:log` (module `log` is
   * copied), `-p:nova.api` (no copy in package `nova.api`). The findings depend on the copy lists only
   * through these answers, so they hold for any lists that answer the same.
   */
  copyLookups: string[];
}

/**
 * The statements the prefilter cut out of a file (a digest of their text) and where, among them,
 * each finding starts and ends. Findings of fragments depend on nothing else of the file: a new
 * version of it cutting out the same text has the same findings, only moved to its rows.
 */
export interface FragmentPlan {
  digest: string;
  /** `line, endLine` of each finding in turn, counted in the fragments' text. */
  lines: (number | null)[];
}

/** An earlier version's result: its findings (in that version's rows) and its fragments. */
export interface PriorResult {
  plan: FragmentPlan;
  findings: readonly Finding[];
  adopted: readonly string[];
  /** Whether the earlier version was scanned with the copy lists (as a file that may name a copy). */
  usesCopies?: boolean;
  copyLookups?: readonly string[];
}

export interface PythonFileOptions {
  knowledge: Knowledge;
  /** The prefilter's triggers; without them every file is parsed whole. */
  triggers: Triggers | null;
  /** Rules of the selected packs that are data (their words are in `triggers`). */
  rules?: readonly DataRule[];
}

export function scanPythonText(input: PythonFileInput, options: PythonFileOptions): PythonFileResult {
  const plan = options.triggers ? planPython(input.text, options.triggers) : ({ kind: 'whole', reason: 'no prefilter' } as const);
  if (plan.kind === 'none') return { findings: [], adopted: [], parsed: 'none', copyLookups: [] };
  const asked = new Set<string>();
  const ctx = {
    knowledge: options.knowledge,
    copyModules: noting(asSet(input.copyModules), 'm', asked),
    copyPackages: noting(asSet(input.copyPackages ?? []), 'p', asked),
    insideCopy: copyLocation(input.file) !== null,
  };
  if (plan.kind === 'fragments') {
    const rows = plan.rows;
    const toFile = (line: number | null): number | null => (line === null ? null : rows[line - 1]! + 1);
    const digest = createHash('sha1').update(plan.source).digest('base64');
    const prior = input.prior;
    if (prior?.plan.digest === digest && prior.plan.lines.length === 2 * prior.findings.length) {
      const lines = prior.plan.lines;
      const findings = prior.findings.map((f, i) => ({ ...f, line: toFile(lines[2 * i]!), endLine: toFile(lines[2 * i + 1]!) }));
      return { findings, adopted: [...prior.adopted], parsed: 'fragments', plan: prior.plan, copyLookups: [...(prior.copyLookups ?? [])] };
    }
    const tree = parsePython(plan.source);
    // A fragment tree-sitter cannot read cleanly might read differently in its file: parse the file.
    if (!tree.rootNode.hasError) {
      const result = detectPython(input.file, tree, ctx);
      const found = options.rules?.length ? [...result.findings, ...detectRules(input.file, tree, options.rules)] : result.findings;
      const findings = found.map((f) => ({ ...f, line: toFile(f.line), endLine: toFile(f.endLine) }));
      const lines = found.flatMap((f) => [f.line, f.endLine]);
      return { findings, adopted: [...result.adopted], parsed: 'fragments', plan: { digest, lines }, copyLookups: [...asked] };
    }
  }
  const tree = parsePython(input.text);
  const result = detectPython(input.file, tree, ctx);
  const findings = options.rules?.length ? [...result.findings, ...detectRules(input.file, tree, options.rules)] : result.findings;
  return { findings, adopted: [...result.adopted], parsed: 'whole', copyLookups: [...asked] };
}

/** The copy list `names`, noting in `asked` each name looked up and the answer. */
function noting(names: ReadonlySet<string>, tag: 'm' | 'p', asked: Set<string>): NameSet {
  return {
    has(name) {
      const yes = names.has(name);
      asked.add(`${yes ? '+' : '-'}${tag}:${name}`);
      return yes;
    },
  };
}

function asSet(names: readonly string[] | ReadonlySet<string>): ReadonlySet<string> {
  return names instanceof Set ? names : new Set(names);
}
