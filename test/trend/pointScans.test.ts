// A trend scans every file version of its points at once, then answers each point from those results:
// each point's findings must be those of a plain scan of it, including where a result depends on
// which incubator copies the point has.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, tagCommit, writeCommits, type FileChange } from '../../src/git/index.js';
import { scanTree, type ScanResult } from '../../src/scan/index.js';
import { scanPoints } from '../../src/trend/pointScans.js';
import { DEV } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const common = 'svc/openstack/common';
/** Releases: the importer never changes while the copy it names goes and comes back; another file changes each time. */
const RELEASES: { tag: string; date: string; files: Record<string, FileChange> }[] = [
  {
    tag: '1.0.0',
    date: '2015-01-10T12:00:00Z',
    files: {
      'svc/__init__.py': '',
      [`${common}/__init__.py`]: '',
      [`${common}/zwidgets/__init__.py`]: '',
      [`${common}/zwidgets/helper.py`]: '',
      // `zwidgets` is unknown to the knowledge base: the import names `zwidgets.helper` only while it is copied.
      'svc/importer.py': 'from svc.openstack.common.zwidgets import helper\n',
      'svc/other.py': 'from svc.openstack.common import log\n',
      'svc/api.py': 'from oslo.config import cfg\n',
    },
  },
  { tag: '2.0.0', date: '2015-06-10T12:00:00Z', files: { [`${common}/zwidgets/helper.py`]: null, 'svc/api.py': 'from oslo_config import cfg\n' } },
  { tag: '3.0.0', date: '2016-01-10T12:00:00Z', files: { [`${common}/zwidgets/helper.py`]: '', 'svc/api.py': 'from oslo.config import cfg\nimport os\n' } },
];

const strip = (r: ScanResult) => ({ findings: r.findings, skipped: r.skipped, adopted: r.adoptedLibraries, repo: r.gitreviewProject });
const importerModule = (r: ScanResult) => r.findings.filter((f) => f.file === 'svc/importer.py').map((f) => (f.detail as { module: string }).module);

test('each point gets the findings of a plain scan of it, as the copies an unchanged importer names go and come', async () => {
  const dir = `${tempDir()}/svc`;
  const points = [];
  for (const r of RELEASES) {
    const commit = await writeCommits(dir, [{ date: r.date, author: DEV, message: `Release ${r.tag}`, files: r.files }]);
    await tagCommit(dir, r.tag, commit);
    points.push({ label: r.tag, commit, date: r.date });
  }
  const cache = tempDir();
  const scans = await scanPoints(dir, points, { cache, workers: 0 });
  const plain = await Promise.all(points.map((p) => scanTree(gitTreeSource(dir, p.commit), { workers: 0 })));
  assert.deepEqual(scans.results.map(strip), plain.map(strip));
  assert.deepEqual(scans.results.map(importerModule), [['zwidgets.helper'], ['zwidgets'], ['zwidgets.helper']]);

  // Read: every version once (7 files, then a new api.py twice), then the importer again at the point
  // whose copies answer its lookups differently; everything else came from the results in memory.
  const files = plain.reduce((n, r) => n + r.stats.files, 0);
  assert.equal(scans.files, files);
  assert.equal(files - scans.cached, 7 + 2 + 1);

  // Without a results cache every point is scanned on its own, with the same findings.
  const cold = await scanPoints(dir, points, { cache: null, workers: 0 });
  assert.deepEqual(cold.results.map(strip), plain.map(strip));
  assert.equal(cold.cached, 0);
});

test('the results file is written once a trend is done, and a cache that cannot be written is a warning', async () => {
  const dir = `${tempDir()}/svc`;
  const points = [];
  for (const r of RELEASES) {
    const commit = await writeCommits(dir, [{ date: r.date, author: DEV, message: `Release ${r.tag}`, files: r.files }]);
    points.push({ label: r.tag, commit, date: r.date });
  }
  const plain = await Promise.all(points.map((p) => scanTree(gitTreeSource(dir, p.commit), { workers: 0 })));
  // The last point's files are all in the results file afterwards: a scan of it reads nothing.
  const cache = tempDir();
  await scanPoints(dir, points, { cache, workers: 0 });
  const last = points.at(-1)!;
  const after = await scanTree({ ...gitTreeSource(dir, last.commit), commit: undefined }, { cache, workers: 0 });
  assert.equal(after.stats.cached, after.stats.files);
  assert.deepEqual(strip(after), strip(plain.at(-1)!));
  // A file where the cache folder should be: the same findings, and one warning.
  const file = join(tempDir(), 'not-a-folder');
  writeFileSync(file, 'x');
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const scans = await scanPoints(dir, points, { cache: file, workers: 0 });
    assert.deepEqual(scans.results.map(strip), plain.map(strip));
  } finally {
    process.stderr.write = write;
  }
  assert.equal(written.filter((l) => l.includes('cannot write the results cache')).length, 1, written.join(''));
});
