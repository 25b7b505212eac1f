// Which rules a scan runs: the shipped packs (queries/), packs added from folders (`--rules DIR`), and
// the choice among them (`--packs`). The default is the three packs of the original detectors, so a
// scan without options reports what it always did.

import { createHash } from 'node:crypto';
import { queriesDir } from '../paths.js';
import { loadRuleDir } from './ruleFiles.js';
import { RuleError, type Rule } from './rules.js';

const DEFAULT_PACKS = ['incubator', 'namespace', 'rootwrap-privsep'] as const;

/** The rules a scan runs, as they travel to parse workers (no tests: only what scanning needs). */
export interface RuleSelection {
  /** Selected packs, sorted. */
  packs: string[];
  /** Rules of the selected packs whose matches are findings as they stand (kind usage or adoption). */
  rules: Omit<Rule, 'testFile'>[];
  /** Names in code the selected rules need (the prefilter's statement words). */
  words: string[];
  /** A content hash of the selected packs' rules: results under another selection are never reused. */
  version: string;
}

let shipped: Rule[] | undefined;
/** The rules shipped in queries/ (read once). */
export function shippedRules(): Rule[] {
  shipped ??= loadRuleDir(queriesDir);
  return shipped;
}

export interface SelectOptions {
  /** Folders of user rules (`--rules DIR`). */
  ruleDirs?: readonly string[];
  /** Packs to run (`--packs`); `all` is every known pack. Default: the shipped default packs and every pack of `ruleDirs`. */
  packs?: readonly string[];
}

/** All known rules and the selection; throws RuleError for a malformed rule or an unknown pack. */
export function selectRules(options: SelectOptions = {}): { all: Rule[]; selection: RuleSelection } {
  const user = (options.ruleDirs ?? []).flatMap((dir) => loadRuleDir(dir));
  const all = [...shippedRules(), ...user];
  assertDistinctIds(all);
  const known = new Set(all.flatMap((r) => r.packs));
  let packs: Set<string>;
  if (!options.packs || options.packs.length === 0) packs = new Set([...DEFAULT_PACKS, ...user.flatMap((r) => r.packs)]);
  else if (options.packs.includes('all')) packs = known;
  else {
    for (const p of options.packs) {
      if (!known.has(p)) throw new RuleError('--packs', 1, `unknown pack "${p}" (packs: ${[...known].sort().join(', ')}, all)`);
    }
    packs = new Set(options.packs);
  }
  return { all, selection: selectionOf(all, packs) };
}

function selectionOf(all: readonly Rule[], packs: ReadonlySet<string>): RuleSelection {
  const chosen = all.filter((r) => r.packs.some((p) => packs.has(p)));
  const rules = chosen.filter((r) => r.kind !== 'builtin').map(({ testFile: _testFile, ...r }) => r);
  const words = [...new Set(chosen.filter((r) => r.prefilter === 'words').flatMap((r) => r.words))].sort();
  const versions = packVersions(all);
  const hash = createHash('sha256');
  for (const p of [...packs].sort()) hash.update(`${p}\0${versions.get(p) ?? ''}\0`);
  return { packs: [...packs].sort(), rules, words, version: hash.digest('hex').slice(0, 16) };
}

let defaultSelection: RuleSelection | undefined;
/** The default packs of the shipped rules. */
export function defaultRules(): RuleSelection {
  defaultSelection ??= selectionOf(shippedRules(), new Set(DEFAULT_PACKS));
  return defaultSelection;
}

/** The packs named by a set of rules, each with a content hash of its rules (its version). */
export function packVersions(rules: readonly Rule[]): Map<string, string> {
  const byPack = new Map<string, Rule[]>();
  for (const r of rules) for (const p of r.packs) byPack.set(p, [...(byPack.get(p) ?? []), r]);
  const out = new Map<string, string>();
  for (const [pack, list] of [...byPack].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = createHash('sha256');
    for (const r of [...list].sort((a, b) => (a.id < b.id ? -1 : 1))) hash.update(`${r.id}\0${r.query}\0`);
    out.set(pack, hash.digest('hex').slice(0, 16));
  }
  return out;
}

/** Two rules with one id would be indistinguishable in reports. */
function assertDistinctIds(rules: readonly Rule[]): void {
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(r.id);
    if (other) throw new RuleError(r.file, 1, `rule id "${r.id}" is also used by ${other}`);
    seen.set(r.id, r.file);
  }
}
