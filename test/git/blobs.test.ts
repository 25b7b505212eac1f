import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitTreeSource, openCheckout, openTree, readBlobs } from '../../src/git/index.js';
import { repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

test('when git cannot even start, every blob is answered as unreadable rather than crashing', async () => {
  const gone = join(tempDir(), 'no-such-folder');
  const entries = [
    { path: 'a.py', mode: '100644', blob: '0'.repeat(40), size: 1 },
    { path: 'b.py', mode: '100644', blob: '1'.repeat(40), size: 1 },
  ];
  const answers = [];
  for await (const r of readBlobs(gone, entries)) answers.push([r.entry.path, r.data, typeof r.error]);
  assert.deepEqual(answers, [
    ['a.py', null, 'string'],
    ['b.py', null, 'string'],
  ]);
});

test('openTree lists like ls-tree and reads through the same process; reading nothing closes it', async () => {
  const dir = await repoWith({ 'a.py': 'import os\n', 'pkg/b.py': Buffer.from([0, 1, 2, 255]), 'pkg/deep/c.txt': 'x'.repeat(300_000), 'link': { symlink: 'a.py' } });
  const { root, commit } = await openCheckout(dir);
  const source = gitTreeSource(root, commit);
  const listed = await source.entries();
  const tree = await openTree(root, commit);
  assert.deepEqual(tree.entries, listed);
  const wanted = listed.filter((e) => e.path !== 'link');
  const got = new Map<string, Buffer | null>();
  for await (const r of tree.read(wanted)) got.set(r.entry.path, r.data);
  const direct = new Map<string, Buffer | null>();
  for await (const r of readBlobs(root, wanted)) direct.set(r.entry.path, r.data);
  assert.deepEqual(got, direct);
  assert.equal(got.get('pkg/deep/c.txt')!.length, 300_000);
  assert.deepEqual(got.get('pkg/b.py'), Buffer.from([0, 1, 2, 255]));

  const idle = await openTree(root, commit);
  const none = [];
  for await (const r of idle.read([])) none.push(r);
  assert.deepEqual(none, []);
});

test('openTree of an empty tree lists nothing; of a missing commit fails with git\'s message', async () => {
  const dir = await repoWith({});
  const { root, commit } = await openCheckout(dir);
  const tree = await openTree(root, commit);
  assert.deepEqual(tree.entries, []);
  for await (const _ of tree.read([]));
  await assert.rejects(openTree(root, 'f'.repeat(40)), /git ls-tree f{40}: .+/);
  await assert.rejects(openTree(root, '--output=/tmp/x'), /refusing ref/);
});

test('a reader that stops early leaves no git process waiting', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`f${i}.txt`] = `${i}`.repeat(100_000);
  const dir = await repoWith(files);
  const { root, commit } = await openCheckout(dir);
  const tree = await openTree(root, commit);
  let n = 0;
  for await (const _ of tree.read(tree.entries)) if (++n === 2) break;
  assert.equal(n, 2);
  for await (const r of readBlobs(root, tree.entries)) if (r.data) break;
  // Processes working in the repository, from /proc (Linux): none once the pipes are let go.
  const inRepo = (): string[] =>
    readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/cwd`) === root;
      } catch {
        return false;
      }
    });
  for (let i = 0; i < 50 && inRepo().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(inRepo(), []);
});
