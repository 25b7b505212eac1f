// What a thread scanning file versions path by path (a trend: `ScanOptions.versions`) keeps of the
// last version of a path, to spare the next version work that would give the same answer: the
// record of its lexing (the next version is lexed from it where the texts are the same, lexReplay.ts),
// and the detectors' answer for its fragments (a version whose statements to parse are those of the
// version before, character for character, has the same findings there, only on other rows).

import type { DataRule } from './detectors/rules.js';
import type { LexRecord } from './lexReplay.js';
import type { LexMemo } from './logicalLines.js';
import { planPython, type Plan, type Triggers } from './prefilter.js';
import type { Finding } from '../report/index.js';

/** The detectors' answer for a fragment source, with lines of the source (not yet of the file). */
export interface FragmentAnswer {
  found: Finding[];
  adopted: string[];
  copyLookups: string[];
}

interface Fragments {
  source: string;
  copyModules: ReadonlySet<string>;
  copyPackages: ReadonlySet<string>;
  rules: readonly DataRule[] | undefined;
  answer: FragmentAnswer;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export class VersionPlanner {
  private path: string | null = null;
  private lexed: LexRecord | null = null;
  private fragments: Fragments | null = null;
  /**
   * The path of the file planned after the next one, when known (null: none): a version is recorded
   * only for a next version of its path. Unknown (undefined): always recorded.
   */
  following: string | null | undefined;

  /** The plan of `text`, the version of `path` after the one planned last, if that was of `path`. */
  plan(path: string, text: string, triggers: Triggers): Plan {
    const memo: LexMemo = { base: path === this.path ? this.lexed : null, record: this.following === undefined || this.following === path, out: null };
    const plan = planPython(text, triggers, memo);
    if (path !== this.path) this.fragments = null;
    this.path = path;
    this.lexed = memo.out ?? null;
    return plan;
  }

  /** The answer found for the last version's fragments, if this version (just planned) has the same, under the same copies and rules. */
  answerFor(source: string, copyModules: ReadonlySet<string>, copyPackages: ReadonlySet<string>, rules: readonly DataRule[] | undefined): FragmentAnswer | null {
    const last = this.fragments;
    if (!last || last.source !== source || last.rules !== rules) return null;
    return sameSet(last.copyModules, copyModules) && sameSet(last.copyPackages, copyPackages) ? last.answer : null;
  }

  /** Keeps the answer found for this version's fragments. */
  remember(source: string, copyModules: ReadonlySet<string>, copyPackages: ReadonlySet<string>, rules: readonly DataRule[] | undefined, answer: FragmentAnswer): void {
    this.fragments = { source, copyModules, copyPackages, rules, answer };
  }
}
