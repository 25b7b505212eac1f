// Rule packs as data: the shipped rules pass their own tests, a malformed rule is one error naming
// its file and line, words that miss a match fail the rule's tests, and scans report the selected
// packs only (the default packs' findings unchanged).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, openCheckout } from '../../src/git/index.js';
import { loadRuleDir, parseRule, RuleError, selectRules, shippedRules } from '../../src/knowledge/index.js';
import { checkRuleQueries, runRuleTests, scanTree, type ScanOptions } from '../../src/scan/index.js';
import { runCli } from '../helpers/cli.js';
import { repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

test('every shipped rule passes its valid and invalid snippets, through the prefilter too', () => {
  const rules = shippedRules();
  assert.ok(rules.some((r) => r.packs.includes('eventlet')) && rules.some((r) => r.packs.includes('rbac')));
  const report = runRuleTests(rules);
  assert.deepEqual(report.failures, []);
  assert.deepEqual(report.untested, []);
  assert.ok(report.snippets > 100, `${report.snippets} snippets`);
});

test('the built-in queries carry the words the prefilter and the query skipping use', () => {
  const words = Object.fromEntries(shippedRules().filter((r) => r.kind === 'builtin').map((r) => [r.id, r.words]));
  assert.deepEqual(words, { imports: ['import'], privsep: ['PrivContext', 'entrypoint', 'entrypoint_with_timeout'], rootwrap: ['run_as_root', 'root_helper'] });
  assert.deepEqual(selectRules().selection.words, ['PrivContext', 'entrypoint', 'entrypoint_with_timeout', 'root_helper', 'run_as_root']);
});

const GOOD = `;; rule: my-rule
;; pack: mine
;; kind: usage
;; words: frobnicate
;; message: Calls {call}.
(call function: (identifier) @call (#eq? @call "frobnicate")) @finding
`;

test('a malformed rule is one error naming its file and line', () => {
  assert.equal(parseRule(GOOD, 'x/my-rule.scm').words[0], 'frobnicate');
  const bad = GOOD.replace(';; kind: usage', ';; kind: sometimes');
  assert.throws(() => parseRule(bad, 'x/my-rule.scm'), (e: unknown) => e instanceof RuleError && e.message === 'x/my-rule.scm:3: kind must be usage or adoption, not "sometimes"');
  assert.throws(() => parseRule(GOOD.replace('@finding', '@place'), 'x/my-rule.scm'), /x\/my-rule.scm:6: the query has no capture @finding/);
  assert.throws(() => parseRule(GOOD, 'x/other.scm'), /x\/other.scm:1: rule "my-rule" must be in a file named my-rule.scm/);
});

test('a query that does not compile is an error at its line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'my-rule.scm'), GOOD.replace('(#eq? @call "frobnicate")', '\n  (#frob? @call "frobnicate")'));
  assert.throws(() => checkRuleQueries(loadRuleDir(dir)), (e: unknown) => e instanceof RuleError && /my-rule\.scm:7: the query does not compile: Unknown query predicate `#frob\?`/.test(e.message));
  writeFileSync(join(dir, 'my-rule.scm'), GOOD.replace('(identifier)', '(identifer)'));
  assert.throws(() => checkRuleQueries(loadRuleDir(dir)), /my-rule\.scm:6: the query does not compile: Query error of type TSQueryErrorNodeType/);
});

test('a rule whose words miss what it matches fails its tests', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'my-rule.scm'), GOOD.replace('words: frobnicate', 'words: frob'));
  writeFileSync(join(dir, 'my-rule.test.yml'), 'invalid:\n  - frobnicate(1)\nvalid:\n  - "x = frobnicate"\n');
  const report = runRuleTests(loadRuleDir(dir));
  assert.equal(report.failures.length, 1);
  assert.match(report.failures[0]!.message, /the prefilter lost 1 of 1 matches/);
});

const SOURCE = {
  'svc/__init__.py': '',
  'svc/server.py': [
    'import eventlet',
    'from oslo.config import cfg',
    '',
    '',
    'def main():',
    '    """Starts eventlet.spawn(worker) in a green thread."""',
    '    # eventlet.monkey_patch() is done elsewhere',
    "    eventlet.spawn(worker, 'eventlet.sleep')",
    '    return eventlet.sleep(0)',
    '',
  ].join('\n'),
  'svc/policies.py': "from oslo_policy import policy\nrules = [policy.RuleDefault('a', 'rule:admin_or_owner')]\n",
};

async function scan(dir: string, options: ScanOptions) {
  const { root, commit } = await openCheckout(dir);
  return scanTree(gitTreeSource(root, commit), options);
}

test('packs: the default reports what it always did; eventlet and rbac add their findings, none in strings or comments', async () => {
  const dir = await repoWith(SOURCE);
  const line = (f: { kind: string; line: number | null; detail: unknown }): string => `${f.kind} ${f.line} ${(f.detail as { rule?: string }).rule ?? ''}`.trim();
  const plain = await scan(dir, { workers: 0 });
  assert.deepEqual(plain.findings.map(line), ['namespace-import 2']);
  for (const workers of [0, 2]) {
    const all = await scan(dir, { workers, rules: selectRules({ packs: ['all'] }).selection });
    assert.deepEqual(all.findings.filter((f) => f.file === 'svc/server.py').map(line), [
      'goal-usage 1 eventlet-import',
      'namespace-import 2',
      'goal-usage 8 eventlet-spawn',
      'goal-usage 9 eventlet-api',
    ]);
    assert.deepEqual(all.findings.filter((f) => f.file === 'svc/policies.py').map(line), ['goal-usage 2 policy-without-scope-types', 'goal-usage 2 legacy-check-str']);
  }
  const only = await scan(dir, { workers: 0, rules: selectRules({ packs: ['eventlet'] }).selection });
  assert.ok(only.findings.every((f) => f.kind === 'goal-usage'), 'an unselected built-in pack reports nothing');
});

test('the results cache keeps the packs apart', async () => {
  const dir = await repoWith(SOURCE);
  const cache = tempDir();
  const eventlet = selectRules({ packs: ['eventlet'] }).selection;
  const first = await scan(dir, { workers: 0, cache });
  const withPack = await scan(dir, { workers: 0, cache, rules: eventlet });
  assert.equal(first.findings.some((f) => f.kind === 'goal-usage'), false);
  assert.equal(withPack.stats.commitReused, false);
  assert.equal(withPack.findings.filter((f) => f.kind === 'goal-usage').length, 3);
  const again = await scan(dir, { workers: 0, cache, rules: eventlet });
  assert.equal(again.stats.commitReused, true);
  assert.deepEqual(again.findings, withPack.findings);
});

test('cli: --rules adds a pack, rules test runs it, a malformed rule exits 2 naming file and line', async () => {
  const rules = tempDir();
  mkdirSync(join(rules, 'mine'));
  writeFileSync(join(rules, 'mine', 'my-rule.scm'), GOOD);
  writeFileSync(join(rules, 'mine', 'my-rule.test.yml'), 'invalid:\n  - frobnicate(1)\nvalid:\n  - "# frobnicate(1)"\n');
  const dir = await repoWith({ 'a.py': 'frobnicate(2)\n' });
  const ok = await runCli(['rules', 'test', rules]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /1 of 1 rules passed \(2 snippets\)/);
  const scanned = await runCli(['scan', dir, '--rules', rules, '--no-cache', '-f', 'json']);
  assert.equal(scanned.code, 0, scanned.stderr);
  const findings = JSON.parse(scanned.stdout).projects[0].findings;
  assert.deepEqual(findings.map((f: { message: string; detail: { pack: string } }) => [f.message, f.detail.pack]), [['Calls frobnicate.', 'mine']]);
  writeFileSync(join(rules, 'mine', 'my-rule.scm'), GOOD.replace(';; words: frobnicate', ';; words: 2fast'));
  const bad = await runCli(['scan', dir, '--rules', rules]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr.trim(), /my-rule\.scm:4: word "2fast" is not a Python name/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  const unknown = await runCli(['scan', dir, '--packs', 'nope']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown pack "nope"/);
});

test('every pack: the prefilter, the workers and the cache give the findings of parsing every file whole', async () => {
  const { fixtureRepo } = await import('../helpers/repo.js');
  const rules = selectRules({ packs: ['all'] }).selection;
  const cache = tempDir();
  const strip = ({ stats: _stats, ...rest }: Awaited<ReturnType<typeof scan>>) => rest;
  for (const dir of [await repoWith(SOURCE), await fixtureRepo('aster'), await fixtureRepo('cedar')]) {
    const whole = await scan(dir, { workers: 0, prefilter: false, rules });
    assert.deepEqual(strip(await scan(dir, { workers: 0, rules })), strip(whole));
    assert.deepEqual(strip(await scan(dir, { workers: 2, cache, rules })), strip(whole));
    assert.deepEqual(strip(await scan(dir, { workers: 2, cache, rules })), strip(whole));
  }
});
