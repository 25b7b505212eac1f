// Exit codes of `scan` as CI sees them: 0 clean, 1 findings over a threshold, 2 usage or input
// error (one line on stderr), 3 some projects failed; 1 wins over 3.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../../src/cli/exitCodes.js';
import { parseReport } from '../../src/report/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { commitsOf, SVC_HISTORY } from '../helpers/history.js';
import { fixtureRepo, repoWithHistory } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

// Built once for the file (top level, so they live until the last test ends).
const repos = { aster: await fixtureRepo('aster'), cedar: await fixtureRepo('cedar'), svc: await repoWithHistory(SVC_HISTORY, 'svc') };
const fixtures = async () => repos;

function oneLineError(run: CliResult, pattern: RegExp): void {
  assert.equal(run.code, EXIT.usage, run.stderr);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line on stderr: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.equal(run.stdout, '');
}

test('0: a clean project under --fail-on passes', async () => {
  const { cedar } = await fixtures();
  const run = await runCli(['scan', cedar, '--fail-on', 'migration', '--format', 'json']);
  assert.equal(run.code, EXIT.ok, run.stderr);
  assert.equal(parseReport(run.stdout, 'stdout').projects[0]!.summary.migrationStatus, 'clean');
});

test('0: findings without a threshold are not a failure', async () => {
  const { aster } = await fixtures();
  assert.equal((await runCli(['scan', aster])).code, EXIT.ok);
});

test('1: --fail-on a kind that is found, with the count on stderr', async () => {
  const { aster } = await fixtures();
  const run = await runCli(['scan', aster, '--fail-on', 'namespace-import,rootwrap-call']);
  assert.equal(run.code, EXIT.findings);
  assert.match(run.stderr, /15 findings of namespace-import, rootwrap-call; the threshold is 0/);
  // A kind that is not found does not fail.
  assert.equal((await runCli(['scan', aster, '--fail-on', 'privsep-usage'])).code, EXIT.ok);
});

test('1 above --max-findings, 0 at or under it', async () => {
  const { aster } = await fixtures();
  const json = JSON.parse((await runCli(['scan', aster, '-f', 'json'])).stdout) as { projects: { findings: { kind: string }[] }[] };
  const migration = json.projects[0]!.findings.filter((f) => f.kind !== 'privsep-usage' && f.kind !== 'oslo-requirement').length;
  assert.equal((await runCli(['scan', aster, '--max-findings', String(migration)])).code, EXIT.ok);
  assert.equal((await runCli(['scan', aster, '--max-findings', String(migration - 1)])).code, EXIT.findings);
  // With --fail-on, the count is of those kinds only: aster has 4 rootwrap calls.
  assert.equal((await runCli(['scan', aster, '--fail-on', 'rootwrap-call', '--max-findings', '4'])).code, EXIT.ok);
  assert.equal((await runCli(['scan', aster, '--fail-on', 'rootwrap-call', '--max-findings', '3'])).code, EXIT.findings);
});

test('2: bad options and bad input files, each one line on stderr, before anything is scanned', async () => {
  const { aster } = await fixtures();
  const dir = tempDir();
  writeFileSync(join(dir, 'not-a-report.json'), '{"schemaVersion": 7}');
  writeFileSync(join(dir, 'broken.json'), '{');
  oneLineError(await runCli(['scan', aster, '--fail-on', 'nonsense']), /--fail-on: unknown kind "nonsense"/);
  oneLineError(await runCli(['scan', aster, '--max-findings', 'many']), /--max-findings takes a whole number/);
  oneLineError(await runCli(['scan', aster, '--baseline', join(dir, 'missing.json')]), /--baseline .*missing\.json: cannot read it \(ENOENT\)/);
  oneLineError(await runCli(['scan', aster, '--baseline', join(dir, 'not-a-report.json')]), /is not a valid oslo-audit report/);
  oneLineError(await runCli(['scan', aster, '--baseline', join(dir, 'broken.json')]), /is not JSON/);
  oneLineError(await runCli(['scan', aster, '-f', 'json', '-f', 'table']), /only one format can go to stdout/);
  oneLineError(await runCli(['scan', aster, '-f', 'json', '-o', join(dir, 'a'), '-o', join(dir, 'b')]), /--output .*b has no --format of its own/);
  oneLineError(await runCli(['scan', aster, '-f', 'json', '-o', join(dir, 'a'), '-f', 'sarif', '-o', join(dir, 'a')]), /is given for two formats/);
  oneLineError(await runCli(['scan', aster, '-f', 'yaml']), /--format must be one of table, json, markdown, sarif, goal, goal-rst/);
  oneLineError(await runCli(['scan', aster, '-f', 'goal']), /--format goal needs --governance PATH/);
  oneLineError(await runCli(['scan', aster, '-f', 'goal', '--governance', join(dir, 'nowhere')]), /--governance .*nowhere: cannot read/);
  oneLineError(await runCli(['scan', aster, '--color=sometimes']), /--color must be one of always, auto, never/);
});

test('3: some projects failed; 1 wins when findings are also over the threshold', async () => {
  const { aster, cedar } = await fixtures();
  const missing = join(tempDir(), 'no-such-repo');
  const failed = await runCli(['scan', cedar, missing, '--fail-on', 'migration']);
  assert.equal(failed.code, EXIT.projectsFailed);
  assert.match(failed.stderr, /no-such-repo/);
  const both = await runCli(['scan', aster, missing, '--fail-on', 'namespace']);
  assert.equal(both.code, EXIT.findings);
  assert.match(both.stderr, /no-such-repo/);
});

test('--baseline: code moved down is not new (0); one added import is exactly one new finding (1)', async () => {
  const { svc } = await fixtures();
  const [first, second, third] = commitsOf(svc);
  const dir = tempDir();
  const base = join(dir, 'base.json');
  assert.equal((await runCli(['scan', svc, '--ref', first!, '-f', 'json', '-o', base])).code, EXIT.ok);

  const moved = await runCli(['scan', svc, '--ref', second!, '--baseline', base, '--fail-on', 'migration', '-f', 'json']);
  assert.equal(moved.code, EXIT.ok, moved.stderr);
  assert.deepEqual(parseReport(moved.stdout, 'stdout').projects[0]!.findings, []);
  assert.match(moved.stderr, /0 new findings; \d+ already in the baseline/);

  const added = await runCli(['scan', svc, '--ref', third!, '--baseline', base, '--fail-on', 'migration', '-f', 'json']);
  assert.equal(added.code, EXIT.findings);
  const findings = parseReport(added.stdout, 'stdout').projects[0]!.findings;
  assert.deepEqual(findings.map((f) => [f.kind, f.file, f.construct]), [['namespace-import', 'svc/api.py', 'import oslo.messaging as messaging']]);
  assert.match(added.stderr, /1 new findings of /);
});

test('several formats in one run: each --output gets its format, one format on stdout', async () => {
  const { aster } = await fixtures();
  const dir = tempDir();
  const run = await runCli(['scan', aster, '-o', join(dir, 'r.json'), '-f', 'json', '-f', 'table', '-f', 'sarif', '-o', join(dir, 'r.sarif')]);
  assert.equal(run.code, EXIT.ok, run.stderr);
  assert.match(run.stdout, /^PROJECT\s+STATUS/);
  parseReport(readFileSync(join(dir, 'r.json'), 'utf8'), 'r.json');
  assert.equal((JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
});
