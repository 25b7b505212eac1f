// A rule's tests (`<id>.test.yml`): the snippets it must not match (`valid`) and must match (`invalid`),
// each with its line, or one error naming file and line.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { readText } from './ruleFiles.js';
import { RuleError, type Rule } from './rules.js';

// The YAML parser is needed only to read rule tests (`rules test`), never to scan: loaded then.
const require = createRequire(import.meta.url);

export interface RuleTests {
  file: string;
  /** Snippets the rule must not match, and those it must match (each with its line in the test file). */
  valid: { code: string; line: number }[];
  invalid: { code: string; line: number }[];
}

/** Reads the `valid`/`invalid` snippets of a `<id>.test.yml`. */
function parseRuleTests(text: string, file: string): RuleTests {
  const { LineCounter, parseDocument } = require('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RuleError(file, e.linePos?.[0].line ?? 1, e.message.split('\n')[0]!);
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const out: RuleTests = { file, valid: [], invalid: [] };
  const root = doc.contents as { items?: { key: { value?: unknown }; value: unknown }[] } | null;
  if (!root?.items) throw new RuleError(file, 1, 'expected a mapping with `valid:` and `invalid:` lists of snippets');
  for (const pair of root.items) {
    const key = String(pair.key?.value);
    if (key !== 'valid' && key !== 'invalid') throw new RuleError(file, lineOf(pair.key), `unknown key "${key}" (valid, invalid)`);
    const list = pair.value as { items?: { value?: unknown }[] } | null;
    if (!list?.items) throw new RuleError(file, lineOf(pair.key), `"${key}" must be a list of snippets`);
    for (const item of list.items) {
      if (typeof item.value !== 'string') throw new RuleError(file, lineOf(item), `each snippet of "${key}" must be a string`);
      out[key].push({ code: item.value, line: lineOf(item) });
    }
  }
  if (out.invalid.length === 0) throw new RuleError(file, 1, 'needs at least one `invalid` snippet (code the rule must find)');
  return out;
}

/** A rule's tests, read and checked now; null when it has none. Throws RuleError for a malformed file. */
export function readRuleTests(rule: Pick<Rule, 'testFile'>): RuleTests | null {
  if (!rule.testFile) return null;
  return parseRuleTests(readText(rule.testFile.path, rule.testFile.shown), rule.testFile.shown);
}
