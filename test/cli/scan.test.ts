import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseReport } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { fixtureRepo } from '../helpers/repo.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';

describe('oslo-audit scan', () => {
  let aster: string;
  let cedar: string;
  before(async () => {
    aster = await fixtureRepo('aster');
    cedar = await fixtureRepo('cedar');
  });

  test('table: an overview row per project and what is left in each (golden)', async () => {
    const r = await runCli(['scan', aster, cedar]);
    assert.equal(r.code, 0, r.stderr);
    assertGolden('scan-table.txt', r.stdout);
  });

  test('json to --output: a valid report, written whole with no temp files left', async () => {
    const out = join(tempDir(), 'reports', 'scan.json');
    const r = await runCli(['scan', aster, '--format', 'json', '--output', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const report = parseReport(readFileSync(out, 'utf8'), out);
    assertValidReport(report);
    assert.equal(report.projects[0]!.name, 'aster');
    assert.match(report.projects[0]!.commit ?? '', /^[0-9a-f]{40}$/);
    assert.deepEqual(readdirSync(join(out, '..')), ['scan.json']);
  });

  test('markdown: an overview table and a section per project', async () => {
    const r = await runCli(['scan', cedar, '-f', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Oslo migration report/m);
    assert.match(r.stdout, /\| cedar \| clean \| 0 \| 0 \| 0 \| 0 \| yes \|/);
    assert.match(r.stdout, /^## cedar$/m);
  });

  test('a path that is not a checkout: its error in the report, the others scanned, exit 3', async () => {
    const plain = join(tempDir(), 'not-a-repo');
    mkdirSync(plain);
    const r = await runCli(['scan', plain, cedar, '--format', 'json']);
    assert.equal(r.code, 3);
    const report = JSON.parse(r.stdout);
    assertValidReport(report);
    assert.deepEqual(report.projects.map((p: { name: string; error: { stage: string } | null }) => [p.name, p.error?.stage ?? null]), [
      ['not-a-repo', 'resolve'],
      ['cedar', null],
    ]);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /not-a-repo: .*not a git checkout/);
  });

  test('usage errors: one line on stderr, exit 2', async () => {
    for (const args of [['scan'], ['scan', cedar, '--format', 'yaml'], ['scan', cedar, '--bogus'], ['scan', cedar, '--max-file-size', 'lots'], ['frobnicate']]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^oslo-audit/);
      assert.equal(r.stdout, '');
    }
  });

  test('--help and --version', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /scan +scan local git checkouts/);
    const version = await runCli(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('oslo-audit demo', () => {
  test('builds the demo workspace as git repositories and audits it', async () => {
    const dir = join(tempDir(), 'demo');
    const r = await runCli(['demo', '--dir', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assertValidReport(report);
    const status = Object.fromEntries(report.projects.map((p: { name: string; summary: { migrationStatus: string } }) => [p.name, p.summary.migrationStatus]));
    assert.deepEqual(status, { aster: 'not-started', birch: 'in-progress', cedar: 'clean', dunlin: 'not-started' });
    const dunlin = report.projects.find((p: { name: string }) => p.name === 'dunlin');
    assert.equal(dunlin!.activity!.lastHumanCommit, '2016-01-20T15:30:00Z');
    // A second run replaces the earlier demo.
    assert.equal((await runCli(['demo', '--dir', dir, '--format', 'json'])).code, 0);
  });

  test('refuses to write into a folder that is not a demo workspace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    const r = await runCli(['demo', '--dir', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not a demo workspace/);
    assert.equal(readFileSync(join(dir, 'precious.txt'), 'utf8'), 'keep me');
  });
});
