// `oslo-audit fix` as a user runs it: a real process on real repositories.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { COMMIT_ENV, fixRepo, git, goldenAfter, trackedTree } from '../helpers/fix.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(packageRoot, 'bin', 'oslo-audit.js');


function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'fix', ...args], { encoding: 'utf8', env: COMMIT_ENV });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('without --apply: the diff on stdout, what is left on stderr, nothing changed', async () => {
  const dir = await fixRepo('incubator-swap');
  const head = git(dir, 'rev-parse', 'HEAD');
  const r = run(dir);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^diff --git a\//);
  assert.match(r.stdout, /\n\+from oslo_serialization import jsonutils\n/);
  assert.match(r.stderr, /left for review: log: move to oslo_log\.log by hand/);
  assert.equal(git(dir, 'status', '--porcelain'), '');
  assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
  // --output writes the same patch to a file.
  const out = join(tempDir(), 'fix.patch');
  assert.equal(run(dir, '--output', out).status, 0);
  assert.equal(readFileSync(out, 'utf8'), r.stdout);
});

test('--apply commits one change per library; a second run has nothing to do', async () => {
  const dir = await fixRepo('incubator-swap');
  const first = run(dir, '--apply');
  assert.equal(first.status, 0, first.stderr);
  const subjects = git(dir, 'log', '--format=%s', '-3').trim().split('\n').reverse();
  assert.deepEqual(subjects, ['Use lockutils from oslo.concurrency', 'Use jsonutils from oslo.serialization', 'Switch to oslo.utils']);
  assert.equal(first.stdout.trim().split('\n').length, 3);
  const author = git(dir, 'log', '-1', '--format=%an <%ae>');
  assert.equal(author.trim(), 'Jane Developer <jane@example.org>');
  const tree = trackedTree(dir);
  const head = git(dir, 'rev-parse', 'HEAD');

  const second = run(dir, '--apply');
  assert.equal(second.status, 0);
  assert.match(second.stderr, /nothing to do/);
  assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
  assert.deepEqual(trackedTree(dir), tree);
  assert.deepEqual([...tree.keys()], [...goldenAfter('incubator-swap').keys()]);
});

test('--apply refuses a dirty work tree with one line and exit 2, and changes nothing', async () => {
  const dir = await fixRepo('namespace-forms');
  appendFileSync(join(dir, 'wisp', '__init__.py'), '# local edit\n');
  const head = git(dir, 'rev-parse', 'HEAD');
  const r = run(dir, '--apply');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /uncommitted changes \(wisp\/__init__\.py\)/);
  assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
  assert.equal(readFileSync(join(dir, 'wisp', 'forms.py'), 'utf8').includes('from oslo.config import cfg'), true);
  // Staged changes count too; untracked files do not.
  git(dir, 'checkout', '--', 'wisp/__init__.py');
  writeFileSync(join(dir, 'notes.txt'), 'untracked\n');
  assert.equal(run(dir, '--apply').status, 0);
});

test('--only limits the rewrites; a module that is not a drop-in is refused with the reason', async () => {
  const dir = await fixRepo('incubator-swap');
  const only = run(dir, '--only', 'incubator:timeutils');
  assert.equal(only.status, 0);
  assert.match(only.stdout, /\+from oslo_utils import timeutils/);
  assert.doesNotMatch(only.stdout, /oslo_serialization|oslo_concurrency/);

  const refused = run(dir, '--only', 'incubator:log');
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^oslo-audit fix: --only incubator:log: log is not rewritten automatically: oslo\.log needs/);
  assert.equal(refused.stderr.trim().split('\n').length, 1);

  assert.equal(run(dir, '--only', 'everything').status, 2);

  // A library that does not exist is a usage error too, not "nothing to do".
  const unknown = run(dir, '--only', 'namespace:oslo.foo');
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  assert.match(unknown.stderr, /oslo\.foo is not an Oslo library/);
  assert.equal(unknown.stdout, '');
});

test('the preview diff is byte for byte what the commits of --apply change', async () => {
  for (const name of ['strings-entry-points', 'incubator-api']) {
    const dir = await fixRepo(name);
    const preview = run(dir);
    assert.equal(preview.status, 0, preview.stderr);
    // Each kind of edit is named in the preview's summary of each commit.
    if (name === 'strings-entry-points') assert.match(preview.stderr, /oslo\.messaging: Drop use of 'oslo' namespace for oslo\.messaging \(4 files: imports, strings, entry points, requirements\)/);
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    assert.equal(run(dir, '--apply').status, 0);
    // What the commits change together, as git shows it, without the index lines the preview cannot know.
    const applied = git(dir, '-c', 'diff.indentHeuristic=false', 'diff', '--no-renames', '--diff-algorithm=myers', base, 'HEAD')
      .replace(/^index [0-9a-f]+\.\.[0-9a-f]+( \d+)?\n/gm, '');
    assert.equal(preview.stdout, applied, name);
  }
});

test('a path that is not a git checkout is an input error', () => {
  const r = run(tempDir());
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not a git checkout/);
  assert.equal(run().status, 2);
});
