// `oslo-audit rules test [DIR...]`: runs rules' own tests (their valid and invalid snippets);
// `oslo-audit rules list [--rules DIR]...`: the packs, their versions and rules. docs/rules.md.

import { loadRuleDir, packVersions, RuleError, shippedRules, type Rule } from '../../knowledge/index.js';
import { checkRuleQueries, runRuleTests } from '../../scan/index.js';
import { parse } from '../args.js';
import { EXIT, UsageError } from '../exitCodes.js';
import type { Command } from './types.js';

function load(dirs: readonly string[]): Rule[] {
  try {
    return dirs.length ? dirs.flatMap((d) => loadRuleDir(d)) : shippedRules();
  } catch (e) {
    if (e instanceof RuleError) throw new UsageError(e.message);
    throw e;
  }
}

function test(dirs: readonly string[]): number {
  const rules = load(dirs);
  if (rules.length === 0) throw new UsageError(`no rules (.scm files) in ${dirs.join(', ')}`);
  const report = runRuleTests(rules);
  for (const f of report.failures) process.stdout.write(`FAIL ${f.rule}  ${f.file}:${f.line}: ${f.message}\n`);
  for (const id of report.untested) process.stdout.write(`NO TESTS ${id}: add ${id}.test.yml beside it\n`);
  const failed = new Set(report.failures.map((f) => f.rule)).size;
  process.stdout.write(`${report.rules - failed} of ${report.rules} rules passed (${report.snippets} snippets)${report.untested.length ? `, ${report.untested.length} without tests` : ''}\n`);
  return report.failures.length > 0 || report.untested.length > 0 ? EXIT.findings : EXIT.ok;
}

function list(dirs: readonly string[]): number {
  const rules = [...shippedRules(), ...(dirs.length ? load(dirs) : [])];
  try {
    checkRuleQueries(rules.filter((r) => r.kind !== 'builtin'));
  } catch (e) {
    if (e instanceof RuleError) throw new UsageError(e.message);
    throw e;
  }
  for (const [pack, version] of packVersions(rules)) {
    const members = rules.filter((r) => r.packs.includes(pack));
    const goals = [...new Set(members.map((r) => r.goal).filter(Boolean))];
    process.stdout.write(`${pack} @${version}${goals.length ? `  goal ${goals.join(', ')}` : ''}\n`);
    for (const r of members) process.stdout.write(`  ${r.id.padEnd(32)} ${r.kind === 'builtin' ? 'built-in detector' : `${r.kind}, ${r.severity}`}  ${r.file}\n`);
  }
  return EXIT.ok;
}

export const rulesCommand: Command = {
  usage: [
    'oslo-audit rules test [DIR...]       run the tests of the rules in DIR (default: the shipped packs)',
    'oslo-audit rules list [--rules DIR]... the packs, their versions and their rules',
    '',
    'Exit 0 when every rule passes, 1 when a test fails or a rule has none, 2 for a malformed rule. See docs/rules.md.',
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parse(argv, { rules: { type: 'string', multiple: true } });
    const [action, ...dirs] = positionals;
    if (action === 'test') {
      if (values.rules?.length) throw new UsageError('rules test takes its folders as arguments: oslo-audit rules test DIR...');
      return test(dirs);
    }
    if (action === 'list') {
      if (dirs.length) throw new UsageError('rules list takes folders with --rules DIR');
      return list(values.rules ?? []);
    }
    throw new UsageError(action === undefined ? 'rules needs an action: test or list' : `rules: unknown action ${JSON.stringify(action)} (test, list)`);
  },
};
