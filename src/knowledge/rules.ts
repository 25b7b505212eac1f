// Rules as data: a rule is one tree-sitter query file (`<id>.scm`) whose leading `;; key: value`
// comment lines are its metadata, and, beside it, `<id>.test.yml` with the snippets it must and must
// not match. A pack is the rules that name it; a folder of rules is a set of packs. This module reads
// and checks them (pure text in, rules or one error naming file and line out); compiling and running
// the queries is the scan station's job.

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import type * as Yaml from 'yaml';

// The YAML parser is needed only to read rule tests (`rules test`), never to scan: loaded then.
const require = createRequire(import.meta.url);

/** What a rule's finding stands for: work left for the goal, or a sign that the work has started. */
export type RuleKind = 'usage' | 'adoption';
export type Severity = 'error' | 'warning' | 'note';

export interface Rule {
  id: string;
  /** The pack it belongs to; the built-in queries of the original detectors name several. */
  packs: string[];
  /** The governance goal (`remove-eventlet`), or null. */
  goal: string | null;
  /**
   * `usage`/`adoption` for rules whose matches are findings as they stand; `builtin` for the queries the
   * original detectors read (imports, rootwrap, privsep), whose findings the detector code makes.
   */
  kind: RuleKind | 'builtin';
  severity: Severity;
  /** The finding's message; `{name}` is replaced by the text of capture `@name`. */
  message: string;
  /** What to do instead. */
  replacement: string;
  references: string[];
  /**
   * Names in code, one of which a statement must hold for the query to match in it: the prefilter
   * parses only statements naming one, and the query runs only on texts holding one.
   */
  words: string[];
  /**
   * `imports`: the prefilter keeps import statements by the knowledge base's library names instead of
   * `words` (the built-in imports query).
   */
  prefilter: 'words' | 'imports';
  /** The capture whose node is the finding's place. */
  capture: string;
  /** The query text (the whole file; its comments are ignored by tree-sitter). */
  query: string;
  /** Where it was read from, for messages. */
  file: string;
  /** Line of the query's first pattern in `file`, for messages about the query. */
  queryLine: number;
  /** Its `<id>.test.yml`, when there is one: read only when the rule is tested (`readRuleTests`). */
  testFile: { path: string; shown: string } | null;
}

export interface RuleTests {
  file: string;
  /** Snippets the rule must not match, and those it must match (each with its line in the test file). */
  valid: { code: string; line: number }[];
  invalid: { code: string; line: number }[];
}

/** A rule that cannot be read: the message names the file and line. */
export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const KEYS = new Set(['rule', 'pack', 'goal', 'kind', 'severity', 'message', 'replacement', 'references', 'words', 'prefilter', 'capture']);
const REQUIRED = ['rule', 'pack', 'kind', 'words'];
const NAME = /^[a-z0-9][a-z0-9-]*$/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads one rule from the text of its `.scm` file; `file` names it in errors. */
export function parseRule(text: string, file: string): Omit<Rule, 'testFile'> {
  const meta = new Map<string, { value: string; line: number }>();
  const lines = text.split('\n');
  let last: string | null = null;
  let queryLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cont = /^;;\s{2,}(\S.*)$/.exec(line);
    const kv = /^;;\s?([a-z]+):\s*(.*)$/.exec(line);
    if (kv) {
      const key = kv[1]!;
      if (!KEYS.has(key)) throw new RuleError(file, i + 1, `unknown key "${key}" (keys: ${[...KEYS].join(', ')})`);
      if (meta.has(key)) throw new RuleError(file, i + 1, `"${key}" is given twice`);
      meta.set(key, { value: kv[2]!.trim(), line: i + 1 });
      last = key;
    } else if (cont && last) {
      const entry = meta.get(last)!;
      entry.value = `${entry.value} ${cont[1]!.trim()}`.trim();
    } else if (/^\s*\(/.test(line) && queryLine === 0) {
      queryLine = i + 1;
    } else if (!/^\s*(;.*)?$/.test(line) && queryLine === 0) {
      throw new RuleError(file, i + 1, 'expected a `;; key: value` line, a comment or a query pattern');
    }
    if (!kv && !cont) last = null;
  }
  const required = meta.get('kind')?.value === 'builtin' ? REQUIRED : [...REQUIRED, 'message'];
  for (const key of required) if (!meta.get(key)?.value) throw new RuleError(file, 1, `missing "${key}" (a \`;; ${key}: …\` line at the top)`);
  if (queryLine === 0) throw new RuleError(file, lines.length, 'no query pattern');
  const get = (key: string): string | undefined => meta.get(key)?.value;
  const at = (key: string): number => meta.get(key)?.line ?? 1;
  const id = get('rule')!;
  if (!NAME.test(id)) throw new RuleError(file, at('rule'), `rule id "${id}" must be lower-case letters, digits and dashes`);
  if (basename(file) !== `${id}.scm`) throw new RuleError(file, at('rule'), `rule "${id}" must be in a file named ${id}.scm`);
  const packs = get('pack')!.split(/\s+/);
  for (const p of packs) if (!NAME.test(p)) throw new RuleError(file, at('pack'), `pack name "${p}" must be lower-case letters, digits and dashes`);
  const kind = get('kind')!;
  if (kind !== 'usage' && kind !== 'adoption' && kind !== 'builtin') throw new RuleError(file, at('kind'), `kind must be usage or adoption, not "${kind}"`);
  const severity = get('severity') ?? (kind === 'adoption' ? 'note' : 'warning');
  if (severity !== 'error' && severity !== 'warning' && severity !== 'note') throw new RuleError(file, at('severity'), `severity must be error, warning or note, not "${severity}"`);
  const words = get('words')!.split(/\s+/);
  for (const w of words) if (!WORD.test(w)) throw new RuleError(file, at('words'), `word "${w}" is not a Python name (words are names the code must hold)`);
  const prefilter = get('prefilter') ?? 'words';
  if (prefilter !== 'words' && prefilter !== 'imports') throw new RuleError(file, at('prefilter'), `prefilter must be words or imports, not "${prefilter}"`);
  const goal = get('goal') ?? null;
  if (goal !== null && !NAME.test(goal)) throw new RuleError(file, at('goal'), `goal "${goal}" must be a goal page's name (remove-eventlet)`);
  const capture = get('capture') ?? 'finding';
  if (kind !== 'builtin' && !new RegExp(`@${capture.replace(/[^\w]/g, '')}\\b`).test(text)) {
    throw new RuleError(file, meta.get('capture')?.line ?? queryLine, `the query has no capture @${capture} to place the finding`);
  }
  const references = (get('references') ?? '').split(/\s+/).filter(Boolean);
  for (const r of references) if (!/^https:\/\/\S+$/.test(r)) throw new RuleError(file, at('references'), `reference "${r}" is not an https URL`);
  return {
    id,
    packs,
    goal,
    kind,
    severity,
    message: get('message') ?? '',
    replacement: get('replacement') ?? '',
    references,
    words,
    prefilter,
    capture,
    query: text,
    file,
    queryLine,
  };
}

/** Reads the `valid`/`invalid` snippets of a `<id>.test.yml`. */
export function parseRuleTests(text: string, file: string): RuleTests {
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

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new RuleError(shown, 1, `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** A folder, not followed when it is a link (a rule folder's links could lead anywhere). */
function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A rule's tests, read and checked now; null when it has none. Throws RuleError for a malformed file. */
export function readRuleTests(rule: Pick<Rule, 'testFile'>): RuleTests | null {
  if (!rule.testFile) return null;
  return parseRuleTests(readText(rule.testFile.path, rule.testFile.shown), rule.testFile.shown);
}

/** A folder's rules (recursively), each with where its tests are; every `.scm` file is a rule. */
export function loadRuleDir(dir: string): Rule[] {
  const rules: Rule[] = [];
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new RuleError(dir, 1, 'not a folder of rules');
    names = readdirSync(dir).sort();
  } catch (e) {
    if (e instanceof RuleError) throw e;
    throw new RuleError(dir, 1, `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    if (isFolder(path)) rules.push(...loadRuleDir(path));
    else if (name.endsWith('.scm')) {
      const rule = parseRule(readText(path, shown), shown);
      const testPath = join(dir, `${rule.id}.test.yml`);
      const testFile = existsSync(testPath) ? { path: testPath, shown: relative(process.cwd(), testPath) || testPath } : null;
      rules.push({ ...rule, testFile });
    }
  }
  return rules;
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
export function assertDistinctIds(rules: readonly Rule[]): void {
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(r.id);
    if (other) throw new RuleError(r.file, 1, `rule id "${r.id}" is also used by ${other}`);
    seen.set(r.id, r.file);
  }
}
