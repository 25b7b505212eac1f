// One Python file, from text to findings: the prefilter's plan, one tree-sitter parse, the detectors.
// Pure (no I/O), so it runs the same on the calling thread and in the parse workers.

import type { Knowledge } from '../knowledge/index.js';
import type { Finding } from '../report/index.js';
import { copyLocation } from '../knowledge/index.js';
import { detectPython, type NameSet } from './detectors/python.js';
import { detectRules, type DataRule } from './detectors/rules.js';
import { planPython, type Plan, type Triggers } from './prefilter.js';
import type { VersionPlanner } from './versions.js';
import { parsePython } from './treeSitter.js';

export interface PythonFileInput {
  file: string;
  text: string;
  /** Modules present in the repository's copy trees (only read for `openstack.common` names). */
  copyModules: readonly string[] | ReadonlySet<string>;
  /** Packages holding those copies (`nova`), which tell the copy's imports from look-alikes. */
  copyPackages?: readonly string[] | ReadonlySet<string>;
}

/** How much of the file tree-sitter saw. */
export type Parsed = 'none' | 'fragments' | 'whole';

export interface PythonFileResult {
  findings: Finding[];
  adopted: string[];
  parsed: Parsed;
  /**
   * Every name the detectors looked up in the copy lists and the answer: `+m:log` (module `log` is
   * copied), `-p:nova.api` (no copy in package `nova.api`). The findings depend on the copy lists only
   * through these answers, so they hold for any lists that answer the same.
   */
  copyLookups: string[];
  /** Whether the file may name a copy, when the text pass was made with the parse (`usesCopies` null). */
  usesCopies?: boolean;
}

export interface PythonFileOptions {
  knowledge: Knowledge;
  /** The prefilter's triggers; without them every file is parsed whole. */
  triggers: Triggers | null;
  /** Rules of the selected packs that are data (their words are in `triggers`). */
  rules?: readonly DataRule[];
  /** Plans files given as versions of paths, each from the version before (`ScanOptions.versions`), and keeps answers for the next. */
  planner?: VersionPlanner;
}

export function scanPythonText(input: PythonFileInput, options: PythonFileOptions): PythonFileResult {
  const { triggers, planner } = options;
  const plan = !triggers ? ({ kind: 'whole', reason: 'no prefilter' } as const) : planner ? planner.plan(input.file, input.text, triggers) : planPython(input.text, triggers);
  return scanPlanned(input, plan, options);
}

/** The findings of a file whose plan was made already (on the thread that read it). */
export function scanPlanned(input: PythonFileInput, plan: Plan, options: Omit<PythonFileOptions, 'triggers'>): PythonFileResult {
  if (plan.kind === 'none') return { findings: [], adopted: [], parsed: 'none', copyLookups: [] };
  const modules = asSet(input.copyModules);
  const packages = asSet(input.copyPackages ?? []);
  const asked = new Set<string>();
  const ctx = {
    knowledge: options.knowledge,
    copyModules: noting(modules, 'm', asked),
    copyPackages: noting(packages, 'p', asked),
    insideCopy: copyLocation(input.file) !== null,
  };
  if (plan.kind === 'fragments') {
    const { planner, rules } = options;
    let answer = planner?.answerFor(plan.source, modules, packages, rules) ?? null;
    if (!answer) {
      const tree = parsePython(plan.source);
      // A fragment tree-sitter cannot read cleanly might read differently in its file: parse the file.
      if (!tree.rootNode.hasError) {
        const result = detectPython(input.file, tree, ctx);
        const found = rules?.length ? [...result.findings, ...detectRules(input.file, tree, rules)] : result.findings;
        answer = { found, adopted: [...result.adopted], copyLookups: [...asked] };
        planner?.remember(plan.source, modules, packages, rules, answer);
      }
    }
    if (answer) {
      const rows = plan.rows;
      const findings = answer.found.map((f) => ({
        ...f,
        line: f.line === null ? null : rows[f.line - 1]! + 1,
        endLine: f.endLine === null ? null : rows[f.endLine - 1]! + 1,
      }));
      return { findings, adopted: [...answer.adopted], parsed: 'fragments', copyLookups: [...answer.copyLookups] };
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
