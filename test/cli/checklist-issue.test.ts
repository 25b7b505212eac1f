import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

test('checklist --format issue: a living issue body, stable when regenerated from itself', async () => {
  const birch = await fixtureRepo('birch');
  const first = await runCli(['checklist', birch, '--format', 'issue']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^<!-- oslo-audit:checklist v1 -->/);
  assert.match(first.stdout, /- \[ \] lockutils: use oslo\.concurrency .*<!-- oslo-audit:item incubator:lockutils@birch -->/);
  assert.match(first.stdout, /`oslo\.concurrency>=0\.3\.0`/);
  const previous = join(tempDir(), 'body.md');
  writeFileSync(previous, first.stdout);
  const again = await runCli(['checklist', birch, '--format', 'issue', '--previous', previous]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, first.stdout);
});

test('checklist --previous without --format issue is a usage error', async () => {
  const r = await runCli(['checklist', '--report', 'x.json', '--previous', 'y.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--previous goes with --format issue/);
});
