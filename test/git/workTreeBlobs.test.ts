// A checkout's blobs may be read from its work tree, but only files holding exactly the committed
// content, never through a symlink and never a special file: what is scanned is always the commit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, truncateSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, openCheckout } from '../../src/git/index.js';
import { WorkTree } from '../../src/git/workTreeBlobs.js';
import { blobId } from '../../src/util/index.js';
import { scanCheckout } from '../../src/pipeline/index.js';
import { repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const COMMITTED = 'from oslo.config import cfg\n';

async function checkout(): Promise<{ root: string; commit: string }> {
  const dir = await repoWith({ 'nova/a.py': COMMITTED, 'nova/sub/b.py': COMMITTED, 'nova/c.py': 'import os\n' });
  return openCheckout(dir);
}

test('blobId is the id git gives the same bytes', async () => {
  const { root } = await checkout();
  const bytes = Buffer.from('line\r\nwith \0 bytes\n');
  const file = join(tempDir(), 'blob');
  writeFileSync(file, bytes);
  assert.equal(blobId(bytes, 40), execFileSync('git', ['hash-object', file], { cwd: root, encoding: 'utf8' }).trim());
});

test('only a file with the committed content is read from the work tree', async () => {
  const { root, commit } = await checkout();
  const entries = await gitTreeSource(root, commit).entries();
  const entry = (path: string) => entries.find((e) => e.path === path)!;
  const tree = new WorkTree(root);
  assert.equal(tree.read(entry('nova/a.py'))?.toString(), COMMITTED);
  // Edited (same size, then another size), gone, a folder, a FIFO: read from git instead.
  writeFileSync(join(root, 'nova/a.py'), COMMITTED.replace('cfg', 'CFG'));
  assert.equal(tree.read(entry('nova/a.py')), null);
  writeFileSync(join(root, 'nova/a.py'), 'import os\n');
  assert.equal(tree.read(entry('nova/a.py')), null);
  unlinkSync(join(root, 'nova/a.py'));
  assert.equal(tree.read(entry('nova/a.py')), null);
  mkdirSync(join(root, 'nova/a.py'));
  assert.equal(tree.read(entry('nova/a.py')), null);
  rmSync(join(root, 'nova/a.py'), { recursive: true });
  execFileSync('mkfifo', [join(root, 'nova/a.py')]);
  assert.equal(tree.read(entry('nova/a.py')), null, 'a FIFO is neither waited on nor read');
});

test('no symlink is followed, not even to a file with the committed content', async () => {
  const { root, commit } = await checkout();
  const entries = await gitTreeSource(root, commit).entries();
  const outside = tempDir();
  writeFileSync(join(outside, 'a.py'), COMMITTED);
  mkdirSync(join(outside, 'sub'));
  writeFileSync(join(outside, 'sub', 'b.py'), COMMITTED);
  unlinkSync(join(root, 'nova/a.py'));
  symlinkSync(join(outside, 'a.py'), join(root, 'nova/a.py'));
  rmSync(join(root, 'nova/sub'), { recursive: true });
  symlinkSync(join(outside, 'sub'), join(root, 'nova/sub'));
  const tree = new WorkTree(root);
  assert.equal(tree.read(entries.find((e) => e.path === 'nova/a.py')!), null, 'a symlinked file');
  assert.equal(tree.read(entries.find((e) => e.path === 'nova/sub/b.py')!), null, 'a file in a symlinked folder');
  assert.equal(tree.read(entries.find((e) => e.path === 'nova/c.py')!)?.toString(), 'import os\n');
});

test('a scan of a checkout reports the commit, whatever its work tree holds', async () => {
  const { root } = await checkout();
  const clean = await scanCheckout({ path: root });
  assert.deepEqual(
    clean.findings.map((f) => `${f.kind} ${f.file}:${f.line}`),
    ['namespace-import nova/a.py:1', 'namespace-import nova/sub/b.py:1'],
  );
  // The work tree changes every way it can; the commit, and so the findings, do not.
  writeFileSync(join(root, 'nova/a.py'), 'import os\n');
  renameSync(join(root, 'nova/sub'), join(root, 'nova/elsewhere'));
  writeFileSync(join(root, 'nova/c.py'), COMMITTED);
  const edited = await scanCheckout({ path: root });
  assert.deepEqual(edited.findings, clean.findings);
  assert.deepEqual(edited.summary, clean.summary);
});

test('a scan of a checkout reads its unchanged files from the work tree, not from git', async () => {
  const { root, commit } = await checkout();
  const blob = (await gitTreeSource(root, commit).entries()).find((e) => e.path === 'nova/a.py')!.blob;
  // git can no longer give the blob (its object is cut short; its size still reads): only the work tree has the content.
  const object = join(root, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
  chmodSync(object, 0o644);
  truncateSync(object, 20);
  const project = await scanCheckout({ path: root });
  assert.deepEqual(project.skipped, []);
  assert.ok(project.findings.some((f) => f.file === 'nova/a.py'), 'nova/a.py was read');
  // Another ref than the checked-out one is read from git alone: the missing blob is then reported.
  const other = await scanCheckout({ path: root, ref: commit });
  assert.ok(other.skipped.some((s) => s.file === 'nova/a.py'), JSON.stringify(other.skipped));
});

test('a path that would leave the work tree or enter .git is never read from it', async () => {
  const { root, commit } = await checkout();
  const entry = (await gitTreeSource(root, commit).entries()).find((e) => e.path === 'nova/a.py')!;
  // Files with the blob's content, where such paths would lead.
  writeFileSync(join(root, '..', 'a.py'), COMMITTED);
  writeFileSync(join(root, '.git', 'a.py'), COMMITTED);
  const tree = new WorkTree(root);
  for (const path of ['../a.py', 'nova/../../a.py', '.git/a.py', '.GIT/a.py', './nova/a.py', 'nova//a.py']) {
    assert.equal(tree.read({ ...entry, path }), null, path);
  }
  assert.equal(tree.read(entry)?.toString(), COMMITTED);
});
