import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions } from '../../src/util/pep440.js';

test('versions sort in PEP 440 order', () => {
  // Each version sorts strictly before the next one.
  const ordered = [
    '0.9', '1.0.dev1', '1.0a1.dev1', '1.0a1', '1.0a2', '1.0b1', '1.0rc1', '1.0', '1.0.post1.dev1', '1.0.post1',
    '1.1', '1.9', '1.10.0', '2.0.0.0a1', '2.0.0', '1!0.1',
  ];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.ok(compareVersions(ordered[i]!, ordered[i + 1]!) < 0, `${ordered[i]} < ${ordered[i + 1]}`);
    assert.ok(compareVersions(ordered[i + 1]!, ordered[i]!) > 0, `${ordered[i + 1]} > ${ordered[i]}`);
  }
});

test('equal releases compare equal whatever their spelling', () => {
  for (const [a, b] of [['1.0', '1.0.0'], ['1.6.0', '1.6'], ['1.0RC1', '1.0rc1'], ['1.0-1', '1.0.post1'], ['v2.0', '2.0'], ['1.0+local', '1.0']]) {
    assert.equal(compareVersions(a!, b!), 0, `${a} = ${b}`);
  }
});

test('a text that is no PEP 440 version is compared by its numbers', () => {
  assert.ok(compareVersions('2.x', '1.9') > 0);
  assert.equal(compareVersions('2.x', '2.0'), 0);
});
