// Listing many commits by reading each tree object once must give exactly what `git ls-tree -r -l`
// gives for each commit: the same entries, in the same order, with the same modes and sizes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { listTrees, writeCommits } from '../../src/git/index.js';
import { parseLsTree } from '../../src/git/objectStream.js';
import { DEV } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const git = (dir: string, args: string[], input?: string): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', input }).trim();
const lsTree = (dir: string, commit: string) => parseLsTree(git(dir, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]));

test('listTrees lists each commit as ls-tree -r -l does', async () => {
  const dir = tempDir();
  await writeCommits(dir, [
    { date: '2014-01-01T00:00:00Z', author: DEV, message: 'one', files: { 'nova/a.py': 'import os\n', 'nova/deep/er/b.py': 'x = 1\n', 'README': 'r\n' } },
    {
      date: '2014-02-01T00:00:00Z',
      author: DEV,
      message: 'two',
      files: { 'nova/a.py': 'import sys\n', 'bin/run': { content: '#!/bin/sh\n', executable: true }, 'link': { symlink: 'nova/a.py' }, 'ünï côdé/with space.py': 'y = 2\n', 'nova/deep/er/b.py': null },
    },
    { date: '2014-03-01T00:00:00Z', author: DEV, message: 'three', files: { 'nova/c.py': 'z = 3\n' } },
  ]);
  // A submodule, and a mode old trees may hold (group-writable), which ls-tree prints as 100644.
  const blob = git(dir, ['hash-object', '-w', '--stdin'], 'old\n');
  const head = git(dir, ['rev-parse', 'HEAD']);
  const tree = git(dir, ['mktree'], `100664 blob ${blob}\told.py\n160000 commit ${head}\tvendored\n040000 tree ${git(dir, ['rev-parse', 'HEAD^{tree}'])}\tcopy\n`);
  const crafted = git(dir, ['commit-tree', tree, '-p', head, '-m', 'crafted']);
  const commits = [...git(dir, ['rev-list', '--reverse', 'HEAD']).split('\n'), crafted, head];
  const listed = await listTrees(dir, commits);
  assert.equal(listed.length, commits.length);
  for (const [i, commit] of commits.entries()) assert.deepEqual(listed[i], lsTree(dir, commit), `commit ${i}`);
  const modes = new Set(listed.flat().map((e) => e.mode));
  assert.deepEqual([...modes].sort(), ['100644', '100755', '120000', '160000']);
  assert.ok(listed[3]!.some((e) => e.path === 'copy/ünï côdé/with space.py'), 'a folder met at two places is listed at both');
  // Each listing is an array of its own, even for the same commit twice.
  assert.notEqual(listed[2], listed[4]);
});

test('listTrees refuses what is not a commit of the repository', async () => {
  const dir = tempDir();
  await writeCommits(dir, [{ date: '2014-01-01T00:00:00Z', author: DEV, message: 'one', files: { 'a.py': 'x\n' } }]);
  await assert.rejects(listTrees(dir, ['0'.repeat(40)]), /not a commit this repository has/);
  await assert.rejects(listTrees(dir, ['--output=x']), /refusing ref/);
});
