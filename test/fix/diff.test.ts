// The diff renderer against git itself: every patch must apply with `git apply` and give the new text.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileDiff } from '../../src/fix/index.js';
import { git } from '../helpers/fix.js';
import { repoWith } from '../helpers/repo.js';
import { tempDir } from '../helpers/tmp.js';

const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

const PAIRS: [string, string, string][] = [
  ['one change in the middle', lines(20), lines(20).replace('line 10\n', 'line ten\n')],
  ['changes far apart make two hunks', lines(40), lines(40).replace('line 2\n', 'two\n').replace('line 35\n', '')],
  ['changes close together make one hunk', lines(20), lines(20).replace('line 5\n', 'five\n').replace('line 9\n', 'nine\nnine and a half\n')],
  ['no final line break before', 'a\nb', 'a\nb\nc\n'],
  ['no final line break after', 'a\nb\n', 'a\nB'],
  ['insert at the top', lines(5), `zero\n${lines(5)}`],
];

test('fileDiff patches apply with git apply and give the new text', async () => {
  for (const [name, before, after] of PAIRS) {
    const dir = await repoWith({ 'f.txt': before }, name.replace(/\W+/g, '-'));
    const patch = join(tempDir(), 'p.diff');
    const diff = fileDiff({ path: 'f.txt', before, after, mode: '100644' });
    writeFileSync(patch, diff);
    git(dir, 'apply', patch);
    assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), after, name);
  }
});

test('two hunks when changes are far apart, one when close', () => {
  const hunks = (d: string): number => d.split('\n').filter((l) => l.startsWith('@@')).length;
  assert.equal(hunks(fileDiff({ path: 'f', before: PAIRS[1]![1], after: PAIRS[1]![2], mode: '100644' })), 2);
  assert.equal(hunks(fileDiff({ path: 'f', before: PAIRS[2]![1], after: PAIRS[2]![2], mode: '100644' })), 1);
  assert.equal(fileDiff({ path: 'f', before: 'x\n', after: 'x\n', mode: '100644' }), '');
});
