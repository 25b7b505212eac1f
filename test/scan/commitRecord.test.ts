// The record of a repository's last scanned commit: a re-scan at that commit lists and reads nothing,
// and a record that is not exactly this commit's, under this tool and these options, is never used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, openCheckout, writeCommits } from '../../src/git/index.js';
import { knowledge } from '../../src/knowledge/index.js';
import { scanTree, type ScanOptions, type ScanResult, type TreeEntry, type TreeSource } from '../../src/scan/index.js';
import { toolKey } from '../../src/scan/toolKey.js';
import { commitRecordPath, loadCommitRecord, saveCommitRecord } from '../../src/scan/commitRecord.js';
import { DEV, fixtureRepo, repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

interface Counts {
  listed: number;
  read: string[];
}

/** A checkout's source that counts listings and blob reads; `failing` blobs come back unreadable. */
async function counted(dir: string, failing: string[] = []): Promise<{ source: TreeSource; counts: Counts }> {
  const { root, commit } = await openCheckout(dir);
  const inner = gitTreeSource(root, commit);
  const counts: Counts = { listed: 0, read: [] };
  const source: TreeSource = {
    location: inner.location,
    commit: inner.commit,
    entries: () => {
      counts.listed++;
      return inner.entries();
    },
    async *read(entries: TreeEntry[]) {
      for await (const r of inner.read(entries)) {
        counts.read.push(r.entry.path);
        yield failing.includes(r.entry.path) ? { entry: r.entry, data: null, error: 'gone' } : r;
      }
    },
  };
  return { source, counts };
}

async function scan(dir: string, options: ScanOptions, failing: string[] = []): Promise<{ result: ScanResult; counts: Counts }> {
  const { source, counts } = await counted(dir, failing);
  return { result: await scanTree(source, options), counts };
}

const outcome = (r: ScanResult) => ({ ...r, stats: undefined });
const records = (cache: string): string[] => readdirSync(join(cache, 'v1')).filter((f) => f.endsWith('.commit.json'));

test('a re-scan at the same commit neither lists the tree nor reads a blob, and finds the same', async () => {
  const cache = tempDir();
  const dir = await fixtureRepo('aster');
  const cold = await scan(dir, { cache, workers: 0 });
  assert.equal(cold.counts.listed, 1);
  assert.equal(cold.result.stats.commitReused, false);
  assert.equal(records(cache).length, 1);

  const warm = await scan(dir, { cache, workers: 0 });
  assert.deepEqual(warm.counts, { listed: 0, read: [] });
  assert.equal(warm.result.stats.commitReused, true);
  assert.equal(warm.result.stats.files, cold.result.stats.files);
  assert.equal(warm.result.stats.cached, cold.result.stats.files);
  assert.ok(cold.result.findings.length > 0);
  assert.deepEqual(outcome(warm.result), outcome(cold.result));
  // The same as a scan with no cache at all.
  assert.deepEqual(outcome(warm.result), outcome((await scan(dir, { workers: 0 })).result));
});

test('after a new commit the record is not used; the changed file alone is read, and the record moves on', async () => {
  const cache = tempDir();
  const dir = await repoWith({ 'nova/a.py': 'from oslo.config import cfg\n', 'nova/b.py': 'import os\n', '.gitreview': '[gerrit]\nproject=openstack/nova.git\n' });
  await scan(dir, { cache, workers: 0 });
  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: DEV, message: 'Root', files: { 'nova/b.py': 'utils.execute("ls", run_as_root=True)\n' } }]);
  const after = await scan(dir, { cache, workers: 0 });
  assert.equal(after.result.stats.commitReused, false);
  assert.equal(after.counts.listed, 1);
  assert.deepEqual(after.counts.read, ['nova/b.py']);
  assert.deepEqual(outcome(after.result), outcome((await scan(dir, { workers: 0 })).result));
  assert.deepEqual(after.result.findings.map((f) => `${f.kind} ${f.file}`), ['namespace-import nova/a.py', 'rootwrap-call nova/b.py']);
  assert.equal(after.result.gitreviewProject, 'openstack/nova');
  const again = await scan(dir, { cache, workers: 0 });
  assert.equal(again.result.stats.commitReused, true);
  assert.deepEqual(outcome(again.result), outcome(after.result));
});

test('a torn, edited or foreign record is ignored (the scan runs) and replaced', async () => {
  const cache = tempDir();
  const dir = await repoWith({ 'nova/a.py': 'from oslo.config import cfg\n', 'nova/b.py': 'import os\n' });
  const first = await scan(dir, { cache, workers: 0 });
  const [name] = records(cache);
  const file = join(cache, 'v1', name!);
  const good = readFileSync(file, 'utf8');
  const { commit } = await openCheckout(dir);
  const damages: [string, string][] = [
    ['torn', good.slice(0, Math.floor(good.length / 2))],
    ['edited body', good.replace('oslo.config', 'oslo.fake__')],
    ['another commit', good.replace(commit, 'f'.repeat(40))],
    ['another tool', good.replace(toolKey(), 'f'.repeat(64))],
    ['garbage', '\u0000\u0001not json'],
    ['empty', ''],
  ];
  for (const [what, content] of damages) {
    assert.notEqual(content, good, what);
    writeFileSync(file, content);
    const again = await scan(dir, { cache, workers: 0 });
    assert.equal(again.result.stats.commitReused, false, what);
    assert.equal(again.counts.listed, 1, `${what}: the tree is listed again`);
    assert.deepEqual(outcome(again.result), outcome(first.result), what);
    assert.equal(readFileSync(file, 'utf8'), good, `${what}: the record is rewritten whole`);
  }
  assert.deepEqual(readdirSync(join(cache, 'v1')).filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');
});

test('a record made with another size limit is not used: which files are skipped as too large depends on it', async () => {
  const cache = tempDir();
  const dir = await repoWith({ 'nova/big.py': `from oslo.config import cfg\n${'x = 1\n'.repeat(200)}` });
  const small = await scan(dir, { cache, workers: 0, maxFileSize: 100 });
  assert.deepEqual(small.result.skipped, [{ file: 'nova/big.py', reason: 'too-large' }]);
  const large = await scan(dir, { cache, workers: 0 });
  assert.equal(large.result.stats.commitReused, false);
  assert.deepEqual(large.result.skipped, []);
  assert.equal(large.result.findings.length, 1);
});

test('a scan with an unreadable blob leaves no record; another knowledge base neither reads nor writes one', async () => {
  const cache = tempDir();
  const dir = await repoWith({ 'nova/a.py': 'from oslo.config import cfg\n', 'nova/b.py': 'from oslo.log import log\n' });
  const broken = await scan(dir, { cache, workers: 0 }, ['nova/b.py']);
  assert.deepEqual(broken.result.skipped, [{ file: 'nova/b.py', reason: 'unreadable' }]);
  assert.deepEqual(records(cache), []);
  const whole = await scan(dir, { cache, workers: 0 });
  assert.equal(whole.result.stats.commitReused, false);
  assert.equal(whole.result.findings.length, 2);

  const other = tempDir();
  const own = await scan(dir, { cache: other, workers: 0, knowledge: knowledge() });
  assert.equal(own.result.findings.length, 2);
  assert.throws(() => readdirSync(join(other, 'v1')), 'nothing is written under another knowledge base');
});

test('loadCommitRecord answers only for its location, commit, size limit and tool key', () => {
  const dir = tempDir();
  const key = { location: '/repo', commit: 'a'.repeat(40), maxFileSize: 10 };
  const result = { findings: [], skipped: [], adoptedLibraries: ['oslo.config'], gitreviewProject: null, files: 3, bytes: 30 };
  saveCommitRecord(dir, key, result, 'tool-a');
  assert.deepEqual(loadCommitRecord(dir, key, 'tool-a'), result);
  assert.equal(loadCommitRecord(dir, key, 'tool-b'), undefined);
  assert.equal(loadCommitRecord(dir, { ...key, commit: 'b'.repeat(40) }, 'tool-a'), undefined);
  assert.equal(loadCommitRecord(dir, { ...key, maxFileSize: 11 }, 'tool-a'), undefined);
  assert.equal(loadCommitRecord(dir, { ...key, location: '/other' }, 'tool-a'), undefined);
  assert.notEqual(commitRecordPath(dir, '/repo'), commitRecordPath(dir, '/other'));
});
