import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { activityFrom, historyOf, isShallow, writeCommits, type CommitSpec } from '../../src/git/index.js';
import { saveHistoryRecord } from '../../src/git/historyRecord.js';
import { HISTORY_RULES } from '../../src/git/history.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { historyRecordPath } from '../../src/scan/index.js';
import { git } from '../helpers/remote.js';
import { repoWithHistory } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const JANE = 'Jane Developer <jane@example.org>';
const RAJ = 'Raj Kumar <raj@example.org>';
const ZUUL = 'Zuul <zuul@review.opendev.org>';
const NOW = new Date('2016-06-30T00:00:00Z');

const FIRST: CommitSpec[] = [
  { date: '2014-01-10T09:00:00Z', author: JANE, message: 'Initial import', files: { 'svc/openstack/common/log.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\n', 'svc/api.py': 'from oslo.config import cfg\n' } },
  { date: '2015-09-01T09:00:00Z', author: RAJ, message: 'Sync with oslo-incubator', files: { 'svc/openstack/common/log.py': 'v2\n' } },
];
const LATER: CommitSpec[] = [
  { date: '2016-04-01T09:00:00Z', author: JANE, message: 'Update log and the conf', files: { 'svc/openstack/common/log.py': 'v3\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=svc\n' } },
  { date: '2016-06-20T09:00:00Z', author: ZUUL, message: 'Merge "x"', files: { 'README.rst': 'svc\n' } },
];

const recordFile = () => join(tempDir(), 'cache', 'repo.history.json');

test('a history read again from its record is the one git gives, and counting back from another day needs no new read', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const head = git(dir, 'rev-parse', 'HEAD');
  const file = recordFile();
  const cold = await historyOf(dir, head);
  const first = await historyOf(dir, head, { recordFile: file, location: dir });
  assert.deepEqual(first, cold);
  const again = await historyOf(dir, head, { recordFile: file, location: dir });
  assert.deepEqual(again, cold);
  // The windows are counted when asked: a day later, the same record gives other figures.
  assert.equal(activityFrom(again, { now: NOW }).commits90d, 2);
  assert.equal(activityFrom(again, { now: new Date('2017-06-30T00:00:00Z') }).commits90d, 0);
  assert.equal(activityFrom(again, { now: NOW }).lastIncubatorSync, '2016-04-01T09:00:00Z');
});

test('a recorded commit is answered from the record, without reading git', async () => {
  const dir = await repoWithHistory(FIRST);
  const head = git(dir, 'rev-parse', 'HEAD');
  const file = recordFile();
  // A record naming an author this repository never had: only read from the record can it appear.
  saveHistoryRecord(file, dir, HISTORY_RULES, { tip: head, authors: ['Recorded Author <r@example.org>'], times: [1_400_000_000], who: [0], lastSync: null, moduleTimes: {} });
  const h = await historyOf(dir, head, { recordFile: file, location: dir });
  assert.deepEqual(h.authors, ['Recorded Author <r@example.org>']);
});

test('a later commit reads only the commits after the recorded one, and gives what a whole read gives', async () => {
  const dir = await repoWithHistory(FIRST);
  const old = git(dir, 'rev-parse', 'HEAD');
  const file = recordFile();
  await historyOf(dir, old, { recordFile: file, location: dir });
  await writeCommits(dir, LATER);
  const head = git(dir, 'rev-parse', 'HEAD');
  const whole = await historyOf(dir, head);
  assert.deepEqual(activityFrom(await historyOf(dir, head, { recordFile: file, location: dir }), { now: NOW }), activityFrom(whole, { now: NOW }));

  // The older part comes from the record: a planted record for the old commit shows through.
  saveHistoryRecord(file, dir, HISTORY_RULES, { tip: old, authors: ['Recorded Author <r@example.org>'], times: [1_400_000_000], who: [0], lastSync: 1_400_000_000, moduleTimes: { lockutils: 1_400_000_000 } });
  const h = await historyOf(dir, head, { recordFile: file, location: dir });
  assert.deepEqual(h.times, [Date.parse(LATER[1]!.date) / 1000, Date.parse(LATER[0]!.date) / 1000, 1_400_000_000]);
  assert.ok(h.authors.includes('Recorded Author <r@example.org>'));
  // Dates are kept for the copies in the tree: the recorded lockutils has no copy at the new commit.
  assert.deepEqual(h.moduleTimes, { log: Date.parse(LATER[0]!.date) / 1000 });
});

test('a record whose commit is not a first-parent ancestor is not joined: the history is read whole', async () => {
  const dir = await repoWithHistory(FIRST);
  git(dir, 'checkout', '-q', '-b', 'side');
  await writeCommits(dir, [LATER[0]!]);
  const side = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', 'master');
  await writeCommits(dir, [LATER[1]!]);
  git(dir, '-c', 'user.name=Jane Developer', '-c', 'user.email=jane@example.org', 'merge', '-q', '--no-ff', '-m', 'Merge side', side);
  const head = git(dir, 'rev-parse', 'HEAD');
  const file = recordFile();
  saveHistoryRecord(file, dir, HISTORY_RULES, { tip: side, authors: ['Recorded Author <r@example.org>'], times: [1_400_000_000], who: [0], lastSync: null, moduleTimes: {} });
  const h = await historyOf(dir, head, { recordFile: file, location: dir });
  assert.deepEqual(h, await historyOf(dir, head));
  assert.ok(!h.authors.includes('Recorded Author <r@example.org>'));
});

test('a torn, edited or foreign record is ignored and rebuilt', async () => {
  const dir = await repoWithHistory(FIRST);
  const head = git(dir, 'rev-parse', 'HEAD');
  const whole = await historyOf(dir, head);
  const file = recordFile();
  const planted = { tip: head, authors: ['Recorded Author <r@example.org>'], times: [1_400_000_000], who: [0], lastSync: null, moduleTimes: {} };
  // Another repository's record at this path.
  saveHistoryRecord(file, '/elsewhere', HISTORY_RULES, planted);
  assert.deepEqual(await historyOf(dir, head, { recordFile: file, location: dir }), whole);
  // Edited: the body no longer matches its digest.
  saveHistoryRecord(file, dir, HISTORY_RULES, planted);
  writeFileSync(file, readFileSync(file, 'utf8').replace('1400000000', '1400000001'));
  assert.deepEqual(await historyOf(dir, head, { recordFile: file, location: dir }), whole);
  // Made under other sync rules, torn, garbage.
  saveHistoryRecord(file, dir, 'other rules', planted);
  assert.deepEqual(await historyOf(dir, head, { recordFile: file, location: dir }), whole);
  for (const junk of ['{"format":1', 'garbage\n{}', '']) {
    writeFileSync(file, junk);
    assert.deepEqual(await historyOf(dir, head, { recordFile: file, location: dir }), whole);
  }
  // The rebuilt record is trusted again.
  assert.deepEqual(await historyOf(dir, head, { recordFile: file, location: dir }), whole);
  assert.match(readFileSync(file, 'utf8'), /"tip":"[0-9a-f]{40}"/);
});

test('a shallow clone keeps its findings; its activity is unknown, with the reason', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const shallow = join(tempDir(), 'shallow');
  git(tempDir(), 'clone', '-q', '--depth', '1', `file://${dir}`, shallow);
  const project = await scanCheckout({ path: shallow }, { workers: 0 });
  assert.equal(project.error, null);
  assert.equal(project.activity, null);
  assert.match(project.activityError ?? '', /shallow/);
  assert.ok(project.findings.some((f) => f.kind === 'namespace-import'));
});

test('missing objects in the history keep the findings; the activity is unknown, with git\'s reason', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  // Remove the first commit's object: the tree at HEAD is whole, its history is not.
  const root = git(dir, 'rev-list', '--max-parents=0', 'HEAD');
  rmSync(join(dir, '.git', 'objects', root.slice(0, 2), root.slice(2)));
  const project = await scanCheckout({ path: dir }, { workers: 0 });
  assert.equal(project.error, null);
  assert.equal(project.activity, null);
  assert.match(project.activityError ?? '', /history unavailable: .+/);
  assert.ok(project.findings.some((f) => f.kind === 'namespace-import'));
});

test('a scan with a results cache keeps the history record beside it; a re-scan gives the same activity from it', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const cache = join(tempDir(), 'scan-cache');
  const first = await scanCheckout({ path: dir }, { workers: 0, cache, activity: { now: NOW } });
  const { realpathSync } = await import('node:fs');
  const file = historyRecordPath(cache, realpathSync(dir));
  assert.match(readFileSync(file, 'utf8'), new RegExp(`"tip":"${git(dir, 'rev-parse', 'HEAD')}"`));
  const again = await scanCheckout({ path: dir }, { workers: 0, cache, activity: { now: NOW } });
  assert.deepEqual(again.activity, first.activity);
  assert.equal(first.activity?.lastIncubatorSync, '2016-04-01T09:00:00Z');
  assert.deepEqual(first.activity?.incubatorModuleDates, { log: '2016-04-01T09:00:00Z' });
});

test('a history given the scan\'s listing of the tree reads what it reads on its own', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const head = git(dir, 'rev-parse', 'HEAD');
  const names = git(dir, 'ls-tree', '-r', '--name-only', head).split('\n');
  assert.deepEqual(await historyOf(dir, head, { listing: Promise.resolve(names) }), await historyOf(dir, head));
  // No listing (the scan reused its record of the commit): the history lists the tree itself.
  assert.deepEqual(await historyOf(dir, head, { listing: Promise.resolve(null) }), await historyOf(dir, head));
  // The narrow read takes its scope from the listing given: without the copy in it, no copy is dated.
  const h = await historyOf(dir, head, { listing: Promise.resolve(names.filter((n) => !n.includes('/openstack/common/'))) });
  assert.deepEqual(h.moduleTimes, {});
});

test('a re-scan whose commit record is reused, with its history record gone, still has its activity', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const cache = join(tempDir(), 'scan-cache');
  const first = await scanCheckout({ path: dir }, { workers: 0, cache, activity: { now: NOW } });
  assert.equal(first.activity?.lastIncubatorSync, '2016-04-01T09:00:00Z');
  rmSync(historyRecordPath(cache, dir));
  const again = await scanCheckout({ path: dir }, { workers: 0, cache, activity: { now: NOW } });
  assert.deepEqual(again.activity, first.activity);
  assert.deepEqual(again.findings, first.findings);
});

test('a linked work tree of a shallow clone is known shallow from its files; one of a whole clone is not', async () => {
  const dir = await repoWithHistory([...FIRST, ...LATER]);
  const shallow = join(tempDir(), 'shallow-main');
  git(tempDir(), 'clone', '-q', '--depth', '1', `file://${dir}`, shallow);
  const linked = join(tempDir(), 'shallow-linked');
  git(shallow, 'worktree', 'add', '-q', '--detach', linked);
  assert.equal(await isShallow(linked), true);
  const whole = join(tempDir(), 'whole-linked');
  git(dir, 'worktree', 'add', '-q', '--detach', whole);
  assert.equal(await isShallow(whole), false);
  const project = await scanCheckout({ path: linked }, { workers: 0 });
  assert.match(project.activityError ?? '', /shallow/);
});
