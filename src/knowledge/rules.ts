// Rules as data: a rule is one tree-sitter query file (`<id>.scm`) whose leading `;; key: value`
// comment lines are its metadata, and, beside it, `<id>.test.yml` with the snippets it must and must
// not match. A pack is the rules that name it; a folder of rules is a set of packs. This module reads
// and checks one rule file (pure text in, a rule or one error naming file and line out); its tests are
// read in ruleTestFile.ts, folders in ruleFiles.ts; compiling and running the queries is the scan
// station's job.

import { basename } from 'node:path';

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
