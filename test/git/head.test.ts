// HEAD read from the files under .git must name exactly the commit git names, and every layout it
// does not read must be left to git (null), never guessed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openCheckout, writeCommits } from '../../src/git/index.js';
import { headCommitFromFiles } from '../../src/git/head.js';
import { DEV, FIXED_DATE, repoWithHistory } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: FIXED_DATE, GIT_COMMITTER_DATE: FIXED_DATE } }).trim();

async function twoCommits(): Promise<string> {
  return repoWithHistory([
    { date: FIXED_DATE, author: DEV, message: 'one', files: { 'a.py': 'import os\n' } },
    { date: '2014-06-01T00:00:00Z', author: DEV, message: 'two', files: { 'a.py': 'import sys\n' } },
  ]);
}

test('a branch as a loose ref, then packed, then detached: the commit git names', async () => {
  const dir = await twoCommits();
  const head = git(dir, 'rev-parse', 'HEAD');
  assert.equal(headCommitFromFiles(dir), head);
  git(dir, 'pack-refs', '--all');
  assert.equal(headCommitFromFiles(dir), head, 'packed-refs');
  const first = git(dir, 'rev-parse', 'HEAD~1');
  git(dir, 'checkout', '-q', '--detach', first);
  assert.equal(headCommitFromFiles(dir), first, 'detached');
  assert.deepEqual(await openCheckout(dir), { root: realpathSync(dir), commit: first });
});

test('a linked work tree reads its own HEAD and the shared refs', async () => {
  const dir = await twoCommits();
  const linked = join(tempDir(), 'linked');
  git(dir, 'worktree', 'add', '-q', '-b', 'side', linked, 'HEAD~1');
  assert.equal(headCommitFromFiles(linked), git(linked, 'rev-parse', 'HEAD'));
  assert.notEqual(headCommitFromFiles(linked), headCommitFromFiles(dir));
  await writeCommits(linked, [{ date: '2014-07-01T00:00:00Z', author: DEV, message: 'three', files: { 'b.py': 'x = 1\n' } }]);
  assert.equal(headCommitFromFiles(linked), git(linked, 'rev-parse', 'HEAD'));
});

test('layouts not read from files are left to git, which still resolves them', async () => {
  const dir = await twoCommits();
  const head = git(dir, 'rev-parse', 'HEAD');
  // A folder below the top: git finds the top.
  mkdirSync(join(dir, 'sub'));
  assert.equal(headCommitFromFiles(join(dir, 'sub')), null);
  assert.deepEqual(await openCheckout(join(dir, 'sub')), { root: git(dir, 'rev-parse', '--show-toplevel'), commit: head });
  // Variables that move the repository.
  assert.equal(headCommitFromFiles(dir, { GIT_DIR: join(dir, '.git') }), null);
  // A configured work tree.
  git(dir, 'config', 'core.worktree', dir);
  assert.equal(headCommitFromFiles(dir), null);
  git(dir, 'config', '--unset', 'core.worktree');
  assert.equal(headCommitFromFiles(dir), head);
  // A symbolic ref that is not a branch.
  git(dir, 'symbolic-ref', 'HEAD', 'refs/remotes/origin/main');
  assert.equal(headCommitFromFiles(dir), null);
});

test('an unborn branch is left to git, which says the repository has no commits', async () => {
  const dir = join(tempDir(), 'empty');
  mkdirSync(dir);
  git(dir, 'init', '-q');
  assert.equal(headCommitFromFiles(dir), null);
  await assert.rejects(openCheckout(dir), /no commits/);
});

test('a .git file naming a folder that is not there, or a symlinked ref pointing nowhere, is left to git', async () => {
  const dir = await twoCommits();
  const branch = git(dir, 'symbolic-ref', 'HEAD');
  const other = join(tempDir(), 'other');
  mkdirSync(other);
  symlinkSync('/nonexistent/ref', join(dir, '.git', 'refs', 'heads', 'dangling'));
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/dangling');
  assert.equal(headCommitFromFiles(dir), null);
  git(dir, 'symbolic-ref', 'HEAD', branch);
  execFileSync('sh', ['-c', 'printf "gitdir: /nonexistent/gitdir\\n" > .git'], { cwd: other });
  assert.equal(headCommitFromFiles(other), null);
  await assert.rejects(openCheckout(other), /not a git checkout/);
});
