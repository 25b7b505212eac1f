import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteQueue, listingEnd } from '../../src/git/objectStream.js';

/** A queue holding `parts` as the chunks a pipe delivered. */
async function queueOf(parts: string[]): Promise<ByteQueue> {
  const queue = new ByteQueue(parts.map((p) => Buffer.from(p, 'latin1'))[Symbol.iterator]() as unknown as AsyncIterator<Buffer>);
  while (await queue.more());
  return queue;
}

test('a byte is found across chunks, where it lies in the bytes as a whole', async () => {
  const queue = await queueOf(['abc', '', 'de\nf', 'g\n']);
  assert.equal(queue.indexOf(10), 5);
  assert.equal(queue.indexOf(0), -1);
});

test('two of a byte in a row are found inside a chunk and when they straddle two chunks', async () => {
  assert.equal((await queueOf(['a\0b', 'c\0\0d'])).indexOf(0, true), 4);
  assert.equal((await queueOf(['a\0b\0', '\0c'])).indexOf(0, true), 3);
  assert.equal((await queueOf(['a\0', '', '\0'])).indexOf(0, true), 1);
  assert.equal((await queueOf(['a\0b', '\0c\0'])).indexOf(0, true), -1);
});

test('taking bytes joins only the chunks they lie in and leaves the rest in order', async () => {
  const queue = await queueOf(['ab', 'cd', 'efgh', 'ij']);
  assert.equal(queue.take(3).toString(), 'abc');
  assert.equal(queue.length, 7);
  assert.equal(queue.indexOf('f'.charCodeAt(0)), 2);
  assert.equal(queue.take(0).length, 0);
  assert.equal(queue.take(5).toString(), 'defgh');
  assert.equal(queue.take(2).toString(), 'ij');
  assert.equal(queue.length, 0);
  assert.equal(queue.indexOf(10), -1);
});

test("a listing's end is found when its closing pair of NULs straddles two chunks", async () => {
  assert.equal(listingEnd(await queueOf(['100644 blob x 1\ta.py\0', '\0blob data'])), 21);
  assert.equal(listingEnd(await queueOf(['\0after'])), 0);
  assert.equal(listingEnd(await queueOf(['100644 blob x 1\ta.py\0'])), -1);
});
