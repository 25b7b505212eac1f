// The incubator index is built once and cached by the incubator's HEAD; URLs are cloned once.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { writeCommits } from '../../src/git/index.js';
import { HISTORY_FORMAT, IncubatorError, openIncubator } from '../../src/provenance/index.js';
import { tempDir } from '../helpers/tmp.js';
import { buildIncubator, LOCKUTILS_1, type IncubatorFixture } from './fixtures.js';

const work = tempDir();
let fixture: IncubatorFixture;

before(async () => {
  fixture = await buildIncubator(work);
});

test('the index is written once, atomically, and read back from the cache', async () => {
  const cacheDir = join(work, 'cache-1');
  const first = await openIncubator(fixture.dir, { cacheDir });
  assert.equal(first.cached, false);
  const file = join(cacheDir, `${fixture.head}.json`);
  assert.ok(existsSync(file));
  assert.deepEqual(readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')), [], 'no temp file left behind');
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).format, HISTORY_FORMAT);
  const second = await openIncubator(fixture.dir, { cacheDir });
  assert.equal(second.cached, true);
  assert.deepEqual(second.index.history.versions, first.index.history.versions);
});

test('a corrupt, truncated or other-format cache file is ignored and rebuilt', async () => {
  const cacheDir = join(work, 'cache-2');
  const built = await openIncubator(fixture.dir, { cacheDir });
  const file = join(cacheDir, `${fixture.head}.json`);
  const good = readFileSync(file, 'utf8');
  for (const bad of [good.slice(0, good.length / 2), '{}', JSON.stringify({ ...JSON.parse(good), format: HISTORY_FORMAT + 1 }), JSON.stringify({ ...JSON.parse(good), tips: 'other' })]) {
    writeFileSync(file, bad);
    const again = await openIncubator(fixture.dir, { cacheDir });
    assert.equal(again.cached, false);
    assert.deepEqual(again.index.history.versions, built.index.history.versions);
  }
});

test('a new incubator commit makes a new index', async () => {
  const parent = tempDir();
  const moving = await buildIncubator(parent);
  const cacheDir = join(parent, 'cache');
  const before = await openIncubator(moving.dir, { cacheDir });
  const head = await writeCommits(moving.dir, [{ date: '2015-01-05T10:00:00Z', author: 'Ola <ola@example.org>', message: 'lockutils: back to v1', files: { 'openstack/common/lockutils.py': LOCKUTILS_1 + '\n# v5\n' } }]);
  const after = await openIncubator(moving.dir, { cacheDir });
  assert.equal(after.cached, false);
  assert.equal(after.index.head, head);
  assert.equal(after.index.versionsOf('lockutils.py').length, before.index.versionsOf('lockutils.py').length + 1);
});

test('a file:// URL is cloned once into the cache dir', async () => {
  const cacheDir = join(work, 'cache-url');
  const url = pathToFileURL(fixture.dir).href;
  const first = await openIncubator(url, { cacheDir });
  assert.equal(first.index.head, fixture.head);
  assert.notEqual(first.dir, fixture.dir);
  assert.ok(first.dir?.startsWith(join(cacheDir, 'clones')));
  assert.equal(first.index.versionsOf('jsonutils.py').length, 3, 'the clone has the full history');
  const second = await openIncubator(url, { cacheDir });
  assert.equal(second.dir, first.dir);
  assert.equal(second.cached, true);
});

test('bad incubators are refused with one-line errors', async () => {
  const cacheDir = join(work, 'cache-bad');
  await assert.rejects(openIncubator(join(work, 'nowhere'), { cacheDir }), (e: Error) => e instanceof IncubatorError && /no such directory/.test(e.message));
  await assert.rejects(openIncubator(tempDir(), { cacheDir }), (e: Error) => e instanceof IncubatorError && /not a git repository/.test(e.message));
  await assert.rejects(openIncubator('ext::sh -c touch% /tmp/pwned', { cacheDir }), /refusing URL/);
  await assert.rejects(openIncubator('file:///nonexistent/oslo-incubator', { cacheDir }), (e: Error) => e instanceof IncubatorError && /cannot clone/.test(e.message));
  // The clone cache keeps its lock and temp folders; no repository may be left behind.
  const left = existsSync(join(cacheDir, 'clones')) ? readdirSync(join(cacheDir, 'clones')).filter((n) => !n.startsWith('.oslo-audit-')) : [];
  assert.deepEqual(left, [], 'a failed clone leaves nothing behind');
  const tmp = join(cacheDir, 'clones', '.oslo-audit-tmp');
  assert.deepEqual(existsSync(tmp) ? readdirSync(tmp) : [], [], 'no half clone in the temp folder');
});
