// `oslo-audit review` where it cannot open a UI: one line on stderr and exit code 2.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

function cli(...args: string[]) {
  // Pipes, not a terminal: this is how CI and scripts run the tool.
  return spawnSync(process.execPath, [join(packageRoot, 'bin', 'oslo-audit.js'), ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

test('review with stdout not a terminal exits 2 with one line pointing to scan --format', async () => {
  const repo = await fixtureRepo('cedar');
  const r = cli('review', repo);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^oslo-audit review: stdout is not a terminal; .*oslo-audit scan TARGET\.\.\. --format/);
});

test('review refuses bad command lines and bad reports with exit 2', () => {
  const dir = tempDir();
  const notJson = join(dir, 'report.json');
  writeFileSync(notJson, '{ nope');
  const notReport = join(dir, 'other.json');
  writeFileSync(notReport, '{"schemaVersion": 7}');
  const cases: [string[], RegExp][] = [
    [[], /review needs targets \(paths, URLs, namespace\/name, --from, --governance, --github-org\) or --report FILE/],
    [['--report', notJson, 'somewhere'], /give targets to scan or --report FILE, not both/],
    [['--report', join(dir, 'absent.json')], /cannot read .*absent\.json: ENOENT/],
    [['--report', notJson], /report\.json is not JSON/],
    [['--report', notReport], /other\.json is not a valid oslo-audit report/],
    [['--max-file-size', '0', 'x'], /--max-file-size takes a positive whole number/],
    [['--project-config', '', 'x'], /--project-config, --governance and --incubator need a value/],
    [['--report', notJson, '--from', 'list.txt'], /give targets to scan or --report FILE, not both/],
  ];
  for (const [args, message] of cases) {
    const r = cli('review', ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});

test('with --report, --governance and --project-config name the retirement checkouts, not targets', async () => {
  const dir = tempDir();
  const report = join(dir, 'report.json');
  const scanned = cli('scan', await fixtureRepo('cedar'), '--format', 'json', '--output', report);
  assert.equal(scanned.status, 0, scanned.stderr);
  const r = cli('review', '--report', report, '--governance', dir, '--project-config', dir);
  // Accepted: it goes as far as needing a terminal.
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^oslo-audit review: stdout is not a terminal/);
});

test('demo prints the table when stdout is not a terminal', () => {
  const r = cli('demo', '--dir', join(tempDir(), 'demo'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^PROJECT\s+STATUS/);
  assert.match(r.stdout, /^dunlin\s+not-started/m);
});
