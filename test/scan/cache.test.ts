// The results cache: unchanged blobs are neither read nor parsed, and nothing in the cache folder
// is trusted unless it is whole and was written by the same queries, knowledge and code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, openCheckout, writeCommits } from '../../src/git/index.js';
import { scanTree, type ScanOptions, type ScanResult, type TreeEntry, type TreeSource } from '../../src/scan/index.js';
import { copiesKey, holdResults, ScanCache } from '../../src/scan/cache.js';
import { toolKey } from '../../src/scan/toolKey.js';
import { DEV, fixtureRepo, repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

/** A checkout's source that records which files were read. */
async function counted(dir: string): Promise<{ source: TreeSource; read: string[] }> {
  const { root, commit } = await openCheckout(dir);
  const inner = gitTreeSource(root, commit);
  const read: string[] = [];
  const source: TreeSource = {
    location: inner.location,
    commit: inner.commit,
    entries: () => inner.entries(),
    async *read(entries: TreeEntry[]) {
      for await (const r of inner.read(entries)) {
        read.push(r.entry.path);
        yield r;
      }
    },
  };
  return { source, read };
}

async function scanCounting(dir: string, options: ScanOptions): Promise<{ result: ScanResult; read: string[] }> {
  const { source, read } = await counted(dir);
  return { result: await scanTree(source, options), read };
}

const strip = (r: ScanResult) => ({ ...r, stats: undefined });

/** A repository whose tree holds a copy of the incubator's package (`nova/openstack/common`), and `files`. */
const repoWithCopies = (files: Record<string, string>) => repoWith({ 'nova/openstack/common/__init__.py': '', ...files });

/** The incubator-import findings as [file, module named]. */
const incubatorImports = (r: ScanResult): [string, string][] =>
  r.findings.filter((f) => f.kind === 'incubator-import').map((f) => [f.file, (f.detail as { module: string }).module]);

/** The per-file results files (each repository also has a record of its last commit, `.commit.json`). */
function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'v1'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.commit.json'))
      .map((f) => join(dir, 'v1', f));
  } catch {
    return [];
  }
}

/** Removes the records of the last scanned commits, so that a re-scan of the same commit goes to the per-file results. */
function forgetCommits(dir: string): void {
  for (const f of readdirSync(join(dir, 'v1'))) if (f.endsWith('.commit.json')) rmSync(join(dir, 'v1', f));
}

test('a warm scan reads no file; a changed file is the only one read again', async () => {
  const cache = tempDir();
  const dir = await fixtureRepo('aster');
  const cold = await scanCounting(dir, { cache, workers: 0 });
  assert.ok(cold.read.length > 10);
  forgetCommits(cache);
  const warm = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(warm.read, []);
  assert.deepEqual(strip(warm.result), strip(cold.result));
  assert.equal(warm.result.stats.cached, cold.result.stats.files);

  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: DEV, message: 'Use run_as_root', files: { 'aster/newfile.py': 'utils.execute("ls", run_as_root=True)\n' } }]);
  const after = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(after.read, ['aster/newfile.py']);
  assert.ok(after.result.findings.some((f) => f.file === 'aster/newfile.py' && f.kind === 'rootwrap-call'));
  const fresh = await scanCounting(dir, { workers: 0 });
  assert.deepEqual(strip(after.result), strip(fresh.result));
});

test('torn, edited or foreign cache files are ignored and replaced, never trusted', async () => {
  const cache = tempDir();
  const dir = await repoWith({ 'nova/a.py': 'from oslo.config import cfg\n', 'nova/b.py': 'import os\n' });
  const first = await scanCounting(dir, { cache, workers: 0 });
  const [file] = cacheFiles(cache);
  assert.ok(file, 'the scan wrote a cache file');
  const good = readFileSync(file, 'utf8');

  const damages: [string, string][] = [
    ['torn', good.slice(0, Math.floor(good.length / 2))],
    ['edited', good.replace('oslo.config', 'oslo.fake__')],
    ['garbage', '\u0000\u0001not json'],
    ['another tool', good.replace(toolKey(), 'f'.repeat(64))],
    ['empty', ''],
  ];
  for (const [what, content] of damages) {
    writeFileSync(file, content);
    forgetCommits(cache);
    const again = await scanCounting(dir, { cache, workers: 0 });
    assert.deepEqual(again.read.sort(), ['nova/a.py', 'nova/b.py'], `${what}: everything is read again`);
    assert.deepEqual(strip(again.result), strip(first.result), what);
    assert.equal(readFileSync(file, 'utf8'), good, `${what}: the file is rewritten whole`);
  }
  assert.deepEqual(readdirSync(join(cache, 'v1')).filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');
});

test('the cache can be deleted at any time', async () => {
  const cache = tempDir();
  const dir = await fixtureRepo('birch');
  const first = await scanCounting(dir, { cache, workers: 0 });
  rmSync(cache, { recursive: true, force: true });
  const again = await scanCounting(dir, { cache, workers: 0 });
  assert.ok(again.read.length > 0);
  assert.deepEqual(strip(again.result), strip(first.result));
  assert.equal(cacheFiles(cache).length, 1);
});

test('results that depend on the copied incubator modules are recomputed when the copies change', async () => {
  const cache = tempDir();
  // `newthing` is unknown to the knowledge base: the import names it only while the copy exists.
  const dir = await repoWithCopies({
    'nova/api.py': 'from nova.openstack.common.newthing import helper\n',
    'nova/other.py': 'from oslo_config import cfg\n',
  });
  const before = await scanCounting(dir, { cache, workers: 0 });
  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: DEV, message: 'Sync newthing', files: { 'nova/openstack/common/newthing/helper.py': '' } }]);
  const after = await scanCounting(dir, { cache, workers: 0 });
  assert.ok(after.read.includes('nova/api.py'), 'the importing file is read again');
  assert.ok(!after.read.includes('nova/other.py'), 'a file that cannot name a copy is not');
  const fresh = await scanCounting(dir, { workers: 0 });
  assert.deepEqual(strip(after.result), strip(fresh.result));
  const modules = (r: ScanResult) => incubatorImports(r).map(([, module]) => module);
  assert.notDeepEqual(modules(after.result), modules(before.result));
});

test('a result that depends on the copies holds while the copies answer its lookups the same', async () => {
  const cache = tempDir();
  // Neither `zwidgets` nor `zgadgets` is known to the knowledge base: each import names the deepest copied module.
  const dir = await repoWithCopies({
    'nova/openstack/common/zwidgets/__init__.py': '',
    'nova/openstack/common/zwidgets/helper.py': '',
    'nova/openstack/common/zgadgets/__init__.py': '',
    'nova/openstack/common/zgadgets/tool.py': '',
    'nova/a.py': 'from nova.openstack.common.zwidgets import helper\n',
    'nova/b.py': 'from nova.openstack.common.zgadgets import tool\n',
  });
  const modules = (r: ScanResult) => Object.fromEntries(incubatorImports(r));
  const first = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(modules(first.result), { 'nova/a.py': 'zwidgets.helper', 'nova/b.py': 'zgadgets.tool' });

  // A copy goes: the file that asked about it is read again, the other importer is answered by the cache.
  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: DEV, message: 'Drop tool', files: { 'nova/openstack/common/zgadgets/tool.py': null } }]);
  const second = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(second.read, ['nova/b.py']);
  assert.deepEqual(modules(second.result), { 'nova/a.py': 'zwidgets.helper', 'nova/b.py': 'zgadgets' });
  assert.deepEqual(strip(second.result), strip((await scanCounting(dir, { workers: 0 })).result));

  await writeCommits(dir, [{ date: '2014-07-01T00:00:00Z', author: DEV, message: 'Drop helper', files: { 'nova/openstack/common/zwidgets/helper.py': null } }]);
  const third = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(third.read, ['nova/a.py']);
  assert.deepEqual(modules(third.result), { 'nova/a.py': 'zwidgets', 'nova/b.py': 'zgadgets' });
  assert.deepEqual(strip(third.result), strip((await scanCounting(dir, { workers: 0 })).result));
});

test('a changed file cutting out the same statements gets the same findings at their new lines', async () => {
  const cache = tempDir();
  const body = 'from oslo.config import cfg\nimport os\n\n\ndef run(cmd):\n    return utils.execute(cmd, run_as_root=True)\n';
  const dir = await repoWith({ 'nova/a.py': body });
  const first = await scanCounting(dir, { cache, workers: 0 });
  const lines = (r: ScanResult) => r.findings.filter((f) => f.file === 'nova/a.py').map((f) => `${f.kind}:${f.line}-${f.endLine}`);
  assert.deepEqual(lines(first.result), ['namespace-import:1-1', 'rootwrap-call:6-6']);
  // Lines come and go around the statements: the file is read again, its findings move with them.
  const moved = `"""The module."""\n\nX = 1\n${body.replace('\n\n\n', '\n\nY = 2\n\n\n\n')}`;
  await writeCommits(dir, [{ date: '2014-06-01T00:00:00Z', author: DEV, message: 'Move', files: { 'nova/a.py': moved } }]);
  const second = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(second.read, ['nova/a.py']);
  assert.deepEqual(lines(second.result), ['namespace-import:4-4', 'rootwrap-call:12-12']);
  assert.deepEqual(strip(second.result), strip((await scanCounting(dir, { workers: 0 })).result));
  // A statement that changes is parsed again: its finding is the new one.
  await writeCommits(dir, [{ date: '2014-07-01T00:00:00Z', author: DEV, message: 'Migrate', files: { 'nova/a.py': moved.replace('from oslo.config import cfg', 'from oslo_config import cfg') } }]);
  const third = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(lines(third.result), ['rootwrap-call:12-12']);
  assert.deepEqual(strip(third.result), strip((await scanCounting(dir, { workers: 0 })).result));
});

test('entries are kept per path: the same blob at another path is scanned for its own path', async () => {
  const cache = tempDir();
  const text = 'from . import log\n';
  const dir = await repoWith({ 'nova/openstack/common/a.py': text, 'nova/openstack/common/log.py': '', 'nova/b.py': text });
  const r = await scanCounting(dir, { cache, workers: 0 });
  forgetCommits(cache);
  const warm = await scanCounting(dir, { cache, workers: 0 });
  assert.deepEqual(warm.read, []);
  assert.equal(warm.result.stats.commitReused, false);
  assert.deepEqual(strip(warm.result), strip(r.result));
  assert.deepEqual(r.result.findings.filter((f) => f.kind === 'incubator-import').map((f) => f.file), ['nova/openstack/common/a.py']);
});

test('a cache of another tool key holds nothing for this one', () => {
  const dir = tempDir();
  const a = new ScanCache(dir, '/repo', 'copies', 'key-a');
  a.set('x.py', 'b'.repeat(40), { findings: [] });
  a.save();
  assert.ok(new ScanCache(dir, '/repo', 'copies', 'key-a').get('x.py', 'b'.repeat(40)));
  assert.equal(new ScanCache(dir, '/repo', 'copies', 'key-b').get('x.py', 'b'.repeat(40)), undefined);
  assert.equal(new ScanCache(dir, '/other', 'copies', 'key-a').get('x.py', 'b'.repeat(40)), undefined);
  assert.equal(new ScanCache(dir, '/repo', 'copies', 'key-a').get('x.py', 'c'.repeat(40)), undefined);
});

test('a result that used the copies holds for other copies only where its lookups answer the same', () => {
  const dir = tempDir();
  const blob = 'b'.repeat(40);
  const a = new ScanCache(dir, '/repo', copiesKey(['log', 'zwidgets.helper'], ['nova']), 'key');
  a.set('nova/a.py', blob, { findings: [], usesCopies: true, copyLookups: ['+m:zwidgets.helper', '-p:nova.api'] });
  a.save();
  const at = (modules: string[], packages: string[]) => new ScanCache(dir, '/repo', copiesKey(modules, packages), 'key').get('nova/a.py', blob);
  assert.ok(at(['zwidgets.helper'], ['nova']), 'log went: not looked up');
  assert.ok(at(['zwidgets.helper', 'other'], []), 'another copy came, nova went: not looked up');
  assert.equal(at(['log'], ['nova']), undefined, 'the copy it names went');
  assert.equal(at(['zwidgets.helper'], ['nova.api']), undefined, 'a package it asked about came');
});

test('results held in memory answer scans of their location, every version of a path, until released', () => {
  const dir = tempDir();
  const copies = copiesKey([], []);
  const [b1, b2] = ['b'.repeat(40), 'c'.repeat(40)];
  const hold = holdResults('/repo');
  const writer = new ScanCache(dir, '/repo', copies, 'key');
  writer.set('x.py', b1, { findings: [] });
  writer.set('x.py', b2, { findings: [], gitreview: null });
  // Nothing was saved: the answers come from memory.
  const reader = new ScanCache(dir, '/repo', copies, 'key');
  assert.deepEqual(reader.get('x.py', b1), { findings: [] });
  assert.deepEqual(reader.get('x.py', b2), { findings: [], gitreview: null });
  assert.equal(new ScanCache(dir, '/other', copies, 'key').get('x.py', b1), undefined);
  assert.equal(new ScanCache(dir, '/repo', copies, 'another key').get('x.py', b1), undefined);
  const inner = holdResults('/repo');
  inner.release();
  assert.ok(new ScanCache(dir, '/repo', copies, 'key').get('x.py', b1), 'holds nest');
  hold.release();
  assert.equal(new ScanCache(dir, '/repo', copies, 'key').get('x.py', b1), undefined);
});

test('while a location is held its results file is written once, when the hold ends, with the last save', () => {
  const dir = tempDir();
  const copies = copiesKey([], []);
  const file = (): string => join(dir, 'v1', readdirSync(join(dir, 'v1'))[0]!);
  const plain = new ScanCache(dir, '/repo', copies, 'key');
  plain.set('old.py', 'a'.repeat(40), { findings: [] });
  plain.save();
  const before = readFileSync(file(), 'utf8');
  const hold = holdResults('/repo');
  for (const name of ['first.py', 'second.py', 'last.py']) {
    const scan = new ScanCache(dir, '/repo', copies, 'key');
    scan.set(name, 'b'.repeat(40), { findings: [] });
    scan.save();
    assert.equal(readFileSync(file(), 'utf8'), before, `${name}: not written while held`);
  }
  const inner = holdResults('/repo');
  inner.release();
  assert.equal(readFileSync(file(), 'utf8'), before, 'an inner hold ending writes nothing');
  hold.release();
  // The last save's entries, as if every save had been written in turn.
  const reader = new ScanCache(dir, '/repo', copies, 'key');
  assert.deepEqual(reader.get('last.py', 'b'.repeat(40)), { findings: [] });
  assert.equal(reader.get('first.py', 'b'.repeat(40)), undefined);
  assert.equal(reader.get('old.py', 'a'.repeat(40)), undefined);
});
