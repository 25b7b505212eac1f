import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { activityOf, historyOf, HistoryUnavailableError, isBot, isIncubatorSync, type CommitSpec } from '../../src/git/index.js';
import { syncScope } from '../../src/git/syncSearch.js';
import { git } from '../helpers/remote.js';
import { repoWithHistory } from '../helpers/repo.js';

const JANE = 'Jane Developer <jane@example.org>';
const RAJ = 'Raj Kumar <raj@example.org>';
const PROPOSAL_BOT = 'OpenStack Proposal Bot <openstack-infra@lists.openstack.org>';
const ZUUL = 'Zuul <zuul@review.opendev.org>';
const NOW = new Date('2016-06-30T00:00:00Z');

async function history() {
  return repoWithHistory([
    { date: '2014-01-10T09:00:00Z', author: JANE, message: 'Initial import', files: { 'nova/openstack/common/log.py': 'v1\n', 'nova/openstack/common/jsonutils.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nmodule=jsonutils\n' } },
    { date: '2014-09-01T09:00:00Z', author: RAJ, message: 'Sync with oslo-incubator', files: { 'nova/openstack/common/log.py': 'v2\n' } },
    { date: '2015-08-01T09:00:00Z', author: JANE, message: 'Update jsonutils and the conf', files: { 'nova/openstack/common/jsonutils.py': 'v2\n', 'openstack-common.conf': '[DEFAULT]\nmodule=jsonutils\nmodule=log\n' } },
    { date: '2015-12-01T09:00:00Z', author: RAJ, message: 'Fix a typo', files: { 'README.rst': 'nova\n' } },
    { date: '2016-03-01T09:00:00Z', author: JANE, message: 'Drop a test', files: { 'nova/tests/test_x.py': 'x\n' } },
    { date: '2016-05-01T09:00:00Z', author: PROPOSAL_BOT, message: 'Updated from global requirements', files: { 'requirements.txt': 'pbr\n' } },
    { date: '2016-06-20T09:00:00Z', author: ZUUL, message: 'Merge "Drop a test"', files: { 'nova/tests/test_y.py': 'y\n' } },
  ]);
}

test('activity counts commits and human authors in the last 90 and 365 days, without bots for the human figures', async () => {
  const a = await activityOf(await history(), 'HEAD', { now: NOW });
  assert.equal(a.lastCommit, '2016-06-20T09:00:00Z');
  assert.equal(a.lastHumanCommit, '2016-03-01T09:00:00Z');
  // 90 days back from 2016-06-30 is 2016-04-01: the two bot commits.
  assert.equal(a.commits90d, 2);
  // 365 days back is 2015-07-01: four commits, two of them by humans (Jane twice, Raj once).
  assert.equal(a.commits365d, 5);
  assert.equal(a.authors365d, 2);
});

test('the last incubator sync is found by subject or by a commit touching the conf and the copy together', async () => {
  const a = await activityOf(await history(), 'HEAD', { now: NOW });
  // "Update jsonutils and the conf" has no sync subject but touches openstack-common.conf and the copy.
  assert.equal(a.lastIncubatorSync, '2015-08-01T09:00:00Z');
  assert.deepEqual(a.incubatorModuleDates, { jsonutils: '2015-08-01T09:00:00Z', log: '2014-09-01T09:00:00Z' });
});

test('a commit that deletes copies and their lines of the conf is their removal, not a sync', async () => {
  const dir = await repoWithHistory([
    { date: '2014-01-10T09:00:00Z', author: JANE, message: 'Initial import', files: { 'nova/__init__.py': '', 'nova/openstack/common/log.py': 'v1\n', 'nova/openstack/common/jsonutils.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nmodule=jsonutils\n' } },
    { date: '2014-09-01T09:00:00Z', author: RAJ, message: 'Bring log up to date', files: { 'nova/openstack/common/log.py': 'v2\n', 'openstack-common.conf': '[DEFAULT]\nmodule=jsonutils\nmodule=log\n' } },
    // The conf edited and a copy deleted: jsonutils moved to oslo.serialization.
    { date: '2015-03-01T09:00:00Z', author: JANE, message: 'Use oslo.serialization', files: { 'nova/openstack/common/jsonutils.py': null, 'openstack-common.conf': '[DEFAULT]\nmodule=log\n' } },
    { date: '2015-06-01T09:00:00Z', author: RAJ, message: 'Drop the conf, patch log', files: { 'openstack-common.conf': null, 'nova/openstack/common/log.py': 'v3\n' } },
  ]);
  // Neither later commit is a sync: one removes a copy, the other drops the conf (a deleted file
  // counts for neither) while the copy is edited locally.
  const a = await activityOf(dir, 'HEAD', { now: NOW });
  assert.equal(a.lastIncubatorSync, '2014-09-01T09:00:00Z');
  // The copy still in the tree is dated by its newest change all the same.
  assert.deepEqual(a.incubatorModuleDates, { log: '2015-06-01T09:00:00Z' });
  const before = await activityOf(dir, git(dir, 'rev-parse', 'HEAD~1'), { now: NOW });
  assert.equal(before.lastIncubatorSync, '2014-09-01T09:00:00Z');
  assert.deepEqual(before.incubatorModuleDates, { log: '2014-09-01T09:00:00Z' });
});

test('a whole read keeps each author once, in the order met, whatever the name looks like to a JavaScript object', async () => {
  // The record keeps authors and commits by name in plain objects: names such as these must not
  // reach an object's own machinery, nor numbers sort ahead of the names met before them.
  const proto = '__proto__ <__proto__@example.org>';
  const ctor = 'constructor <toString@example.org>';
  const digits = '12 <34@example.org>';
  const dir = await repoWithHistory([
    { date: '2016-01-01T09:00:00Z', author: ctor, message: 'One', files: { a: '1\n' } },
    { date: '2016-02-01T09:00:00Z', author: digits, message: 'Two', files: { a: '2\n' } },
    { date: '2016-03-01T09:00:00Z', author: proto, message: 'Three', files: { a: '3\n' } },
    { date: '2016-04-01T09:00:00Z', author: ctor, message: 'Four', files: { a: '4\n' } },
    { date: '2016-05-01T09:00:00Z', author: JANE, message: 'Five', files: { a: '5\n' } },
  ]);
  const record = await historyOf(dir, git(dir, 'rev-parse', 'HEAD'));
  // Newest first: Jane, then constructor (met before its older commit), __proto__, 12.
  assert.deepEqual(record.authors, [JANE, ctor, proto, digits]);
  assert.deepEqual(record.who, [0, 1, 2, 3, 1]);
  assert.equal(record.times.length, 5);
  const a = await activityOf(dir, 'HEAD', { now: NOW });
  assert.equal(a.authors365d, 4);
});

test('the bot list is configurable: with none, bots count as humans', async () => {
  const dir = await history();
  const a = await activityOf(dir, 'HEAD', { now: NOW, bots: [] });
  assert.equal(a.lastHumanCommit, '2016-06-20T09:00:00Z');
  assert.equal(a.authors365d, 4);
  const b = await activityOf(dir, 'HEAD', { now: NOW, bots: ['zuul', 'jane@example.org'] });
  assert.equal(b.lastHumanCommit, '2016-05-01T09:00:00Z');
});

test('activity at an older ref ignores later commits', async () => {
  const dir = await history();
  const a = await activityOf(dir, git(dir, 'rev-parse', 'HEAD~3'), { now: NOW });
  assert.equal(a.lastCommit, '2015-12-01T09:00:00Z');
  assert.equal(a.lastHumanCommit, '2015-12-01T09:00:00Z');
});

test('sync subjects and bots are told apart from look-alikes', () => {
  for (const s of ['Sync with oslo-incubator', 'Updated from oslo-incubator', 'Sync lockutils from oslo', 'Merge from oslo-incubator']) assert.ok(isIncubatorSync(s, []), s);
  for (const s of ['Update oslo.config to 1.2', 'Fix a typo in oslo docs', 'Sync from oslo.messaging']) assert.ok(!isIncubatorSync(s, []), s);
  // A gate's merge is told by the change it merges, not by its own verb.
  for (const s of ['Merge "Sync with oslo-incubator"', 'Merge "Updated from oslo-incubator" into stable/icehouse']) assert.ok(isIncubatorSync(s, []), s);
  for (const s of ['Merge "Drop outdated description about oslo-incubator"', 'Merge "Remove the last openstack.common copies" into stable/mitaka']) assert.ok(!isIncubatorSync(s, []), s);
  assert.ok(isIncubatorSync('Cleanup', ['openstack-common.conf', 'nova/openstack/common/log.py']));
  assert.ok(!isIncubatorSync('Cleanup', ['openstack-common.conf']));
  assert.ok(isBot(PROPOSAL_BOT));
  assert.ok(isBot(ZUUL));
  assert.ok(!isBot(JANE));
});

/** The loose object of a commit's root tree removed: git can list that commit but not say what it changed. */
function dropRootTree(dir: string, rev: string): void {
  const tree = git(dir, 'rev-parse', `${rev}^{tree}`);
  rmSync(join(dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
}

test('the narrow read stops once every copy in the tree has its date and the newest sync is known', async () => {
  const commits: CommitSpec[] = [
    { date: '2013-01-10T09:00:00Z', author: JANE, message: 'Initial import', files: { 'svc/openstack/common/log.py': 'v1\n', 'svc/openstack/common/gone.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\n' } },
    { date: '2013-06-01T09:00:00Z', author: RAJ, message: 'Drop gone', files: { 'svc/openstack/common/gone.py': null } },
    { date: '2013-09-01T09:00:00Z', author: RAJ, message: 'Touch log', files: { 'svc/openstack/common/log.py': 'v2\n' } },
    { date: '2014-01-01T09:00:00Z', author: JANE, message: 'Update log and the conf', files: { 'svc/openstack/common/log.py': 'v3\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=svc\n' } },
    { date: '2015-01-01T09:00:00Z', author: RAJ, message: 'Fix a typo', files: { 'README.rst': 'svc\n' } },
  ];
  const dir = await repoWithHistory(commits);
  // What "Drop gone" changed can only be read with the tree before it: git fails if the read gets there.
  dropRootTree(dir, 'HEAD~4');
  const a = await activityOf(dir, 'HEAD', { now: NOW });
  assert.equal(a.lastIncubatorSync, '2014-01-01T09:00:00Z');
  assert.deepEqual(a.incubatorModuleDates, { log: '2014-01-01T09:00:00Z' });
  assert.equal(a.lastCommit, '2015-01-01T09:00:00Z');

  // A copy whose last change is further back keeps the read going, into the missing tree.
  const older = await repoWithHistory([{ ...commits[0]!, files: { ...commits[0]!.files, 'svc/openstack/common/units.py': 'v1\n' } }, ...commits.slice(1)]);
  dropRootTree(older, 'HEAD~4');
  await assert.rejects(activityOf(older, 'HEAD', { now: NOW }), HistoryUnavailableError);
});

test('the narrow read names the copies and confs at the top, in each top-level package and in every copy folder of the tree', () => {
  const scope = syncScope(['README.rst', 'nova/__init__.py', 'nova/api.py', 'tools/install_venv.py', 'doc/source/conf.py', 'contrib/xen/openstack/common/log.py', 'nova/tests/__init__.py']);
  assert.deepEqual(scope.paths, [
    ':(literal)contrib/xen/openstack/common',
    ':(literal)nova/openstack-common.conf',
    ':(literal)nova/openstack/common',
    ':(literal)openstack-common.conf',
    ':(literal)openstack/common',
  ]);
  assert.deepEqual([...scope.modules], ['log']);
});

test('a sync in a package whose copies are all gone is found; one in a folder that is no package is not named', async () => {
  const dir = await repoWithHistory([
    { date: '2014-01-10T09:00:00Z', author: JANE, message: 'Initial import', files: { 'svc/__init__.py': '', 'svc/openstack/common/log.py': 'v1\n', 'tools/openstack/common/x.py': 'v1\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\n' } },
    { date: '2014-09-01T09:00:00Z', author: RAJ, message: 'Update log and the conf', files: { 'svc/openstack/common/log.py': 'v2\n', 'openstack-common.conf': '[DEFAULT]\nmodule=log\nbase=svc\n' } },
    { date: '2015-01-01T09:00:00Z', author: RAJ, message: 'Tidy the tools', files: { 'tools/openstack/common/x.py': 'v2\n', 'tools/run.sh': 'x\n', 'openstack-common.conf': '[DEFAULT]\n' } },
    { date: '2015-08-01T09:00:00Z', author: JANE, message: 'Use oslo.log', files: { 'svc/openstack/common/log.py': null, 'tools/openstack/common/x.py': null } },
    { date: '2015-09-01T09:00:00Z', author: JANE, message: 'Drop the conf', files: { 'openstack-common.conf': null } },
  ]);
  const a = await activityOf(dir, 'HEAD', { now: NOW });
  // tools/ is no package: its commit with the conf is not in the narrow read; svc's is.
  assert.equal(a.lastIncubatorSync, '2014-09-01T09:00:00Z');
  assert.deepEqual(a.incubatorModuleDates, {});
});
