import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gitFileDiff, gitPatch, unifiedDiff } from '../../src/util/index.js';

const BEFORE = 'def f():\n    a = 1\n    b = 2\n    c = 3\n    d = 4\n    return a\n';
const AFTER = 'def f():\n    a = 1\n    b = 2\n    c = 3\n    d = 5\n    return a\n';

test("git's form shortens a one-line range and heads the hunk; diff -u's does neither", () => {
  const git = gitFileDiff({ path: 'm.py', before: BEFORE, after: AFTER, mode: '100644' });
  assert.match(git, /^@@ -2,5 \+2,5 @@ def f\(\):$/m);
  const plain = unifiedDiff(BEFORE, AFTER, 'a/m.py', 'b/m.py');
  assert.match(plain, /^@@ -2,5 \+2,5 @@$/m);
  assert.equal(unifiedDiff('x\n', 'y\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+y\n');
  assert.equal(gitFileDiff({ path: 'x', before: 'x\n', after: 'y\n', mode: '100644' }), 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-x\n+y\n');
});

test('a missing final line break is marked in a git patch and not told apart by diff -u', () => {
  assert.match(gitFileDiff({ path: 'x', before: 'x\n', after: 'x', mode: '100644' }), /\+x\n\\ No newline at end of file\n$/);
  assert.equal(unifiedDiff('x\n', 'x', 'a', 'b'), '');
});

test('a patch lists its files in path order', () => {
  const patch = gitPatch([
    { path: 'b', before: 'x\n', after: 'y\n', mode: '100644' },
    { path: 'a', before: null, after: 'z\n', mode: '100755' },
  ]);
  assert.ok(patch.indexOf('diff --git a/a b/a\nnew file mode 100755') < patch.indexOf('diff --git a/b b/b'));
});
