// Provenance end to end on real repositories: a small incubator with a rename, a deletion and a
// merged side branch, and projects synced from it at different points.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { simpleGit } from 'simple-git';
import { scanCheckout } from '../../src/pipeline/index.js';
import { checkoutProvenance, openIncubator, provenanceLine, type Incubator } from '../../src/provenance/index.js';
import { makeReport, type CopyProvenance, type FindingOf, type Project } from '../../src/report/index.js';
import { assertValidReport } from '../helpers/report.js';
import { tempDir } from '../helpers/tmp.js';
import {
  buildIncubator, buildProject, FILEUTILS_1, JSONUTILS_1, JSONUTILS_2, JSONUTILS_SIDE, LOCKUTILS_2, LOCKUTILS_3, STRUTILS_1, UTILS_1, updatePyRewrite,
  type IncubatorFixture,
} from './fixtures.js';

// Made at the top: a temp folder made inside a test or hook is removed when that test or hook ends.
const work = tempDir();
let fixture: IncubatorFixture;
let incubator: Incubator;

before(async () => {
  fixture = await buildIncubator(work);
  incubator = await openIncubator(fixture.dir, { cacheDir: `${work}/cache` });
});

async function provenanceOfProject(dir: string, graduated?: (m: string) => string | null): Promise<Project> {
  const scanned = await scanCheckout({ path: dir });
  return checkoutProvenance(scanned, dir, incubator, graduated ? { graduated } : {});
}

function copy(p: Project, rel: string): FindingOf<'incubator-copy'> & { detail: { provenance: CopyProvenance } } {
  const f = p.findings.find((x) => x.kind === 'incubator-copy' && x.file.endsWith(`/openstack/common/${rel}`));
  assert.ok(f && f.kind === 'incubator-copy', `no incubator-copy finding for ${rel}`);
  assert.ok(f.detail.provenance, `no provenance for ${rel}`);
  return f as FindingOf<'incubator-copy'> & { detail: { provenance: CopyProvenance } };
}

const day = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10);

test('the fixture hides the side-branch version from a default history walk', async () => {
  const simplified = await simpleGit({ baseDir: fixture.dir }).raw(['log', '--format=%H', 'HEAD', '--', 'openstack/common']);
  assert.ok(!simplified.includes(fixture.commits['side']!), 'default simplification should hide the side commit');
});

test('the index holds every version of every file, with dates, including the side branch and deleted files', async () => {
  const idx = incubator.index;
  assert.equal(idx.head, fixture.head);
  assert.deepEqual(idx.versionsOf('lockutils.py').map((v) => day(v.since)), ['2013-01-10', '2013-03-01', '2013-08-01', '2014-12-01']);
  assert.deepEqual(idx.versionsOf('jsonutils.py').map((v) => day(v.since)), ['2013-01-10', '2013-06-01', '2013-07-15']);
  const side = idx.versionsOf('jsonutils.py')[1]!;
  assert.deepEqual(side.commits.map((c) => c.commit), [fixture.commits['side']]);
  assert.equal(day(side.until), '2013-07-01', 'the merge replaced the side version');
  assert.equal(day(idx.versionsOf('utils.py')[0]!.until), '2013-05-01', 'utils.py was renamed away');
  assert.equal(day(idx.versionsOf('fileutils.py')[0]!.until), '2013-09-01', 'fileutils.py was deleted');
  assert.deepEqual(idx.versionsOf('strutils.py').map((v) => day(v.since)), ['2013-05-01']);
  assert.deepEqual(idx.versionsOf('README.rst'), [], 'only files under openstack/common/ are indexed');
});

test('exact copies with the project-name rewrite match their versions; older ones are stale', async () => {
  const conf = '[DEFAULT]\nmodule=lockutils\nmodule=jsonutils\nmodule=utils\nmodule=fileutils\n\n# The base module to hold the copy of openstack.common\nbase=alder\n';
  const dir = await buildProject(work, 'alder', {
    '__init__.py': '',
    'lockutils.py': updatePyRewrite(LOCKUTILS_2, 'alder'),
    'jsonutils.py': updatePyRewrite(JSONUTILS_1, 'alder'),
    'utils.py': updatePyRewrite(UTILS_1, 'alder'),
    'fileutils.py': updatePyRewrite(FILEUTILS_1, 'alder'),
  }, conf);
  // The rewrite really changed the copies: a plain byte comparison would find nothing.
  assert.match(updatePyRewrite(LOCKUTILS_2, 'alder'), /from alder\.openstack\.common import log/);
  assert.match(updatePyRewrite(LOCKUTILS_2, 'alder'), /ALDER_LOCK_PATH/);
  const p = await provenanceOfProject(dir);

  const lock = copy(p, 'lockutils.py').detail.provenance;
  assert.equal(lock.status, 'exact');
  assert.equal(lock.match, 'identical');
  assert.equal(lock.incubatorPath, 'openstack/common/lockutils.py');
  assert.deepEqual(lock.commits, [fixture.commits['lockutils2']]);
  assert.equal(day(lock.since), '2013-03-01');
  assert.equal(day(lock.until), '2013-08-01');
  // lockutils graduated 2014-10-24: the 2014-12 deprecation notice is not a change the copy misses.
  assert.equal(lock.stale, true);
  assert.equal(lock.newerVersions, 1);
  assert.equal(day(lock.latest?.date), '2013-08-01');
  assert.equal(lock.latest?.commit, fixture.commits['lockutils3']);

  const utils = copy(p, 'utils.py').detail.provenance;
  assert.equal(utils.status, 'exact');
  assert.equal(utils.incubatorPath, 'openstack/common/utils.py', 'a copy from before the rename matches the old path');
  assert.equal(utils.stale, false);

  const fileutils = copy(p, 'fileutils.py').detail.provenance;
  assert.equal(fileutils.status, 'exact');
  assert.equal(day(fileutils.until), '2013-09-01');
  assert.equal(fileutils.stale, false, 'the last version before deletion is current');

  const json = copy(p, 'jsonutils.py').detail.provenance;
  assert.equal(json.status, 'exact');
  assert.equal(json.stale, true);

  const s = p.provenance!;
  assert.equal(s.base, 'alder');
  assert.equal(day(s.syncedAround), '2013-03-01');
  assert.deepEqual(s.counts, { files: 5, exact: 5, modified: 0, unmatched: 0, stale: 2 });
  assert.deepEqual(s.localChanges, []);
  assert.deepEqual(s.stale.map((x) => x.module).sort(), ['jsonutils', 'lockutils']);
  assert.equal(provenanceLine(copy(p, 'lockutils.py')), 'lockutils.py is the incubator version of 2013-03-01, 1 incubator change behind (last 2013-08-01): nothing to port before switching to oslo.concurrency');

  const report = makeReport([p]);
  assertValidReport(report);
});

test('without a graduation date, every later incubator change counts', async () => {
  const dir = await buildProject(work, 'alder', { 'lockutils.py': updatePyRewrite(LOCKUTILS_2, 'alder') }, 'base=alder\n');
  const p = await provenanceOfProject(dir, () => null);
  const lock = copy(p, 'lockutils.py').detail.provenance;
  assert.equal(lock.newerVersions, 2);
  assert.equal(day(lock.latest?.date), '2014-12-01');
});

const LOCAL_EDITS = (text: string): string =>
  text.replace("default=False,\n                help='Whether", "default=True,\n                help='Whether") + '\n\ndef remove_external_lock_file(name):\n    os.remove(name)\n';

test('local edits, whitespace-only changes and files that match nothing', async () => {
  const spaced = updatePyRewrite(JSONUTILS_2, 'birch')
    .replace('import json\n', 'import json   \n\n# Kept in sync with oslo-incubator by hand.\n')
    .replace('    return str(value)\n', '    return str(value)  # fallback\n\n');
  const lockCopy = LOCAL_EDITS(updatePyRewrite(LOCKUTILS_3, 'birch'));
  const dir = await buildProject(work, 'birch', {
    '__init__.py': '',
    'lockutils.py': lockCopy,
    'jsonutils.py': spaced,
    'strutils.py': updatePyRewrite(STRUTILS_1, 'birch'),
    README: 'This directory holds copies of oslo-incubator code. Do not edit.\n',
    'notreal.py': 'class Frobnicator(object):\n    def frob(self, a, b, c):\n        return [x * 2 for x in (a, b, c) if x]\n',
  }, '[DEFAULT]\nmodules=lockutils,jsonutils,strutils\nbase=birch\n');
  const p = await provenanceOfProject(dir);

  const lock = copy(p, 'lockutils.py').detail.provenance;
  assert.equal(lock.status, 'modified');
  assert.equal(lock.match, 'closest');
  assert.equal(lock.incubatorPath, 'openstack/common/lockutils.py');
  assert.deepEqual(lock.commits, [fixture.commits['lockutils3']], 'the closest version is the one the edits were made on');
  assert.equal(lock.changes, 2);
  assert.ok(lock.similarity > 0.9 && lock.similarity < 1, `similarity ${lock.similarity}`);
  assert.equal(lock.stale, false);
  const diff = lock.diff!;
  assert.match(diff, new RegExp(`^--- a/openstack/common/lockutils\\.py \\(oslo-incubator ${fixture.commits['lockutils3']!.slice(0, 10)}, 2013-08-01\\)\n\\+\\+\\+ b/birch/openstack/common/lockutils\\.py\n`));
  assert.match(diff, /^-    cfg\.BoolOpt\('disable_process_locking', default=False,$/m);
  assert.match(diff, /^\+    cfg\.BoolOpt\('disable_process_locking', default=True,$/m);
  assert.match(diff, /^\+def remove_external_lock_file\(name\):$/m);
  assert.equal((diff.match(/^@@ /gm) ?? []).length, 2);
  assert.doesNotMatch(diff, /^[-+].*openstack\.common/m, 'the project-name rewrite is not a local change');
  assert.equal(provenanceLine(copy(p, 'lockutils.py')), 'lockutils.py carries 2 local changes: port them before switching to oslo.concurrency');

  const json = copy(p, 'jsonutils.py').detail.provenance;
  assert.equal(json.status, 'exact', 'whitespace and comment changes count as exact');
  assert.equal(json.match, 'equivalent');
  assert.deepEqual(json.commits, [fixture.commits['jsonutils2']]);
  assert.equal(json.changes, 0);

  assert.equal(copy(p, 'strutils.py').detail.provenance.match, 'identical');
  assert.equal(copy(p, '__init__.py').detail.provenance.status, 'exact');

  for (const rel of ['README', 'notreal.py']) {
    const u = copy(p, rel).detail.provenance;
    assert.equal(u.status, 'unmatched', rel);
    assert.equal(u.incubatorPath, null);
    assert.equal(u.diff, null);
  }
  assert.match(provenanceLine(copy(p, 'README'))!, /^README matches no incubator version: review it by hand/);

  const s = p.provenance!;
  assert.equal(day(s.syncedAround), '2013-08-01');
  assert.deepEqual(s.counts, { files: 6, exact: 3, modified: 1, unmatched: 2, stale: 0 });
  assert.deepEqual(s.localChanges, [{ module: 'lockutils', file: 'birch/openstack/common/lockutils.py', changes: 2, similarity: lock.similarity }]);
  assert.deepEqual(s.unmatched, ['birch/openstack/common/README', 'birch/openstack/common/notreal.py']);
  assertValidReport(makeReport([p]));
});

test('a copy of a version made on a merged side branch is found; without base= the package is the base', async () => {
  const dir = await buildProject(work, 'cedar', { 'jsonutils.py': updatePyRewrite(JSONUTILS_SIDE, 'cedar') }, '[DEFAULT]\nmodule=jsonutils\n');
  const p = await provenanceOfProject(dir);
  const json = copy(p, 'jsonutils.py').detail.provenance;
  assert.equal(json.match, 'identical');
  assert.deepEqual(json.commits, [fixture.commits['side']]);
  assert.equal(day(json.since), '2013-06-01');
  assert.equal(p.provenance!.base, 'cedar');
});

test('a project that failed to scan keeps its error and gets no provenance', async () => {
  const scanned = await scanCheckout({ path: `${work}/not-a-checkout` });
  const p = await checkoutProvenance(scanned, scanned.source, incubator);
  assert.equal(p.error?.stage, 'resolve');
  assert.equal(p.provenance, undefined);
});
