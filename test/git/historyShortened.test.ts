// The read of every commit, told the day the figures are counted from and the bots, stops once what
// lies further back cannot change them; a record so shortened answers only figures it can answer.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { activityFrom, activityOf, historyOf, type CommitSpec } from '../../src/git/index.js';
import { saveHistoryRecord } from '../../src/git/historyRecord.js';
import { HISTORY_RULES } from '../../src/git/history.js';
import { git } from '../helpers/remote.js';
import { repoWithHistory } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const JANE = 'Jane Developer <jane@example.org>';
const RAJ = 'Raj Kumar <raj@example.org>';
const ZUUL = 'Zuul <zuul@review.opendev.org>';
const NOW = new Date('2016-06-30T00:00:00Z');
const LATER = new Date('2017-03-01T00:00:00Z');
const EARLIER = new Date('2015-01-01T00:00:00Z');

/** A commit on the first of every other month from `from` (YYYY-MM) to `to`, each by `author(date)`. */
function everyOtherMonth(from: string, to: string, author: (date: string) => string, files: (n: number) => CommitSpec['files'] = (n) => ({ 'svc/work.py': `x = ${n}\n` })): CommitSpec[] {
  const out: CommitSpec[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  for (let n = 0; y < ty || (y === ty && m <= tm); n++) {
    const date = `${y}-${String(m).padStart(2, '0')}-01T09:00:00Z`;
    out.push({ date, author: author(date), message: `Change ${n}`, files: files(n) });
    m += 2;
    if (m > 12) [y, m] = [y + 1, m - 12];
  }
  return out;
}

const START: CommitSpec = {
  date: '2010-11-01T09:00:00Z',
  author: JANE,
  message: 'Initial import',
  files: { 'svc/__init__.py': '', 'svc/openstack/common/log.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\n' },
};

/** The figures of a whole read and of a shortened one, counted from `now`. */
async function bothWays(dir: string, now: Date) {
  const head = git(dir, 'rev-parse', 'HEAD');
  const whole = await historyOf(dir, head);
  const shortened = await historyOf(dir, head, { activity: { now } });
  return { whole, shortened, wholeFigures: activityFrom(whole, { now }), shortFigures: activityFrom(shortened, { now }) };
}

test('a read for figures counted from a day stops past the window, once a human commit and the newest sync are read, and gives the same figures', async () => {
  const dir = await repoWithHistory([
    START,
    ...everyOtherMonth('2011-01', '2014-11', () => RAJ),
    { date: '2015-02-01T09:00:00Z', author: RAJ, message: 'Sync with oslo-incubator', files: { 'svc/openstack/common/log.py': 'v2\n' } },
    ...everyOtherMonth('2015-03', '2016-05', (d) => (d < '2016-01' ? JANE : ZUUL)),
  ]);
  const { whole, shortened, wholeFigures, shortFigures } = await bothWays(dir, NOW);
  assert.equal(whole.shortened, undefined);
  assert.ok(shortened.shortened, 'the read stopped before the first commit');
  // Back to the window's start (2015-07-01), a month of skew, and the sync of 2015-02 before it.
  assert.ok(shortened.times.length < whole.times.length / 2, `${shortened.times.length} of ${whole.times.length} commits read`);
  assert.deepEqual(shortFigures, wholeFigures);
  assert.equal(shortFigures.lastIncubatorSync, '2015-02-01T09:00:00Z');
  assert.equal(shortFigures.lastHumanCommit, '2015-11-01T09:00:00Z');
  assert.equal(shortFigures.commits365d, 6);
  assert.deepEqual(shortFigures.incubatorModuleDates, { log: '2015-02-01T09:00:00Z' });
  // Counted from a later day, the shortened record still answers as the whole history does.
  assert.deepEqual(activityFrom(shortened, { now: LATER }), activityFrom(whole, { now: LATER }));
});

test('the read goes back as far as the newest human commit and the newest sync lie', async () => {
  // Only bots for the last three years; the only sync is by conf and copy, in 2012.
  const dir = await repoWithHistory([
    START,
    { date: '2012-03-01T09:00:00Z', author: JANE, message: 'Bring log up to date', files: { 'svc/openstack/common/log.py': 'v2\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=svc\n' } },
    ...everyOtherMonth('2012-05', '2013-05', () => JANE),
    ...everyOtherMonth('2013-07', '2016-05', () => ZUUL),
  ]);
  const { whole, shortened, wholeFigures, shortFigures } = await bothWays(dir, NOW);
  assert.deepEqual(shortFigures, wholeFigures);
  assert.equal(shortFigures.lastHumanCommit, '2013-05-01T09:00:00Z');
  assert.equal(shortFigures.lastIncubatorSync, '2012-03-01T09:00:00Z');
  // The sync by conf and copy is the narrow read's to find: the read of every commit may stop once it
  // has passed it, or (when the narrow read is slower) read on to the first commit. Either way, it
  // kept the commits down to the sync.
  const kept = shortened.times.length;
  assert.ok(shortened.shortened ? kept < whole.times.length : kept === whole.times.length);
  assert.ok(shortened.times.includes(Date.parse('2012-03-01T09:00:00Z') / 1000));

  // With no sync at all, nothing in the history can be left out.
  const never = await repoWithHistory([{ ...START, files: { 'svc/__init__.py': '' } }, ...everyOtherMonth('2011-01', '2016-05', () => JANE)], 'never');
  const none = await bothWays(never, NOW);
  assert.equal(none.shortened.shortened, undefined);
  assert.deepEqual(none.shortened.times, none.whole.times);
  assert.equal(none.shortFigures.lastIncubatorSync, null);
});

test('activity of a commit asked for on a given day gives what the whole history gives, on every day', async () => {
  const dir = await repoWithHistory([
    START,
    ...everyOtherMonth('2011-01', '2013-11', () => RAJ),
    { date: '2014-01-01T09:00:00Z', author: RAJ, message: 'Merge "Sync lockutils from oslo-incubator"', files: { 'svc/openstack/common/log.py': 'v2\n' } },
    ...everyOtherMonth('2014-03', '2016-05', () => ZUUL),
  ]);
  const head = git(dir, 'rev-parse', 'HEAD');
  const whole = await historyOf(dir, head);
  for (const now of [EARLIER, NOW, LATER]) {
    assert.deepEqual(await activityOf(dir, 'HEAD', { now }), activityFrom(whole, { now }), now.toISOString());
    const bots = ['Zuul', 'Raj'];
    assert.deepEqual(await activityOf(dir, 'HEAD', { now, bots }), activityFrom(whole, { now, bots }), `${now.toISOString()} with Raj a bot`);
  }
});

test('a shortened record answers only a window starting no earlier than its own, with its bots; other figures read the history again', async () => {
  const dir = await repoWithHistory([START, ...everyOtherMonth('2011-01', '2016-05', () => JANE)]);
  const head = git(dir, 'rev-parse', 'HEAD');
  const file = join(tempDir(), 'cache', 'repo.history.json');
  const horizon = Math.floor(NOW.getTime() / 1000) - 365 * 86_400;
  const bots = ['Zuul'];
  // A planted record: its author shows whether it was answered from.
  const planted = { tip: head, authors: ['Recorded Author <r@example.org>'], times: [1_460_000_000], who: [0], lastSync: null, moduleTimes: {}, shortened: { horizon, bots } };
  const fromRecord = async (activity?: { now: Date; bots?: string[] }) => {
    saveHistoryRecord(file, dir, HISTORY_RULES, planted);
    const h = await historyOf(dir, head, { recordFile: file, location: dir, ...(activity ? { activity } : {}) });
    return h.authors.includes('Recorded Author <r@example.org>');
  };
  assert.equal(await fromRecord({ now: NOW, bots }), true);
  assert.equal(await fromRecord({ now: LATER, bots: ['zuul'] }), true, 'a later day, the same bots');
  assert.equal(await fromRecord({ now: EARLIER, bots }), false, 'an earlier day needs older commits');
  assert.equal(await fromRecord({ now: NOW, bots: ['Zuul', 'Jane'] }), false, 'other bots may need an older human commit');
  assert.equal(await fromRecord(), false, 'the whole history was asked for');
  // A record of the whole history answers figures counted from any day.
  saveHistoryRecord(file, dir, HISTORY_RULES, { tip: head, authors: planted.authors, times: planted.times, who: planted.who, lastSync: null, moduleTimes: {} });
  assert.deepEqual((await historyOf(dir, head, { recordFile: file, location: dir, activity: { now: EARLIER } })).authors, ['Recorded Author <r@example.org>']);
  // A shortened record that says nothing sensible of its window is not trusted.
  saveHistoryRecord(file, dir, HISTORY_RULES, { ...planted, shortened: { horizon: 'soon', bots } } as unknown as typeof planted);
  assert.ok(!(await historyOf(dir, head, { recordFile: file, location: dir, activity: { now: NOW, bots } })).authors.includes('Recorded Author <r@example.org>'));
});
