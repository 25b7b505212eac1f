import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readBlobs } from '../../src/git/index.js';
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
