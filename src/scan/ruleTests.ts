// A rule's own tests, as ast-grep runs its rule tests: every `invalid` snippet must be matched and
// every `valid` one must not. Rules that are data are run as a scan runs them, through the prefilter
// (so words that miss a match fail the test) and on the whole parse, and both must agree; the built-in
// queries, whose findings the detector code makes, are checked on the whole parse.

import { knowledge, readRuleTests, RuleError, type Rule } from '../knowledge/index.js';
import { ruleMatches } from './detectors/rules.js';
import { triggersOf } from './prefilter.js';
import { scanPythonText } from './pythonFile.js';
import { parsePython, ruleQuery } from './treeSitter.js';

export interface RuleTestFailure {
  rule: string;
  /** The test file and the snippet's line in it. */
  file: string;
  line: number;
  message: string;
}

export interface RuleTestReport {
  rules: number;
  snippets: number;
  /** Rules without a `<id>.test.yml`. */
  untested: string[];
  failures: RuleTestFailure[];
}

/** Matches of a rule in one snippet, and (for data rules) whether the prefilter's path agreed. */
function count(rule: Rule, code: string): { matches: number; prefiltered: number | null } {
  const tree = parsePython(code);
  if (rule.kind === 'builtin') return { matches: ruleQuery(rule.query).matches(tree.rootNode).length, prefiltered: null };
  const matches = ruleMatches(rule, tree).length;
  const kb = knowledge();
  const result = scanPythonText({ file: 'snippet.py', text: code, copyModules: [] }, { knowledge: kb, triggers: triggersOf(kb, rule.words), rules: [rule] });
  const prefiltered = result.findings.filter((f) => (f.kind === 'goal-usage' || f.kind === 'goal-adoption') && f.detail.rule === rule.id).length;
  return { matches, prefiltered };
}

export function runRuleTests(rules: readonly Rule[]): RuleTestReport {
  const report: RuleTestReport = { rules: rules.length, snippets: 0, untested: [], failures: [] };
  for (const rule of rules) {
    try {
      ruleQuery(rule.query);
    } catch (e) {
      report.failures.push({ rule: rule.id, file: rule.file, line: rule.queryLine, message: `the query does not compile: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const tests = readRuleTests(rule);
    if (!tests) {
      report.untested.push(rule.id);
      continue;
    }
    for (const [expect, snippets] of [['invalid', tests.invalid], ['valid', tests.valid]] as const) {
      for (const s of snippets) {
        report.snippets++;
        const { matches, prefiltered } = count(rule, s.code);
        const fail = (message: string): void => void report.failures.push({ rule: rule.id, file: tests.file, line: s.line, message });
        if (expect === 'invalid' && matches === 0) fail(`expected a match in: ${oneLine(s.code)}`);
        else if (expect === 'valid' && matches > 0) fail(`expected no match, found ${matches} in: ${oneLine(s.code)}`);
        else if (prefiltered !== null && prefiltered !== matches) {
          fail(`the prefilter lost ${matches - prefiltered} of ${matches} matches (are the rule's words in the code?): ${oneLine(s.code)}`);
        }
      }
    }
  }
  return report;
}

function oneLine(code: string): string {
  const flat = code.trim().replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/**
 * Compiles every rule's query, so that a malformed one is one error naming its file and line before
 * any scan starts (a parse worker would otherwise fail on it mid-run).
 */
export function checkRuleQueries(rules: readonly Rule[]): void {
  for (const rule of rules) {
    try {
      ruleQuery(rule.query);
    } catch (e) {
      const message = (e as Error).message.split('\n')[0]!;
      // tree-sitter names a position for syntax errors, and the predicate for an unknown one.
      const at = /position (\d+)/.exec(message);
      const named = /`([^`]+)`/.exec(message);
      const offset = at ? Number(at[1]) : named ? rule.query.indexOf(named[1]!) : -1;
      const line = offset >= 0 ? rule.query.slice(0, offset).split('\n').length : rule.queryLine;
      throw new RuleError(rule.file, line, `the query does not compile: ${message}`);
    }
  }
}
